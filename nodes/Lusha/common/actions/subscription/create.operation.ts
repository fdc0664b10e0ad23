import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { bulkPerItem } from '../../../../shared/helpers/bulk';
import { inputError, parseList } from '../../../../shared/helpers/input';
import type { SubscriptionSettings } from '../../../../shared/api/subscriptions';
import { SUBSCRIPTION_BATCH, URL_CHECK_FAILURES, createSubscriptionBatch } from '../../../../shared/api/subscriptions';
import { showFor } from '../../../../shared/helpers/display';
import { entityTypeField, signalTypesField } from '../../../../shared/signalFields';

export const description: INodeProperties[] = [
	entityTypeField(showFor('subscription', 'create')),
	{
		displayName: 'Entity IDs',
		name: 'entityIds',
		type: 'string',
		default: '',
		required: true,
		placeholder: '4158887495, 4158887496',
		description:
			'Lusha person or company IDs to watch, separated by commas or new lines. Map a field to take one ID from each incoming item.',
		displayOptions: showFor('subscription', 'create'),
	},
	signalTypesField('Signals to deliver.', showFor('subscription', 'create')),
	{
		displayName: 'Webhook URL',
		name: 'url',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'https://n8n.example.com/webhook/…',
		hint: 'Lusha requires HTTPS and checks the URL first: it must answer GET ?challenge=X with {"challenge":"X"}. A Lusha Trigger node’s URL does.',
		displayOptions: showFor('subscription', 'create'),
	},
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		placeholder: 'Champions job changes',
		description: 'Shown in Lusha next to each subscription (up to 100 characters)',
		displayOptions: showFor('subscription', 'create'),
	},
];

interface CreateEntry {
	settings: SubscriptionSettings;
	entityId: string;
}

/**
 * One subscription per entity of every item, 25 per call (items with the same URL, type, signals
 * and name share calls; path POST /api/subscriptions). Each entity gets its own output item, paired
 * with its input item: created, refused by Lusha with its reason, or, under Continue On Fail, an
 * error item when its call failed — the other calls' results are kept either way.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await bulkPerItem<CreateEntry>(this, items, {
		prepare: (itemIndex) => {
			const signalTypes = this.getNodeParameter('signalTypes', itemIndex) as string[];
			const settings: SubscriptionSettings = {
				url: (this.getNodeParameter('url', itemIndex) as string).trim(),
				entityType: this.getNodeParameter('entityType', itemIndex) as SubscriptionSettings['entityType'],
				signalTypes: signalTypes.length ? signalTypes : ['allSignals'],
				name: this.getNodeParameter('name', itemIndex, '') as string,
			};
			if (!settings.url) throw inputError(this, itemIndex, 'Webhook URL', 'is empty', 'Use the production URL of an active Lusha Trigger, or another endpoint that answers Lusha’s challenge.');
			const entityIds = parseList(this.getNodeParameter('entityIds', itemIndex));
			if (entityIds.length === 0) throw inputError(this, itemIndex, 'Entity IDs', 'is empty', 'Give Lusha contact or company IDs, separated by commas or new lines.');
			return entityIds.map((entityId) => ({ settings, entityId }));
		},
		batchSize: SUBSCRIPTION_BATCH,
		groupOf: ({ settings }) => JSON.stringify(settings),
		send: async (batch) => {
			const { settings } = batch[0].request;
			const outcomes = await createSubscriptionBatch(this, settings, batch.map((entry) => entry.request.entityId), { itemIndex: batch[0].itemIndex });
			return outcomes.map((outcome, index) => {
				const { itemIndex } = batch[index];
				if (URL_CHECK_FAILURES.includes(outcome.error?.code ?? '')) {
					return new NodeOperationError(this.getNode(), `Lusha could not verify the webhook URL ${settings.url}: ${outcome.error?.message}`, {
						description:
							'Nothing was created for it. The URL must be public HTTPS and answer GET ?challenge=X with 200 and {"challenge":"X"} as JSON. Use the production URL of an active Lusha Trigger, or another endpoint that does this.',
						itemIndex,
					});
				}
				const json: IDataObject = { success: outcome.success, entityId: outcome.key, entityType: settings.entityType };
				if (outcome.subscription) Object.assign(json, { subscriptionId: outcome.subscription.id, subscription: outcome.subscription });
				if (outcome.error) Object.assign(json, { errorCode: outcome.error.code, errorMessage: outcome.error.message });
				return json;
			});
		},
	});
}
