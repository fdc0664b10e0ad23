import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { prospect, prospectFields } from '../../families/prospecting/prospect';
import { saveToTableFields } from '../../helpers/tableClient';

export const description: INodeProperties[] = [...prospectFields('contact'), ...saveToTableFields('contact', 'prospect')];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await prospect(this, items, 'contact', '/v3/contacts/prospecting');
}
