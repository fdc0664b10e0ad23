import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { EXPRESSION_LIST_HINT } from '../../../../shared/uiText';
import { NodeOperationError } from 'n8n-workflow';

import { perItem } from '../../../../shared/helpers/items';
import { updateSubscription } from '../../../../shared/api/subscriptions';
import { showFor, showForWith } from '../../../../shared/helpers/display';
import { subscriptionIdAt, subscriptionLocator } from './fields';

export const description: INodeProperties[] = [
	subscriptionLocator('update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor('subscription', 'update'),
		options: [
			{
				displayName: 'Active',
				name: 'isActive',
				type: 'boolean',
				default: true,
				description:
					'Whether Lusha delivers to this subscription. Turning it on re-enables one Lusha disabled after failed deliveries and clears its block reason.',
			},
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{
				displayName: 'Signal Type Names or IDs',
				name: 'signalTypes',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getAllSignalTypes' },
				default: [],
				description:
					`Replaces the subscription’s signal types. ${EXPRESSION_LIST_HINT}`,
			},
			{
				displayName: 'Webhook URL',
				name: 'url',
				type: 'string',
				default: '',
				hint: 'Lusha checks the new URL with a challenge before saving it',
			},
		],
	},
	{
		displayName:
			'Regenerating rotates the webhook secret of the whole Lusha account: every subscription and integration must switch to the new secret, which is shown only once.',
		name: 'regenerateNotice',
		type: 'notice',
		default: '',
		displayOptions: showForWith('subscription', 'update', { regenerateSecret: [true] }),
	},
	{
		displayName: 'Regenerate Account Secret',
		name: 'regenerateSecret',
		type: 'boolean',
		default: false,
		description: 'Whether to also rotate the account-wide webhook secret',
		displayOptions: showFor('subscription', 'update'),
	},
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem.call(this, items, async (itemIndex) => {
		const changes = { ...(this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject) };
		if (this.getNodeParameter('regenerateSecret', itemIndex, false) as boolean) changes.regenerateSecret = true;
		if (Object.keys(changes).length === 0) {
			throw new NodeOperationError(this.getNode(), `Nothing to update for item ${itemIndex}: add a field under Update Fields`, { itemIndex });
		}
		const { secret, ...subscription } = await updateSubscription(this, subscriptionIdAt(this, itemIndex), changes, { itemIndex });
		// Lusha shows a regenerated secret once; keep it under a name nobody mistakes for ordinary data.
		return secret ? { ...subscription, newWebhookSecret: secret, newWebhookSecretNotice: 'Shown once. Store it in the Lusha credential.' } : subscription;
	});
}
