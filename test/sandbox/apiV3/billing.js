// @ts-check
'use strict';
/**
 * V3 credits: the price table, the account balance, 402s, and GET /v3/account/usage.
 *
 * Balance: `sandbox.config.creditsBalance` (the one API key's plan total). Remaining =
 * creditsBalance - sandbox.state.creditsUsed (V2 calls spend from the same account). A call whose
 * total price exceeds the remaining balance answers 402 and charges nothing; handlers compute the
 * whole price first, then `charge()` once, then commit their side effects.
 */
const { HttpError } = require('./validate');

/**
 * Credits per action, as `{ credits, perQuantity }` (the spec's PricingEntry). Sources (lusha-v3-openapi.yaml):
 *  - api_search 1 per 25 results: Search / Prospecting / Search & Enrich "charged per successful result via
 *    api_search"; PricingEntry example `perQuantity: 25`; the examples agree: contacts/search 3 results → 1,
 *    companies/search 3 → 1, contacts/prospecting 50 → 2, companies/prospecting 1 → 1. Charged ceil(n/25).
 *  - revealEmail 1, revealPhone 5: GET /v3/account/usage example `pricing`; canReveal examples
 *    (emails credits 1 on contacts/search, phones credits 5 on buying-group). Enrich: "Charged per revealed field
 *    (email or phone)"; only fields that come back non-empty are charged (enrich example: 2 emails → 2), and
 *    "canReveal.credits 0 … already revealed for your account — re-enriching it is free".
 *  - waterfallEmail 2, waterfallPhone 8: "third-party providers billed at their own rate" (Enrich Contacts,
 *    waterfall); the spec gives no number, so these are the sandbox's own (distinct, so tests can tell them apart).
 *  - reveal_company 1 per company: Enrich Companies "per successful result via reveal_company";
 *    companies/search-and-enrich example 2 results → 3 (= 1 api_search + 2 reveal_company).
 *  - employeesByDepartment/Location/Seniority, competitors, intent 1 each per company: V3CompaniesEnrichRequest
 *    "Each field is charged separately per result"; canReveal examples credits 1 (0 when already revealed);
 *    enrich example 2 companies × (1 + 4 fields with data) = 10.
 *  - estimatedAnnualItSpend, monthlyWebsiteTraffic 1 per company, "charged only when a non-null value is returned".
 *  - directParent, ultimateParent 1 per company when non-null (changelog 2.16, https://docs.lusha.com/changelog/overview).
 *  - lookalikeContact 3, lookalikeCompany 3 per result: both lookalike examples show 1 result → creditsCharged 3.
 *  - buyingGroupContact 1 per contact returned: buying-group example 1 contact → 1.
 *  - showSignalsContact / showSignalsCompany 1 per signal type with events per entity: "Charged per matched
 *    signal per result"; contact signals example 1 event → 1; signals-overview "per contact per signal type
 *    returned". Also added to Search/Prospecting when a `signals` filter is sent ("Signal charges apply additionally").
 *  - signal_score_company_reveal / signal_score_contact_reveal 1 per scored row; error rows are never charged.
 *  - export_api 1 per row: Tables "Reading entities charges per row returned via export_api" (no number given:
 *    the sandbox uses 1).
 *  - websiteVisits 0: website-visits example `creditsCharged: 0`.
 *  - Tables: create/list/get/update/delete/columns/remove are free; adding contacts is free; adding companies
 *    charges reveal_company per newly added company; column runs charge the column's tier per row.
 */
const PRICES = Object.freeze({
	api_search: { credits: 1, perQuantity: 25 },
	revealEmail: { credits: 1, perQuantity: 1 },
	revealPhone: { credits: 5, perQuantity: 1 },
	waterfallEmail: { credits: 2, perQuantity: 1 },
	waterfallPhone: { credits: 8, perQuantity: 1 },
	reveal_company: { credits: 1, perQuantity: 1 },
	employeesByDepartment: { credits: 1, perQuantity: 1 },
	employeesByLocation: { credits: 1, perQuantity: 1 },
	employeesBySeniority: { credits: 1, perQuantity: 1 },
	competitors: { credits: 1, perQuantity: 1 },
	intent: { credits: 1, perQuantity: 1 },
	estimatedAnnualItSpend: { credits: 1, perQuantity: 1 },
	monthlyWebsiteTraffic: { credits: 1, perQuantity: 1 },
	directParent: { credits: 1, perQuantity: 1 },
	ultimateParent: { credits: 1, perQuantity: 1 },
	lookalikeContact: { credits: 3, perQuantity: 1 },
	lookalikeCompany: { credits: 3, perQuantity: 1 },
	buyingGroupContact: { credits: 1, perQuantity: 1 },
	showSignalsContact: { credits: 1, perQuantity: 1 },
	showSignalsCompany: { credits: 1, perQuantity: 1 },
	signal_score_company_reveal: { credits: 1, perQuantity: 1 },
	signal_score_contact_reveal: { credits: 1, perQuantity: 1 },
	export_api: { credits: 1, perQuantity: 1 },
	websiteVisits: { credits: 0, perQuantity: 1 },
});

/** Credits for `quantity` units of `action`: ceil(quantity / perQuantity) × credits. */
function price(action, quantity = 1) {
	const entry = PRICES[action];
	if (!entry) throw new Error(`no price for ${action}`);
	return quantity > 0 ? Math.ceil(quantity / entry.perQuantity) * entry.credits : 0;
}

/** Contact reveal field → [Lusha action, waterfall action]. */
const CONTACT_FIELD_ACTION = { emails: 'revealEmail', phones: 'revealPhone' };
const CONTACT_WATERFALL_ACTION = { emails: 'waterfallEmail', phones: 'waterfallPhone' };

function createBilling(sandbox) {
	/** personId → Set<'emails'|'phones'>; companyId → Set<field>: what this account already paid to reveal. */
	const revealedContacts = new Map();
	const revealedCompanies = new Map();
	/** Every V3 charge, newest last: { at, route, credits }. */
	const ledger = [];

	const balance = () => Number(sandbox.config.creditsBalance ?? 1_000_000);
	const used = () => sandbox.state.creditsUsed;
	const remaining = () => Math.max(0, balance() - used());

	/** Charges `credits` or throws 402 (charging nothing). */
	function charge(credits, route) {
		if (credits > remaining()) {
			throw new HttpError(402, 'Insufficient credits for this operation', [`This request needs ${credits} credits; ${remaining()} remain`]);
		}
		if (credits > 0) {
			sandbox.state.creditsUsed += credits;
			ledger.push({ at: Date.now(), route, credits });
		}
		return credits;
	}

	const contactRevealed = (personId, field) => revealedContacts.get(personId)?.has(field) ?? false;
	const markContact = (personId, field) => {
		if (!revealedContacts.has(personId)) revealedContacts.set(personId, new Set());
		revealedContacts.get(personId).add(field);
	};
	const companyRevealed = (companyId, field) => revealedCompanies.get(companyId)?.has(field) ?? false;
	const markCompany = (companyId, field) => {
		if (!revealedCompanies.has(companyId)) revealedCompanies.set(companyId, new Set());
		revealedCompanies.get(companyId).add(field);
	};

	function reset() {
		revealedContacts.clear();
		revealedCompanies.clear();
		ledger.length = 0;
	}

	return { PRICES, price, charge, balance, used, remaining, contactRevealed, markContact, companyRevealed, markCompany, ledger, reset };
}

function nextBoundary(now, unitMs) {
	return new Date(Math.floor(now / unitMs) * unitMs + unitMs).toISOString();
}

/** GET /v3/account/usage: spec AccountUsageResponse. Spends no credits (seen on the live API). */
function accountRoutes(ctx) {
	const { sandbox, billing } = ctx;
	return {
		'GET /v3/account/usage': ({ headers }) => {
			const now = Date.now();
			const perSecond = sandbox.config.rateLimitPerSecond;
			const tier = (limit, windowMs, unitMs) => {
				const usedInWindow = ctx.requestsSince(now - windowMs);
				return { limit, used: usedInWindow, remaining: Math.max(0, limit - usedInWindow), resetsAt: nextBoundary(now, unitMs) };
			};
			const usage = {
				credits: { total: billing.balance(), used: billing.used(), remaining: billing.remaining() },
				// With the live limits on (config.accountWideLimits / plan) the plan's quotas, as in the headers.
				rateLimits: sandbox.rateLimitSnapshot?.(headers?.api_key) ?? {
					daily: { limit: sandbox.config.dailyLimit, used: sandbox.state.totalRequests, remaining: Math.max(0, sandbox.config.dailyLimit - sandbox.state.totalRequests), resetsAt: nextBoundary(now, 86_400_000) },
					hourly: perSecond > 0 ? tier(perSecond * 3600, 3_600_000, 3_600_000) : null,
					minute: perSecond > 0 ? tier(perSecond * 60, 60_000, 60_000) : null,
				},
				plan: { category: 'professional', renewalType: 'annual', startDate: '2026-01-01T00:00:00.000Z', endDate: '2027-01-01T00:00:00.000Z' },
				pricing: Object.fromEntries(Object.entries(PRICES).map(([action, entry]) => [action, { ...entry }])),
			};
			// A live answer was seen wrapped as { usage: {...} } (seen on the live API); config.accountUsageWrapped answers that way.
			return sandbox.config.accountUsageWrapped ? { usage } : usage;
		},
	};
}

module.exports = { PRICES, price, createBilling, accountRoutes, CONTACT_FIELD_ACTION, CONTACT_WATERFALL_ACTION };
