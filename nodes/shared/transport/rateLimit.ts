import { sleep } from 'n8n-workflow';

import { isQuotaExhausted } from './errors';

/** Lusha documents 25 requests a second per endpoint; staying under it avoids paying for 429 round trips. */
const REQUESTS_PER_WINDOW = 25;
// A little over a second: requests that leave together arrive a few milliseconds apart, and a 429 costs more than the margin.
const WINDOW_MS = 1050;
export const MAX_ATTEMPTS = 7;
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
 * Paces requests per endpoint: at most 25 starts in any window, and none while Lusha's headers
 * say the window is used up. Module state on purpose: every execution in this n8n process
 * shares the same Lusha quota.
 */
class EndpointPacer {
	private readonly starts = new Map<string, number[]>();

	private readonly blockedUntil = new Map<string, number>();

	async waitTurn(endpoint: string): Promise<void> {
		for (;;) {
			const now = Date.now();
			const recent = (this.starts.get(endpoint) ?? []).filter((t) => t > now - WINDOW_MS);
			const blocked = (this.blockedUntil.get(endpoint) ?? 0) - now;
			const windowFull = recent.length >= REQUESTS_PER_WINDOW ? recent[0] + WINDOW_MS - now : 0;
			const wait = Math.max(blocked, windowFull);
			if (wait <= 0) {
				recent.push(now);
				this.starts.set(endpoint, recent);
				return;
			}
			this.starts.set(endpoint, recent);
			await sleep(wait);
		}
	}

	/**
	 * When a response says no requests are left in the window, hold the endpoint until the reset it
	 * names. Reset comes in whole seconds, rounded up, so the hold is one second shorter: within a
	 * one-second window the pacer's own count already spaces requests better than the header can.
	 */
	observe(endpoint: string, headers: Headers): void {
		const left = header(headers, 'ratelimit-remaining') ?? header(headers, 'x-minute-requests-left');
		if (left === undefined || Number(left) > 0) return;
		const wait = (headerWaitMs(headers) ?? 0) - 1000;
		if (wait > 0 && wait <= BACKOFF_CAP_MS) this.blockedUntil.set(endpoint, Date.now() + wait);
	}

	/** After a 429, later requests to the endpoint wait as long as the retry does. */
	holdFor(endpoint: string, delayMs: number): void {
		this.blockedUntil.set(endpoint, Math.max(this.blockedUntil.get(endpoint) ?? 0, Date.now() + delayMs));
	}
}

export const endpointPacer = new EndpointPacer();
