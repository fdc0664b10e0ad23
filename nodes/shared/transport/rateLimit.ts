import { createHash } from 'crypto';
import { sleep } from 'n8n-workflow';

import { isQuotaExhausted } from './errors';

export interface Pace {
	requests: number;
	windowMs: number;
}

/**
 * Lusha's documented rates (https://docs.lusha.com/rate-limiting). Staying under them avoids paying for 429
 * round trips; the limits are per account, so every execution in this n8n process (both node versions and the
 * trigger) shares them. The help centre says per key: pacing per account is the stricter reading.
 */
export const PACES = {
	/** Every data endpoint of the account together: 25 requests a second. */
	endpoint: { requests: 25, windowMs: 1000 },
	/** GET /account/usage and GET /v3/account/usage: 5 a minute, one budget for both. */
	accountUsage: { requests: 5, windowMs: 60_000 },
	/** The webhook API (subscriptions, audit logs, account secret): 100 a minute per account, all its paths together. */
	webhookApi: { requests: 100, windowMs: 60_000 },
} satisfies Record<string, Pace>;

const ACCOUNT_USAGE_PATHS = new Set(['/account/usage', '/v3/account/usage']);
const WEBHOOK_API = /^\/api\/(subscriptions|audit-logs|account\/secret)(\/|$)/;

/**
 * Whose budget a request spends: the Lusha host and the API key, hashed so the key itself is never held.
 * Limitation: two keys of one Lusha account get two budgets here, as the transport cannot tell they share one.
 */
export function accountOf(baseUrl: string, apiKey: string): string {
	return `${baseUrl}#${createHash('sha256').update(apiKey).digest('hex').slice(0, 16)}`;
}

export interface PaceBucket {
	key: string;
	pace: Pace;
}

/** The budget one request spends: account usage's, the webhook API's, or the one all data endpoints share. */
export function paceBucket(account: string, _method: string, path: string): PaceBucket {
	const route = path.split('?')[0];
	if (ACCOUNT_USAGE_PATHS.has(route)) return { key: `${account} account usage`, pace: PACES.accountUsage };
	if (WEBHOOK_API.test(route)) return { key: `${account} webhook API`, pace: PACES.webhookApi };
	return { key: `${account} data`, pace: PACES.endpoint };
}

/**
 * A little over each window: requests that leave together arrive a few milliseconds apart, and a
 * 429 costs more than the margin (50 ms on a second, a second on a minute).
 */
export function windowWithMarginMs(windowMs: number): number {
	return windowMs + Math.min(1000, Math.max(50, Math.round(windowMs * 0.05)));
}

export const MAX_ATTEMPTS = 7;
const MINUTE_MS = 60_000;
const BACKOFF_START_MS = 1000;
const BACKOFF_CAP_MS = 60_000;

type Headers = Record<string, string | string[] | undefined>;

function header(headers: Headers, name: string): string | undefined {
	const value = headers[name] ?? headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}

function seconds(value: string | undefined): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const parsed = Number(value);
	if (Number.isFinite(parsed)) return Math.max(0, parsed);
	const date = Date.parse(value);
	return Number.isNaN(date) ? undefined : Math.max(0, (date - Date.now()) / 1000);
}

/** How long the rate-limit headers of a response say to wait, if they say so. */
export function headerWaitMs(headers: Headers): number | undefined {
	const wait = seconds(header(headers, 'retry-after')) ?? seconds(header(headers, 'ratelimit-reset'));
	return wait === undefined ? undefined : Math.ceil(wait * 1000);
}

/** Exponential backoff from about 1 s, doubling to a 60 s cap, with jitter so parallel runs spread out. */
export function backoffMs(attempt: number): number {
	const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_START_MS * 2 ** (attempt - 1));
	return Math.round(ceiling / 2 + Math.random() * (ceiling / 2));
}

export interface RetryDecision {
	retry: boolean;
	delayMs: number;
}

/** Retries 429, 499 and 5xx, except a 429 for an exhausted daily or trial quota, which no wait will fix. */
export function retryDecision(statusCode: number, message: string, headers: Headers, attempt: number): RetryDecision {
	const transient = statusCode === 429 || statusCode === 499 || statusCode >= 500;
	if (!transient || attempt >= MAX_ATTEMPTS) return { retry: false, delayMs: 0 };
	if (statusCode === 429 && isQuotaExhausted(message)) return { retry: false, delayMs: 0 };
	const resetInMessage = /reset in (\d+) seconds/i.exec(message);
	const hinted = headerWaitMs(headers) ?? (resetInMessage ? Number(resetInMessage[1]) * 1000 : undefined);
	if (hinted !== undefined && hinted > BACKOFF_CAP_MS) return { retry: false, delayMs: 0 };
	return { retry: true, delayMs: Math.max(hinted ?? 0, hinted === undefined ? backoffMs(attempt) : 50) };
}

/**
 * Paces requests per budget: at most the documented number of starts in any window, and none
 * while Lusha's headers say the window is used up. Module state on purpose: every execution in
 * this n8n process shares the same Lusha quota.
 */
class EndpointPacer {
	private readonly starts = new Map<string, number[]>();

	private readonly blockedUntil = new Map<string, number>();

	/** Least gap between starts while a plan window is nearly used up (see observe), and until when it holds. */
	private readonly spacing = new Map<string, { gapMs: number; until: number }>();

	async waitTurn({ key, pace }: PaceBucket): Promise<void> {
		for (;;) {
			const now = Date.now();
			const windowMs = windowWithMarginMs(pace.windowMs);
			const recent = (this.starts.get(key) ?? []).filter((t) => t > now - windowMs);
			const blocked = (this.blockedUntil.get(key) ?? 0) - now;
			const windowFull = recent.length >= pace.requests ? recent[recent.length - pace.requests] + windowMs - now : 0;
			const spacing = this.spacing.get(key);
			const spaced = recent.length && spacing && spacing.until > now ? recent[recent.length - 1] + spacing.gapMs - now : 0;
			const wait = Math.max(blocked, windowFull, spaced);
			if (wait <= 0) {
				recent.push(now);
				this.starts.set(key, recent);
				return;
			}
			this.starts.set(key, recent);
			await sleep(wait);
		}
	}

	/**
	 * When a response says no requests are left in the window, hold the budget until the reset it
	 * names. Reset comes in whole seconds, rounded up, so the hold is one second shorter: within a
	 * one-second window the pacer's own count already spaces requests better than the header can.
	 */
	observe(key: string, headers: Headers): void {
		this.spaceOut(key, headers);
		const left = header(headers, 'ratelimit-remaining') ?? header(headers, 'x-minute-requests-left');
		if (left === undefined || Number(left) > 0) return;
		const wait = (headerWaitMs(headers) ?? 0) - 1000;
		if (wait > 0 && wait <= BACKOFF_CAP_MS) this.blockedUntil.set(key, Date.now() + wait);
	}

	/**
	 * The plan's minute window (`x-rate-limit-minute`, `x-minute-requests-left`): once a tenth or less is left
	 * (less what may still be in flight),
	 * the rest go out spread over the minute (one per minute/limit), not in a burst that ends in 429s. Hourly and
	 * daily windows are not spread: waiting hours is not pacing; a run that meets them stops and keeps its work.
	 */
	private spaceOut(key: string, headers: Headers): void {
		const limit = Number(header(headers, 'x-rate-limit-minute'));
		const left = Number(header(headers, 'x-minute-requests-left'));
		if (!(limit > 0) || !Number.isFinite(left)) return;
		// Requests started in the last second may not be counted in `left` yet.
		const now = Date.now();
		const inFlight = (this.starts.get(key) ?? []).filter((t) => t > now - 1000).length;
		// It lapses after a minute without a fresh reading: by then the window has moved on.
		if (left - inFlight <= Math.max(1, Math.floor(limit / 10))) this.spacing.set(key, { gapMs: Math.ceil(MINUTE_MS / limit), until: now + MINUTE_MS });
		else this.spacing.delete(key);
	}

	/** After a 429, later requests spending the same budget wait as long as the retry does. */
	holdFor(key: string, delayMs: number): void {
		this.blockedUntil.set(key, Math.max(this.blockedUntil.get(key) ?? 0, Date.now() + delayMs));
	}

	/** Forgets every budget, as a freshly started n8n process would (tests reset it with a fresh sandbox). */
	reset(): void {
		this.starts.clear();
		this.blockedUntil.clear();
		this.spacing.clear();
	}
}

export const endpointPacer = new EndpointPacer();
