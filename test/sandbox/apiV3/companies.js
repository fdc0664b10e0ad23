// @ts-check
'use strict';
/**
 * V3 companies: search (preview), enrich (by id, with extra `reveal` fields), search-and-enrich,
 * lookalikes.
 *
 * Pricing (see billing.js): search = api_search per 25 found (+1 per matched signal type when
 * `signals` is sent); enrich = reveal_company 1 per result + 1 per revealed extra field with data
 * (free when this account already revealed it); search-and-enrich = api_search + reveal_company per
 * result; lookalike = 3 per result (+ reveal_company per company newly added to a `tableId` table).
 */
const { isoDay } = require('../fixtures');
const { str, int, bool, arr, obj, date, uuid, validate, badRequest, HttpError } = require('./validate');
const { COMPANY_SIGNAL_TYPES, echoOf, normDomain, normUrl } = require('./data');
const { pickCompanySignals, matchedCount } = require('./signals');
const { checkSeedTotal } = require('./contacts');

const companyItem = () => obj({ clientReferenceId: str(), id: str(), name: str(), domain: str() });
const searchOptions = () => obj({ includePartialProfiles: bool() });
const NOT_FOUND = { code: 'NOT_FOUND', message: 'Company not found' };

function companiesRoutes(ctx) {
	const { data, billing } = ctx;

	function search({ body }) {
		validate(
			obj(
				{
					companies: arr(companyItem(), { min: 1, max: 100 }),
					options: searchOptions(),
					signals: obj({ types: arr(str({ enum: COMPANY_SIGNAL_TYPES }), { min: 1 }), startDate: date(), maxResultsPerSignal: int({ min: 1, max: 100 }) }, { required: ['types'] }),
				},
				{ required: ['companies'] },
			),
			body,
		);
		data.checkCompanyItems(body.companies, 'companies');
		let found = 0;
		let matched = 0;
		const results = body.companies.map((item) => {
			const echo = echoOf(item);
			const company = data.findCompany(item);
			if (!company) return { ...echo, error: NOT_FOUND };
			const preview = data.companyPreview(company, ctx.companyCanReveal(company));
			if (body.signals) {
				// maxResultsPerSignal is accepted but not honoured on companies/search (seen on the live API).
				const picked = pickCompanySignals(data, company, body.signals.types, body.signals.startDate ?? isoDay(180), undefined, undefined);
				const count = matchedCount(picked);
				if (!count) return { ...echo, id: preview.id, error: { code: 'NOT_FOUND', message: 'No matching signals for this company' } };
				matched += count;
				preview.signalTypes = Object.keys(picked).filter((t) => picked[t].length);
				Object.assign(preview, { signals: picked });
			}
			found++;
			return { ...echo, ...preview };
		});
		const credits = billing.charge(billing.price('api_search', found) + billing.price('showSignalsCompany', matched), 'POST /v3/companies/search');
		return { requestId: ctx.requestId(), results, billing: { creditsCharged: credits, resultsReturned: found } };
	}

	/** Credits for revealing `fields` of `company` (only values that come back; free when already revealed). */
	function priceFields(company, fields, seen, marks) {
		let credits = 0;
		for (const field of fields) {
			const mark = `${company.id}:${field}`;
			// Charged only when a value comes back (estimatedAnnualItSpend / monthlyWebsiteTraffic: "when non-null";
			// directParent / ultimateParent: "1 credit per field when non-null", https://docs.lusha.com/changelog/overview).
			if (data.companyHasField(company, field)) {
				if (!billing.companyRevealed(company.id, field) && !seen.has(mark)) credits += billing.price(field);
				seen.add(mark);
				marks.push([company.id, field]);
			}
		}
		return credits;
	}
	const revealSchema = () => arr(str({ enum: ctx.companyRevealFields() }));

	function enrich({ body }) {
		validate(obj({ ids: arr(str(), { min: 1, max: 100 }), reveal: revealSchema(), tableId: str() }, { required: ['ids'] }), body);
		data.checkIds('company', body.ids, 'ids');
		const fields = [...new Set(body.reveal ?? [])];
		const seen = new Set();
		const marks = [];
		const found = [];
		let credits = 0;
		const results = body.ids.map((raw) => {
			const company = data.companyByIdOrThrow(raw, 'ids');
			if (!company) return { id: raw, error: NOT_FOUND };
			credits += billing.price('reveal_company') + priceFields(company, fields, seen, marks);
			found.push(company.id);
			return data.enrichedCompany(company, fields);
		});
		const write = body.tableId !== undefined ? ctx.tables.planWrite('companies', body.tableId, found, { populate: ['firmographics'], paidByOperation: true }) : undefined;
		const total = billing.charge(credits + (write?.credits ?? 0), 'POST /v3/companies/enrich');
		for (const [id, field] of marks) billing.markCompany(id, field);
		write?.commit();
		return { requestId: ctx.requestId(), results, ...(write ? { tableWrite: write.tableWrite } : {}), billing: { creditsCharged: total, resultsReturned: found.length } };
	}

	function searchAndEnrich({ body }) {
		// `reveal` works as on Enrich Companies (https://docs.lusha.com/api-reference/search-%26-enrich/search-and-enrich-companies.md);
		// config.companySearchAndEnrichReveal false restores the older 400 for it.
		const withReveal = ctx.sandbox.config.companySearchAndEnrichReveal !== false;
		validate(obj({ companies: arr(companyItem(), { min: 1, max: 100 }), options: searchOptions(), ...(withReveal ? { reveal: revealSchema() } : {}) }, { required: ['companies'] }), body);
		data.checkCompanyItems(body.companies, 'companies');
		const fields = [...new Set(body.reveal ?? [])];
		const seen = new Set();
		const marks = [];
		let found = 0;
		let fieldCredits = 0;
		const results = body.companies.map((item) => {
			const echo = echoOf(item);
			const company = data.findCompany(item);
			if (!company) return { ...echo, error: NOT_FOUND };
			found++;
			fieldCredits += priceFields(company, fields, seen, marks);
			return { ...echo, ...data.enrichedCompany(company, fields) };
		});
		// Search fee plus reveal_company per result (spec example: 2 results → 3 credits), plus one charge per revealed field.
		const credits = billing.charge(billing.price('api_search', found) + billing.price('reveal_company', found) + fieldCredits, 'POST /v3/companies/search-and-enrich');
		for (const [id, field] of marks) billing.markCompany(id, field);
		return { requestId: ctx.requestId(), results, billing: { creditsCharged: credits, resultsReturned: found } };
	}

	// -------------------------------------------------------------- lookalikes
	const batch = (nullable) => ({ ...obj({ domains: arr(str(), { max: 100 }), linkedinUrls: arr(str(), { max: 100 }) }, { minProps: 1 }), nullable });

	function resolveBatch(b) {
		const out = new Set();
		if (!b) return out;
		for (const domain of b.domains ?? []) {
			const c = data.companies.find((x) => normDomain(x.domain) === normDomain(domain));
			if (c) out.add(c.id);
		}
		for (const url of b.linkedinUrls ?? []) {
			const c = data.companies.find((x) => normUrl(x.social.linkedin.url) === normUrl(url));
			if (c) out.add(c.id);
		}
		return out;
	}

	function lookalike({ body }) {
		validate(obj({ dedupeSessionId: uuid(), seeds: batch(false), exclude: batch(true), limit: int({ min: 1, max: 100 }), tableId: str() }, { required: ['seeds'] }), body);
		const seedCount = Object.values(body.seeds).reduce((n, list) => n + (Array.isArray(list) ? list.length : 0), 0);
		if (seedCount === 0) throw badRequest('seeds must contain at least one seed');
		if (ctx.sandbox.config.lookalikeSeedRules) {
			checkSeedTotal(new Set([...(body.seeds.domains ?? []).map((d) => `d:${normDomain(d)}`), ...(body.seeds.linkedinUrls ?? []).map((u) => `l:${normUrl(u)}`)]).size);
		}
		const seeds = resolveBatch(body.seeds);
		const excluded = resolveBatch(body.exclude);
		const session = body.dedupeSessionId ? ctx.state.lookalikeSessions.get(body.dedupeSessionId) : undefined;
		if (body.dedupeSessionId && (!session || session.kind !== 'company')) {
			const error = new HttpError(410, 'The provided dedupeSessionId is invalid or expired. Generate a new request without dedupeSessionId to start a fresh run.');
			/** @type {any} */ (error).body = { code: 'DEDUPE_SESSION_INVALID', message: error.message };
			throw error;
		}
		const seen = session?.seen ?? new Set();
		const industries = new Set([...seeds].map((id) => data.companyById.get(id).mainIndustryId));
		const pool = data.companies
			.filter((c) => !seeds.has(c.id) && !excluded.has(c.id) && !seen.has(c.id))
			.sort((a, b) => Number(industries.has(b.mainIndustryId)) - Number(industries.has(a.mainIndustryId)) || a.id - b.id);
		const picked = pool.slice(0, body.limit ?? 25);
		const write = body.tableId !== undefined ? ctx.tables.planWrite('companies', body.tableId, picked.map((c) => c.id)) : undefined;
		const credits = billing.charge(billing.price('lookalikeCompany', picked.length) + (write?.credits ?? 0), 'POST /v3/companies/lookalike');
		const sessionId = body.dedupeSessionId ?? ctx.newId();
		if (!session) ctx.state.lookalikeSessions.set(sessionId, { kind: 'company', seen });
		for (const c of picked) seen.add(c.id);
		write?.commit();
		const results = picked.map((c) => ({
			id: data.companyId(c),
			name: c.name,
			domain: c.domain,
			employeeCount: { exact: c.companySize.employeesInLinkedin },
			industry: data.industryOf(c).mainIndustry,
			location: { country: c.location.country, state: c.location.state, city: c.location.city },
			socialLinks: { linkedin: c.social.linkedin.url },
		}));
		return {
			requestId: ctx.requestId(),
			dedupeSessionId: sessionId,
			results,
			meta: { returned: results.length, hasMore: pool.length > picked.length },
			...(write ? { tableWrite: write.tableWrite } : {}),
			billing: { creditsCharged: credits, resultsReturned: results.length },
		};
	}

	return {
		'POST /v3/companies/search': search,
		'POST /v3/companies/enrich': enrich,
		'POST /v3/companies/search-and-enrich': searchAndEnrich,
		'POST /v3/companies/lookalike': lookalike,
	};
}

module.exports = { companiesRoutes };
