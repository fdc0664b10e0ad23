/**
 * The credit guard: Max Credits per Execution, Stop When Remaining Credits Below, Same Identity Once.
 *
 * Before each bulk call the bulk engine asks the guard's gate how many of the call's entries may go out.
 * The gate prices the call at its worst case (the operation says how: documented prices, or the exact
 * `canReveal` credits of a preview), reserves that much until Lusha answers, and refuses what could pass
 * the budget or take the account below the floor. When calls are in flight it first waits for them, so
 * the budget their real charges left over is used before anything is refused.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { BulkPlan, Entry, EntryResult } from './bulk';

/** Why an item was not sent: `CREDIT_BUDGET` or `CREDIT_FLOOR`, with a message for the builder. */
export interface Refusal extends IDataObject {
	code: string;
	message: string;
}

/** The guard's answer before a call: how many leading entries may go out, and why the rest may not. */
export interface Admission {
	admitted: number;
	refusal?: Refusal;
	/** Called once the call is answered (with what Lusha charged) or failed (0). */
	settle(creditsCharged: number): void;
}

/** Asked before each bulk call; the bulk engine sends only the admitted entries. */
export interface CallGate<E> {
	admit(entries: E[], extras: IDataObject): Promise<Admission>;
}

/** The account's balance and, when Lusha lists them, its prices. */
export interface Usage {
	remaining: number;
	pricing?: Pricing;
}

/** `{credits, perQuantity}` per action, as `GET /v3/account/usage` lists them under `pricing`. */
export type Pricing = Record<string, { credits: number; perQuantity?: number }>;

/** Credits for `quantity` units of `action`: ceil(quantity / perQuantity) × credits. */
export function price(pricing: Pricing, action: string, quantity = 1, fallback?: string): number {
	const entry = pricing[action] ?? (fallback ? pricing[fallback] : undefined);
	if (!entry || quantity <= 0) return 0;
	return Math.ceil(quantity / Math.max(1, entry.perQuantity ?? 1)) * entry.credits;
}

/** The guard's options, for the Options collection of every operation that spends credits. */
export const creditGuardOptions: INodeProperties[] = [
	{
		displayName: 'Max Credits per Execution',
		name: 'maxCredits',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: 100,
		description:
			'The most this node may spend in one execution. Before each call it prices the call at its worst case and never sends one that could pass this; the items it holds back come out with error.code CREDIT_BUDGET.',
	},
	{
		displayName: 'Stop When Remaining Credits Below',
		name: 'stopBelowCredits',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 0 },
		default: 1000,
		description:
			'Keep at least this many credits on the Lusha account. The node reads the balance (Account → Get Usage, 5 reads a minute) at the start and again when its spending gets close, and holds back items that could go below it (error.code CREDIT_FLOOR).',
	},
	{
		displayName: 'Same Identity Once',
		name: 'sameIdentityOnce',
		type: 'boolean',
		default: true,
		description: 'Whether to send identical identities (or IDs) within one execution once, and copy the answer to each of their items',
	},
];

/** How a `bulkPerItem` operation prices its calls, answers for the entries it did not send, and reads what a call cost. */
export interface GuardedSends<Request> {
	worstCase: WorstCase<Request>;
	refused(entry: Entry<Request>, refusal: Refusal): EntryResult;
	/** The credits the sent entries cost, from their answers; may be an upper bound when Lusha does not say. */
	charged(answers: EntryResult[], sent: Array<Entry<Request>>): number;
}

/** Prices a call of these entries at its worst case. Must not shrink when entries are added. */
export type WorstCase<E> = (entries: E[], extras: IDataObject) => number;

export class CreditGuard {
	readonly sameIdentityOnce: boolean;

	pricing: Pricing;

	private spent = 0;

	private reserved = 0;

	private readonly inFlight = new Set<Promise<void>>();

	/** The balance Lusha reported at the last read, and what was spent since. */
	private remainingAtRead?: number;

	private spentSinceRead = 0;

	private readonly maxCredits?: number;

	private readonly floor?: number;

	private constructor(
		private readonly readUsage: () => Promise<Usage>,
		options: IDataObject,
		pricing: Pricing,
		sameIdentityOnceByDefault: boolean,
	) {
		const number = (value: unknown) => (value === undefined || value === null || value === '' ? undefined : Number(value));
		this.maxCredits = number(options.maxCredits);
		this.floor = number(options.stopBelowCredits);
		this.sameIdentityOnce = options.sameIdentityOnce === undefined ? sameIdentityOnceByDefault : options.sameIdentityOnce !== false;
		this.pricing = pricing;
	}

	/**
	 * Reads the guard's options from the operation's Options collection (`options`) and, with a floor
	 * set, the balance through `readUsage` (the version's account-usage endpoint). Version 1 keeps
	 * sending repeated identities unless the builder adds Same Identity Once, as saved workflows expect.
	 */
	static async start(
		context: IExecuteFunctions,
		readUsage: () => Promise<Usage>,
		pricing: Pricing,
		{ sameIdentityOnceByDefault = true }: { sameIdentityOnceByDefault?: boolean } = {},
	): Promise<CreditGuard> {
		const guard = new CreditGuard(readUsage, context.getNodeParameter('options', 0, {}) as IDataObject, pricing, sameIdentityOnceByDefault);
		if (guard.floor !== undefined) await guard.refresh();
		return guard;
	}

	/**
	 * A `bulkPerItem` plan whose calls go through this guard: Same Identity Once as its `keyOf`, and
	 * each call (bulk or single) admitted first, the entries that do not fit answered by `refused`.
	 */
	plan<Request>(plan: BulkPlan<Request>, sends: GuardedSends<Request>): BulkPlan<Request> {
		const keyOf = this.sameIdentityOnce ? (plan.keyOf ?? ((request: Request) => JSON.stringify(request))) : plan.keyOf;
		const gate = this.gate(sends.worstCase);
		if (!gate) return { ...plan, keyOf };
		const guarded = async (batch: Array<Entry<Request>>, send: (sent: Array<Entry<Request>>) => Promise<EntryResult[]>): Promise<EntryResult[]> => {
			const admission = await gate.admit(batch.map((entry) => entry.request), {});
			const sent = batch.slice(0, admission.admitted);
			const refusal = admission.refusal ?? { code: 'CREDIT_BUDGET', message: 'Not sent: over the credit budget' };
			const refused = batch.slice(admission.admitted).map((entry) => sends.refused(entry, refusal));
			if (sent.length === 0) {
				admission.settle(0);
				return refused;
			}
			let charged = 0;
			try {
				const answers = await send(sent);
				charged = sends.charged(answers, sent);
				return [...answers, ...refused];
			} finally {
				admission.settle(charged);
			}
		};
		const { sendOne } = plan;
		return {
			...plan,
			keyOf,
			send: async (batch) => await guarded(batch, plan.send),
			sendOne: sendOne && (async (entry) => (await guarded([entry], async ([one]) => [await sendOne(one)]))[0]),
		};
	}

	get active(): boolean {
		return this.maxCredits !== undefined || this.floor !== undefined;
	}

	/** A gate for one kind of call (search, enrich, …) drawing on this guard's budget; undefined when no limit is set. */
	gate<E>(worstCase: WorstCase<E>): CallGate<E> | undefined {
		if (!this.active) return undefined;
		return { admit: async (entries, extras) => await this.admit(entries, extras, worstCase) };
	}

	/**
	 * Reads the account's prices when some of `actions` have none yet (waterfall rates are the account's own,
	 * https://docs.lusha.com/account/usage lists them under `pricing`). A failed read keeps the prices known.
	 */
	async priceFromAccount(actions: string[]): Promise<void> {
		if (!this.active || actions.every((action) => this.pricing[action])) return;
		try {
			const usage = await this.readUsage();
			if (usage.pricing) this.pricing = { ...this.pricing, ...usage.pricing };
		} catch {
			// Without the account's prices the documented ones stand.
		}
	}

	/** Credits a call may still be charged after it returned (a Data Waterfall job still running): they count as spent. */
	expectLater(credits: number): void {
		this.spent += credits;
		this.spentSinceRead += credits;
	}

	private async refresh(): Promise<void> {
		const usage = await this.readUsage();
		this.remainingAtRead = usage.remaining;
		this.spentSinceRead = 0;
		if (usage.pricing) this.pricing = { ...this.pricing, ...usage.pricing };
	}

	/** How much more may be committed now, and what to tell the items that do not fit. */
	private room(): { credits: number; refusal: (cost: number) => Refusal } {
		const committed = this.spent + this.reserved;
		const budget = this.maxCredits === undefined ? Number.POSITIVE_INFINITY : this.maxCredits - committed;
		const aboveFloor =
			this.floor === undefined || this.remainingAtRead === undefined
				? Number.POSITIVE_INFINITY
				: this.remainingAtRead - this.spentSinceRead - this.reserved - this.floor;
		if (aboveFloor < budget) {
			const left = (this.remainingAtRead ?? 0) - this.spentSinceRead;
			return {
				credits: aboveFloor,
				refusal: (cost) => ({
					code: 'CREDIT_FLOOR',
					message: `Not sent: Lusha reports ${left} credits left, and this could cost up to ${cost} more, going below the ${this.floor} kept by Stop When Remaining Credits Below`,
				}),
			};
		}
		return {
			credits: budget,
			refusal: (cost) => ({
				code: 'CREDIT_BUDGET',
				message: `Not sent: it could cost up to ${cost} credit${cost === 1 ? '' : 's'}, and only ${Math.max(0, budget)} of Max Credits per Execution (${this.maxCredits}) are left (${committed} spent or reserved)`,
			}),
		};
	}

	private async admit<E>(entries: E[], extras: IDataObject, worstCase: WorstCase<E>): Promise<Admission> {
		let refreshed = false;
		for (;;) {
			const room = this.room();
			const fits = (count: number) => count === 0 || worstCase(entries.slice(0, count), extras) <= room.credits;
			// Worst cases only grow with entries: the largest prefix that fits, by bisection.
			let low = 0;
			let high = entries.length;
			while (low < high) {
				const middle = Math.ceil((low + high) / 2);
				if (fits(middle)) low = middle;
				else high = middle - 1;
			}
			if (low < entries.length && this.inFlight.size > 0) {
				// Calls in flight reserved their worst case; their real charges may leave room.
				await Promise.race(this.inFlight);
				continue;
			}
			if (low < entries.length && this.floor !== undefined && this.spentSinceRead > 0 && !refreshed) {
				// The balance read is older than some spending: read it again before refusing anything.
				refreshed = true;
				await this.refresh();
				continue;
			}
			const cost = (count: number) => (count === 0 ? 0 : worstCase(entries.slice(0, count), extras));
			const refusal = low < entries.length ? room.refusal(cost(low + 1) - cost(low)) : undefined;
			return this.reserve(low, cost(low), refusal);
		}
	}

	private reserve(admitted: number, cost: number, refusal: Refusal | undefined): Admission {
		if (admitted === 0) return { admitted, refusal, settle: () => {} };
		this.reserved += cost;
		let done = () => {};
		const settled = new Promise<void>((resolve) => (done = resolve));
		this.inFlight.add(settled);
		let open = true;
		return {
			admitted,
			refusal,
			settle: (creditsCharged) => {
				if (!open) return;
				open = false;
				this.reserved -= cost;
				this.spent += creditsCharged;
				this.spentSinceRead += creditsCharged;
				this.inFlight.delete(settled);
				done();
			},
		};
	}
}
