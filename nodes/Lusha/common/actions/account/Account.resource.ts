import type { INodeProperties } from 'n8n-workflow';

import type { LushaOperation, LushaResource } from '../types';
import * as getWebhookSecret from './getWebhookSecret.operation';
import * as regenerateWebhookSecret from './regenerateWebhookSecret.operation';

/**
 * The Account resource of both versions: the webhook-secret operations are the same `/api/...` paths in
 * API v2 and V3; only Get Usage differs (`/account/usage` vs `/v3/account/usage`), so each version passes its own.
 */
export function accountResource(getUsage: LushaOperation): Omit<LushaResource, 'name'> {
	const operations: Record<string, LushaOperation> = { getUsage, getWebhookSecret, regenerateWebhookSecret };
	const description: INodeProperties[] = [
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
	return { operations, description };
}
