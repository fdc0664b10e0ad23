import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showFor, showForWith } from '../../../shared/helpers/display';
import { inputError } from '../../../shared/helpers/input';
import { perItem } from '../../../shared/helpers/items';
import { lushaRequest } from '../../../shared/transport';
import type { CatalogueBase } from './prospecting/catalogues';
import { catalogue, cataloguesOf, fetchCatalogue } from './prospecting/catalogues';

/**
 * The Filter resource's eight operations are three shapes: which filter types a catalogue family
 * has, the values of one type, and the signal types of an entity. Each operation file passes its
 * literal path.
 */

const asItem = (entry: unknown): IDataObject => (entry && typeof entry === 'object' && !Array.isArray(entry) ? (entry as IDataObject) : { value: entry as string });

/** Filter Type and, for the types Lusha only searches, Query. */
export function filterValueFields(operation: string, base: CatalogueBase): INodeProperties[] {
	const types = cataloguesOf(base);
	return [
		{
			displayName: 'Filter Type',
			name: 'filterType',
			type: 'options',
			options: types.map((t) => ({ name: t.name, value: t.filterType, ...(t.requiresQuery ? { description: 'Searched by text' } : {}) })),
			default: types[0].filterType,
			displayOptions: showFor('filter', operation),
		},
		{
			displayName: 'Query',
			name: 'query',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. new york',
			description: 'Lusha lists these values only for a search: type 2 to 256 characters of a name',
			displayOptions: showForWith('filter', operation, { filterType: types.filter((t) => t.requiresQuery).map((t) => t.filterType) }),
		},
	];
}

/** `GET <base>`: one item per filter type, with whether it needs a query. */
export async function listFilterTypes(context: IExecuteFunctions, items: INodeExecutionData[], base: CatalogueBase): Promise<INodeExecutionData[]> {
	return await perItem.call(context, items, async (itemIndex) => {
		const response = await lushaRequest<{ availableFilters?: IDataObject[] }>(context, { method: 'GET', path: base, itemIndex });
		return response.availableFilters ?? [];
	});
}

/** `GET <base>/<filterType>`: one item per value, as Lusha gives it (strings as `{ value }`). */
export async function listFilterValues(context: IExecuteFunctions, items: INodeExecutionData[], base: CatalogueBase): Promise<INodeExecutionData[]> {
	return await perItem.call(context, items, async (itemIndex) => {
		const entry = catalogue(base, context.getNodeParameter('filterType', itemIndex) as string);
		let query: string | undefined;
		if (entry.requiresQuery) {
			query = String(context.getNodeParameter('query', itemIndex, '')).trim();
			if (query.length < 2 || query.length > 256) {
				throw inputError(context, itemIndex, 'Query', `must be 2 to 256 characters long, not ${query.length}`, `Lusha lists ${entry.name.toLowerCase()} only for a search text.`);
			}
		}
		return (await fetchCatalogue(context, entry, query, itemIndex)).map(asItem);
	});
}

/** `GET /v3/{contacts|companies}/signals/types`: one item per signal type. */
export async function listSignalTypes(context: IExecuteFunctions, items: INodeExecutionData[], path: string): Promise<INodeExecutionData[]> {
	return await perItem.call(context, items, async (itemIndex) => {
		const response = await lushaRequest<{ signalTypes?: string[] }>(context, { method: 'GET', path, itemIndex });
		return (response.signalTypes ?? []).map((signalType) => ({ signalType }));
	});
}
