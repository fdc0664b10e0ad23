/**
 * Search, Enrich and Search and Enrich for contacts and companies (Lusha API V3): one implementation
 * per operation, the entity type and the literal paths passed in by the operation files.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { EntityType } from '../../../shared/api/signalCatalogue';
import { showFor } from '../../../shared/helpers/display';
import { compact } from '../../../shared/helpers/fields';
import { inputError, lushaDate, parseList } from '../../../shared/helpers/input';
import { EXPRESSION_LIST_HINT } from '../../../shared/uiText';
import type { CreditGuard, Pricing, WorstCase } from '../../../shared/helpers/creditGuard';
import { creditGuardOptions, price } from '../../../shared/helpers/creditGuard';
import { startCreditGuard } from './creditGuard';
import type { CompanyIdentity, ContactIdentity } from './identity';
import { identityOf } from './identity';
import { lushaIds } from './signals';
import { COMPANY_EXTRAS, simplifyCompany, simplifyContact } from './simplify';
import { tableIdFor } from './tableWrite';
import type { V3BulkPlan } from './v3Bulk';
import { addSpendHint, newSpend, v3BulkPerItem } from './v3Bulk';

type Identity = ContactIdentity | CompanyIdentity;

const BODY_KEY: Record<EntityType, string> = { contact: 'contacts', company: 'companies' };
const CONTACT_FIELD_PRICE: Record<string, [string, string]> = { emails: ['revealEmail', 'waterfallEmail'], phones: ['revealPhone', 'waterfallPhone'] };
const SIGNALS_PRICE: Record<EntityType, string> = { contact: 'showSignalsContact', company: 'showSignalsCompany' };
/** What `allSignals` stands for when pricing the worst case of a signals filter. */
const ALL_SIGNAL_TYPES: Record<EntityType, number> = { contact: 2, company: 23 };

export const PAY_ONLY_FOR_MATCHES_HINT =
	'Search first (no reveal charge), then reveal only the matches that have what you asked for. Unmatched items cost nothing and the credit budget counts exact prices instead of the worst case. It makes two calls per 100 items instead of one: turn it off when request volume matters more than the budget.';

/** Emails and/or phones to reveal: Contact → Enrich and Contact → Search and Enrich. */
export function contactRevealField(operation: string, costNote: string): INodeProperties {
	return {
		displayName: 'Reveal',
		name: 'reveal',
		type: 'multiOptions',
		options: [
			{ name: 'Emails', value: 'emails', description: '1 credit per contact with an email' },
			{ name: 'Phones', value: 'phones', description: '5 credits per contact with a phone' },
		],
		default: ['emails', 'phones'],
		description: `What to reveal. ${costNote}`,
		displayOptions: showFor('contact', operation),
	};
}

/** Search and Enrich's choice between one search-and-enrich call and search, then enrich the matches. */
export function payOnlyForMatchesField(entity: EntityType): INodeProperties {
	const what = entity === 'contact' ? 'reveal only the contacts that matched and have what you asked for' : 'enrich only the companies that matched';
	return {
		displayName: 'Pay Only for Matches',
		name: 'payOnlyForMatches',
		type: 'boolean',
		default: true,
		description: `Whether to search first and ${what}`,
		hint: PAY_ONLY_FOR_MATCHES_HINT,
		displayOptions: showFor(entity, 'searchAndEnrich'),
	};
}

/** Options every search-style call takes: partial profiles, and (search only) a signals filter. */
export function searchOptions(entity: EntityType, withSignals: boolean): INodeProperties[] {
	const signals: INodeProperties[] = [
		{
			displayName: 'Only With Signal Names or IDs',
			name: 'signalTypes',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: entity === 'contact' ? 'getContactSignalTypes' : 'getCompanySignalTypes' },
			default: [],
			description: `Return only ${entity === 'contact' ? 'contacts' : 'companies'} with these recent signals, and the signals themselves. Each matched signal costs credits. ${EXPRESSION_LIST_HINT}`,
		},
		{ displayName: 'Signals Since', name: 'signalsStartDate', type: 'dateTime', default: '', description: 'Signals from this date on (Lusha’s default: 6 months ago)' },
	];
	// Lusha honours maxResultsPerSignal on contact search only (FIELD-NOTES §F).
	if (entity === 'contact') {
		signals.push({ displayName: 'Max Results per Signal', name: 'maxResultsPerSignal', type: 'number', typeOptions: { minValue: 1, maxValue: 100, numberPrecision: 0 }, default: 10 });
	}
	return [
		{ displayName: 'Include Partial Profiles', name: 'includePartialProfiles', type: 'boolean', default: true, description: 'Whether to accept records Lusha has only partly profiled' },
		...(withSignals ? signals : []),
		...creditGuardOptions,
	];
}

/** The Options collection of an operation. */
export function optionsCollection(displayOptions: INodeProperties['displayOptions'], options: INodeProperties[]): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, displayOptions, options };
}

function options(context: IExecuteFunctions, itemIndex: number): IDataObject {
	return context.getNodeParameter('options', itemIndex, {}) as IDataObject;
}

/** The body of a search call besides its entries: `options` and, when asked, `signals`. */
function searchExtras(context: IExecuteFunctions, entity: EntityType, itemIndex: number): IDataObject {
	const chosen = options(context, itemIndex);
	const types = parseList(chosen.signalTypes);
	const max = chosen.maxResultsPerSignal;
	if (max !== undefined && (!Number.isInteger(max) || (max as number) < 1 || (max as number) > 100)) {
		throw inputError(context, itemIndex, 'Options → Max Results per Signal', `must be a whole number from 1 to 100, not ${String(max)}`);
	}
	const signals = types.length
		? compact({ types, startDate: lushaDate(context, chosen.signalsStartDate, 'Options → Signals Since', itemIndex), maxResultsPerSignal: entity === 'contact' ? (max as number | undefined) : undefined })
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
function companyRevealCost(pricing: Pricing, reveal: string[]): number {
	return price(pricing, 'reveal_company') + reveal.reduce((sum, field) => sum + price(pricing, field), 0);
}

/** Reveal and waterfall of a contact enrich, read per item. */
function contactReveal(context: IExecuteFunctions, itemIndex: number): string[] {
	const reveal = parseList(context.getNodeParameter('reveal', itemIndex, ['emails', 'phones']));
	if (reveal.length === 0) throw inputError(context, itemIndex, 'Reveal', 'is empty', 'Pick Emails, Phones, or both.');
	return reveal;
}

/** Search (no PII): identities → Lusha IDs, `has`, `canReveal`. */
export async function runSearch(this: IExecuteFunctions, items: INodeExecutionData[], entity: EntityType, path: string): Promise<INodeExecutionData[]> {
	const guard = await startCreditGuard(this);
	return await v3BulkPerItem.call(this, items, searchPlan(this, entity, path, guard, (result) => result));
}

function searchPlan(context: IExecuteFunctions, entity: EntityType, path: string, guard: CreditGuard, output: V3BulkPlan<Identity>['output']): V3BulkPlan<Identity> {
	const identify = identityOf(entity);
	return {
		path,
		bodyKey: BODY_KEY[entity],
		prepare: (itemIndex) => identify(context, itemIndex),
		bodyExtras: (itemIndex) => searchExtras(context, entity, itemIndex),
		output,
		sameIdentityOnce: guard.sameIdentityOnce,
		gate: guard.gate(searchCost(entity, () => guard.pricing)),
	};
}

/** Enrich by Lusha IDs: contacts reveal emails/phones (waterfall optional), companies reveal extras. */
export async function runEnrich(this: IExecuteFunctions, items: INodeExecutionData[], entity: EntityType, path: string): Promise<INodeExecutionData[]> {
	const guard = await startCreditGuard(this);
	const simplify = this.getNodeParameter('simplify', 0, true) as boolean;
	const label = entity === 'contact' ? 'Lusha Contact IDs' : 'Lusha Company IDs';
	const worstCase: WorstCase<string> = (entries, extras) =>
		entries.length *
		(entity === 'contact'
			? contactRevealCost(guard.pricing, extras.reveal as string[], extras.waterfallEnabled !== false)
			: companyRevealCost(guard.pricing, (extras.reveal as string[] | undefined) ?? []));
	const plan: V3BulkPlan<string> = {
		path,
		bodyKey: 'ids',
		prepare: (itemIndex) => lushaIds(this, this.getNodeParameter('ids', itemIndex), label, itemIndex),
		bodyExtras: (itemIndex) => {
			if (entity === 'company') {
				const reveal = parseList(this.getNodeParameter('reveal', itemIndex, []));
				return { ...compact({ reveal }), ...tableIdFor(this, itemIndex) };
			}
			return { reveal: contactReveal(this, itemIndex), waterfallEnabled: this.getNodeParameter('waterfallEnabled', itemIndex, true) as boolean, ...tableIdFor(this, itemIndex) };
		},
		output: (result) => (simplify ? (entity === 'contact' ? simplifyContact : simplifyCompany)(result) : result),
		sameIdentityOnce: guard.sameIdentityOnce,
		gate: guard.gate(worstCase),
	};
	return await v3BulkPerItem.call(this, items, plan);
}

/**
 * Search and Enrich: one search-and-enrich call per 100 items, or, with Pay Only for Matches, a search
 * first and an enrich of the IDs that matched and can reveal what was asked.
 */
export async function runSearchAndEnrich(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	entity: EntityType,
	paths: { searchAndEnrich: string; search: string; enrich: string },
): Promise<INodeExecutionData[]> {
	const guard = await startCreditGuard(this);
	const simplify = this.getNodeParameter('simplify', 0, true) as boolean;
	const shape = (result: IDataObject) => (simplify ? (entity === 'contact' ? simplifyContact : simplifyCompany)(result) : result);
	if (this.getNodeParameter('payOnlyForMatches', 0, true) as boolean) {
		return await payOnlyForMatches(this, items, entity, paths, guard, shape);
	}
	const identify = identityOf(entity);
	const worstCase: WorstCase<Identity> = (entries, extras) =>
		price(guard.pricing, 'api_search', entries.length) +
		entries.length * (entity === 'contact' ? contactRevealCost(guard.pricing, extras.reveal as string[], false) : price(guard.pricing, 'reveal_company'));
	const plan: V3BulkPlan<Identity> = {
		path: paths.searchAndEnrich,
		bodyKey: BODY_KEY[entity],
		prepare: (itemIndex) => identify(this, itemIndex),
		bodyExtras: (itemIndex) => {
			const { options: searchOptionsBody } = searchExtras(this, entity, itemIndex);
			return compact({ options: searchOptionsBody, reveal: entity === 'contact' ? contactReveal(this, itemIndex) : undefined });
		},
		output: shape,
		sameIdentityOnce: guard.sameIdentityOnce,
		gate: guard.gate(worstCase),
	};
	return await v3BulkPerItem.call(this, items, plan);
}

function pairedIndex(item: INodeExecutionData): number {
	const paired = item.pairedItem;
	if (typeof paired === 'number') return paired;
	return paired && !Array.isArray(paired) ? paired.item : 0;
}

function byItem(output: INodeExecutionData[], count: number): INodeExecutionData[][] {
	const grouped: INodeExecutionData[][] = Array.from({ length: count }, () => []);
	for (const item of output) grouped[pairedIndex(item)].push(item);
	return grouped;
}

/** The fields a matched preview can reveal, of those asked: `canReveal` lists what Lusha has for it. */
function revealable(preview: IDataObject, asked: string[]): string[] {
	const offered = new Set(((preview.canReveal as IDataObject[] | undefined) ?? []).map((entry) => entry.field as string));
	return asked.filter((field) => offered.has(field));
}

/** Exact credits of revealing `fields` for a matched preview, from its `canReveal` (0 when already revealed). */
function canRevealCredits(preview: IDataObject, fields: string[]): number {
	return ((preview.canReveal as IDataObject[] | undefined) ?? []).filter((entry) => fields.includes(entry.field as string)).reduce((sum, entry) => sum + Number(entry.credits ?? 0), 0);
}

async function payOnlyForMatches(
	context: IExecuteFunctions,
	items: INodeExecutionData[],
	entity: EntityType,
	paths: { search: string; enrich: string },
	guard: CreditGuard,
	shape: (result: IDataObject) => IDataObject,
): Promise<INodeExecutionData[]> {
	const spend = newSpend();
	try {
		const searched = byItem(await v3BulkPerItem.call(context, items, { ...searchPlan(context, entity, paths.search, guard, (result) => result), spend }), items.length);
		// Each item's one matched preview and the fields it will reveal.
		const matches = new Map<number, { preview: IDataObject; reveal: string[] }>();
		searched.forEach((outputs, itemIndex) => {
			const preview = outputs.length === 1 ? outputs[0].json : undefined;
			if (!preview || preview.found !== true || typeof preview.id !== 'string') return;
			const reveal = entity === 'company' ? [] : revealable(preview, contactReveal(context, itemIndex));
			if (entity === 'company' || reveal.length) matches.set(itemIndex, { preview, reveal });
		});
		const previewOf = new Map([...matches.values()].map(({ preview }) => [preview.id as string, preview]));
		const inputOf = new Map([...matches.entries()].map(([itemIndex, { preview }]) => [preview.id as string, identityOf(entity)(context, itemIndex)]));
		const worstCase: WorstCase<string> = (ids, extras) =>
			entity === 'company'
				? price(guard.pricing, 'reveal_company', ids.length)
				: ids.reduce((sum, id) => sum + canRevealCredits(previewOf.get(id) ?? {}, extras.reveal as string[]), 0);
		const enrichPlan: V3BulkPlan<string> = {
			path: paths.enrich,
			bodyKey: 'ids',
			prepare: (itemIndex) => (matches.has(itemIndex) ? [matches.get(itemIndex)?.preview.id as string] : []),
			// Only what Lusha itself has: the waterfall would reveal (and bill) beyond the preview.
			bodyExtras: (itemIndex) => (entity === 'contact' ? { reveal: matches.get(itemIndex)?.reveal ?? [], waterfallEnabled: false } : {}),
			output: shape,
			identifiers: (id) => ({ ...inputOf.get(id), id }),
			sameIdentityOnce: true,
			gate: guard.gate(worstCase),
			spend,
		};
		const enriched = byItem(await v3BulkPerItem.call(context, items, enrichPlan), items.length);
		return searched.flatMap((outputs, itemIndex) => {
			const revealed = enriched[itemIndex];
			if (revealed.length === 0) {
				// Unmatched, refused, or matched with nothing to reveal: the search's answer, shaped like the others.
				return outputs.map((item) => (item.json.found === true ? { ...item, json: { ...shape(item.json), found: true, billing: item.json.billing } } : item));
			}
			const searchBilling = (outputs[0]?.json.billing ?? {}) as IDataObject;
			return revealed.map((item) => {
				const enrichBilling = (item.json.billing ?? {}) as IDataObject;
				const searchCredits = Number(searchBilling.creditsCharged ?? 0);
				const enrichCredits = Number(enrichBilling.creditsCharged ?? 0);
				return { ...item, json: { ...item.json, billing: { creditsCharged: searchCredits + enrichCredits, searchCreditsCharged: searchCredits, enrichCreditsCharged: enrichCredits } } };
			});
		});
	} finally {
		if (spend.calls > 0) addSpendHint(context, spend);
	}
}

/** Reveal Extras of company Enrich, with what each costs. */
export const COMPANY_EXTRA_OPTIONS = COMPANY_EXTRAS.map((value) => ({
	name: {
		employeesByDepartment: 'Employees by Department',
		employeesByLocation: 'Employees by Location',
		employeesBySeniority: 'Employees by Seniority',
		competitors: 'Competitors',
		intent: 'Intent Topics',
		estimatedAnnualItSpend: 'Estimated Annual IT Spend',
		monthlyWebsiteTraffic: 'Monthly Website Traffic',
	}[value],
	value,
	description:
		value === 'estimatedAnnualItSpend' || value === 'monthlyWebsiteTraffic'
			? '1 credit per company, only when Lusha has a value'
			: '1 credit per company that has it (free when already revealed)',
}));
