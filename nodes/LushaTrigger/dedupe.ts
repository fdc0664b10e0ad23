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
	/**
	 * One fixed-width record per delivery, in arrival order: its key, then when it was first
	 * received (epoch seconds, SECONDS_LENGTH digits of ORDERED_DIGITS). One string rather than an
	 * object of 10,000 entries, because n8n loads, parses and saves the whole static data on every
	 * first delivery: 160 KB of plain text instead of 370 KB of object.
	 */
	deliveryLog?: string;
	/**
	 * Epoch seconds: deliveries up to here were forgotten to stay within DEDUPE_MAX, so a delivery
	 * signed before it could be a replay nobody remembers, and is refused.
	 */
	deliveriesHorizon?: number;
	/** The format of versions up to 0.1.0 (delivery key → epoch seconds), rewritten as deliveryLog on the next delivery. */
	deliveries?: Record<string, number>;
}

/** 10 base64url characters of a SHA-256: 60 bits, so two of 10,000 remembered deliveries share a key with odds below 1 in 10^10. */
const KEY_LENGTH = 10;
/** Six digits in base 64 reach the year 4000. */
const SECONDS_LENGTH = 6;
const RECORD_LENGTH = KEY_LENGTH + SECONDS_LENGTH;
/** Base-64 digits in ASCII order, all safe in JSON without escaping. */
const ORDERED_DIGITS = '-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz';

/** The key a delivery is remembered by: short, and never the payload itself. */
export function deliveryKey(identity: string): string {
	return createHash('sha256').update(identity).digest('base64url').slice(0, KEY_LENGTH);
}

function recordOf(key: string, seconds: number): string {
	let digits = '';
	for (let rest = Math.max(0, Math.floor(seconds)), i = 0; i < SECONDS_LENGTH; i++, rest = Math.floor(rest / 64)) digits = ORDERED_DIGITS[rest % 64] + digits;
	return key + digits;
}

function secondsOf(record: string): number {
	let seconds = 0;
	for (let i = KEY_LENGTH; i < RECORD_LENGTH; i++) seconds = seconds * 64 + ORDERED_DIGITS.indexOf(record[i]);
	return seconds;
}

/** The remembered deliveries as records, oldest first; the format of 0.1.0 is converted (its keys start with the same 10 characters, after a "d"). */
function recordsOf(memory: DeliveryMemory): string[] {
	const records: string[] = [];
	for (const [oldKey, seconds] of Object.entries(memory.deliveries ?? {})) records.push(recordOf(oldKey.slice(1, 1 + KEY_LENGTH), seconds));
	const log = memory.deliveryLog ?? '';
	for (let at = 0; at + RECORD_LENGTH <= log.length; at += RECORD_LENGTH) records.push(log.slice(at, at + RECORD_LENGTH));
	return records;
}

/** How many deliveries the memory holds. */
export function rememberedCount(memory: DeliveryMemory): number {
	return Object.keys(memory.deliveries ?? {}).length + Math.floor((memory.deliveryLog ?? '').length / RECORD_LENGTH);
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
	const recent = recentFor(triggerKey, now);
	const migrating = memory.deliveries !== undefined;
	let changed = migrating;
	const kept: string[] = [];
	const keys = new Set<string>();
	for (const record of recordsOf(memory)) {
		const seconds = secondsOf(record);
		const ageMs = now - seconds * 1000;
		if (ageMs >= DEDUPE_WINDOW_MS) {
			changed = true;
			continue;
		}
		const entryKey = record.slice(0, KEY_LENGTH);
		kept.push(record);
		keys.add(entryKey);
		if (ageMs < REASSERT_MS && !recent.has(entryKey)) recent.set(entryKey, seconds);
	}
	const seen = keys.has(key) || recent.has(key);
	// What this process knows, from its own requests or from what any process saved, goes back in:
	// another process's save, made from a copy loaded before ours, may have dropped it.
	for (const [recentKey, seconds] of recent) {
		if (keys.has(recentKey)) continue;
		kept.push(recordOf(recentKey, seconds));
		keys.add(recentKey);
		changed = true;
	}
	// Into this request's static data, which n8n saves only once it has recorded the run; into the
	// process's memory only once n8n has recorded it (rememberRecorded), so a copy n8n could not
	// record is never written back by another request.
	if (!seen) {
		kept.push(recordOf(key, now / 1000));
		changed = true;
	}
	// Arrival order, so the oldest go first.
	let horizon = memory.deliveriesHorizon;
	const forgotten = kept.splice(0, Math.max(0, kept.length - DEDUPE_MAX));
	for (const record of forgotten) horizon = Math.max(horizon ?? 0, secondsOf(record));
	// n8n saves the whole static data whenever anything in it is assigned, even an equal value: one
	// more write on SQLite's single write lock. So assign only what changed; a plain duplicate writes nothing.
	if (changed || forgotten.length > 0) memory.deliveryLog = kept.join('');
	if (migrating) delete memory.deliveries;
	if (horizon !== memory.deliveriesHorizon && horizon !== undefined) memory.deliveriesHorizon = horizon;
	return !seen;
}
