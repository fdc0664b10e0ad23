import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { NO_V3_ACCESS } from '../uiText';

/** What to tell the user for each status Lusha answers with, beyond Lusha's own message. */
const STATUS_HINTS: Record<number, string> = {
	400: 'Lusha rejected the request as malformed. Check the fields named in the message.',
	401: 'The API key is invalid or missing. Open the Lusha API credential and paste the key from the Lusha dashboard (Settings → API).',
	402: 'Your Lusha account is out of credits or has a payment due. Add credits in the Lusha dashboard, or lower the limit.',
	403: 'Your Lusha plan does not allow this request, or the account is not active. Remove plan-gated options, or ask Lusha support to enable the feature.',
	404: 'Lusha found nothing at this address. Check the ID you passed, and the Base URL in the credential.',
	409: 'Something with this name already exists in Lusha. Pick another name.',
	410: 'The Lusha session has expired. Run the operation again without a session ID to start a new one.',
	412: 'Lusha needs a full name with both a first and a last name. Map both name fields.',
	429: 'Lusha kept rate-limiting these requests. Run fewer items at once, or add a Wait node before this one.',
	451: 'Lusha cannot return this record because of GDPR. Turn on Continue On Fail to skip such items.',
	499: 'Lusha timed out answering. Try again in a few minutes.',
};
const SERVER_ERROR_HINT = 'Lusha had a problem on its side and kept failing. Try again in a few minutes.';
/** 429s that waiting a minute will not cure. */
export function isQuotaExhausted(message: string): boolean {
	return /daily|trial|quota/i.test(message);
}

type Headers = Record<string, string | string[] | undefined>;

/** Which of the plan's quotas ran out and when it resets (https://docs.lusha.com/rate-limiting): it stops a run, and the run keeps its work. */
export interface QuotaExhaustion {
	window: 'hourly' | 'daily' | 'trial';
	/** Epoch ms, when Lusha said. */
	resetsAt?: number;
}

function first(headers: Headers, name: string): string | undefined {
	const value = headers[name];
	return Array.isArray(value) ? value[0] : value;
}

/** Reads a 429 Lusha gave up on: which quota ran out (its message, else the `x-*-requests-left` headers) and its reset. */
export function quotaOf(message: string, headers: Headers = {}): QuotaExhaustion | undefined {
	const window = /trial/i.test(message)
		? 'trial'
		: /daily|quota/i.test(message) || first(headers, 'x-daily-requests-left') === '0'
			? 'daily'
			: /hourly/i.test(message) || first(headers, 'x-hourly-requests-left') === '0'
				? 'hourly'
				: undefined;
	if (!window) return undefined;
	const seconds = Number(first(headers, 'retry-after') ?? first(headers, 'ratelimit-reset') ?? /reset in (\d+) seconds/i.exec(message)?.[1]);
	return { window, ...(Number.isFinite(seconds) && seconds > 0 ? { resetsAt: Date.now() + seconds * 1000 } : {}) };
}

/** The quota a NodeApiError from the transport says ran out, if it is one. */
export function quotaExhaustion(error: unknown): QuotaExhaustion | undefined {
	return (error as { context?: { quota?: QuotaExhaustion } } | undefined)?.context?.quota;
}

/** "the hourly quota; it resets at 14:05 UTC (in about 12 min)". */
export function describeQuota(quota: QuotaExhaustion): string {
	const name = quota.window === 'trial' ? 'trial limit' : `${quota.window} quota`;
	if (quota.resetsAt === undefined) return `Lusha's ${name} is used up`;
	const minutes = Math.max(1, Math.round((quota.resetsAt - Date.now()) / 60_000));
	const at = new Date(quota.resetsAt).toISOString().slice(11, 16);
	return `Lusha's ${name} is used up; it resets at ${at} UTC (in about ${minutes} min)`;
}

function quotaHint(quota: QuotaExhaustion): string {
	return `${describeQuota(quota)}, so retrying now will not help. Run again after the reset, or ask Lusha to raise the quota.`;
}

/** Lusha's error bodies come as {statusCode, message, errors[]}, {error:{code,message}} or {message, code}. */
export function lushaErrorMessage(body: unknown): string {
	if (typeof body === 'string') return body.trim();
	if (!body || typeof body !== 'object') return '';
	const record = body as IDataObject;
	const nested = record.error as IDataObject | string | undefined;
	let message = record.message ?? (typeof nested === 'object' ? nested?.message : nested);
	if (Array.isArray(message)) message = message.join('; ');
	const details = Array.isArray(record.errors)
		? record.errors.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join('; ')
		: '';
	return [typeof message === 'string' ? message : '', details].filter(Boolean).join(': ');
}

/** Removes every secret from a text, so keys never reach the UI, logs or error reports. */
export function redact(text: string, secrets: Array<string | undefined>): string {
	let clean = text;
	for (const secret of secrets) {
		if (secret && secret.length >= 4) clean = clean.split(secret).join('[redacted]');
	}
	return clean;
}

function redactDeep(value: unknown, secrets: Array<string | undefined>): JsonObject {
	const text = JSON.stringify(value ?? {}) ?? '{}';
	const parsed = JSON.parse(redact(text, secrets)) as unknown;
	return (parsed && typeof parsed === 'object' ? parsed : { message: parsed }) as JsonObject;
}

export interface LushaErrorInput {
	statusCode: number;
	body: unknown;
	itemIndex?: number;
	/** The path called: a 403 on a /v3/ path may mean the key has no API V3 access. */
	path?: string;
	/** Per-request hints, e.g. naming the plan-gated option that caused a 403. */
	statusHints?: Partial<Record<number, string>>;
	/** Per-request hints by Lusha's error code (Tables: TABLE_NOT_FOUND, COLUMN_NOT_FOUND, …); they win over statusHints. */
	codeHints?: Partial<Record<string, string>>;
	secrets: Array<string | undefined>;
	attempts: number;
	/** The response headers: they name the quota that ran out. */
	headers?: Headers;
}

/**
 * The error code in a body, when Lusha names one: Tables answer `{message: "TABLE_NOT_FOUND: Table not found", code}`
 * (the name may also come in `code` or `error`), other V3 errors `{code: "DEDUPE_SESSION_INVALID", message}`.
 */
export function lushaErrorCode(body: unknown): string | undefined {
	if (!body || typeof body !== 'object') return undefined;
	const { code, error, message } = body as IDataObject;
	const named = [code, error, (error as IDataObject | undefined)?.code].find((v) => typeof v === 'string' && /^[A-Z][A-Z0-9_]+$/.test(v));
	if (typeof named === 'string') return named;
	return typeof message === 'string' ? /^([A-Z][A-Z0-9_]+):/.exec(message)?.[1] : undefined;
}

function hintFor(statusCode: number, quota: QuotaExhaustion | undefined, path = ''): string {
	if (quota) return quotaHint(quota);
	// Lusha's wording for a key without V3 access is not documented: any other 403 on V3 may be it too.
	if (statusCode === 403 && path.startsWith('/v3/')) return `${STATUS_HINTS[403]} If every operation fails like this: ${NO_V3_ACCESS}`;
	return STATUS_HINTS[statusCode] ?? (statusCode >= 500 ? SERVER_ERROR_HINT : 'Check the request and try again.');
}

/** A 403 whose message names V3 access: the key cannot call V3 at all, whatever the request's own hints say. */
const noV3Access = (statusCode: number, message: string, path = '') => statusCode === 403 && path.startsWith('/v3/') && /\bV3\b/i.test(message);

export function lushaApiError(node: INode, input: LushaErrorInput): NodeApiError {
	const lushaMessage = redact(lushaErrorMessage(input.body), input.secrets);
	const code = lushaErrorCode(input.body);
	const quota = input.statusCode === 429 ? quotaOf(lushaMessage, input.headers) : undefined;
	const ownHint = (code && input.codeHints?.[code]) ?? input.statusHints?.[input.statusCode];
	// A 403 naming V3 beats a plan hint; a caller's hint that itself speaks of V3 (the trigger's ID lookup) is kept.
	const v3 = noV3Access(input.statusCode, lushaMessage, input.path) && !/\bV3\b/.test(ownHint ?? '');
	const hint = v3 ? NO_V3_ACCESS : (ownHint ?? hintFor(input.statusCode, quota, input.path));
	const retried = input.attempts > 1 ? ` (after ${input.attempts} attempts)` : '';
	const error = new NodeApiError(node, redactDeep(input.body, input.secrets), {
		message: `Lusha answered ${input.statusCode}${retried}: ${lushaMessage || 'no message'}`,
		description: hint,
		httpCode: String(input.statusCode),
		itemIndex: input.itemIndex,
	});
	if (quota) error.context.quota = quota as unknown as IDataObject;
	return error;
}

export function lushaNetworkError(
	node: INode,
	error: { message?: string; code?: string },
	baseUrl: string,
	secrets: Array<string | undefined>,
	itemIndex?: number,
): NodeApiError {
	const reason = redact(error.message ?? String(error), secrets);
	return new NodeApiError(
		node,
		{},
		{
			// The low-level reason goes in the description: n8n replaces messages that contain codes like ECONNREFUSED.
			message: `Could not reach Lusha at ${baseUrl}`,
			description: `${reason}. Check the Base URL in the Lusha credential and that this n8n instance can reach it (proxy, firewall, DNS).`,
			itemIndex,
		},
	);
}
