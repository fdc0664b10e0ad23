import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/** Deliveries are remembered 48 hours, twice the default timestamp tolerance. */
export const DEDUPE_WINDOW_MS = 48 * 60 * 60 * 1000;
/** And at most the last 10,000, so the workflow's static data stays small. */
export const DEDUPE_MAX = 10_000;
/** How long this process re-asserts what it received, against another process's concurrent save. */
const REASSERT_MS = 10 * 60 * 1000;

/** The part of the workflow's static data that remembers deliveries. */
export interface DeliveryMemory extends IDataObject {
	/** Delivery key → when it was first received (epoch seconds), oldest first. */
	deliveries?: Record<string, number>;
	/**
	 * Epoch seconds: deliveries up to here were forgotten to stay within DEDUPE_MAX, so a delivery
	 * signed before it could be a replay nobody remembers, and is refused.
	 */
	deliveriesHorizon?: number;
}

/** The key a delivery is remembered by: short, and never the payload itself. */
export function deliveryKey(identity: string): string {
	return `d${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}`;
}

/**
 * The keys this process saw in the last minutes, per trigger: its own, and those it loaded. n8n
 * loads static data when a request arrives and saves all of it right after the webhook, so two
 * requests at once (in two webhook processes, or one) can each save a copy without the other's
 * key. Each request writes these keys back, and a copy of a delivery that reaches this process
 * while another copy is still in flight is caught here.
 */
const recentByTrigger = new Map<string, Map<string, number>>();

function recentFor(triggerKey: string, now: number): Map<string, number> {
	let recent = recentByTrigger.get(triggerKey);
	if (!recent) {
		recent = new Map();
		recentByTrigger.set(triggerKey, recent);
	}
	for (const [key, at] of recent) {
		if (now - at * 1000 < REASSERT_MS && recent.size <= DEDUPE_MAX) break;
		recent.delete(key);
	}
	return recent;
}

/** n8n recorded a delivery's run: this process remembers it, and writes it back against other requests' saves. */
export function rememberRecorded(triggerKey: string, key: string, now = Date.now()): void {
	recentFor(triggerKey, now).set(key, Math.floor(now / 1000));
}

/** Whether a delivery signed at `signedAtMs` is older than what the memory can still vouch for. */
export function beforeHorizon(memory: DeliveryMemory, signedAtMs: number): boolean {
	return memory.deliveriesHorizon !== undefined && signedAtMs <= memory.deliveriesHorizon * 1000;
}

/**
 * Records a delivery and says whether it is the first time this workflow sees it. The memory
 * lives in the workflow's static data (so it survives restarts and is shared by every n8n process)
 * and is bounded by DEDUPE_WINDOW_MS and DEDUPE_MAX.
 */
export function isFirstDelivery(memory: DeliveryMemory, triggerKey: string, key: string, now = Date.now()): boolean {
	const nowSeconds = Math.floor(now / 1000);
	const stored = { ...(memory.deliveries ?? {}) };
	const recent = recentFor(triggerKey, now);
	const seen = key in stored || recent.has(key);
	// What this process knows, from its own requests or from what any process saved, goes back in:
	// another process's save, made from a copy loaded before ours, may have dropped it.
	let reasserted = 0;
	for (const [recentKey, at] of recent) {
		if (!(recentKey in stored)) {
			stored[recentKey] = at;
			reasserted++;
		}
	}
	for (const [storedKey, at] of Object.entries(memory.deliveries ?? {})) if (now - at * 1000 < REASSERT_MS && !recent.has(storedKey)) recent.set(storedKey, at);
	// Into this request's static data, which n8n saves only once it has recorded the run; into the
	// process's memory only once n8n has recorded it (rememberRecorded), so a copy n8n could not
	// record is never written back by another request.
	if (!seen) stored[key] = nowSeconds;
	let horizon = memory.deliveriesHorizon;
	// Insertion order is arrival order, so the oldest go first: no sorting on the request path.
	const live = Object.keys(stored).filter((entryKey) => now - stored[entryKey] * 1000 < DEDUPE_WINDOW_MS);
	const kept: Record<string, number> = {};
	live.forEach((entryKey, index) => {
		if (live.length - index > DEDUPE_MAX) horizon = Math.max(horizon ?? 0, stored[entryKey]);
		else kept[entryKey] = stored[entryKey];
	});
	// n8n saves the whole static data whenever anything in it is assigned, even an equal value: one
	// more write on SQLite's single write lock. So assign only what changed; a plain duplicate writes nothing.
	const pruned = live.length !== Object.keys(stored).length || live.length > DEDUPE_MAX;
	if (!seen || reasserted > 0 || pruned) memory.deliveries = kept;
	if (horizon !== memory.deliveriesHorizon && horizon !== undefined) memory.deliveriesHorizon = horizon;
	return !seen;
}
