import { createHash } from 'crypto';
import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { lushaCredentials, lushaRequestFull, normalizeBaseUrl } from '../shared/transport';

interface Fetched {
	secret: string;
	/** Re-reads this account may still make now (refilled over time, see below). */
	tokens: number;
	refilledAt: number;
	/** The re-read in flight: deliveries that fail the cached secret at the same time share it. */
	pending?: Promise<string>;
}

/** Fetched secrets live in memory only: never in static data, output or logs. */
const fetched = new Map<string, Fetched>();
/**
 * Re-reads after a signature mismatch are paced per account: a burst of 5, then one every 3 s.
 * Forged deliveries cannot make us call Lusha on every request, and cannot use up the re-read a
 * genuine delivery signed with a just-rotated secret needs right after them.
 */
export const REREAD_BURST = 5;
export const REREAD_EVERY_MS = 3_000;

export const NO_SECRET_MESSAGE =
	'Your Lusha account has no webhook secret yet, and Lusha will not deliver signals without one';
export const NO_SECRET_HINT =
	'Create it once with the Lusha node (Account → Regenerate Webhook Secret) and paste it into the credential’s Webhook Secret field, then activate again. Regenerating replaces the secret for every integration on the account.';

export type SecretFreshness = 'cached' | 'refresh' | 'fresh';

async function readSecret(context: IHookFunctions | IWebhookFunctions): Promise<string> {
	const response = await lushaRequestFull<{ secret?: string }>(context, {
		method: 'GET',
		path: '/api/account/secret',
		acceptStatuses: [404],
	});
	if (response.statusCode === 404 || !response.body.secret) {
		throw new NodeOperationError(context.getNode(), NO_SECRET_MESSAGE, { description: NO_SECRET_HINT });
	}
	return response.body.secret;
}

/**
 * A delivery waits at most 4 s for a re-read (Lusha gives up after 10 s); when the account's
 * webhook API budget is spent, the re-read finishes in the background for Lusha's retry.
 */
async function withinAckTime(read: Promise<string>): Promise<string> {
	const timedOut = Symbol('timed out');
	const result = await Promise.race([read, sleep(4000).then(() => timedOut)]);
	if (result === timedOut) throw new Error('Lusha did not answer the secret re-read in time');
	return result as string;
}

/**
 * The secret each trigger last verified with, by workflow, node and credential. Reading the
 * credential costs n8n a database read and a decryption on every delivery; a delivery that
 * verifies needs neither, and one that does not re-reads everything (see 'refresh').
 */
const lastUsed = new Map<string, string>();

function triggerKeyOf(context: IHookFunctions | IWebhookFunctions): string {
	return `${context.getWorkflow().id ?? ''}|${context.getNode().id}|${context.getNode().credentials?.lushaApi?.id ?? ''}`;
}

/**
 * The account's webhook secret: the credential's Webhook Secret when set, otherwise read from
 * Lusha. Deliveries use the cached copy; 'refresh' re-reads the credential and, without a secret
 * there, Lusha's, after a signature mismatch, in case it was changed or rotated (shared and paced,
 * see REREAD_BURST); activation asks for a 'fresh' read.
 */
export async function webhookSecret(
	context: IHookFunctions | IWebhookFunctions,
	freshness: SecretFreshness = 'cached',
): Promise<string> {
	const trigger = triggerKeyOf(context);
	const known = lastUsed.get(trigger);
	if (known && freshness === 'cached') return known;
	const secret = await accountSecret(context, freshness);
	lastUsed.set(trigger, secret);
	return secret;
}

async function accountSecret(context: IHookFunctions | IWebhookFunctions, freshness: SecretFreshness): Promise<string> {
	const credentials = await lushaCredentials(context);
	if (credentials.webhookSecret) return credentials.webhookSecret;
	const key = createHash('sha256').update(`${normalizeBaseUrl(credentials.baseUrl)}|${credentials.apiKey}`).digest('hex');
	const cached = fetched.get(key);
	if (cached && freshness === 'cached') return cached.secret;
	if (cached && freshness === 'refresh') {
		if (cached.pending) return await withinAckTime(cached.pending);
		const now = Date.now();
		const refill = Math.floor((now - cached.refilledAt) / REREAD_EVERY_MS);
		if (refill > 0) Object.assign(cached, { tokens: Math.min(REREAD_BURST, cached.tokens + refill), refilledAt: now });
		if (cached.tokens < 1) return cached.secret;
		cached.tokens--;
		cached.pending = readSecret(context)
			.then((secret) => (cached.secret = secret))
			.finally(() => (cached.pending = undefined));
		return await withinAckTime(cached.pending);
	}
	const secret = await readSecret(context);
	fetched.set(key, { secret, tokens: REREAD_BURST, refilledAt: Date.now() });
	return secret;
}
