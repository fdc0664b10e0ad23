import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { readText } from '../../../../shared/helpers/input';
import { perItem } from '../../../../shared/helpers/items';
import { FILTER_ENDPOINTS, fetchFilter, filterEndpoint } from '../../helpers/filterEndpoints';

const searchableOperations = FILTER_ENDPOINTS.filter((f) => f.searchable).map((f) => f.value);

export const description: INodeProperties[] = [
	{
		displayName: 'Search Text',
		name: 'searchText',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. new york',
		description: 'Lusha only returns this list for a search: type part of a name',
		displayOptions: { show: { resource: ['filter'], operation: searchableOperations } },
	},
];

/** One operation module for all 14 filter lists: the operation value picks the row of the table. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const endpoint = filterEndpoint(this.getNodeParameter('operation', 0) as string);
	return await perItem.call(this, items, async (itemIndex) => {
		const searchText = endpoint.searchable ? readText(this, 'searchText', itemIndex) : undefined;
		if (endpoint.searchable && !searchText) {
			throw new NodeOperationError(this.getNode(), `Search Text is empty (item ${itemIndex})`, { itemIndex });
		}
		const entries = await fetchFilter(this, endpoint, searchText, itemIndex);
		return entries.map((entry) => (entry && typeof entry === 'object' ? (entry as IDataObject) : { value: entry as string }));
	});
}
