import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit, wantedCount } from '../../../../shared/helpers/fields';
import { perItem } from '../../../../shared/helpers/items';
import { listSubscriptions } from '../../../../shared/api/subscriptions';

export const description: INodeProperties[] = [...returnAllOrLimit('subscription', 'getMany')];

/** One item per subscription, newest first. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem.call(this, items, async (itemIndex) => await listSubscriptions(this, wantedCount(this, itemIndex), { itemIndex }));
}
