// @ts-check
'use strict';
/**
 * V3 prospecting filter catalogues: GET /v3/{contacts|companies}/prospecting/filters and
 * …/filters/{filterType}. Values come back wrapped as `{ values: [...] }` (seen on the live API); filter
 * types that `requiresQuery` need `?query=` (2–256 characters), the others may narrow by it.
 */
const { badRequest } = require('./validate');
const { checkQuery } = require('./signals');
const { MAIN_INDUSTRIES, SENIORITY_V3, EXISTING_DATA_POINTS, COUNTRY_GROUPING, norm } = require('./data');

/** Countries beyond the five the fixtures live in, so the catalogue looks like one. */
const EXTRA_COUNTRIES = [
	{ name: 'Canada', code: 'CA' },
	{ name: 'Spain', code: 'ES' },
	{ name: 'Italy', code: 'IT' },
	{ name: 'Netherlands', code: 'NL' },
	{ name: 'India', code: 'IN' },
	{ name: 'Brazil', code: 'BR' },
	{ name: 'Australia', code: 'AU' },
	{ name: 'Japan', code: 'JP' },
];

const CONTACT_FILTERS = [
	{ filterType: 'locations', requiresQuery: true },
	{ filterType: 'departments', requiresQuery: false },
	{ filterType: 'seniority', requiresQuery: false },
	{ filterType: 'countries', requiresQuery: false },
	{ filterType: 'existingDataPoints', requiresQuery: false },
];
const COMPANY_FILTERS = [
	{ filterType: 'names', requiresQuery: true },
	{ filterType: 'technologies', requiresQuery: true },
	{ filterType: 'locations', requiresQuery: true },
	{ filterType: 'industriesLabels', requiresQuery: false },
	{ filterType: 'sizes', requiresQuery: false },
	{ filterType: 'revenues', requiresQuery: false },
	{ filterType: 'sics', requiresQuery: false },
	{ filterType: 'naics', requiresQuery: false },
	{ filterType: 'intentTopics', requiresQuery: false },
];

function filtersRoutes(ctx) {
	const { sandbox, data } = ctx;
	const { filters } = sandbox.fixtures;

	function spec(list, filterType) {
		const found = list.find((f) => f.filterType === filterType);
		if (!found) throw badRequest(`filterType must be one of the following values: ${list.map((f) => f.filterType).join(', ')}`);
		return found;
	}

	function locations(text, withCities) {
		const out = [];
		for (const c of filters.COUNTRIES) {
			const base = { continent: c.continent, country: c.name, countryIso2: c.code, countryGrouping: COUNTRY_GROUPING[c.continent] };
			if (norm(c.name).includes(text) || norm(c.code) === text) out.push(base);
			for (const [city, state] of c.cities) {
				if (norm(state).includes(text) && !out.some((o) => o.country === c.name && o.state === state && !o.city)) out.push({ ...base, state });
				if (withCities && norm(city).includes(text)) out.push({ ...base, state, city });
			}
		}
		return out;
	}

	function contactValues({ params, query }) {
		const s = spec(CONTACT_FILTERS, params.filterType);
		const raw = checkQuery(query, s);
		const text = raw === undefined ? undefined : norm(raw);
		const has = (v) => text === undefined || norm(v).includes(text);
		switch (s.filterType) {
			case 'departments':
				return { values: filters.DEPARTMENTS.filter(has) };
			case 'seniority':
				return { values: SENIORITY_V3.filter((x) => has(x.value)).map((x) => ({ ...x })) };
			case 'existingDataPoints':
				return { values: EXISTING_DATA_POINTS.filter(has) };
			case 'countries':
				return { values: [...filters.COUNTRIES.map(({ name, code }) => ({ name, code })), ...EXTRA_COUNTRIES].filter((c) => has(c.name) || has(c.code)) };
			default:
				return { values: locations(/** @type {string} */ (text), true) };
		}
	}

	function companyValues({ params, query }) {
		const s = spec(COMPANY_FILTERS, params.filterType);
		const raw = checkQuery(query, s);
		const text = raw === undefined ? undefined : norm(raw);
		const has = (v) => text === undefined || norm(v).includes(text);
		switch (s.filterType) {
			case 'names':
				return { values: data.companies.filter((c) => has(c.name)).map((c) => ({ id: data.companyId(c), name: c.name, domain: c.domain, logoUrl: c.logoUrl })) };
			case 'technologies':
				return { values: filters.TECHNOLOGIES.filter(has) };
			case 'locations':
				return { values: locations(/** @type {string} */ (text), true).map(({ countryIso2, ...rest }) => rest) };
			case 'industriesLabels':
				return { values: MAIN_INDUSTRIES.filter((m) => has(m.mainIndustry) || m.subIndustries.some((sub) => has(sub.value))).map((m) => ({ mainIndustryId: m.mainIndustryId, mainIndustry: m.mainIndustry, subIndustries: m.subIndustries.map((sub) => ({ ...sub })) })) };
			case 'sizes':
				return { values: filters.SIZES.map((x) => ({ ...x })) };
			case 'revenues':
				return { values: filters.REVENUES.map((x) => ({ ...x })) };
			case 'sics':
				return { values: filters.SICS.filter((x) => has(x.code) || has(x.label)).map((x) => ({ code: x.code, description: x.label })) };
			case 'naics':
				return { values: filters.NAICS.filter((x) => has(x.code) || has(x.label)).map((x) => ({ code: x.code, description: x.label })) };
			default:
				return { values: filters.INTENT_TOPICS.filter(has) };
		}
	}

	return {
		'GET /v3/contacts/prospecting/filters': () => ({ availableFilters: CONTACT_FILTERS.map((f) => ({ ...f })) }),
		'GET /v3/contacts/prospecting/filters/:filterType': contactValues,
		'GET /v3/companies/prospecting/filters': () => ({ availableFilters: COMPANY_FILTERS.map((f) => ({ ...f })) }),
		'GET /v3/companies/prospecting/filters/:filterType': companyValues,
	};
}

module.exports = { filtersRoutes, CONTACT_FILTERS, COMPANY_FILTERS };
