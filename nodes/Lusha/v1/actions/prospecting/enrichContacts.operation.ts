import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { enrichFields, runEnrich } from './enrich';

export const description: INodeProperties[] = enrichFields('contact');

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runEnrich(this, items, 'contact', '/prospecting/contact/enrich');
}
