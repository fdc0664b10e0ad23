import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { compact } from '../../../../shared/helpers/fields';
import { perItem } from '../../../../shared/helpers/items';
import { lushaRequest } from '../../../../shared/transport';
import { showFor } from '../../../../shared/helpers/display';

export const description: INodeProperties[] = [
	{
		displayName: 'Subscription ID',
		name: 'subscriptionId',
		type: 'string',
		default: '',
		placeholder: '507f1f77bcf86cd799439011',
		description: 'Leave empty for the whole account',
		displayOptions: showFor('auditLog', 'getStats'),
	},
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem.call(this, items, async (itemIndex) => {
		const stats = await lushaRequest<IDataObject>(this, {
			method: 'GET',
			path: '/api/audit-logs/stats',
			qs: compact({ subscriptionId: this.getNodeParameter('subscriptionId', itemIndex, '') as string }),
			itemIndex,
		});
		// Lusha sends "95.00%"; a number next to it lets an IF node compare it.
		const percent = Number.parseFloat(String(stats.successRate ?? ''));
		return { ...stats, successRatePercent: Number.isFinite(percent) ? percent : null };
	});
}
