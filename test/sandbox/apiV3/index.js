// @ts-check
'use strict';
/**
 * Lusha API V3 in the sandbox (contract: Lusha's V3 OpenAPI,
 * https://docs.lusha.com/apis/openapi, plus what the live API is seen to do, which wins where they differ). `createV3Routes(sandbox)` returns
 * the routes (merged by server.js) with non-enumerable `_reset`, `_admin`, `_rateHeaders`,
 * `_expireLookalikeSessions` and `_helpers` (exposed as `startSandbox().v3`).
 *
 * HOW A TEST FINDS VALID INPUTS
 *  - People: `sandbox.fixtures.people` (200). personId 1000000 + i; email `${first}.${last}${i}@${company.domain}`
 *    lower-cased (people[0] = Ava Adler, 'ava.adler0@acmelabs.example'); linkedin `socialLinks.linkedin`;
 *    name lookups need firstName + lastName + companyName/companyDomain of their company.
 *  - Companies: `sandbox.fixtures.companies` (50). id 5000 + j; domain like 'acmelabs.example' (name 'Acme Labs');
 *    person i works at companies[i % 50].
 *  - V3 ids (encrypted, deterministic): `sandbox.v3.contactId(person | personId)`, `sandbox.v3.companyId(company | id)`
 *    (or `require('test/sandbox/apiV3/ids').v3ContactId(person)` / `v3CompanyId(company)`); reverse with
 *    `sandbox.v3.decodeContactId(token)` / `decodeCompanyId(token)`, or `sandbox.v3.person(token)` / `company(token)`.
 *    Legacy numeric ids ('1000000', '5000') are accepted as input; outputs are always tokens. Any other string
 *    (e.g. 'abc', a tampered token, a company token as a contact id) is 400 "Invalid contact id: <path>".
 *  - Per-item error cases: unknown email/domain/numeric id → NOT_FOUND; `sandbox.v3.restrictedPeople()`
 *    (personId 1000047, 1000097, 1000147, 1000197) → COMPLIANCE_RESTRICTED; `noScorePeople()` (1000023, 1000073, …) and
 *    `noScoreCompanies()` (5024, 5049) → NO_SCORE on signal-score; companies 5046 and 5047 score with noActiveSignals.
 *  - `sandbox.v3.peopleWithoutLushaPhone()` (i % 10 === 5): no phone in Lusha data; Enrich with the waterfall
 *    (default on) finds one at the waterfall price.
 *  - Website visits: every fixture company domain is tracked (config.websiteVisitsDomains overrides).
 *  - Tables: owner emails must be in config.tablesUsers (default user@example.com, owner@example.com,
 *    teammate@example.com); columns: contacts col_full_name, col_job_title, col_company_name (default),
 *    col_work_email, col_phone, col_signal_score (+ col_signals after a Signals call with tableId);
 *    companies col_name, col_domain, col_industry (default), col_company_enrichment, col_signal_score.
 *  - Credits: `sandbox.v3.prices` (the price table), `sandbox.v3.balance()` (remaining), `sandbox.v3.ledger()`.
 *
 * CONFIG (sandbox.configure / POST /__admin/config): creditsBalance, tablesMaxEntities, tablesMaxPerAccount,
 * tablesUsers, tablesRunDelayMs, waterfallOnAccount, websiteVisitsDomains, v3Enabled, signalsOnPlan,
 * faults.signalScore502Burst, faults.reverseV3Results (batch results in reverse order). Admin: GET /__admin/v3 (ids, tables, credits, ledger).
 *
 * LUSHA 2.16 RULES (switches; defaults keep the sandbox's older behaviour; `{ asLusha: true }` turns all on;
 * a switch given beside asLusha wins). See test/sandbox/README.md.
 *  - pageSizeClamp (null | n; asLusha 50): prospecting, buying group, website visits and tables serve at most n
 *    rows a page and report the served size in `pagination.size`; pages count in served pages.
 *    https://docs.lusha.com/faq/api ("1,000 pages × 50 results").
 *  - Data Waterfall jobs (https://docs.lusha.com/api-reference/enrich/get-contacts-enrich-job):
 *    waterfallJobWhenNeeded (false; asLusha true): a contact whose asked-for phones need the waterfall goes to a job;
 *    waterfallJobEvery (0 | n): also every n-th id of the request; waterfallJobStatuses (['processing','complete']):
 *    what successive polls answer, the last repeating; entries 'processing' | 'complete' | 'expired' | 'failed' | 404 | 503;
 *    waterfallJobRetryAfter (seconds, 2) or waterfallJobRetryAfterMs (overrides, reported as fractional seconds);
 *    waterfallJobTtlMs (null = never): afterwards the job is 404.
 *  - Rate limits (server.js, rateLimits.js; https://docs.lusha.com/rate-limiting): accountWideLimits (false; asLusha true),
 *    plan (null | 'free' | 'starter' | 'pro' | 'premium' | 'scale' | 'legacy'; asLusha 'premium'),
 *    windowScale (1) or minuteMs / hourMs / dayMs, apiKeys ({ [key]: { account?, v3Enabled? } }: more keys, one account
 *    unless `account` says otherwise), accounts ({ [name]: { plan?, v3Enabled? } }), faults.trialLimitReached.
 *  - V3 access: v3Enabled (account-wide), apiKeys[key].v3Enabled, accounts[name].v3Enabled → 403 on /v3/*.
 *  - companyOwnership (true): directParent / ultimateParent reveal tokens (https://docs.lusha.com/changelog/overview);
 *    companySearchAndEnrichReveal (true): `reveal` on companies/search-and-enrich;
 *    searchAndEnrichStatus (true): status, statusDescription, statusReason, dataSource, credits, missingDataPoints on
 *    contacts/search-and-enrich results; searchAndEnrichWaterfall (false; asLusha true): the account's waterfall runs there.
 *    https://docs.lusha.com/api-reference/search-&-enrich/search-and-enrich-contacts.md
 *  - lookalikeSeedRules (false; asLusha true): 5–100 unique seed identifiers in total, https://docs.lusha.com/lookalikes/overview
 */
const { randomUUID } = require('node:crypto');
const { HttpError, TableError } = require('./validate');
const { v3ContactId, v3CompanyId, parseId } = require('./ids');
const { createV3Data, COMPANY_REVEAL_FIELDS, OWNERSHIP_FIELDS } = require('./data');
const { createBilling, accountRoutes, PRICES, price } = require('./billing');
const { createTables, DEFAULT_USERS } = require('./tables');
const { contactsRoutes } = require('./contacts');
const { companiesRoutes } = require('./companies');
const { prospectingRoutes } = require('./prospecting');
const { signalsRoutes } = require('./signals');
const { filtersRoutes } = require('./filters');
const { insightsRoutes, createScores } = require('./insights');

/** Defaults merged into the sandbox's DEFAULT_CONFIG (server.js). */
const V3_DEFAULT_CONFIG = {
	/** The account's credit plan total for V3 (402 once a call would exceed what is left). */
	creditsBalance: 1_000_000,
	tablesMaxEntities: 50_000,
	tablesMaxPerAccount: 500,
	tablesUsers: [...DEFAULT_USERS],
	/** How long a column run stays `processing`. */
	tablesRunDelayMs: 0,
	/** Data Waterfall enabled on the account (Enrich Contacts' `waterfallEnabled` can only opt out). */
	waterfallOnAccount: true,
	/** Domains configured for website-visit tracking; null = every fixture company domain. */
	websiteVisitsDomains: /** @type {string[] | null} */ (null),
	/** false → every V3 route answers 403 "V3 API access is not enabled for your account". */
	v3Enabled: true,
	pageSizeClamp: /** @type {number | null} */ (null),
	waterfallJobWhenNeeded: false,
	waterfallJobEvery: 0,
	waterfallJobStatuses: /** @type {Array<string | number>} */ (['processing', 'complete']),
	waterfallJobRetryAfter: 2,
	waterfallJobRetryAfterMs: /** @type {number | null} */ (null),
	waterfallJobTtlMs: /** @type {number | null} */ (null),
	companyOwnership: true,
	companySearchAndEnrichReveal: true,
	searchAndEnrichStatus: true,
	searchAndEnrichWaterfall: false,
	lookalikeSeedRules: false,
};

/** What `{ asLusha: true }` sets (server.js configure): every rule of Lusha's live API on. */
const AS_LUSHA_PRESET = Object.freeze({
	pageSizeClamp: 50,
	waterfallJobWhenNeeded: true,
	accountWideLimits: true,
	plan: 'premium',
	companyOwnership: true,
	companySearchAndEnrichReveal: true,
	searchAndEnrichStatus: true,
	searchAndEnrichWaterfall: true,
	lookalikeSeedRules: true,
});

const TABLE_ROUTE = /^[A-Z]+ \/v3\/(contacts|companies)\/tables(\/|$)/;
const STATUS_NAMES = { 400: 'BAD_REQUEST', 402: 'INSUFFICIENT_CREDITS', 403: 'FORBIDDEN', 404: 'NOT_FOUND' };

function createV3Routes(sandbox) {
	const data = createV3Data(sandbox);
	const billing = createBilling(sandbox);
	const ctx = {
		sandbox,
		data,
		billing,
		scores: createScores(data),
		state: { lookalikeSessions: new Map(), jobs: new Map() },
		requestId: () => randomUUID(),
		newId: () => randomUUID(),
		/** Requests (all endpoints) that arrived after `since` (ms). */
		requestsSince(since, key) {
			const list = sandbox.state.requests;
			let n = 0;
			for (let i = list.length - 1; i >= 0 && list[i].at > since; i--) if (!key || list[i].key === key) n++;
			return n;
		},
		contactCanReveal: (person) => [
			{ field: 'emails', credits: billing.contactRevealed(person.personId, 'emails') ? 0 : price('revealEmail') },
			...(data.hasLushaPhone(person) ? [{ field: 'phones', credits: billing.contactRevealed(person.personId, 'phones') ? 0 : price('revealPhone') }] : []),
		],
		/** The page size Lusha serves for a requested one (config.pageSizeClamp). */
		pageSize: (requested) => {
			const clamp = sandbox.config.pageSizeClamp;
			return typeof clamp === 'number' && clamp > 0 ? Math.min(requested, clamp) : requested;
		},
		companyRevealFields: () => COMPANY_REVEAL_FIELDS.filter((f) => sandbox.config.companyOwnership !== false || !OWNERSHIP_FIELDS.includes(f)),
		companyCanReveal: (company) => ctx.companyRevealFields().filter((f) => data.companyHasField(company, f)).map((field) => ({ field, credits: billing.companyRevealed(company.id, field) ? 0 : price(field) })),
		tables: /** @type {any} */ (undefined),
	};
	ctx.tables = createTables(ctx);

	const raw = {
		...contactsRoutes(ctx),
		...companiesRoutes(ctx),
		...prospectingRoutes(ctx),
		...signalsRoutes(ctx),
		...filtersRoutes(ctx),
		...insightsRoutes(ctx),
		...ctx.tables.routes,
		...accountRoutes(ctx),
	};

	/** Errors in Lusha's shapes; every 200 carries requestId and billing. */
	function wrap(key, handler) {
		const isTable = TABLE_ROUTE.test(key);
		const tableError = (statusCode, name, message, errors) => ({ statusCode, body: { message, code: statusCode, error: name, ...(errors ? { errors } : {}) } });
		return async (request) => {
			try {
				if (!sandbox.v3Allowed(request.headers?.api_key)) throw new HttpError(403, 'V3 API access is not enabled for your account');
				const out = await handler(request);
				if (out && typeof out === 'object' && 'statusCode' in out && 'body' in out && Object.keys(out).length === 2) return out;
				const results = out.results ?? out.values ?? out.data;
				// faults.reverseV3Results: answer batches in reverse order (nothing says Lusha keeps the request's order).
				if (sandbox.config.faults.reverseV3Results && Array.isArray(out.results)) out.results = [...out.results].reverse();
				return { requestId: ctx.requestId(), ...out, billing: out.billing ?? { creditsCharged: 0, resultsReturned: Array.isArray(results) ? results.length : 0 } };
			} catch (error) {
				if (error instanceof TableError) return tableError(error.statusCode, error.name, error.message, error.errors);
				if (isTable && error instanceof HttpError) return tableError(error.statusCode, STATUS_NAMES[error.statusCode] ?? 'ERROR', error.message, error.errors);
				if (error instanceof HttpError && /** @type {any} */ (error).body) return { statusCode: error.statusCode, body: /** @type {any} */ (error).body };
				throw error;
			}
		};
	}

	const routes = Object.fromEntries(Object.entries(raw).map(([key, handler]) => [key, wrap(key, handler)]));

	/**
	 * x-rate-limit-* headers for V3 responses: minute and hour windows of the route's own limit
	 * (the server's per-second window, or the 5-per-window account-usage limit), daily from server.js.
	 */
	function rateHeaders(key) {
		const config = sandbox.config;
		const isUsage = key === 'GET /v3/account/usage';
		const windowMs = isUsage ? config.usageWindowMs : 1000;
		const limit = isUsage ? config.usageLimit : config.rateLimitPerSecond;
		if (!(limit > 0) || !(windowMs > 0)) return {};
		const now = Date.now();
		const minuteLimit = Math.max(1, Math.round((limit * 60_000) / windowMs));
		const hourLimit = Math.max(1, Math.round((limit * 3_600_000) / windowMs));
		const minuteUsage = ctx.requestsSince(now - 60_000, key);
		const hourUsage = ctx.requestsSince(now - 3_600_000, key);
		return {
			'x-rate-limit-minute': String(minuteLimit),
			'x-minute-requests-left': String(Math.max(0, minuteLimit - minuteUsage)),
			'x-minute-usage': String(minuteUsage),
			'x-rate-limit-hourly': String(hourLimit),
			'x-hourly-requests-left': String(Math.max(0, hourLimit - hourUsage)),
			'x-hourly-usage': String(hourUsage),
		};
	}

	const decode = (kind) => (token) => {
		const parsed = parseId(kind, token);
		return parsed.valid ? parsed.n : undefined;
	};
	const helpers = {
		contactId: (person) => v3ContactId(typeof person === 'object' ? person : { personId: Number(person) }),
		companyId: (company) => v3CompanyId(typeof company === 'object' ? company : { id: Number(company) }),
		decodeContactId: decode('contact'),
		decodeCompanyId: decode('company'),
		person: (token) => data.personById.get(/** @type {number} */ (decode('contact')(token))),
		company: (token) => data.companyById.get(/** @type {number} */ (decode('company')(token))),
		restrictedPeople: () => data.people.filter(data.isRestricted),
		peopleWithoutLushaPhone: () => data.people.filter((p) => !data.hasLushaPhone(p)),
		noScorePeople: () => data.people.filter(data.personNoScore),
		noScoreCompanies: () => data.companies.filter(data.companyNoScore),
		prices: PRICES,
		price,
		balance: () => billing.remaining(),
		ledger: () => billing.ledger.map((entry) => ({ ...entry })),
		tables: () => ctx.tables.snapshot(),
	};

	const admin = () => ({
		credits: { balance: billing.balance(), used: billing.used(), remaining: billing.remaining() },
		ledger: helpers.ledger(),
		tables: helpers.tables(),
		lookalikeSessions: ctx.state.lookalikeSessions.size,
		people: data.people.map((p) => ({ personId: p.personId, v3Id: data.contactId(p), email: p.emailAddresses[0].email, restricted: data.isRestricted(p), lushaPhone: data.hasLushaPhone(p), noScore: data.personNoScore(p) })),
		companies: data.companies.map((c) => ({ id: c.id, v3Id: data.companyId(c), name: c.name, domain: c.domain, noScore: data.companyNoScore(c) })),
	});

	const reset = () => {
		billing.reset();
		ctx.tables.reset();
		ctx.state.lookalikeSessions.clear();
		ctx.state.jobs.clear();
	};

	Object.defineProperties(routes, {
		_reset: { value: reset },
		_admin: { value: admin },
		_rateHeaders: { value: rateHeaders },
		_expireLookalikeSessions: { value: () => ctx.state.lookalikeSessions.clear() },
		_helpers: { value: helpers },
		_isV3Route: { value: (key) => typeof key === 'string' && key in routes },
	});
	return routes;
}

module.exports = { createV3Routes, V3_DEFAULT_CONFIG, AS_LUSHA_PRESET, v3ContactId, v3CompanyId, PRICES };
