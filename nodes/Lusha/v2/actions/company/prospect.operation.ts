import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { prospect, prospectFields } from '../../families/prospecting/prospect';
import { saveToTableFields } from '../../helpers/tableClient';

export const description: INodeProperties[] = [...prospectFields('company'), ...saveToTableFields('company', 'prospect')];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await prospect(this, items, 'company', '/v3/companies/prospecting');
}
