import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { compact, returnAllOrLimit, wantedCount } from '../../../../shared/helpers/fields';
import { perItem } from '../../../../shared/helpers/items';
import { lushaRequest, nextOffset, paginate } from '../../../../shared/transport';
import { showFor } from '../../../../shared/helpers/display';

export const description: INodeProperties[] = [
	...returnAllOrLimit('auditLog', 'getMany'),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: showFor('auditLog', 'getMany'),
		options: [
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Success', value: 'success' },
					{ name: 'Failed (Will Be Retried)', value: 'failed' },
					{ name: 'Permanent Failure', value: 'permanent_failure' },
				],
				default: 'failed',
			},
			{
				displayName: 'Subscription ID',
				name: 'subscriptionId',
				type: 'string',
				default: '',
				placeholder: '507f1f77bcf86cd799439011',
			},
		],
	},
];

interface AuditPage {
	data?: IDataObject[];
	pagination?: { hasMore?: boolean };
}

/** Delivery attempts, newest first; Lusha keeps successes 90 days and failures 180. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem.call(this, items, async (itemIndex) => {
		const filters = compact(this.getNodeParameter('filters', itemIndex, {}) as IDataObject);
		return await paginate<IDataObject, number>(
			0,
			async (offset, remaining) => {
				const page = await lushaRequest<AuditPage>(this, {
					method: 'GET',
					path: '/api/audit-logs',
					qs: { ...filters, limit: Math.min(100, remaining), offset },
					itemIndex,
				});
				const entries = page.data ?? [];
				return { items: entries, next: nextOffset(offset, entries.length, page.pagination?.hasMore) };
			},
			wantedCount(this, itemIndex),
		);
	});
}
