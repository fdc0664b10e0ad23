import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit, simplifyField, wantedCount } from '../../../../shared/helpers/fields';
import { perItem } from '../../../../shared/helpers/items';
import { startPageAt, startPageField, walkOutput } from '../../../../shared/helpers/resume';
import { BULK_CONCURRENCY, collectNumberedPages } from '../../../../shared/transport';
import { TABLE_LIMITS, tableRequest } from '../../helpers/tableClient';
import { tableField, tableTargetAt } from '../../families/tables';

export const description: INodeProperties[] = [
	tableField('getEntities'),
	...returnAllOrLimit('table', 'getEntities'),
	startPageField('table', 'getEntities', TABLE_LIMITS.maxPage),
	simplifyField('table', 'getEntities', 'the ID and one field per column'),
];

interface Row extends IDataObject {
	id: string;
	columns?: Array<{ name?: string; value?: unknown }>;
}

/**
 * Lusha charges per row read, so pages are sized to end at the limit (150 rows: two pages of 75,
 * not two of 100). Lusha serves pages 0 to 100.
 */
function pageSizeFor(limit: number): number {
	if (!Number.isFinite(limit)) return TABLE_LIMITS.pageSize;
	return Math.ceil(limit / Math.ceil(limit / TABLE_LIMITS.pageSize));
}

/** `{ id, fullName: 'Ada Lovelace', jobTitle: 'CTO', … }`: one field per column, named as Lusha names it. */
function simplifyRow(row: Row): IDataObject {
	const simple: IDataObject = { id: row.id };
	for (const column of row.columns ?? []) if (column.name) simple[column.name] = column.value as IDataObject[keyof IDataObject];
	return simple;
}

/** One item per row (`GET /v3/contacts/tables/{table_id}/entities`); Lusha charges 1 credit per row returned. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem.call(this, items, async (itemIndex) => {
		const target = tableTargetAt(this, itemIndex);
		const limit = wantedCount(this, itemIndex);
		const size = pageSizeFor(limit);
		const walk = await collectNumberedPages<Row>(
			async (page) => {
				const response = await tableRequest<{ data?: Row[]; pagination?: { total?: number; size?: number } }>(this, {
					method: 'GET',
					paths: { contacts: '/v3/contacts/tables/{table_id}/entities', companies: '/v3/companies/tables/{table_id}/entities' },
					...target,
					qs: { page, size },
					itemIndex,
				});
				return { items: response.data ?? [], total: response.pagination?.total, size: response.pagination?.size };
			},
			{ size, maxPage: TABLE_LIMITS.maxPage, limit, concurrency: BULK_CONCURRENCY, startPage: startPageAt(this, itemIndex, TABLE_LIMITS.maxPage) },
		);
		const simplify = this.getNodeParameter('simplify', itemIndex, true) as boolean;
		return walkOutput(this, itemIndex, { ...walk, items: simplify ? walk.items.map(simplifyRow) : walk.items }, 'rows');
	});
}
