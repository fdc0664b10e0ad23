import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { byIdsFields, runByIds } from './byIds';

export const description: INodeProperties[] = byIdsFields('contact');

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runByIds(this, items, 'contact', '/api/signals/contacts');
}
