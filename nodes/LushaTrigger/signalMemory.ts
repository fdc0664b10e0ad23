/**
 * What the trigger remembers of signals by their content, for Recover Missed Signals: Lusha's signals
 * API carries no delivery ID, so a recovered signal is matched to what was delivered by entity, signal
 * type and signal date. Several signals can share those (two news items of a day): the n-th of them is
 * remembered as `<key>.<n>`, so a recovery that finds three where one was delivered gives out two.
 *
 * Where the keys live, and why each writer is safe:
 * - the workflow's static data (`signalKeys`), written only on the webhook path, where n8n loads it
 *   fresh for the request and saves it right after (the same save as the delivery's own memory);
 * - this process's memory, per trigger: the periodic check only reads static data (its copy is the one
 *   loaded at activation, and writing it would save that old copy over newer deliveries), so what it
 *   recovers is kept here, and the webhook path writes it into static data at its next first delivery;
 * - in queue mode, the Redis that queue mode runs (see claim), shared by main and the webhook processes.
 */
import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { signalDateOf } from '../shared/api/signals';
import { claimOnce } from './claim';

/** Signal keys are kept 30 days: an outage longer than that recovers signals delivered before it again. */
export const SIGNAL_MEMORY_MS = 30 * 24 * 60 * 60 * 1000;
/** And at most the last 5,000, so the workflow's static data stays small. */
export const SIGNAL_MEMORY_MAX = 5_000;
/** More signals than this with one entity, type and date are not told apart. */
const MAX_SAME = 50;

export interface SignalMemory extends IDataObject {
	/** Signal key → when it was delivered or recovered (epoch seconds). */
	signalKeys?: Record<string, number>;
}

/** The content key of one signal: short, and never the payload itself. */
export function signalKey(entityType: string, entityId: string, signalType: string, signalDate: string | null): string {
	const day = signalDate ? signalDate.slice(0, 10) : '';
	return `s${createHash('sha256').update(`${entityType}|${entityId}|${signalType}|${day}`).digest('base64url').slice(0, 16)}`;
}

/** Keys this process delivered or recovered, per trigger, oldest first. */
const knownByTrigger = new Map<string, Map<string, number>>();

function knownFor(triggerKey: string, now: number): Map<string, number> {
	let known = knownByTrigger.get(triggerKey);
	if (!known) knownByTrigger.set(triggerKey, (known = new Map()));
	for (const [key, at] of known) {
		if (now - at * 1000 < SIGNAL_MEMORY_MS && known.size <= SIGNAL_MEMORY_MAX) break;
		known.delete(key);
	}
	return known;
}

/** Takes the occurrence of `base` numbered `n` unless static data, this process or (queue mode) Redis has it. */
async function take(stored: SignalMemory, known: Map<string, number>, triggerKey: string, key: string, nowSeconds: number): Promise<boolean> {
	if (known.has(key) || stored.signalKeys?.[key] !== undefined) return false;
	if ((await claimOnce(triggerKey, key, SIGNAL_MEMORY_MS)) === false) return false;
	known.set(key, nowSeconds);
	return true;
}

/**
 * The webhook path, for a first delivery of a signal: remembers its content key, and writes what this
 * process knows (its recoveries included) into the static data n8n is about to save anyway.
 */
export async function rememberDeliveredSignal(memory: SignalMemory, triggerKey: string, payload: IDataObject, now = Date.now()): Promise<void> {
	const data = (payload.data && typeof payload.data === 'object' ? payload.data : {}) as IDataObject;
	if (typeof payload.type !== 'string' || payload.entityId === undefined) return;
	const base = signalKey(String(payload.entityType ?? ''), String(payload.entityId), payload.type, signalDateOf(data));
	const nowSeconds = Math.floor(now / 1000);
	const known = knownFor(triggerKey, now);
	for (let n = 0; n < MAX_SAME && !(await take(memory, known, triggerKey, `${base}.${n}`, nowSeconds)); n++);
	const merged = { ...(memory.signalKeys ?? {}), ...Object.fromEntries(known) };
	const live = Object.entries(merged)
		.filter(([, at]) => now - at * 1000 < SIGNAL_MEMORY_MS)
		.sort((a, b) => a[1] - b[1])
		.slice(-SIGNAL_MEMORY_MAX);
	memory.signalKeys = Object.fromEntries(live);
}

/**
 * The periodic check, for the signals a recovery found (content keys, in Lusha's order): which were
 * neither delivered nor recovered before. Those are remembered as recovered at once. `snapshot` is
 * only read.
 */
export async function takeUndelivered(snapshot: SignalMemory, triggerKey: string, keys: string[], now = Date.now()): Promise<boolean[]> {
	const known = knownFor(triggerKey, now);
	const seen = new Map<string, number>();
	const taken: boolean[] = [];
	for (const base of keys) {
		const n = seen.get(base) ?? 0;
		seen.set(base, n + 1);
		taken.push(n < MAX_SAME && (await take(snapshot, known, triggerKey, `${base}.${n}`, Math.floor(now / 1000))));
	}
	return taken;
}
