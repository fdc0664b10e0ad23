/**
 * The credit guard for version 1 (Lusha API v2). API v2 answers with no prices, so calls are priced at
 * the worst case of Lusha's documented prices, and a call's spend is read from its answers: a person
 * with `isCreditCharged`, a company found.
 */
import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Entry, EntryResult } from '../../../shared/helpers/bulk';
import type { CreditGuard, Pricing, Refusal, Usage } from '../../../shared/helpers/creditGuard';
import { CreditGuard as Guard, price } from '../../../shared/helpers/creditGuard';
import type { OnNotFound } from '../../../shared/helpers/notFound';
import { lushaRequest } from '../../../shared/transport';

/** Lusha's documented prices: an email 1 credit, a phone 5, a company 1, each signal type with results 1. */
export const V1_PRICES: Pricing = {
	revealEmail: { credits: 1, perQuantity: 1 },
	revealPhone: { credits: 5, perQuantity: 1 },
	company: { credits: 1, perQuantity: 1 },
	signal: { credits: 1, perQuantity: 1 },
};

/** What `allSignals` stands for when pricing the worst case. */
const ALL_SIGNALS = { person: 2, company: 23 };

/** `GET /account/usage`: `{usage: {<bucket>: {used, total, remaining}}}`; the bucket names vary by plan. */
async function readV1Usage(context: IExecuteFunctions): Promise<Usage> {
	const response = await lushaRequest<{ usage?: Record<string, IDataObject> }>(context, { method: 'GET', path: '/account/usage' });
	const buckets = response.usage ?? {};
	const bucket = buckets.credits ?? Object.values(buckets).find((entry) => entry && typeof entry === 'object' && entry.remaining !== undefined);
	const remaining = Number(bucket?.remaining);
	if (!Number.isFinite(remaining)) {
		throw new NodeOperationError(context.getNode(), 'Could not read the remaining credits from Lusha’s account usage', {
			description: 'Stop When Remaining Credits Below needs GET /account/usage. Remove that option, or check the API key’s access.',
		});
	}
	return { remaining };
}

/** The guard of a version 1 operation, from its Options collection. Same Identity Once is off unless added. */
export async function startV1CreditGuard(context: IExecuteFunctions): Promise<CreditGuard> {
	return await Guard.start(context, async () => await readV1Usage(context), V1_PRICES, { sameIdentityOnceByDefault: false });
}

const signalCount = (signals: unknown, kind: keyof typeof ALL_SIGNALS) => {
	const list = Array.isArray(signals) ? (signals as string[]) : [];
	return list.includes('allSignals') ? ALL_SIGNALS[kind] : list.length;
};

/** The most one person can cost with these options: the fields that may come back, and every signal type asked. */
export function personWorstCase(pricing: Pricing, options: IDataObject): number {
	const emailsOnly = options.filterBy === 'emailAddresses' || (options.revealEmails === true && options.revealPhones !== true);
	const phonesOnly = options.filterBy === 'phoneNumbers' || (options.revealPhones === true && options.revealEmails !== true);
	const fields = (phonesOnly ? 0 : price(pricing, 'revealEmail')) + (emailsOnly ? 0 : price(pricing, 'revealPhone'));
	return fields + signalCount(options.signals, 'person') * price(pricing, 'signal');
}

/** The most one company can cost: the company and every signal type asked. */
export function companyWorstCase(pricing: Pricing, options: IDataObject): number {
	return price(pricing, 'company') + signalCount(options.signals, 'company') * price(pricing, 'signal');
}

/** What an entry the guard held back gives: an item with the identifiers and `error: {code, message}`, or the item's error. */
export function refusedResult<Request extends object>(node: INode, onNotFound: OnNotFound) {
	return (entry: Entry<Request>, refusal: Refusal): EntryResult =>
		onNotFound === 'fail'
			? new NodeOperationError(node, `${refusal.message} (${refusal.code}, item ${entry.itemIndex})`, { itemIndex: entry.itemIndex })
			: { found: false, ...(entry.request as IDataObject), error: { code: refusal.code, message: refusal.message } };
}

/** What a call cost, at most: each answer that says Lusha charged for it (or, with `chargedWhenFound`, each one found) at `each`. */
export function chargedFrom(each: number, chargedWhenFound = false) {
	return (answers: EntryResult[]): number =>
		answers.reduce<number>((sum, answer) => {
			if (answer instanceof Error || Array.isArray(answer)) return sum;
			const charged = chargedWhenFound ? answer.found !== false : answer.isCreditCharged === true;
			return sum + (charged ? each : 0);
		}, 0);
}
