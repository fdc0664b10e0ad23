import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../../shared/helpers/display';
import { returnAllOrLimit, wantedCount } from '../../../../shared/helpers/fields';
import { perItem } from '../../../../shared/helpers/items';
import { startPageAt, startPageField, walkOutput } from '../../../../shared/helpers/resume';
import { BULK_CONCURRENCY, collectNumberedPages } from '../../../../shared/transport';
import { TABLE_LIMITS, listTablesPage } from '../../helpers/tableClient';
import { tableScopeAt } from '../../families/tables';

export const description: INodeProperties[] = [
	...returnAllOrLimit('table', 'getMany'),
	startPageField('table', 'getMany', TABLE_LIMITS.maxPage),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showFor('table', 'getMany'),
		options: [
			{
				displayName: 'Name Contains',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Only tables whose name contains this text',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Active', value: 'active' },
					{ name: 'Archived', value: 'archived' },
				],
				default: 'active',
				description: 'Lusha lists active tables unless asked for archived ones',
			},
		],
	},
];

/**
 * One item per table: the Owner Email's own tables and those shared with the account
 * (`POST /v3/contacts/tables/list`, `POST /v3/companies/tables/list`), 100 per page.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem.call(this, items, async (itemIndex) => {
		const scope = tableScopeAt(this, itemIndex);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const size = TABLE_LIMITS.pageSize;
		const walk = await collectNumberedPages<IDataObject>(
			async (page) => {
				const { tables, total, size: served } = await listTablesPage(this, { ...scope, page, size, name: filters.name as string, status: filters.status as string, itemIndex });
				return { items: tables, total, size: served };
			},
			{ size, maxPage: TABLE_LIMITS.maxPage, limit: wantedCount(this, itemIndex), concurrency: BULK_CONCURRENCY, startPage: startPageAt(this, itemIndex, TABLE_LIMITS.maxPage) },
		);
		return walkOutput(this, itemIndex, walk, 'tables');
	});
}
