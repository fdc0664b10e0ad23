import { createHash } from 'crypto';
import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { lushaCredentials, lushaRequestFull, normalizeBaseUrl } from '../Lusha/transport';

/** Fetched secrets live in memory only: never in static data, output or logs. */
const fetched = new Map<string, { secret: string; at: number }>();
/** A forged delivery must not be able to make us call Lusha on every request. */
const REFRESH_AFTER_MS = 60_000;

export const NO_SECRET_MESSAGE =
	'Your Lusha account has no webhook secret yet, and Lusha will not deliver signals without one';
export const NO_SECRET_HINT =
	'Create it once with the Lusha node (Account → Regenerate Webhook Secret) and paste it into the credential’s Webhook Secret field, then activate again. Regenerating replaces the secret for every integration on the account.';

/**
 * The account's webhook secret: the credential's Webhook Secret when set, otherwise read from
 * Lusha. `refresh` re-reads it (at most once a minute) after a signature mismatch, in case the
 * secret was rotated.
 */
export async function webhookSecret(context: IHookFunctions | IWebhookFunctions, refresh = false): Promise<string> {
	const credentials = await lushaCredentials(context);
	if (credentials.webhookSecret) return credentials.webhookSecret;
	const key = createHash('sha256').update(`${normalizeBaseUrl(credentials.baseUrl)}|${credentials.apiKey}`).digest('hex');
	const cached = fetched.get(key);
	if (cached && (!refresh || Date.now() - cached.at < REFRESH_AFTER_MS)) return cached.secret;
	const response = await lushaRequestFull<{ secret?: string }>(context, {
		method: 'GET',
		path: '/api/account/secret',
		acceptStatuses: [404],
	});
	if (response.statusCode === 404 || !response.body.secret) {
		throw new NodeOperationError(context.getNode(), NO_SECRET_MESSAGE, { description: NO_SECRET_HINT });
	}
	fetched.set(key, { secret: response.body.secret, at: Date.now() });
	return response.body.secret;
}
