import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isEmailValue, listTablesPage, tableRequest, TABLE_LIMITS } from '../helpers/tableClient';
import type { TableType } from '../helpers/tableClient';

/** The picker's table type: the Table resource's Table Type, or the kind of records a Contact or Company operation saves. */
function tableTypeOf(context: ILoadOptionsFunctions): TableType {
	const resource = context.getCurrentNodeParameter('resource') as string;
	if (resource === 'table') return context.getCurrentNodeParameter('tableType') as TableType;
	return resource === 'company' ? 'companies' : 'contacts';
}

/** Lusha lists tables as a user: the Table resource's Owner Email, or the email next to "Save to Lusha Table". */
function ownerEmailOf(context: ILoadOptionsFunctions): string {
	const email = [context.getCurrentNodeParameter('ownerEmail'), context.getCurrentNodeParameter('tableOwnerEmail')].find(isEmailValue);
	if (!email) {
		throw new NodeOperationError(context.getNode(), 'Enter your Lusha email first', {
			description: 'Lusha lists the tables a user owns or that are shared with the account, so it needs the email of a user on your Lusha account. Or switch to By ID.',
		});
	}
	return email.trim();
}

/** The Table picker: "Hot accounts (shared)", searchable by name, 100 per page. */
export async function searchTables(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 0);
	const size = TABLE_LIMITS.pageSize;
	const { tables, total } = await listTablesPage(this, { tableType: tableTypeOf(this), ownerEmail: ownerEmailOf(this), page, size, name: filter?.trim() || undefined });
	const results = tables.map((table) => ({
		name: `${String(table.name)}${table.visibility === 'shared' ? ' (shared)' : ''}`,
		value: String(table.tableId),
		url: typeof table.workspaceUrl === 'string' ? table.workspaceUrl : undefined,
	}));
	const more = tables.length === size && (total === undefined || (page + 1) * size < total) && page < TABLE_LIMITS.maxPage;
	return { results, paginationToken: more ? String(page + 1) : undefined };
}

/** The Column picker: the chosen table's columns, "Signal score (score)". */
export async function searchTableColumns(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const tableId = String(this.getCurrentNodeParameter('tableId', { extractValue: true }) ?? '').trim();
	if (!tableId) throw new NodeOperationError(this.getNode(), 'Pick the table first');
	const response = await tableRequest<{ data?: Array<{ columnId: string; name?: string; type?: string; isDefault?: boolean }> }>(this, {
		method: 'GET',
		paths: { contacts: '/v3/contacts/tables/{table_id}/columns', companies: '/v3/companies/tables/{table_id}/columns' },
		tableType: tableTypeOf(this),
		ownerEmail: ownerEmailOf(this),
		tableId,
	});
	const needle = filter?.trim().toLowerCase();
	const results = (response.data ?? [])
		.map((column) => ({ name: `${column.name ?? column.columnId} (${column.type ?? 'column'}${column.isDefault ? ', default' : ''})`, value: column.columnId }))
		.filter((option) => !needle || option.name.toLowerCase().includes(needle) || option.value.toLowerCase().includes(needle));
	return { results };
}
