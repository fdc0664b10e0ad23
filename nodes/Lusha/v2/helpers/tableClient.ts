import type { IDataObject, IDisplayOptions, IExecuteFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import { showFor, showForWith } from '../../../shared/helpers/display';
import { inputError, isEmail } from '../../../shared/helpers/input';
import type { LushaContext } from '../../../shared/transport';
import { lushaRequest } from '../../../shared/transport';

/**
 * Lusha Tables: the client the Table resource, the Table picker and "Save to Lusha Table" share.
 * Every call acts as a Lusha user (`owner.email` in the body, `?email=` on GET/DELETE), which Lusha
 * requires with an API key; a table private to another user answers TABLE_NOT_FOUND.
 */
export type TableType = 'contacts' | 'companies';

/** Lusha's documented Tables limits. */
export const TABLE_LIMITS = { idsPerCall: 500, entitiesPerTable: 50_000, tablesPerAccount: 500, maxPage: 100, pageSize: 100 };

/** A table-route path template from the spec, e.g. `/v3/contacts/tables/{table_id}/entities`, per table type. */
export type TablePaths = Record<TableType, string>;

export interface TableCall {
	method: IHttpRequestMethods;
	paths: TablePaths;
	tableType: TableType;
	ownerEmail: string;
	tableId?: string;
	columnId?: string;
	body?: IDataObject;
	qs?: IDataObject;
	itemIndex?: number;
}

/** What a builder can do about each Tables error code, naming the table and column involved. */
export function tableCodeHints(call: Pick<TableCall, 'tableType' | 'ownerEmail' | 'tableId' | 'columnId'>): Record<string, string> {
	const table = call.tableId ? `table ${call.tableId}` : 'table';
	return {
		TABLE_NOT_FOUND: `Lusha has no ${call.tableType} ${table} that ${call.ownerEmail} can see. Pick the table from the list, and check Table Type (contacts or companies) and that the table is shared or owned by this Owner Email.`,
		COLUMN_NOT_FOUND: `The ${table} has no column "${call.columnId ?? ''}". Run Get Columns to see its column IDs.`,
		TABLE_NAME_CONFLICT: 'A table with this name already exists. Pick another name, or find the existing table with Get Many (Name filter) and use its ID.',
		TABLE_LIMIT_REACHED: `Lusha allows at most ${TABLE_LIMITS.tablesPerAccount} tables per account. Delete tables you no longer need, then try again.`,
		TABLE_ENTITY_LIMIT_REACHED: `Lusha allows at most ${TABLE_LIMITS.entitiesPerTable.toLocaleString('en-US')} rows per table. Remove rows, or start a new table for the rest.`,
		DEFAULT_COLUMN: 'Default Lusha columns cannot be removed. Run Get Columns: only columns with isDefault false can be deleted.',
	};
}

/** Lusha's limits also come without a code; these statuses then say what was hit. */
function tableStatusHints(call: TableCall): Partial<Record<number, string>> {
	const hints = tableCodeHints(call);
	return {
		404: call.columnId ? `${hints.TABLE_NOT_FOUND} If the table is right, the column is not: run Get Columns.` : hints.TABLE_NOT_FOUND,
		409: hints.TABLE_NAME_CONFLICT,
		403: `Lusha refused: the plan may not include Tables, or a limit is reached (${TABLE_LIMITS.tablesPerAccount} tables per account, ${TABLE_LIMITS.entitiesPerTable.toLocaleString('en-US')} rows per table).`,
	};
}

/** One call to a Tables route: fills the path, puts the acting user where Lusha expects it, maps the errors. */
export async function tableRequest<T = IDataObject>(context: LushaContext, call: TableCall): Promise<T> {
	const path = call.paths[call.tableType]
		.replace('{table_id}', encodeURIComponent(call.tableId ?? ''))
		.replace('{column_id}', encodeURIComponent(call.columnId ?? ''));
	const owner = { email: call.ownerEmail };
	const carriesBody = call.body !== undefined;
	return await lushaRequest<T>(context, {
		method: call.method,
		path,
		body: carriesBody ? { ...call.body, owner: call.body?.owner ?? owner } : undefined,
		qs: carriesBody ? call.qs : { ...call.qs, email: call.ownerEmail },
		itemIndex: call.itemIndex,
		codeHints: tableCodeHints(call),
		statusHints: tableStatusHints(call),
	});
}

export interface TableListPage {
	tables: IDataObject[];
	total?: number;
	/** The page size Lusha served. */
	size?: number;
}

/** One page of List Tables: the user's own tables plus those shared with the account. */
export async function listTablesPage(
	context: LushaContext,
	query: { tableType: TableType; ownerEmail: string; page: number; size: number; name?: string; status?: string; itemIndex?: number },
): Promise<TableListPage> {
	const response = await tableRequest<{ data?: IDataObject[]; pagination?: { total?: number; size?: number } }>(context, {
		method: 'POST',
		paths: { contacts: '/v3/contacts/tables/list', companies: '/v3/companies/tables/list' },
		tableType: query.tableType,
		ownerEmail: query.ownerEmail,
		body: { page: query.page, size: query.size, ...(query.name ? { name: query.name } : {}), ...(query.status ? { status: query.status } : {}) },
		itemIndex: query.itemIndex,
	});
	return { tables: response.data ?? [], total: response.pagination?.total, size: response.pagination?.size };
}

/** An email typed or mapped into a field (the picker sees raw parameter values). */
export function isEmailValue(value: unknown): value is string {
	return typeof value === 'string' && isEmail(value.trim());
}

/** The acting user's email, checked before any call. */
export function ownerEmailAt(context: IExecuteFunctions, itemIndex: number, field = 'ownerEmail', label = 'Owner Email'): string {
	const value = String(context.getNodeParameter(field, itemIndex, '') ?? '').trim();
	if (!isEmail(value)) {
		throw inputError(context, itemIndex, label, value ? `must be an email address, not "${value}"` : 'is empty', 'Lusha requires the email of a user on your Lusha account for every Tables call.');
	}
	return value;
}

/** The table ID from the Table picker (list, ID or workspace URL). */
export function tableIdAt(context: IExecuteFunctions, itemIndex: number, field = 'tableId', label = 'Table'): string {
	const value = String(context.getNodeParameter(field, itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!value) throw inputError(context, itemIndex, label, 'is empty', 'Pick a table from the list, or give its ID.');
	return value;
}

/** The Table picker: Lusha's tables for the chosen type and user, an ID, or a workspace link. */
export function tableLocatorField(options: { name: string; displayName: string; description: string; displayOptions: IDisplayOptions; required?: boolean }): INodeProperties {
	return {
		displayName: options.displayName,
		name: options.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: options.required ?? true,
		description: options.description,
		displayOptions: options.displayOptions,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchTables', searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: '482910' },
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: 'https://workspace.lusha.com/tables/482910',
				extractValue: { type: 'regex', regex: 'tables/([^/?#]+)' },
				validation: [
					{
						type: 'regex',
						properties: { regex: '.*tables/[^/?#]+.*', errorMessage: 'A Lusha table link looks like https://workspace.lusha.com/tables/482910' },
					},
				],
			},
		],
	};
}

/**
 * "Save to Lusha Table": every V3 operation whose request takes `tableId` (enrich, prospecting,
 * signals, lookalikes) can also put its results in a Lusha Table. Lusha answers with a `tableWrite`
 * summary per call (added, already present, rows charged, credits), which each item keeps; a failed
 * write never fails the operation itself (Lusha reports it in `tableWrite`).
 */
export function saveToTableFields(resource: 'contact' | 'company', operation: string): INodeProperties[] {
	const noun = resource === 'contact' ? 'contacts' : 'companies';
	const shown = showForWith(resource, operation, { saveToTable: [true] });
	return [
		{
			displayName: 'Save to Lusha Table',
			name: 'saveToTable',
			type: 'boolean',
			default: false,
			description: `Whether to also add the ${noun} to a Lusha ${noun} table. Each item then carries Lusha's tableWrite summary (added, already present, credits).`,
			displayOptions: showFor(resource, operation),
		},
		tableLocatorField({
			name: 'saveTableId',
			displayName: 'Table',
			description: `The Lusha ${noun} table to add the results to`,
			displayOptions: shown,
		}),
		{
			displayName: 'Your Lusha Email',
			name: 'tableOwnerEmail',
			type: 'string',
			placeholder: 'name@company.com',
			default: '',
			description: 'Only to list your tables in the Table picker (Lusha lists them per user). Not needed with a table ID.',
			displayOptions: shown,
		},
	];
}

/** The body part of "Save to Lusha Table" for one item: `{ tableId }`, or nothing. */
export function tableIdFor(context: IExecuteFunctions, itemIndex: number): IDataObject {
	if (!(context.getNodeParameter('saveToTable', itemIndex, false) as boolean)) return {};
	return { tableId: tableIdAt(context, itemIndex, 'saveTableId', 'Table') };
}
