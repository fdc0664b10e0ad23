import { createHash } from 'crypto';
import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { lushaCredentials, lushaRequestFull, normalizeBaseUrl } from '../shared/transport';

/** Fetched secrets live in memory only: never in static data, output or logs. */
const fetched = new Map<string, { secret: string; refreshedAt: number }>();
/** Forged deliveries must not be able to make us call Lusha on every request. */
const REFRESH_AT_MOST_EVERY_MS = 10_000;

export const NO_SECRET_MESSAGE =
	'Your Lusha account has no webhook secret yet, and Lusha will not deliver signals without one';
export const NO_SECRET_HINT =
	'Create it once with the Lusha node (Account → Regenerate Webhook Secret) and paste it into the credential’s Webhook Secret field, then activate again. Regenerating replaces the secret for every integration on the account.';

export type SecretFreshness = 'cached' | 'refresh' | 'fresh';

/**
 * The account's webhook secret: the credential's Webhook Secret when set, otherwise read from
 * Lusha. Deliveries use the cached copy; 'refresh' re-reads it (at most every 10 s) after a
 * signature mismatch, in case it was rotated; activation asks for a 'fresh' read.
 */
export async function webhookSecret(
	context: IHookFunctions | IWebhookFunctions,
	freshness: SecretFreshness = 'cached',
): Promise<string> {
	const credentials = await lushaCredentials(context);
	if (credentials.webhookSecret) return credentials.webhookSecret;
	const key = createHash('sha256').update(`${normalizeBaseUrl(credentials.baseUrl)}|${credentials.apiKey}`).digest('hex');
	const cached = fetched.get(key);
	const throttled = freshness === 'refresh' && cached !== undefined && Date.now() - cached.refreshedAt < REFRESH_AT_MOST_EVERY_MS;
	if (cached && (freshness === 'cached' || throttled)) return cached.secret;
	const response = await lushaRequestFull<{ secret?: string }>(context, {
		method: 'GET',
		path: '/api/account/secret',
		acceptStatuses: [404],
	});
	if (response.statusCode === 404 || !response.body.secret) {
		throw new NodeOperationError(context.getNode(), NO_SECRET_MESSAGE, { description: NO_SECRET_HINT });
	}
	fetched.set(key, { secret: response.body.secret, refreshedAt: freshness === 'refresh' ? Date.now() : 0 });
	return response.body.secret;
}
