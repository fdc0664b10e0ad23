import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runSearch, searchFields } from './search';

export const description: INodeProperties[] = searchFields('company');

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runSearch(this, items, 'company', '/prospecting/company/search');
}
