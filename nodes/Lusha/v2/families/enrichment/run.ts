/**
 * Search, Enrich and Search and Enrich for contacts and companies: one implementation per operation,
 * the entity type and the literal path passed in by the operation files.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { EntityType } from '../../../../shared/api/signalCatalogue';
import { compact } from '../../../../shared/helpers/fields';
import { inputError, lushaDate, lushaIds, parseList, wholeNumberIn } from '../../../../shared/helpers/input';
import type { Pricing, Usage, WorstCase } from '../../../../shared/helpers/creditGuard';
import { CreditGuard, price } from '../../../../shared/helpers/creditGuard';
import { lushaRequest } from '../../../../shared/transport';
import type { BulkCall } from '../../helpers/bulkEngine';
import { runBulk } from '../../helpers/bulkEngine';
import type { CompanyIdentity, ContactIdentity } from '../../helpers/identity';
import { identityOf } from '../../helpers/identity';
import { simplifyCompany, simplifyContact } from '../../helpers/simplify';
import { tableIdFor } from '../../helpers/tableClient';
import { enrichWithJob, waterfallHints } from './waterfallJob';

export type Identity = ContactIdentity | CompanyIdentity;

const BODY_KEY: Record<EntityType, string> = { contact: 'contacts', company: 'companies' };
const CONTACT_FIELD_PRICE: Record<string, [string, string]> = { emails: ['revealEmail', 'waterfallEmail'], phones: ['revealPhone', 'waterfallPhone'] };
const WATERFALL_PRICES = Object.values(CONTACT_FIELD_PRICE).map(([, waterfall]) => waterfall);
const SIGNALS_PRICE: Record<EntityType, string> = { contact: 'showSignalsContact', company: 'showSignalsCompany' };
/** What `allSignals` stands for when pricing the worst case of a signals filter. */
const ALL_SIGNAL_TYPES: Record<EntityType, number> = { contact: 2, company: 23 };

/**
 * Lusha's documented prices (https://docs.lusha.com/faq/billing and the `pricing` of
 * https://docs.lusha.com/account/usage), used until the account's own pricing is read. Waterfall reveals are billed at the providers' own rates, which Lusha does not publish:
 * unless the account's pricing lists them, they are counted at Lusha's price for the same field.
 */
export const DOCUMENTED_PRICES: Pricing = {
	api_search: { credits: 1, perQuantity: 25 },
	revealEmail: { credits: 1, perQuantity: 1 },
	revealPhone: { credits: 5, perQuantity: 1 },
	reveal_company: { credits: 1, perQuantity: 1 },
	employeesByDepartment: { credits: 1, perQuantity: 1 },
	employeesByLocation: { credits: 1, perQuantity: 1 },
	employeesBySeniority: { credits: 1, perQuantity: 1 },
	competitors: { credits: 1, perQuantity: 1 },
	intent: { credits: 1, perQuantity: 1 },
	estimatedAnnualItSpend: { credits: 1, perQuantity: 1 },
	monthlyWebsiteTraffic: { credits: 1, perQuantity: 1 },
	// 1 credit per field when not null (https://docs.lusha.com/changelog/overview, 2.16).
	directParent: { credits: 1, perQuantity: 1 },
	ultimateParent: { credits: 1, perQuantity: 1 },
	showSignalsContact: { credits: 1, perQuantity: 1 },
	showSignalsCompany: { credits: 1, perQuantity: 1 },
};

/** `GET /v3/account/usage`: the remaining credits and the account's prices (5 reads a minute; the transport paces them). */
export async function readUsage(context: IExecuteFunctions): Promise<Usage> {
	// Lusha documents `{credits, pricing, …}`; a live answer was seen wrapped in `usage`.
	const response = await lushaRequest<IDataObject>(context, { method: 'GET', path: '/v3/account/usage' });
	const body = (response.usage && typeof response.usage === 'object' ? response.usage : response) as IDataObject;
	const credits = (body.credits ?? {}) as IDataObject;
	const remaining = Number(credits.remaining ?? Number(credits.total) - Number(credits.used));
	if (!Number.isFinite(remaining)) {
		throw new NodeOperationError(context.getNode(), 'Could not read the remaining credits from Lusha’s account usage', {
			description: 'Stop When Remaining Credits Below needs GET /v3/account/usage. Remove that option, or check the API key’s access.',
		});
	}
	return { remaining, pricing: body.pricing && typeof body.pricing === 'object' ? (body.pricing as Pricing) : undefined };
}

/** The credit guard of Search, Enrich and Search and Enrich, from their Options collection. */
export async function startCreditGuard(context: IExecuteFunctions): Promise<CreditGuard> {
	return await CreditGuard.start(context, async () => await readUsage(context), DOCUMENTED_PRICES);
}

/** The body of a search call besides its entries: `options` and, when asked, `signals`. */
function searchExtras(context: IExecuteFunctions, entity: EntityType, itemIndex: number): IDataObject {
	const chosen = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const types = parseList(chosen.signalTypes);
	const max = wholeNumberIn(context, chosen.maxResultsPerSignal, 'Options → Max Results per Signal', itemIndex, 1, 100);
	const signals = types.length
		? compact({ types, startDate: lushaDate(context, chosen.signalsStartDate, 'Options → Signals Since', itemIndex), maxResultsPerSignal: entity === 'contact' ? max : undefined })
		: undefined;
	return compact({ options: chosen.includePartialProfiles === undefined ? undefined : { includePartialProfiles: chosen.includePartialProfiles as boolean }, signals });
}

/** Worst case of a search call: the search fee per 25 results plus, with a signals filter, every type matching every result. */
function searchCost(entity: EntityType, pricing: () => Pricing): WorstCase<Identity> {
	return (entries, extras) => {
		const types = ((extras.signals as IDataObject | undefined)?.types as string[] | undefined) ?? [];
		const typeCount = types.includes('allSignals') ? ALL_SIGNAL_TYPES[entity] : types.length;
		return price(pricing(), 'api_search', entries.length) + entries.length * typeCount * price(pricing(), SIGNALS_PRICE[entity]);
	};
}

/** Worst case of revealing contact fields for one contact. */
function contactRevealCost(pricing: Pricing, reveal: string[], waterfall: boolean): number {
	return reveal.reduce((sum, field) => {
		const [lusha, thirdParty] = CONTACT_FIELD_PRICE[field] ?? [];
		if (!lusha) return sum;
		return sum + Math.max(price(pricing, lusha), waterfall ? price(pricing, thirdParty, 1, lusha) : 0);
	}, 0);
}

/** Worst case of enriching one company with these extras. */
export function companyRevealCost(pricing: Pricing, reveal: string[]): number {
	return price(pricing, 'reveal_company') + reveal.reduce((sum, field) => sum + price(pricing, field), 0);
}

/** Reveal of a contact enrich, read per item. */
export function contactReveal(context: IExecuteFunctions, itemIndex: number): string[] {
	const reveal = parseList(context.getNodeParameter('reveal', itemIndex, ['emails', 'phones']));
	if (reveal.length === 0) throw inputError(context, itemIndex, 'Reveal', 'is empty', 'Pick Emails, Phones, or both.');
	return reveal;
}

/** Reveal Extras of a company enrich or search-and-enrich, read per item (may be empty). */
export function companyReveal(context: IExecuteFunctions, itemIndex: number): string[] {
	return parseList(context.getNodeParameter('reveal', itemIndex, []));
}

/** The output of a found record: simplified when the Simplify switch is on. */
export function shapeOf(context: IExecuteFunctions, entity: EntityType): (result: IDataObject) => IDataObject {
	const simplify = context.getNodeParameter('simplify', 0, true) as boolean;
	return (result) => (simplify ? (entity === 'contact' ? simplifyContact : simplifyCompany)(result) : result);
}

/** Search (no PII): identities → Lusha IDs, `has`, `canReveal`. */
export async function runSearch(this: IExecuteFunctions, items: INodeExecutionData[], entity: EntityType, path: string): Promise<INodeExecutionData[]> {
	const guard = await startCreditGuard(this);
	return await runBulk.call(this, items, searchCall(this, entity, path, guard));
}

/** The search call, also the first step of Pay Only for Matches. */
export function searchCall(context: IExecuteFunctions, entity: EntityType, path: string, guard: CreditGuard): BulkCall<Identity> {
	const identify = identityOf(entity);
	return {
		path,
		bodyKey: BODY_KEY[entity],
		prepare: (itemIndex) => identify(context, itemIndex),
		bodyExtras: (itemIndex) => searchExtras(context, entity, itemIndex),
		output: (result) => result,
		sameIdentityOnce: guard.sameIdentityOnce,
		gate: guard.gate(searchCost(entity, () => guard.pricing)),
	};
}

/**
 * Enrich by Lusha IDs: contacts reveal emails/phones (waterfall optional), companies reveal extras. With `jobPath`
 * (contacts) a Data Waterfall job in the answer is polled and merged (waterfallJob.ts).
 */
export async function runEnrich(this: IExecuteFunctions, items: INodeExecutionData[], entity: EntityType, path: string, jobPath?: string): Promise<INodeExecutionData[]> {
	const guard = await startCreditGuard(this);
	const shape = shapeOf(this, entity);
	const label = entity === 'contact' ? 'Lusha Contact IDs' : 'Lusha Company IDs';
	const waterfallOn = (itemIndex: number) => entity === 'contact' && (this.getNodeParameter('waterfallEnabled', itemIndex, true) as boolean);
	// A job may charge the waterfall's rates for the contacts it covers: price them as the account lists them.
	if (items.some((_, itemIndex) => waterfallOn(itemIndex))) await guard.priceFromAccount(WATERFALL_PRICES);
	const worstCase: WorstCase<string> = (entries, extras) =>
		entries.length *
		(entity === 'contact'
			? contactRevealCost(guard.pricing, extras.reveal as string[], extras.waterfallEnabled !== false)
			: companyRevealCost(guard.pricing, (extras.reveal as string[] | undefined) ?? []));
	const output = await runBulk.call(this, items, {
		path,
		bodyKey: 'ids',
		prepare: (itemIndex) => lushaIds(this, this.getNodeParameter('ids', itemIndex), label, itemIndex),
		bodyExtras: (itemIndex) => {
			if (entity === 'company') return { ...compact({ reveal: companyReveal(this, itemIndex) }), ...tableIdFor(this, itemIndex) };
			return { reveal: contactReveal(this, itemIndex), waterfallEnabled: waterfallOn(itemIndex), ...tableIdFor(this, itemIndex) };
		},
		output: jobPath ? withWaterfall(shape) : shape,
		sameIdentityOnce: guard.sameIdentityOnce,
		gate: guard.gate(worstCase),
		// A job still running when the wait is over may charge its worst case later: the guard counts it now.
		request: jobPath ? enrichWithJob(this, { enrich: path, job: jobPath }, (ids, body) => guard.expectLater(worstCase(ids, body))) : undefined,
	});
	this.addExecutionHints(...waterfallHints(output));
	return output;
}

/** Shapes a result that went through a Data Waterfall job, keeping its `waterfall` mark; one still unfinished shows only its ID. */
function withWaterfall(shape: (result: IDataObject) => IDataObject): (result: IDataObject) => IDataObject {
	return (result) => {
		const { waterfall, found, ...record } = result;
		if (!waterfall) return shape(result);
		return found === false ? { id: record.id, found: false, waterfall } : { ...shape(record), waterfall };
	};
}

/**
 * Search and Enrich in one call per 100 items (Pay Only for Matches off). On contacts the account's Data Waterfall
 * runs for the asked-for fields with no opt-out (never as a job), so the worst case is at the waterfall's rates
 * (https://docs.lusha.com/api-reference/search-&-enrich/search-and-enrich-contacts.md).
 */
export async function runSearchAndEnrich(this: IExecuteFunctions, items: INodeExecutionData[], entity: EntityType, path: string): Promise<INodeExecutionData[]> {
	const guard = await startCreditGuard(this);
	const identify = identityOf(entity);
	if (entity === 'contact') await guard.priceFromAccount(WATERFALL_PRICES);
	const worstCase: WorstCase<Identity> = (entries, extras) =>
		price(guard.pricing, 'api_search', entries.length) +
		entries.length *
			(entity === 'contact' ? contactRevealCost(guard.pricing, extras.reveal as string[], true) : companyRevealCost(guard.pricing, (extras.reveal as string[] | undefined) ?? []));
	return await runBulk.call(this, items, {
		path,
		bodyKey: BODY_KEY[entity],
		prepare: (itemIndex) => identify(this, itemIndex),
		bodyExtras: (itemIndex) => {
			const { options: searchOptionsBody } = searchExtras(this, entity, itemIndex);
			return compact({ options: searchOptionsBody, reveal: entity === 'contact' ? contactReveal(this, itemIndex) : companyReveal(this, itemIndex) });
		},
		output: shapeOf(this, entity),
		sameIdentityOnce: guard.sameIdentityOnce,
		gate: guard.gate(worstCase),
	});
}
