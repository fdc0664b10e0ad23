/** What the Table resource's operations share: which table, as which user, and adding or removing rows. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { bulkPerItem } from '../../../shared/helpers/bulk';
import { showFor } from '../../../shared/helpers/display';
import { inputError, lushaIds } from '../../../shared/helpers/input';
import { ownerEmailAt, TABLE_LIMITS, tableIdAt, tableLocatorField, tableRequest } from '../helpers/tableClient';
import type { TablePaths, TableType } from '../helpers/tableClient';

/** Table Type and Owner Email: every Table operation acts on one kind of table, as one Lusha user. */
export const tableScopeFields: INodeProperties[] = [
	{
		displayName: 'Table Type',
		name: 'tableType',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Contacts', value: 'contacts', description: 'Tables of people' },
			{ name: 'Companies', value: 'companies', description: 'Tables of accounts' },
		],
		default: 'contacts',
		displayOptions: { show: { resource: ['table'] } },
	},
	{
		displayName: 'Owner Email',
		name: 'ownerEmail',
		type: 'string',
		placeholder: 'name@company.com',
		default: '',
		required: true,
		description: 'Email of the Lusha user this call acts as. Lusha requires one with an API key; it sees its own tables and those shared with the account.',
		displayOptions: { show: { resource: ['table'] } },
	},
];

/** The Table picker of one Table operation. */
export function tableField(operation: string): INodeProperties {
	return tableLocatorField({
		name: 'tableId',
		displayName: 'Table',
		description: 'The Lusha Table to work on',
		displayOptions: showFor('table', operation),
	});
}

export interface TableScope {
	tableType: TableType;
	ownerEmail: string;
}

export interface TableTarget extends TableScope {
	tableId: string;
}

export function tableScopeAt(context: IExecuteFunctions, itemIndex: number): TableScope {
	return { tableType: context.getNodeParameter('tableType', itemIndex) as TableType, ownerEmail: ownerEmailAt(context, itemIndex) };
}

export function tableTargetAt(context: IExecuteFunctions, itemIndex: number): TableTarget {
	return { ...tableScopeAt(context, itemIndex), tableId: tableIdAt(context, itemIndex) };
}

/** A field of Lusha IDs, read as a list and checked before any call so one typo cannot sink a batch of 500. */
export function entityIdsAt(context: IExecuteFunctions, itemIndex: number, field: string, label: string): string[] {
	return lushaIds(context, context.getNodeParameter(field, itemIndex, ''), label, itemIndex);
}

/** Lusha's table payload without the request bookkeeping. */
export function tableData(response: IDataObject): IDataObject {
	if (response.data && typeof response.data === 'object' && !Array.isArray(response.data)) return response.data as IDataObject;
	const { requestId: _requestId, billing: _billing, ...rest } = response;
	return rest;
}

/** The Column picker of a Table operation: the chosen table's columns, or a column ID. */
export function columnField(operation: string): INodeProperties {
	return {
		displayName: 'Column',
		name: 'columnId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'A column of the table. Get Columns lists them with their IDs.',
		displayOptions: showFor('table', operation),
		modes: [
			{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: 'searchTableColumns', searchable: true } },
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'col_signal_score' },
		],
	};
}

export function columnIdAt(context: IExecuteFunctions, itemIndex: number): string {
	const value = String(context.getNodeParameter('columnId', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!value) throw inputError(context, itemIndex, 'Column', 'is empty', 'Pick a column from the list, or give its ID.');
	return value;
}

interface EntityEntry extends TableTarget {
	id: string;
	companyId?: string;
}

interface EntitiesChange {
	method: 'POST' | 'DELETE';
	paths: TablePaths;
	/** What an accepted ID's status reads: `inTable` after adding, `removed` after removing. */
	done: string;
	/** Contacts tables may take each contact's company (sent as `companyIds`, index-aligned with `entityIds`). */
	companyIdField?: string;
}

/**
 * Adds or removes the IDs of all input items, 500 per call (Lusha's cap) per table. One output
 * item per ID, paired to its input item: `status` is `done` or `invalid` (an ID Lusha could not
 * resolve; not an error, Lusha answers 200 and lists it in `invalidIds`).
 */
export async function changeEntities(context: IExecuteFunctions, items: INodeExecutionData[], change: EntitiesChange): Promise<INodeExecutionData[]> {
	return await bulkPerItem<EntityEntry>(context, items, {
		batchSize: TABLE_LIMITS.idsPerCall,
		prepare: (itemIndex) => {
			const target = tableTargetAt(context, itemIndex);
			const ids = entityIdsAt(context, itemIndex, 'entityIds', 'Entity IDs');
			const companyId = change.companyIdField && target.tableType === 'contacts' ? companyIdAt(context, itemIndex, change.companyIdField) : undefined;
			return ids.map((id) => ({ ...target, id, companyId }));
		},
		// One call serves one table as one user; company IDs go all-or-none per call (index-aligned).
		groupOf: (entry) => [entry.tableType, entry.tableId, entry.ownerEmail, entry.companyId ? 'withCompanies' : ''].join(' '),
		send: async (batch) => {
			const first = batch[0].request;
			const body: IDataObject = { entityIds: batch.map((entry) => entry.request.id) };
			if (first.companyId) body.companyIds = batch.map((entry) => entry.request.companyId);
			const response = await tableRequest<{ data?: { invalidIds?: string[] } }>(context, {
				method: change.method,
				paths: change.paths,
				tableType: first.tableType,
				tableId: first.tableId,
				ownerEmail: first.ownerEmail,
				body,
				itemIndex: batch[0].itemIndex,
			});
			const invalid = new Set(response.data?.invalidIds ?? []);
			return batch.map(({ request }) => ({ tableId: request.tableId, id: request.id, status: invalid.has(request.id) ? 'invalid' : change.done }));
		},
	});
}

/** The contacts' company (one per item, for every contact ID of the item), checked like the IDs. */
function companyIdAt(context: IExecuteFunctions, itemIndex: number, field: string): string | undefined {
	const raw = String(context.getNodeParameter(field, itemIndex, '') ?? '').trim();
	if (!raw) return undefined;
	const [companyId, extra] = entityIdsAt(context, itemIndex, field, 'Company ID');
	if (extra !== undefined) throw inputError(context, itemIndex, 'Company ID', 'must be one Lusha company ID', 'Give each item its contacts’ company, e.g. {{ $json.company.id }}.');
	return companyId;
}
