import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { errorItem, outputItem } from '../../../../shared/helpers/items';
import { parseList } from '../../../../shared/helpers/input';
import { URL_CHECK_FAILURES, createSubscriptions } from '../../../../shared/api/subscriptions';
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

interface Entry {
	itemIndex: number;
	entityId: string;
}

interface Group {
	settings: { url: string; entityType: 'contact' | 'company'; signalTypes: string[]; name: string };
	entries: Entry[];
}

/**
 * Collects the entity IDs of all items, then creates them 25 per call (items with the same URL,
 * type, signals and name share calls). One output item per entity, paired with its input item.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const groups = new Map<string, Group>();
	const output: INodeExecutionData[][] = items.map(() => []);
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		const settings = {
			url: (this.getNodeParameter('url', itemIndex) as string).trim(),
			entityType: this.getNodeParameter('entityType', itemIndex) as 'contact' | 'company',
			signalTypes: (this.getNodeParameter('signalTypes', itemIndex) as string[]).length
				? (this.getNodeParameter('signalTypes', itemIndex) as string[])
				: ['allSignals'],
			name: this.getNodeParameter('name', itemIndex, '') as string,
		};
		const entityIds = parseList(this.getNodeParameter('entityIds', itemIndex));
		const problem = !settings.url ? 'Webhook URL is empty' : entityIds.length === 0 ? 'Entity IDs is empty' : undefined;
		if (problem) {
			const error = new NodeOperationError(this.getNode(), `${problem} (item ${itemIndex})`, { itemIndex });
			if (!this.continueOnFail()) throw error;
			output[itemIndex].push(errorItem(error, itemIndex));
			continue;
		}
		const key = JSON.stringify(settings);
		const group = groups.get(key) ?? { settings, entries: [] };
		group.entries.push(...entityIds.map((entityId) => ({ itemIndex, entityId })));
		groups.set(key, group);
	}

	for (const { settings, entries } of groups.values()) {
		const outcomes = await createSubscriptions(this, { ...settings, entityIds: entries.map((e) => e.entityId), itemIndex: entries[0].itemIndex });
		const rejected = outcomes.find((o) => URL_CHECK_FAILURES.includes(o.error?.code ?? ''));
		if (rejected) {
			const error = new NodeOperationError(this.getNode(), `Lusha could not verify the webhook URL ${settings.url}: ${rejected.error?.message}`, {
				description:
					'Nothing was created. The URL must be public HTTPS and answer GET ?challenge=X with 200 and {"challenge":"X"} as JSON. Use the production URL of an active Lusha Trigger, or another endpoint that does this.',
				itemIndex: entries[0].itemIndex,
			});
			if (!this.continueOnFail()) throw error;
			for (const itemIndex of new Set(entries.map((e) => e.itemIndex))) output[itemIndex].push(errorItem(error, itemIndex));
			continue;
		}
		outcomes.forEach((outcome, index) => {
			const { itemIndex, entityId } = entries[index];
			const json: IDataObject = { success: outcome.success, entityId, entityType: settings.entityType };
			if (outcome.subscription) Object.assign(json, { subscriptionId: outcome.subscription.id, subscription: outcome.subscription });
			if (outcome.error) Object.assign(json, { errorCode: outcome.error.code, errorMessage: outcome.error.message });
			output[itemIndex].push(outputItem(json, itemIndex));
		});
	}
	return output.flat();
}
