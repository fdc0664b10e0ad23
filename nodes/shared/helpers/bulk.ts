import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { BULK_CONCURRENCY, chunk, mapConcurrent, respectingBulkCap } from '../transport';
import { quotaExhaustion } from '../transport/errors';
import { atItem, errorItem, outputItem } from './items';
import { undoneReason } from './resume';

/** One thing to ask Lusha about, and the input item it came from. */
export interface Entry<Request> {
	itemIndex: number;
	request: Request;
}

/** Lusha's answer for one entry: its output (one item, or several, e.g. the contacts of a company), or its own error (not found, rejected, …). */
export type EntryResult = IDataObject | IDataObject[] | Error;

export interface BulkPlan<Request> {
	/** Reads and checks one item's input: usually one entry, several when an item lists several IDs. Throws an input error naming the field and item. */
	prepare(itemIndex: number): Request | Request[];
	/** Lusha's limit per call. */
	batchSize: number;
	/** Entries that must share a call (e.g. one prospecting requestId) have the same group. */
	groupOf?(request: Request): string;
	/** Entries with the same key are asked about once; every item holding one gets the answer. */
	keyOf?(request: Request): string | undefined;
	/** Sends one batch and answers for each of its entries, in order. */
	send(batch: Array<Entry<Request>>): Promise<EntryResult[]>;
	/** Optional single-entry path (GET /v2/person for one person); must give the same output shape. */
	sendOne?(entry: Entry<Request>): Promise<EntryResult>;
}

/**
 * Runs a per-item operation in as few Lusha calls as possible. Every item is checked first, so a
 * typo costs no credits; valid entries go out in batches; each answer returns to its own item, in
 * input order, with pairedItem. Under Continue On Fail a failing item yields one error item and the
 * rest go on; otherwise the first failure stops the node with that item's error.
 */
export async function bulkPerItem<Request>(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	plan: BulkPlan<Request>,
): Promise<INodeExecutionData[]> {
	const inputErrors = new Map<number, Error>();
	const entries: Array<Entry<Request>> = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const requests = plan.prepare(itemIndex);
			for (const request of Array.isArray(requests) ? requests : [requests]) entries.push({ itemIndex, request });
		} catch (error) {
			if (!context.continueOnFail()) throw atItem.call(context, error, itemIndex);
			inputErrors.set(itemIndex, error as Error);
		}
	}

	const send = respectingBulkCap(plan.send);
	// A used-up hourly/daily quota stops the run: later batches are not sent, and what is done stays (below).
	let quotaOut: Error | undefined;
	const sendBatch = async (batch: Array<Entry<Request>>): Promise<EntryResult[]> => {
		if (quotaOut) return batch.map(() => quotaOut as Error);
		try {
			if (batch.length === 1 && plan.sendOne) return [await plan.sendOne(batch[0])];
			return await send(batch);
		} catch (error) {
			if (quotaExhaustion(error)) return batch.map(() => (quotaOut ??= error as Error));
			// A failed call fails each of its entries; under Continue On Fail the other batches go on.
			if (!context.continueOnFail()) throw atItem.call(context, error, batch[0].itemIndex);
			return batch.map(() => error as Error);
		}
	};
	const firstWithKey = new Map<string, Entry<Request>>();
	const sameAs = new Map<Entry<Request>, Entry<Request>>();
	for (const entry of entries) {
		const key = plan.keyOf?.(entry.request);
		if (key === undefined) continue;
		const first = firstWithKey.get(key);
		if (first) sameAs.set(entry, first);
		else firstWithKey.set(key, entry);
	}
	const groups = new Map<string, Array<Entry<Request>>>();
	for (const entry of entries) {
		if (sameAs.has(entry)) continue;
		const key = plan.groupOf?.(entry.request) ?? '';
		const group = groups.get(key);
		if (group) group.push(entry);
		else groups.set(key, [entry]);
	}
	const batches = [...groups.values()].flatMap((group) => chunk(group, plan.batchSize));
	const answered = new Map<Entry<Request>, EntryResult>();
	const batchAnswers = await mapConcurrent(batches, BULK_CONCURRENCY, sendBatch);
	batches.forEach((batch, b) => batch.forEach((entry, i) => answered.set(entry, batchAnswers[b][i])));

	const refused = entries.map((entry) => answered.get(sameAs.get(entry) ?? entry)).filter((answer) => quotaExhaustion(answer)) as Error[];
	const undone = refused.length;
	// Nothing done: the 429 is the whole story, as a real error.
	if (undone && undone === entries.length && !context.continueOnFail()) throw atItem.call(context, refused[0], entries[0].itemIndex);
	const byItem: INodeExecutionData[][] = items.map(() => []);
	for (const [itemIndex, error] of inputErrors) byItem[itemIndex].push(errorItem(error, itemIndex));
	entries.forEach((entry) => {
		const { itemIndex } = entry;
		const first = sameAs.get(entry);
		const answer = answered.get(first ?? entry) as EntryResult;
		// A copy for each further item with the same identity, so editing one item downstream leaves the others alone.
		const own = (json: IDataObject) => outputItem(first ? { ...json } : json, itemIndex);
		if (Array.isArray(answer)) byItem[itemIndex].push(...answer.map(own));
		else if (undone < entries.length && quotaExhaustion(answer)) byItem[itemIndex].push(own({ found: false, error: undoneReason(answer as Error) }));
		else if (!(answer instanceof Error)) byItem[itemIndex].push(own(answer));
		else if (!context.continueOnFail()) throw atItem.call(context, answer, itemIndex);
		else if (!byItem[itemIndex].some((item) => item.json.error !== undefined)) byItem[itemIndex].push(errorItem(answer, itemIndex));
	});
	if (undone && undone < entries.length) {
		const { message } = undoneReason(refused[0]);
		context.addExecutionHints({ message: `${undone} item${undone === 1 ? ' was' : 's were'} left undone (error.code RATE_LIMITED): ${message}. Run them again after the reset.`, type: 'warning', location: 'outputPane' });
	}
	return byItem.flat();
}
