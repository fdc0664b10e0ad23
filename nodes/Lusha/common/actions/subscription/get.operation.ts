import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { perItem } from '../../../../shared/helpers/items';
import { lushaRequest } from '../../../../shared/transport';
import type { Subscription } from '../../../../shared/api/subscriptions';
import { subscriptionIdAt, subscriptionLocator } from './fields';

export const description: INodeProperties[] = [subscriptionLocator('get')];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem.call(this, items, async (itemIndex) => {
		const id = subscriptionIdAt(this, itemIndex);
		return await lushaRequest<Subscription>(this, {
			method: 'GET',
			path: `/api/subscriptions/${encodeURIComponent(id)}`,
			itemIndex,
			statusHints: { 404: `No subscription with ID ${id} in this Lusha account. It may have been deleted.` },
		});
	});
}
