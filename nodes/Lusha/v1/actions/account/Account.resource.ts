import type { INodeProperties } from 'n8n-workflow';

import type { LushaOperation } from '../../../common/actions/types';
import * as getUsage from './getUsage.operation';
import * as getWebhookSecret from '../../../common/actions/account/getWebhookSecret.operation';
import * as regenerateWebhookSecret from '../../../common/actions/account/regenerateWebhookSecret.operation';

export const operations: Record<string, LushaOperation> = { getUsage, getWebhookSecret, regenerateWebhookSecret };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Get Usage',
				value: 'getUsage',
				action: 'Get credit usage',
				description: 'Credits used and left in every bucket of the plan (Lusha allows 5 calls a minute)',
			},
			{ name: 'Get Webhook Secret', value: 'getWebhookSecret', action: 'Get the webhook secret', description: 'The secret Lusha signs deliveries with' },
			{
				name: 'Regenerate Webhook Secret',
				value: 'regenerateWebhookSecret',
				action: 'Regenerate the webhook secret',
				description: 'Create or rotate the account-wide secret (shown once)',
			},
		],
		default: 'getUsage',
	},
	...getUsage.description,
	...getWebhookSecret.description,
	...regenerateWebhookSecret.description,
];
