import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { findLookalikes, lookalikeFields } from '../../families/lookalikes';
import { saveToTableFields } from '../../helpers/tableClient';

export const description: INodeProperties[] = [...lookalikeFields('contact'), ...saveToTableFields('contact', 'findLookalikes')];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await findLookalikes(this, items, 'contact', '/v3/contacts/lookalike');
}
