import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { bulkPerItem } from '../../../../shared/helpers/bulk';
import { inputError, parseList } from '../../../../shared/helpers/input';
import { SUBSCRIPTION_BATCH, deleteSubscriptionBatch } from '../../../../shared/api/subscriptions';
import { showFor } from '../../../../shared/helpers/display';

export const description: INodeProperties[] = [
	{
		displayName: 'Subscription IDs',
		name: 'subscriptionIds',
		type: 'string',
		default: '={{ $json.subscriptionId ?? $json.id }}',
		required: true,
		description: 'IDs to delete, separated by commas or new lines. By default each incoming item’s subscription ID.',
		displayOptions: showFor('subscription', 'delete'),
	},
];

/**
 * Deletes every ID of every item, 25 per call (path POST /api/subscriptions/delete), one output item
 * per ID. An ID Lusha does not know is reported (NOT_FOUND), not thrown.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await bulkPerItem<string>(this, items, {
		prepare: (itemIndex) => {
			const ids = parseList(this.getNodeParameter('subscriptionIds', itemIndex));
			if (ids.length === 0) throw inputError(this, itemIndex, 'Subscription IDs', 'is empty', 'Map the subscriptionId of the incoming items, or paste IDs.');
			return ids;
		},
		batchSize: SUBSCRIPTION_BATCH,
		send: async (batch) => {
			const outcomes = await deleteSubscriptionBatch(this, batch.map((entry) => entry.request), { itemIndex: batch[0].itemIndex });
			return outcomes.map((outcome) => {
				const json: IDataObject = { id: outcome.key, deleted: outcome.success };
				if (outcome.subscription) json.subscription = outcome.subscription;
				if (outcome.error) Object.assign(json, { errorCode: outcome.error.code, errorMessage: outcome.error.message });
				return json;
			});
		},
	});
}
