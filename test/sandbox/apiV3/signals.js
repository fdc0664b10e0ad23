// @ts-check
'use strict';
/**
 * V3 signals: POST /v3/{contacts|companies}/signals, GET …/signals/types, and the company signal
 * filter catalogues. `signalTypes` (not the V2 `signals`) names the types; each (entity, type with
 * at least one event) costs 1 credit (showSignalsContact / showSignalsCompany). Default window: 6
 * months before the fixture day 2026-10-01. linkedinActivityIntent is capped at a trailing 90
 * days and 50 events per company, whatever the request says (spec).
 */
const { isoDay } = require('../fixtures');
const { str, int, arr, obj, date, validate, badRequest, HttpError } = require('./validate');
const { CONTACT_SIGNAL_TYPES, COMPANY_SIGNAL_TYPES, INTENT_CATEGORIES, norm } = require('./data');

const CONTACT_TYPES = ['promotion', 'companyChange'];
const COMPANY_TYPES = COMPANY_SIGNAL_TYPES.filter((t) => t !== 'allSignals');

/** { type: events[] } for the requested contact signal types. */
function pickContactSignals(data, person, types, startDate, max) {
	const wanted = types.includes('allSignals') ? CONTACT_TYPES : [...new Set(types)];
	const out = {};
	for (const type of wanted) {
		const events = data.contactSignalEvents(person, type).filter((e) => e.signalDate >= startDate);
		out[type] = max ? events.slice(0, max) : events;
	}
	return out;
}

/** { type: events[] } for the requested company signal types. */
function pickCompanySignals(data, company, types, startDate, max, intentCategories) {
	const wanted = types.includes('allSignals') ? COMPANY_TYPES : [...new Set(types)];
	const all = data.companySignalsAll(company);
	const out = {};
	for (const type of wanted) {
		let events = all[type] ?? [];
		if (type === 'linkedinActivityIntent') {
			const since = startDate > isoDay(90) ? startDate : isoDay(90);
			events = events.filter((e) => data.signalDateOf(e) >= since && (!intentCategories?.length || e.intentTopics.some((t) => intentCategories.includes(t.category))));
			events = events.slice(0, Math.min(50, max ?? 50));
		} else {
			events = events.filter((e) => data.signalDateOf(e) >= startDate);
			if (max) events = events.slice(0, max);
		}
		out[type] = events;
	}
	return out;
}

const matchedCount = (picked) => Object.values(picked).filter((events) => events.length).length;

function signalsRoutes(ctx) {
	const { sandbox, data, billing } = ctx;
	const { filters } = sandbox.fixtures;

	const onPlan = () => {
		if (sandbox.config.signalsOnPlan === false) throw new HttpError(403, 'Signals API not supported on your plan');
	};

	function contactSignals({ body }) {
		validate(
			obj(
				{ ids: arr(str(), { min: 1, max: 100 }), signalTypes: arr(str({ enum: CONTACT_SIGNAL_TYPES }), { min: 1 }), startDate: date(), maxResultsPerSignal: int({ min: 1, max: 100 }), tableId: str() },
				{ required: ['ids', 'signalTypes'] },
			),
			body,
		);
		data.checkIds('contact', body.ids, 'ids');
		onPlan();
		const startDate = body.startDate ?? isoDay(180);
		let matched = 0;
		const found = [];
		const results = body.ids.map((raw) => {
			const person = data.contactById(raw, 'ids');
			if (!person) return { id: raw, error: { code: 'NOT_FOUND', message: 'Contact not found' } };
			if (data.isRestricted(person)) return { id: data.contactId(person), error: { code: 'COMPLIANCE_RESTRICTED', message: 'This contact cannot be returned due to compliance restrictions' } };
			const picked = pickContactSignals(data, person, body.signalTypes, startDate, body.maxResultsPerSignal);
			matched += matchedCount(picked);
			found.push(person.personId);
			return { id: data.contactId(person), ...picked };
		});
		const write = body.tableId !== undefined ? ctx.tables.planWrite('contacts', body.tableId, found, { populate: ['signals'] }) : undefined;
		const credits = billing.charge(billing.price('showSignalsContact', matched) + (write?.credits ?? 0), 'POST /v3/contacts/signals');
		write?.commit();
		return { requestId: ctx.requestId(), results, startDate, endDate: isoDay(0), ...(write ? { tableWrite: write.tableWrite } : {}), billing: { creditsCharged: credits, resultsReturned: found.length } };
	}

	function companySignals({ body }) {
		validate(
			obj(
				{
					ids: arr(str(), { min: 1, max: 100 }),
					signalTypes: arr(str({ enum: COMPANY_SIGNAL_TYPES }), { min: 1 }),
					startDate: date(),
					maxResultsPerSignal: int({ min: 1, max: 100 }),
					tableId: str(),
					filters: obj({ include: obj({ intentCategories: arr(str({ enum: INTENT_CATEGORIES })) }) }),
				},
				{ required: ['ids', 'signalTypes'] },
			),
			body,
		);
		data.checkIds('company', body.ids, 'ids');
		onPlan();
		const startDate = body.startDate ?? isoDay(180);
		let matched = 0;
		const found = [];
		const results = body.ids.map((raw) => {
			const company = data.companyByIdOrThrow(raw, 'ids');
			if (!company) return { id: raw, error: { code: 'NOT_FOUND', message: 'Company not found' } };
			const picked = pickCompanySignals(data, company, body.signalTypes, startDate, body.maxResultsPerSignal, body.filters?.include?.intentCategories);
			matched += matchedCount(picked);
			found.push(company.id);
			return { id: data.companyId(company), companyName: company.name, domain: company.domain, ...picked };
		});
		const write = body.tableId !== undefined ? ctx.tables.planWrite('companies', body.tableId, found, { populate: ['signals'] }) : undefined;
		const credits = billing.charge(billing.price('showSignalsCompany', matched) + (write?.credits ?? 0), 'POST /v3/companies/signals');
		write?.commit();
		return { requestId: ctx.requestId(), results, startDate, endDate: isoDay(0), ...(write ? { tableWrite: write.tableWrite } : {}), billing: { creditsCharged: credits, resultsReturned: found.length } };
	}

	const SIGNAL_FILTERS = [
		{ filterType: 'newsEventTypes', requiresQuery: false },
		{ filterType: 'hiringByDepartments', requiresQuery: false },
		{ filterType: 'hiringByLocations', requiresQuery: true },
		{ filterType: 'intentCategories', requiresQuery: false },
	];

	function signalFilterValues({ params, query }) {
		const spec = SIGNAL_FILTERS.find((f) => f.filterType === params.filterType);
		if (!spec) throw badRequest(`filterType must be one of the following values: ${SIGNAL_FILTERS.map((f) => f.filterType).join(', ')}`);
		const text = checkQuery(query, spec);
		if (spec.filterType === 'intentCategories' && text !== undefined) throw badRequest('query is not supported for filterType intentCategories');
		const has = (value) => text === undefined || norm(value).includes(norm(text));
		switch (spec.filterType) {
			case 'newsEventTypes':
				return { values: filters.NEWS_EVENT_TYPES.filter(has) };
			case 'hiringByDepartments':
				return { values: filters.DEPARTMENTS.filter(has) };
			case 'hiringByLocations':
				return { values: filters.COUNTRIES.flatMap((c) => [{ country: c.name }, ...c.cities.map(([, state]) => ({ country: c.name, state }))]).filter((l, i, all) => (has(l.country) || has(l.state ?? '')) && all.findIndex((x) => x.country === l.country && x.state === l.state) === i) };
			default:
				return { values: [...INTENT_CATEGORIES] };
		}
	}

	return {
		'POST /v3/contacts/signals': contactSignals,
		'POST /v3/companies/signals': companySignals,
		'GET /v3/contacts/signals/types': () => ({ signalTypes: [...CONTACT_SIGNAL_TYPES] }),
		'GET /v3/companies/signals/types': () => ({ signalTypes: [...COMPANY_SIGNAL_TYPES] }),
		'GET /v3/companies/signals/filters': () => ({ availableFilters: SIGNAL_FILTERS.map((f) => ({ ...f })) }),
		'GET /v3/companies/signals/filters/:filterType': signalFilterValues,
	};
}

/** `?query=`: 2–256 characters; required when the filter type says so. */
function checkQuery(query, spec) {
	const raw = query.query;
	if (Array.isArray(raw)) throw badRequest('query must be a string');
	if (raw === undefined) {
		if (spec.requiresQuery) throw badRequest(`query is required for filterType ${spec.filterType}`);
		return undefined;
	}
	if (raw.length < 2) throw badRequest('query must be longer than or equal to 2 characters');
	if (raw.length > 256) throw badRequest('query must be shorter than or equal to 256 characters');
	return raw;
}

module.exports = { signalsRoutes, pickContactSignals, pickCompanySignals, matchedCount, checkQuery, CONTACT_TYPES, COMPANY_TYPES };
