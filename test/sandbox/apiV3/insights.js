// @ts-check
'use strict';
/**
 * V3 insights: buying group, signal score (companies and contacts), website visits.
 *
 * Signal score = active signal types / signal types the entity has (company: events in the last
 * 45 days; contact: last 90 days, of promotion/companyChange). NO_SCORE: see data.js. Contact
 * signal-score honours `faults.signalScore502Burst`: the next N calls answer the spec's retryable 502.
 */
const { isoDay, prng } = require('../fixtures');
const { str, int, num, arr, obj, date, email, validate, badRequest, HttpError } = require('./validate');
const { echoOf, normDomain } = require('./data');
const { encode } = require('./ids');

const PERSONAS = ['decision_maker', 'potential_champion', 'end_user'];
const VISIT_SORT = ['score', 'totalSessions', 'uniqueVisitors', 'avgSessionMinutes', 'daysVisited', 'highIntentPageviews', 'daysSinceLastVisit', 'lastVisit', 'name'];
const round2 = (n) => Math.round(n * 100) / 100;
const DAY = 86_400_000;

function createScores(data) {
	function company(c) {
		const all = data.companySignalsAll(c);
		const since = isoDay(45);
		const types = Object.keys(all).filter((t) => all[t].length);
		const active = types.filter((t) => all[t].some((e) => data.signalDateOf(e) >= since));
		return { signalScore: types.length ? round2(active.length / types.length) : 0, signalTypes: active, noActiveSignals: active.length === 0 };
	}
	function contact(person) {
		const since = isoDay(90);
		const active = ['promotion', 'companyChange'].filter((t) => (person.signals[t] ?? []).some((e) => e.signalDate >= since));
		return { signalScore: round2(active.length / 2), signalTypes: active, noActiveSignals: active.length === 0 };
	}
	return { company, contact };
}

function rolesOf(person) {
	const id = person.jobTitle.seniorityId;
	return [id >= 8 ? 'decision_maker' : id >= 6 ? 'potential_champion' : 'end_user'];
}

function addMonths(day, months) {
	const d = new Date(`${day}T00:00:00Z`);
	const target = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, d.getUTCDate()));
	return target.toISOString().slice(0, 10);
}

function insightsRoutes(ctx) {
	const { sandbox, data, billing } = ctx;

	// -------------------------------------------------------------- buying group
	/**
	 * `config.buyingGroupExtraContacts` = N: every company also has N more contacts (fixture people under
	 * fresh ids), so a buying group can span several pages, as Lusha's 25 companies × 60 contacts do.
	 */
	function extraContacts(company, personas) {
		const count = Number(sandbox.config.buyingGroupExtraContacts ?? 0);
		return Array.from({ length: count }, (_, k) => ({ person: data.people[(company.id * 7 + k) % data.people.length], id: encode('contact', 4_000_000 + (company.id - 5000) * 1000 + k), score: round2(0.5 + ((k * 37) % 50) / 100) })).filter(
			(c) => !data.isRestricted(c.person) && rolesOf(c.person).some((r) => personas.includes(r)),
		);
	}

	function buyingGroup({ body }) {
		validate(
			obj(
				{
					companies: arr(obj({ clientReferenceId: str(), domain: str(), id: str() }), { min: 1, max: 25 }),
					personas: arr(str({ enum: PERSONAS })),
					contactsLimit: int({ min: 1 }),
					pagination: obj({ page: int({ min: 0 }), size: int({ min: 10, max: 100 }) }),
				},
				{ required: ['companies'] },
			),
			body,
		);
		const errors = [];
		body.companies.forEach((c, i) => {
			if ((c.domain === undefined) === (c.id === undefined)) errors.push(`companies.${i} must have exactly one of domain or id`);
		});
		if (errors.length) throw badRequest(errors);
		data.checkCompanyItems(body.companies, 'companies', ['domain', 'id']);
		const personas = body.personas?.length ? body.personas : PERSONAS;
		const limit = body.contactsLimit ?? 60;
		const page = body.pagination?.page ?? 0;
		const size = ctx.pageSize(body.pagination?.size ?? 100);
		const groups = body.companies.map((item) => {
			const company = data.findCompany(item);
			if (!company) return { item, error: { code: 'NOT_FOUND', message: 'Company not found' } };
			const contacts = data.people
				.filter((p) => p.companyId === company.id && !data.isRestricted(p) && rolesOf(p).some((r) => personas.includes(r)))
				.map((p) => ({ person: p, score: round2(0.5 + p.seed / 2) }))
				.concat(extraContacts(company, personas))
				.sort((a, b) => b.score - a.score)
				.slice(0, limit);
			return { item, company, contacts };
		});
		const flat = groups.flatMap((g, gi) => (g.contacts ?? []).map((c) => ({ gi, ...c })));
		const pageSlice = flat.slice(page * size, (page + 1) * size);
		const credits = billing.charge(billing.price('buyingGroupContact', pageSlice.length), 'POST /v3/contacts/buying-group');
		const results = groups.map((g, gi) => {
			const echo = g.item.clientReferenceId !== undefined ? { clientReferenceId: g.item.clientReferenceId } : {};
			if (g.error) return { ...echo, error: g.error };
			return {
				...echo,
				companyId: data.companyId(g.company),
				contacts: pageSlice
					.filter((c) => c.gi === gi)
					.map((c) => ({
						...data.contactPreview(c.person, ctx.contactCanReveal(c.person)),
						...(c.id ? { id: c.id, company: { id: data.companyId(g.company), name: g.company.name, domain: g.company.fqdn } } : {}),
						roles: rolesOf(c.person),
						score: c.score,
					})),
			};
		});
		for (const r of results) for (const c of r.contacts ?? []) delete c.signalTypes;
		return { requestId: ctx.requestId(), results, pagination: { page, size, total: flat.length }, billing: { creditsCharged: credits, resultsReturned: pageSlice.length } };
	}

	// -------------------------------------------------------------- signal score
	function companySignalScore({ body }) {
		validate(obj({ companies: arr(obj({ clientReferenceId: str({ maxLength: 256 }), id: str(), domain: str(), name: str(), email: email() }), { min: 1, max: 100 }) }, { required: ['companies'] }), body);
		const errors = [];
		body.companies.forEach((c, i) => {
			const given = ['id', 'domain', 'name', 'email'].filter((k) => c[k] !== undefined);
			if (given.length !== 1) errors.push(`companies.${i} must contain exactly one of id, domain, name, or email`);
		});
		if (errors.length) throw badRequest(errors);
		data.checkCompanyItems(body.companies, 'companies', ['id', 'domain', 'name', 'email']);
		let scored = 0;
		const results = body.companies.map((item) => {
			const echo = echoOf(item);
			const company = data.findCompany(item);
			if (!company) {
				const supplied = item.id !== undefined ? { id: item.id } : item.name !== undefined ? { name: item.name } : { domain: item.domain ?? String(item.email).split('@')[1] };
				return { ...echo, ...supplied, error: { code: 'NOT_FOUND', message: 'Company not found' } };
			}
			const identity = { id: data.companyId(company), name: company.name, domain: company.fqdn };
			if (data.companyNoScore(company)) return { ...echo, ...identity, error: { code: 'NO_SCORE', message: 'No signal score is available for this company' } };
			scored++;
			return { ...echo, ...identity, ...ctx.scores.company(company) };
		});
		const credits = billing.charge(billing.price('signal_score_company_reveal', scored), 'POST /v3/companies/signal-score');
		return { requestId: ctx.requestId(), results, billing: { creditsCharged: credits, resultsReturned: scored } };
	}

	function contactSignalScore({ body }) {
		validate(
			obj(
				{
					contacts: arr(obj({ clientReferenceId: str({ maxLength: 256 }), id: str(), linkedinUrl: str(), email: email(), firstName: str(), lastName: str(), companyName: str(), companyDomain: str() }), { min: 1, max: 100 }),
				},
				{ required: ['contacts'] },
			),
			body,
		);
		data.checkContactItems(body.contacts, 'contacts');
		const faults = sandbox.config.faults;
		if (faults.signalScore502Burst > 0) {
			faults.signalScore502Burst--;
			throw new HttpError(502, 'Identity resolution provider is temporarily unavailable. Retry with backoff.');
		}
		let scored = 0;
		const results = body.contacts.map((item) => {
			const echo = echoOf(item);
			const person = data.findContact(item);
			if (!person) return { ...echo, ...(item.id !== undefined ? { id: item.id } : {}), error: { code: 'NOT_FOUND', message: 'Contact not found' } };
			const company = data.companyOf(person);
			const identity = { id: data.contactId(person), fullName: person.fullName, company: { id: data.companyId(company), name: company.name, domain: company.domain } };
			if (data.personNoScore(person)) return { ...echo, ...identity, error: { code: 'NO_SCORE', message: 'No signal score is available for this contact' } };
			scored++;
			return { ...echo, ...identity, ...ctx.scores.contact(person) };
		});
		const credits = billing.charge(billing.price('signal_score_contact_reveal', scored), 'POST /v3/contacts/signal-score');
		return { requestId: ctx.requestId(), results, billing: { creditsCharged: credits, resultsReturned: scored } };
	}

	// -------------------------------------------------------------- website visits
	const intRange = () => obj({ min: int({ min: 0 }), max: int({ min: 0 }) });
	const floatRange = () => obj({ min: num({ min: 0 }), max: num({ min: 0 }) });

	function visitsFor(domainIndex, window) {
		const out = [];
		data.companies.forEach((company, j) => {
			if (j === domainIndex || (j + domainIndex) % 3 === 0) return;
			const r = prng(domainIndex * 1000 + j + 1);
			const score = 1 + Math.floor(r() * 100);
			const totalSessions = 1 + Math.floor(r() * 40);
			const uniqueVisitors = 1 + Math.floor(r() * Math.min(10, totalSessions));
			const avgSessionMinutes = Math.round((0.5 + r() * 11.5) * 10) / 10;
			const daysVisited = 1 + Math.floor(r() * Math.min(30, totalSessions));
			const highIntentPageviews = Math.floor(r() * 20);
			const daysSinceLastVisit = Math.floor(r() * 90);
			const lastVisit = new Date(Date.parse(`${window.endDate}T00:00:00Z`) - daysSinceLastVisit * DAY).toISOString().slice(0, 10);
			if (lastVisit < window.startDate) return;
			out.push({ company, score, scoreBand: score >= 70 ? 'hot' : score >= 40 ? 'warm' : 'cold', totalSessions, uniqueVisitors, avgSessionMinutes, daysVisited, highIntentPageviews, daysSinceLastVisit, lastVisit, visitorCountry: company.location.countryIso2 });
		});
		return out;
	}

	function websiteVisits({ body }) {
		validate(
			obj(
				{
					domains: arr(str({ minLength: 1 }), { min: 1 }),
					startDate: date(),
					endDate: date(),
					pagination: obj({ size: int({ min: 1, max: 150 }), page: int({ min: 0 }) }, { required: ['page', 'size'] }),
					sort: obj({ by: str({ enum: VISIT_SORT }), order: str({ enum: ['asc', 'desc'] }) }),
					filters: obj({
						scoreBands: arr(str({ enum: ['cold', 'warm', 'hot'] })),
						visitorCountries: obj({ include: arr(str()), exclude: arr(str()) }),
						score: obj({ min: int({ min: 1, max: 100 }), max: int({ min: 1, max: 100 }) }),
						totalSessions: intRange(),
						avgSessionMinutes: floatRange(),
						uniqueVisitors: intRange(),
						daysVisited: intRange(),
						highIntentPageviews: intRange(),
						daysSinceLastVisit: intRange(),
					}),
				},
				{ required: ['domains', 'startDate', 'endDate', 'pagination'] },
			),
			body,
		);
		if (body.endDate < body.startDate) throw badRequest('endDate must not be before startDate');
		if (body.endDate > addMonths(body.startDate, 3)) throw badRequest('Date range must not exceed 3 months (startDate to endDate)');
		const countries = [...(body.filters?.visitorCountries?.include ?? []), ...(body.filters?.visitorCountries?.exclude ?? [])];
		const badCountry = countries.filter((c) => !/^[A-Z]{2}$/.test(c));
		if (badCountry.length) throw badRequest(badCountry.map((c) => `filters.visitorCountries must contain ISO 3166-1 alpha-2 codes, got "${c}"`));
		const tracked = /** @type {string[]} */ (sandbox.config.websiteVisitsDomains ?? data.companies.map((c) => c.domain)).map(normDomain);
		const untracked = body.domains.filter((d) => !tracked.includes(normDomain(d)));
		if (untracked.length) throw badRequest(untracked.map((d) => `Domain ${d} is not configured for tracking`));

		const best = new Map();
		for (const domain of body.domains) {
			const index = data.companies.findIndex((c) => normDomain(c.domain) === normDomain(domain));
			const domainIndex = index >= 0 ? index : [...normDomain(domain)].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 997, 7);
			for (const visit of visitsFor(domainIndex, body)) {
				const previous = best.get(visit.company.id);
				if (!previous || previous.score < visit.score) best.set(visit.company.id, visit);
			}
		}
		const f = body.filters ?? {};
		const inRange = (value, range) => !range || ((range.min === undefined || value >= range.min) && (range.max === undefined || value <= range.max));
		const visits = [...best.values()].filter(
			(v) =>
				(!f.scoreBands?.length || f.scoreBands.includes(v.scoreBand)) &&
				(!f.visitorCountries?.include?.length || f.visitorCountries.include.includes(v.visitorCountry)) &&
				!(f.visitorCountries?.exclude ?? []).includes(v.visitorCountry) &&
				['score', 'totalSessions', 'avgSessionMinutes', 'uniqueVisitors', 'daysVisited', 'highIntentPageviews', 'daysSinceLastVisit'].every((k) => inRange(v[k], f[k])),
		);
		const by = body.sort?.by ?? 'score';
		const order = body.sort?.order ?? 'desc';
		const key = (v) => (by === 'name' ? v.company.name : v[by]);
		visits.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.company.id - b.company.id) * (order === 'asc' ? 1 : -1));
		const { page } = body.pagination;
		const size = ctx.pageSize(body.pagination.size);
		const slice = visits.slice(page * size, (page + 1) * size);
		billing.charge(billing.price('websiteVisits', slice.length), 'POST /v3/companies/website-visits');
		const results = slice.map(({ company, ...metrics }) => {
			const { signalTypes, ...preview } = data.companyPreview(company, ctx.companyCanReveal(company));
			return { ...preview, ...metrics };
		});
		return { requestId: ctx.requestId(), results, pagination: { size, page, total: visits.length }, billing: { creditsCharged: 0, resultsReturned: results.length } };
	}

	return {
		'POST /v3/contacts/buying-group': buyingGroup,
		'POST /v3/companies/signal-score': companySignalScore,
		'POST /v3/contacts/signal-score': contactSignalScore,
		'POST /v3/companies/website-visits': websiteVisits,
	};
}

module.exports = { insightsRoutes, createScores, rolesOf };
