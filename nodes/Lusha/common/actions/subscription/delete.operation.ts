import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { errorItem, outputItem } from '../../../../shared/helpers/items';
import { parseList } from '../../../../shared/helpers/input';
import { deleteSubscriptions } from '../../../../shared/api/subscriptions';
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

/** Deletes every ID of every item, 25 per call. An unknown ID is reported (NOT_FOUND), not thrown. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const entries: Array<{ itemIndex: number; id: string }> = [];
	const output: INodeExecutionData[][] = items.map(() => []);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const ids = parseList(this.getNodeParameter('subscriptionIds', itemIndex));
		if (ids.length === 0) {
			const error = new NodeOperationError(this.getNode(), `Subscription IDs is empty (item ${itemIndex})`, { itemIndex });
			if (!this.continueOnFail()) throw error;
			output[itemIndex].push(errorItem(error, itemIndex));
		}
		entries.push(...ids.map((id) => ({ itemIndex, id })));
	}
	if (entries.length) {
		const outcomes = await deleteSubscriptions(this, entries.map((e) => e.id), entries[0].itemIndex);
		outcomes.forEach((outcome, index) => {
			const { itemIndex, id } = entries[index];
			const json: IDataObject = { id, deleted: outcome.success };
			if (outcome.subscription) json.subscription = outcome.subscription;
			if (outcome.error) Object.assign(json, { errorCode: outcome.error.code, errorMessage: outcome.error.message });
			output[itemIndex].push(outputItem(json, itemIndex));
		});
	}
	return output.flat();
}
