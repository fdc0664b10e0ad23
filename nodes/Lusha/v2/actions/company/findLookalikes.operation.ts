import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { findLookalikes, lookalikeFields } from '../../families/lookalikes';
import { saveToTableFields } from '../../helpers/tableClient';

export const description: INodeProperties[] = [...lookalikeFields('company'), ...saveToTableFields('company', 'findLookalikes')];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await findLookalikes(this, items, 'company', '/v3/companies/lookalike');
}
