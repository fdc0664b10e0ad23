import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../../shared/helpers/display';
import { inputError, lushaIds } from '../../../../shared/helpers/input';
import { ownerEmailAt, tableIdAt, tableLocatorField } from '../../helpers/tables';
import type { TableType } from '../../helpers/tables';

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
