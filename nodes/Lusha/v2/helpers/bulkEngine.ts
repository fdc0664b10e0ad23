/**
 * The bulk engine of version 2 (Lusha API V3): runs one bulk endpoint over all input items in as few
 * Lusha calls as possible. A family or operation describes the call (`BulkCall`: literal path, body key,
 * one entry per item, the rest of the body, the output); the engine turns it into the shared runner's
 * `BulkPlan` (nodes/shared/helpers/bulk.ts), which batches, dedupes and pairs items.
 *
 * What it does for you:
 * - Object entries get a `clientReferenceId`; string entries (`ids`) are matched back by `id`. Every result
 *   returns to its own input item (pairedItem), whatever order Lusha answers in.
 * - Items whose extras differ (an expression in an option) go in separate calls.
 * - Per-item outcomes (`error.code` NOT_FOUND, COMPLIANCE_RESTRICTED, ENRICH_FAILED, NO_SCORE) are data: an item
 *   with the input's identifiers, `found: false` and `error: {code, message}`. With "On Item Error: Fail"
 *   (`onItemErrorField`) they fail the node instead. Found items get `found: true`.
 * - Every item carries `billing` (the `creditsCharged` of the call that produced it); the execution's total
 *   is shown as an execution hint under the node's output.
 * - 401/403/429/5xx (after the transport's retries) are real errors: the node fails, or with Continue On Fail
 *   each affected item gets an error item. A 402 after some calls succeeded keeps their items; the undone ones
 *   come out with `error.code` INSUFFICIENT_CREDITS and a hint says how many.
 * - Optional: `sameIdentityOnce` sends identical entries once; `gate` (the credit guard) decides before each
 *   call how many of its entries may go out.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, NodeExecutionHint } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { callBilling, matchResults } from '../../../shared/api/batchAnswer';
import type { BulkPlan, Entry, EntryResult } from '../../../shared/helpers/bulk';
import { bulkPerItem } from '../../../shared/helpers/bulk';
import type { CallGate } from '../../../shared/helpers/creditGuard';
import { showFor } from '../../../shared/helpers/display';
import { atItem, errorItem, pairedIndex } from '../../../shared/helpers/items';
import { lushaRequestFull } from '../../../shared/transport';
import { UNDONE, undoneReason } from '../../../shared/helpers/resume';
import { quotaExhaustion } from '../../../shared/transport/errors';

/** Lusha's per-item outcome codes, and the ones this package adds for items it did not send. */
export type ItemErrorCode =
	| 'NOT_FOUND'
	| 'COMPLIANCE_RESTRICTED'
	| 'ENRICH_FAILED'
	| 'NO_SCORE'
	| 'CREDIT_BUDGET'
	| 'CREDIT_FLOOR'
	| 'INSUFFICIENT_CREDITS'
	| 'RATE_LIMITED';

export interface ItemError extends IDataObject {
	code: ItemErrorCode | string;
	message: string;
}

/** One thing to ask Lusha about: an identity object (`contacts`, `companies`) or an ID (`ids`). */
export type BulkEntry = IDataObject | string;

export interface Billing extends IDataObject {
	creditsCharged?: number;
	resultsReturned?: number;
}

/** The envelope every V3 bulk endpoint answers with. */
export interface BulkResponse extends IDataObject {
	requestId?: string;
	results?: IDataObject[];
	billing?: Billing;
}

/** Credits and successful calls of one execution; share one between several engine runs to report one total. */
export interface Spend {
	credits: number;
	calls: number;
}

export function newSpend(): Spend {
	return { credits: 0, calls: 0 };
}

/**
 * One bulk endpoint as a family or operation describes it: the shared runner's `BulkPlan` (`prepare`:
 * the entries each item gives; `batchSize`, 100 by default) without `send`, which the engine supplies,
 * plus the request and the output.
 */
export interface BulkCall<E extends BulkEntry> extends Pick<BulkPlan<E>, 'prepare'>, Partial<Pick<BulkPlan<E>, 'batchSize'>> {
	/** The literal endpoint path, e.g. '/v3/contacts/search'. */
	path: string;
	/** The body key the entries go in. */
	bodyKey: string;
	/** The rest of the body for this item's entries (options, reveal, signals, tableId). */
	bodyExtras?(itemIndex: number): IDataObject;
	/** Maps one Lusha result (without our clientReferenceId) to the output json: one object or several; `found: false` in it stays (a record still in the works). */
	output(result: IDataObject, entry: E, itemIndex: number): IDataObject | IDataObject[];
	/** What an item Lusha could not serve shows of its input; by default the entry itself (`{id}` for IDs). */
	identifiers?(entry: E): IDataObject;
	/** Send identical entries (with identical extras) once and copy the answer to each of their items. */
	sameIdentityOnce?: boolean;
	/** Decides before each call how many of its entries may go out (the credit guard). */
	gate?: CallGate<E>;
	/** A shared tally; when given, the caller reports the total. Otherwise the engine adds the hint itself. */
	spend?: Spend;
	/** Replaces the one POST per batch: walks pages (buying group) or reshapes results before they are matched (signal score). */
	request?(body: IDataObject, itemIndex: number): Promise<BulkResponse>;
}

/** The "On Item Error" choice every V3 batch operation shows. */
export function onItemErrorField(resource: string, operation: string | string[]): INodeProperties {
	return {
		displayName: 'On Item Error',
		name: 'onItemError',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Output Item',
				value: 'output',
				description: 'An item Lusha cannot serve (not found, restricted, …) comes out with found: false and error {code, message}; the others go on',
			},
			{
				name: 'Fail',
				value: 'fail',
				description: 'Stop the node at the first such item (with Continue On Fail: an error item for it)',
			},
		],
		default: 'output',
		description: 'What to do with an item Lusha answers for with an error, such as NOT_FOUND or COMPLIANCE_RESTRICTED',
		displayOptions: showFor(resource, operation),
	};
}

const ITEM_ERROR_HINTS: Record<string, string> = {
	NOT_FOUND: 'Check the identifier, or try another one (email, LinkedIn URL, or name and company).',
	COMPLIANCE_RESTRICTED: 'Lusha may not share this record (privacy rules in its region).',
	ENRICH_FAILED: 'Lusha could not enrich this record right now. Try again later.',
	NO_SCORE: 'Lusha has no score for this record: it has no live signals.',
	CREDIT_BUDGET: 'Raise Max Credits per Execution, or run fewer items.',
	CREDIT_FLOOR: 'Lower Stop When Remaining Credits Below, or add credits in Lusha.',
	INSUFFICIENT_CREDITS: 'Add credits in the Lusha dashboard, then run the undone items again.',
	RATE_LIMITED: 'Run the undone items again after the quota resets.',
};

/** Adds the execution's total spend as an execution hint under the node's output. */
export function addSpendHint(context: IExecuteFunctions, spend: Spend): void {
	const calls = `${spend.calls} Lusha call${spend.calls === 1 ? '' : 's'}`;
	context.addExecutionHints({
		message: `This execution spent ${spend.credits} Lusha credit${spend.credits === 1 ? '' : 's'} (${calls}).`,
		type: 'info',
		location: 'outputPane',
	});
}

interface Request<E> {
	entry: E;
	extras: IDataObject;
	group: string;
}

// A 402, or a used-up hourly/daily quota (https://docs.lusha.com/rate-limiting): what is done stays, the rest is marked undone.
const stopsRun = (error: unknown) => error instanceof NodeApiError && (error.httpCode === '402' || quotaExhaustion(error) !== undefined);

/** Runs a V3 bulk operation over all input items; see the comment at the top of this file. */
export async function runBulk<E extends BulkEntry>(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	plan: BulkCall<E>,
): Promise<INodeExecutionData[]> {
	const failOnItemError = (this.getNodeParameter('onItemError', 0, 'output') as string) === 'fail';
	const spend = plan.spend ?? newSpend();
	const identifiers = plan.identifiers ?? ((entry: E) => (typeof entry === 'string' ? { id: entry } : { ...entry }));
	let nextReference = 0;
	let outOfCredits: NodeApiError | undefined;

	const itemFailure = (entry: E, itemIndex: number, error: ItemError, billing?: IDataObject): EntryResult => {
		if (failOnItemError) {
			return new NodeOperationError(this.getNode(), `${error.message} (${error.code}, item ${itemIndex})`, {
				itemIndex,
				description: ITEM_ERROR_HINTS[error.code],
			});
		}
		return { ...identifiers(entry), found: false, error: { code: error.code, message: error.message }, ...(billing ? { billing } : {}) };
	};
	// `tableWrite`: Lusha's summary of a "Save to Lusha Table" write, per call.
	const found = (json: IDataObject, billing: IDataObject, tableWrite?: unknown): IDataObject => ({ ...json, found: json.found !== false, billing, ...(tableWrite ? { tableWrite: tableWrite as IDataObject } : {}) });
	const undone = (batch: Array<Entry<Request<E>>>, error: NodeApiError): EntryResult[] =>
		batch.map(({ itemIndex, request }) =>
			failOnItemError
				? error
				: itemFailure(request.entry, itemIndex, undoneReason(error), { creditsCharged: 0 }),
		);

	const send = async (batch: Array<Entry<Request<E>>>): Promise<EntryResult[]> => {
		if (outOfCredits) return undone(batch, outOfCredits);
		const { extras } = batch[0].request;
		const admission = plan.gate ? await plan.gate.admit(batch.map((b) => b.request.entry), extras) : { admitted: batch.length, settle: () => {} };
		// A 402 may have come in while this call waited for the guard.
		if (outOfCredits) {
			admission.settle(0);
			return undone(batch, outOfCredits);
		}
		const sent = batch.slice(0, admission.admitted);
		const refused: EntryResult[] = batch
			.slice(admission.admitted)
			.map(({ itemIndex, request }) => itemFailure(request.entry, itemIndex, admission.refusal ?? { code: 'CREDIT_BUDGET', message: 'Not sent: over the credit budget' }, { creditsCharged: 0 }));
		if (sent.length === 0) {
			admission.settle(0);
			return refused;
		}

		const references = sent.map(({ request }) => (typeof request.entry === 'string' ? request.entry : String(nextReference++)));
		const bodyEntries = sent.map(({ request }, i) => {
			const entry: BulkEntry = request.entry;
			return typeof entry === 'string' ? entry : { clientReferenceId: references[i], ...entry };
		});
		let response: BulkResponse;
		try {
			const body = { [plan.bodyKey]: bodyEntries, ...extras };
			response = plan.request
				? await plan.request(body, sent[0].itemIndex)
				: (await lushaRequestFull<BulkResponse>(this, { method: 'POST', path: plan.path, body, itemIndex: sent[0].itemIndex })).body;
		} catch (error) {
			admission.settle(0);
			if (!stopsRun(error)) throw atItem.call(this, error, sent[0].itemIndex);
			outOfCredits ??= error as NodeApiError;
			return [...undone(sent, error as NodeApiError), ...refused];
		}
		const { creditsCharged, billing } = callBilling(response);
		admission.settle(creditsCharged);
		spend.credits += creditsCharged;
		spend.calls += 1;

		const matched = matchResults(response, references);
		const answers = sent.map(({ itemIndex, request }, i): EntryResult => {
			const result = matched[i];
			if (!result) return itemFailure(request.entry, itemIndex, { code: 'NOT_FOUND', message: 'Lusha returned no result for this entry' }, billing);
			const itemError = result.error as ItemError | undefined;
			if (itemError && typeof itemError === 'object') {
				return itemFailure(request.entry, itemIndex, { code: String(itemError.code ?? 'ENRICH_FAILED'), message: String(itemError.message ?? 'Lusha could not serve this entry') }, billing);
			}
			const { clientReferenceId: _ours, ...lushaResult } = result;
			const json = plan.output(lushaResult, request.entry, itemIndex);
			return Array.isArray(json) ? json.map((one) => found(one, billing, response.tableWrite)) : found(json, billing, response.tableWrite);
		});
		return [...answers, ...refused];
	};

	let output: INodeExecutionData[];
	try {
		output = await bulkPerItem<Request<E>>(this, items, {
			batchSize: plan.batchSize ?? 100,
			prepare: (itemIndex) => {
				const prepared = plan.prepare(itemIndex);
				const extras = plan.bodyExtras?.(itemIndex) ?? {};
				const group = JSON.stringify(extras);
				return (Array.isArray(prepared) ? prepared : [prepared]).map((entry) => ({ entry, extras, group }));
			},
			groupOf: (request) => request.group,
			keyOf: plan.sameIdentityOnce ? (request) => `${request.group}\u0000${JSON.stringify(request.entry)}` : undefined,
			send,
		});
	} finally {
		if (!plan.spend && spend.calls > 0) addSpendHint(this, spend);
	}

	if (outOfCredits && spend.calls === 0) {
		// Nothing was done: the 402 is the whole story, as a real error.
		if (!this.continueOnFail()) throw atItem.call(this, outOfCredits, 0);
		const error = outOfCredits;
		return output.map((item) => (UNDONE.includes(codeOf(item) ?? '') ? errorItem(error, pairedIndex(item)) : item));
	}
	this.addExecutionHints(...notSentHints(output));
	return output;
}

function codeOf(item: INodeExecutionData): string | undefined {
	const error = item.json.error as IDataObject | undefined;
	return error && typeof error === 'object' ? (error.code as string | undefined) : undefined;
}

/** One warning per reason items were left unsent (budget, floor, out of credits, quota), with how many. */
function notSentHints(output: INodeExecutionData[]): NodeExecutionHint[] {
	const counts = new Map<string, { count: number; message: string }>();
	for (const item of output) {
		const code = codeOf(item) ?? '';
		if (!['CREDIT_BUDGET', 'CREDIT_FLOOR', ...UNDONE].includes(code)) continue;
		const seen = counts.get(code) ?? { count: 0, message: String((item.json.error as IDataObject).message) };
		seen.count++;
		counts.set(code, seen);
	}
	const hint = ([code, { count, message }]: [string, { count: number; message: string }]): NodeExecutionHint => ({ message: `${count} item${count === 1 ? ' was' : 's were'} left undone (error.code ${code}): ${message}. ${ITEM_ERROR_HINTS[code]}`, type: 'warning', location: 'outputPane' });
	return [...counts.entries()].map(hint);
}
