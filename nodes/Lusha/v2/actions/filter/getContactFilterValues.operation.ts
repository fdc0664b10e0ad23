import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { filterValueFields, listFilterValues } from '../../families/filters';

export const description: INodeProperties[] = filterValueFields('getContactFilterValues', '/v3/contacts/prospecting/filters');

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await listFilterValues(this, items, '/v3/contacts/prospecting/filters');
}
