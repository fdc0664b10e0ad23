// @ts-check
'use strict';
/**
 * V3 prospecting: POST /v3/contacts/prospecting and POST /v3/companies/prospecting.
 *
 * Strict like the live API (seen on the live API): `pagination{page 0..1000, size 10..100}`; config.pageSizeClamp
 * (50 live: https://docs.lusha.com/faq/api) caps the rows served and the `pagination.size` reported;
 * unknown keys anywhere are 400 (e.g. top-level `searchText`/`signals`, `sicsCodes`, company `countries`);
 * contact `countries` are ISO-2 codes; `existingDataPoints` ⊂ work_email, private_email, phone,
 * mobile_phone, direct_phone (`work_phone` is rejected); range filters (sizes, revenues, foundedYear,
 * topicCountThreshold) take one merged `{min, max}` element; score / education / job-change filters
 * need a base contact filter; on companies/prospecting `locations[].countryIso2`, `funding` and
 * `industriesLabels` are 400 (on contacts/prospecting company `countryIso2` is accepted and matches
 * nothing); mainIndustriesIds 2, 4, 20 do not exist (total 0).
 *
 * Price: api_search per 25 results returned, plus 1 per matched signal type per result when a
 * `signals` filter is sent; `tableId` adds tableWrite (contacts free, companies reveal_company per new row).
 */
const { isoDay } = require('../fixtures');
const { str, int, bool, arr, obj, date, email, validate, badRequest } = require('./validate');
const { CONTACT_SIGNAL_TYPES, COMPANY_SIGNAL_TYPES, EXISTING_DATA_POINTS, COUNTRY_GROUPING, INTENT_CATEGORIES, norm, normDomain, normUrl } = require('./data');
const { pickContactSignals, pickCompanySignals, matchedCount } = require('./signals');
const { parseId, encode } = require('./ids');

const strings = () => arr(str());
const location = (withIso2) => obj({ city: str(), state: str(), country: str(), continent: str(), countryGrouping: str(), region: str(), ...(withIso2 ? { countryIso2: str() } : {}) });
const range = () => obj({ min: int({ min: 0 }), max: int() });
const yearRange = () => obj({ min: int(), max: int() });
const geo = () => obj({ country: str(), zipcode: str(), distance: int() });
const zip = () => obj({ countryIso2: str(), zipcode: str() });
const coverage = () => str({ enum: ['last_funding', 'any_round', 'total_funds', 'last_round'] });
const ROUNDS = ['pre_seed', 'seed', 'series_a', 'series_b', 'series_c', 'series_d', 'series_e', 'series_f', 'series_g', 'series_h', 'other'];
const FUNDING_NAMES = ['angel', 'venture', 'private_equity', 'crowdfunding', 'grant', 'debt_financing', 'other'];
const BUSINESS_MODELS = ['B2B', 'B2C', 'B2G'];
const COMPANY_TYPES = ['Government', 'Private Company', 'Public Company', 'Educational', 'Non Profit', 'Self Employed'];

/** V3ContactFilterCriteria. */
const contactCriteria = () =>
	obj({
		names: strings(),
		jobTitles: strings(),
		jobTitlesExactMatch: strings(),
		normalizedJobTitles: strings(),
		searchText: str({ maxLength: 200 }),
		countries: strings(),
		locations: arr(location(true)),
		seniorityIds: arr(int()),
		departments: strings(),
		linkedinUrls: strings(),
		existingDataPoints: strings(),
		signals: obj({ types: arr(str({ enum: CONTACT_SIGNAL_TYPES })), startDate: date() }),
		emails: arr(email()),
		previousEmails: arr(email()),
		previousJobTitle: strings(),
		skills: strings(),
		certifications: strings(),
		awards: strings(),
		ids: strings(),
		existingDataPointsCondition: str({ enum: ['or', 'and'] }),
		jobChangedAfterDate: date(),
		jobChangedLastViewDate: date(),
		education: obj({ degrees: strings(), fieldsOfStudy: strings(), schools: strings(), startYearGte: int(), graduationYearLte: int() }),
		score: obj({ minScore: int({ min: 0, max: 100 }), maxScore: int({ min: 0, max: 100 }) }),
		geographicDetails: arr(geo()),
	});

/** Company criteria shared by V3CompanyFilterCriteria (contacts/prospecting) and V3CompanyProspectingFilters. */
const companyCommon = (withIso2) => ({
	names: strings(),
	domains: strings(),
	ids: strings(),
	locations: arr(location(withIso2)),
	sizes: arr(range()),
	revenues: arr(range()),
	technologies: strings(),
	technologiesCondition: str({ enum: ['or', 'and'] }),
	mainIndustriesIds: arr(int()),
	subIndustriesIds: arr(int()),
	intentTopics: strings(),
	intentTopicsCondition: str({ enum: ['or', 'and'] }),
	intentMinScore: int({ min: 1, max: 100 }),
	intentMaxScore: int({ min: 1, max: 100 }),
	intentTopicsOperator: str({ enum: ['or', 'and', 'any', 'all'] }),
	topicCountThreshold: arr(range()),
	sicCodes: strings(),
	naicsCodes: strings(),
	foundedYear: arr(yearRange()),
	businessModel: arr(str({ enum: BUSINESS_MODELS })),
	companyType: arr(str({ enum: COMPANY_TYPES })),
	linkedinUrls: strings(),
	keywords: strings(),
	specialities: strings(),
	exactSpecialities: strings(),
	exactKeywords: strings(),
	keywordsSearchFields: strings(),
	previousCompanyDomains: strings(),
	previousCompanyNames: strings(),
	geographicDetails: arr(geo()),
	locationsZipcodes: arr(zip()),
	headquarterZipcodes: arr(zip()),
});

/** V3CompanyFilterCriteria: on contacts/prospecting, with funding and industriesLabels, no searchText/signals. */
const companyCriteriaForContacts = () =>
	obj({
		...companyCommon(true),
		industriesLabels: strings(),
		funding: obj({
			isIpo: bool(),
			ranges: arr(obj({ coverage: coverage(), min: int(), max: int() })),
			date: obj({ coverage: coverage(), date: date() }),
			rounds: arr(obj({ coverage: coverage(), round: str({ enum: ROUNDS }) })),
			names: arr(obj({ coverage: coverage(), name: str({ enum: FUNDING_NAMES }) })),
			investors: strings(),
			types: strings(),
		}),
	});

/** V3CompanyProspectingFilters: searchText and signals; no funding, industriesLabels or locations[].countryIso2 (seen on the live API). */
const companyCriteriaForCompanies = () =>
	obj({
		...companyCommon(false),
		searchText: str({ maxLength: 200 }),
		signals: obj({
			types: arr(str({ enum: COMPANY_SIGNAL_TYPES })),
			startDate: date(),
			filterByLocation: arr(obj({ country: str(), state: str(), startDate: date() })),
			filterByDepartment: arr(obj({ department: str(), startDate: date() }, { required: ['department'] })),
			filterByIntentCategory: arr(str({ enum: INTENT_CATEGORIES })),
		}),
	});

/** V3ContactsOnCompanySearchFilters. */
const contactsOnCompanySearch = () => obj({ jobTitles: strings(), departments: strings(), seniorityIds: arr(int()), skills: strings(), locations: arr(location(true)), existingDataPoints: strings() });

const pagination = () => obj({ page: int({ min: 0, max: 1000 }), size: int({ min: 10, max: 100 }) }, { required: ['page', 'size'] });

const CONTACTS_BODY = obj(
	{
		pagination: pagination(),
		filters: obj({
			contacts: obj({ include: contactCriteria(), exclude: contactCriteria() }),
			companies: obj({ include: companyCriteriaForContacts(), exclude: companyCriteriaForContacts() }),
		}),
		tableId: str(),
		options: obj({ includePartialProfiles: bool(), excludeDnc: bool() }),
	},
	{ required: ['pagination', 'filters'] },
);

const COMPANIES_BODY = obj(
	{
		pagination: pagination(),
		filters: obj(
			{
				companies: obj({ include: companyCriteriaForCompanies(), exclude: companyCriteriaForCompanies() }, { required: ['include'] }),
				contacts: obj({ include: contactsOnCompanySearch(), exclude: contactsOnCompanySearch() }),
			},
			{ required: ['companies'] },
		),
		tableId: str(),
		options: obj({ includePartialProfiles: bool() }),
	},
	{ required: ['pagination', 'filters'] },
);

const RANGE_KEYS = ['sizes', 'revenues', 'foundedYear', 'topicCountThreshold'];
const REFINE_ONLY = ['score', 'education', 'jobChangedAfterDate', 'jobChangedLastViewDate'];
const NOT_BASE = new Set([...REFINE_ONLY, 'existingDataPointsCondition']);
const given = (v) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0) && v !== '';

/** The live API's rules the schema alone does not express. */
function checkContactCriteria(criteria, path, errors, include) {
	if (!criteria) return;
	(criteria.countries ?? []).forEach((c, i) => {
		if (!/^[A-Za-z]{2}$/.test(c)) errors.push(`${path}.countries.${i} must be an ISO 3166-1 alpha-2 country code (e.g. US), not "${c}"`);
	});
	checkDataPoints(criteria.existingDataPoints, `${path}.existingDataPoints`, errors);
	(criteria.ids ?? []).forEach((id, i) => {
		if (!parseId('contact', id).valid) errors.push(`Invalid contact id: ${path}.ids.${i}`);
	});
	if (criteria.score && criteria.score.minScore !== undefined && criteria.score.maxScore !== undefined && criteria.score.minScore > criteria.score.maxScore) {
		errors.push(`${path}.score.minScore must not be greater than maxScore`);
	}
	if (include) {
		const refine = REFINE_ONLY.filter((k) => given(criteria[k]));
		const base = Object.keys(criteria).filter((k) => !NOT_BASE.has(k) && given(criteria[k]));
		if (refine.length && !base.length) {
			errors.push(...refine.map((k) => `${path}.${k} is a refinement filter and must be combined with a base filter (e.g. jobTitles)`));
		}
	}
}

function checkDataPoints(points, path, errors) {
	(points ?? []).forEach((p, i) => {
		if (!EXISTING_DATA_POINTS.includes(p)) errors.push(`${path}.${i} must be one of the following values: ${EXISTING_DATA_POINTS.join(', ')}`);
	});
}

function checkCompanyCriteria(criteria, path, errors) {
	if (!criteria) return;
	for (const key of RANGE_KEYS) {
		const list = criteria[key];
		if (!Array.isArray(list)) continue;
		if (list.length > 1) errors.push(`${path}.${key} must be one merged range element [{min, max}], got ${list.length} elements`);
		for (const r of list) if (r && r.min !== undefined && r.max !== undefined && r.min > r.max) errors.push(`${path}.${key}.min must not be greater than max`);
	}
	(criteria.ids ?? []).forEach((id, i) => {
		if (!parseId('company', id).valid) errors.push(`Invalid company id: ${path}.ids.${i}`);
	});
}

function prospectingRoutes(ctx) {
	const { data, billing } = ctx;

	// -------------------------------------------------------------- predicates
	const inRange = (value, r) => value !== undefined && value !== null && (r.min === undefined || value >= r.min) && (r.max === undefined || value <= r.max);
	const some = (list, fn) => list.some(fn);

	/** One predicate per given contact criterion (include: all must hold; exclude: none may). */
	function contactPredicates(c) {
		const preds = [];
		const add = (key, fn) => given(c[key]) && preds.push(fn);
		add('names', (p) => some(c.names, (n) => norm(p.fullName).includes(norm(n))));
		add('jobTitles', (p) => some(c.jobTitles, (t) => norm(p.jobTitle.title).includes(norm(t))));
		add('jobTitlesExactMatch', (p) => some(c.jobTitlesExactMatch, (t) => norm(p.jobTitle.title) === norm(t)));
		add('normalizedJobTitles', (p) => some(c.normalizedJobTitles, (t) => norm(p.jobTitle.title).includes(norm(t))));
		add('searchText', (p) => [p.fullName, p.jobTitle.title, data.companyOf(p).name].some((v) => norm(v).includes(norm(c.searchText))));
		add('countries', (p) => some(c.countries, (code) => code.toUpperCase() === p.location.countryIso2));
		add('locations', (p) => some(c.locations, (l) => locationMatches(l, { ...p.location, region: p.location.state })));
		add('seniorityIds', (p) => c.seniorityIds.includes(p.jobTitle.seniorityId));
		add('departments', (p) => some(c.departments, (d) => p.jobTitle.departments.some((x) => norm(x) === norm(d))));
		add('linkedinUrls', (p) => some(c.linkedinUrls, (u) => normUrl(u) === normUrl(p.socialLinks.linkedin)));
		add('existingDataPoints', (p) => {
			const has = data.dataPointsOf(p);
			return c.existingDataPointsCondition === 'and' ? c.existingDataPoints.every((d) => has.has(d)) : c.existingDataPoints.some((d) => has.has(d));
		});
		add('signals', (p) => matchedCount(pickContactSignals(data, p, c.signals.types?.length ? c.signals.types : ['allSignals'], c.signals.startDate ?? isoDay(180))) > 0);
		add('emails', (p) => some(c.emails, (e) => p.emailAddresses.some((x) => norm(x.email) === norm(e))));
		add('previousEmails', () => false);
		add('previousJobTitle', (p) => some(c.previousJobTitle, (t) => norm(p.previousJob.jobTitle.title).includes(norm(t))));
		add('skills', () => false);
		add('certifications', () => false);
		add('awards', () => false);
		add('ids', (p) => some(c.ids, (id) => /** @type {any} */ (parseId('contact', id)).n === p.personId));
		add('jobChangedAfterDate', (p) => p.jobStartDate >= c.jobChangedAfterDate);
		add('score', (p) => inRange(data.personScore(p), { min: c.score.minScore, max: c.score.maxScore }));
		add('geographicDetails', (p) => some(c.geographicDetails, (g) => !g.country || norm(g.country) === norm(p.location.country) || norm(g.country) === norm(p.location.countryIso2)));
		return preds;
	}

	function locationMatches(l, loc) {
		return (
			(!l.city || norm(l.city) === norm(loc.city)) &&
			(!l.state || norm(l.state) === norm(loc.state)) &&
			(!l.region || norm(l.region) === norm(loc.region)) &&
			(!l.country || norm(l.country) === norm(loc.country)) &&
			(!l.continent || norm(l.continent) === norm(loc.continent)) &&
			(!l.countryGrouping || norm(l.countryGrouping) === norm(COUNTRY_GROUPING[loc.continent])) &&
			(!l.countryIso2 || (loc.countryIso2Matchable !== false && norm(l.countryIso2) === norm(loc.countryIso2)))
		);
	}

	/** One predicate per given company criterion; `person` is the contact when prospecting contacts. */
	function companyPredicates(c, forContacts) {
		const preds = [];
		const add = (key, fn) => given(c[key]) && preds.push(fn);
		const topics = (co) => co.intent.detectedTopics;
		const all = (key) => c[key] === 'and' || c[key] === 'all';
		add('names', (co) => some(c.names, (n) => norm(co.name).includes(norm(n))));
		add('domains', (co) => some(c.domains, (d) => normDomain(d) === normDomain(co.domain)));
		add('ids', (co) => some(c.ids, (id) => /** @type {any} */ (parseId('company', id)).n === co.id));
		// Seen on the live API: on contacts/prospecting a company `countryIso2` is accepted and matches nothing.
		add('locations', (co) => some(c.locations, (l) => locationMatches(l, { ...co.location, region: co.location.state, countryIso2Matchable: !forContacts })));
		add('sizes', (co) => some(c.sizes, (r) => inRange(co.companySize.employeesInLinkedin, r)));
		add('revenues', (co) => some(c.revenues, (r) => co.revenueRange[0] >= (r.min ?? 0) && (r.max === undefined || (co.revenueRange[1] ?? Infinity) <= r.max)));
		add('technologies', (co) => {
			const techs = data.technologiesOf(co);
			const hit = (t) => techs.includes(norm(t));
			return c.technologiesCondition === 'and' ? c.technologies.every(hit) : c.technologies.some(hit);
		});
		add('industriesLabels', (co) => some(c.industriesLabels, (label) => norm(label) === norm(data.industryOf(co).mainIndustry) || norm(label) === norm(data.subIndustryOf(co)?.value)));
		add('mainIndustriesIds', (co) => c.mainIndustriesIds.includes(data.industryOf(co).mainIndustryId));
		add('subIndustriesIds', (co) => c.subIndustriesIds.includes(data.subIndustryOf(co)?.id));
		add('intentTopics', (co) => {
			const hit = (t) => topics(co).some((x) => norm(x.topicName) === norm(t) && inRange(x.metadata.topicScore, { min: c.intentMinScore, max: c.intentMaxScore }));
			return all('intentTopicsOperator') || all('intentTopicsCondition') ? c.intentTopics.every(hit) : c.intentTopics.some(hit);
		});
		if (!given(c.intentTopics) && (c.intentMinScore !== undefined || c.intentMaxScore !== undefined)) {
			preds.push((co) => topics(co).some((x) => inRange(x.metadata.topicScore, { min: c.intentMinScore, max: c.intentMaxScore })));
		}
		add('topicCountThreshold', (co) => some(c.topicCountThreshold, (r) => inRange(co.intent.topicCount, r)));
		add('sicCodes', (co) => c.sicCodes.includes(co.sic.code));
		add('naicsCodes', (co) => c.naicsCodes.includes(co.naics.code));
		add('funding', (co) => fundingMatches(c.funding, co.funding));
		add('foundedYear', (co) => some(c.foundedYear, (r) => inRange(Number(co.founded), r)));
		add('businessModel', (co) => some(c.businessModel, (m) => data.businessModel(co).includes(m)));
		add('companyType', (co) => c.companyType.includes(data.companyType(co)));
		add('linkedinUrls', (co) => some(c.linkedinUrls, (u) => normUrl(u) === normUrl(co.social.linkedin.url)));
		add('keywords', (co) => some(c.keywords, (k) => data.keywordsOf(co).some((x) => x.includes(norm(k))) || norm(co.description).includes(norm(k))));
		add('specialities', (co) => some(c.specialities, (s) => co.specialities.some((x) => norm(x).includes(norm(s)))));
		add('exactSpecialities', (co) => some(c.exactSpecialities, (s) => co.specialities.some((x) => norm(x) === norm(s))));
		add('exactKeywords', (co) => some(c.exactKeywords, (k) => data.keywordsOf(co).includes(norm(k))));
		add('geographicDetails', (co) => some(c.geographicDetails, (g) => !g.country || norm(g.country) === norm(co.location.country) || norm(g.country) === norm(co.location.countryIso2)));
		const zipOf = (co) => String(10000 + data.cIndex(co) * 97);
		add('locationsZipcodes', (co) => some(c.locationsZipcodes, (z) => (!z.countryIso2 || norm(z.countryIso2) === norm(co.location.countryIso2)) && (!z.zipcode || z.zipcode === zipOf(co))));
		add('headquarterZipcodes', (co) => some(c.headquarterZipcodes, (z) => (!z.countryIso2 || norm(z.countryIso2) === norm(co.location.countryIso2)) && (!z.zipcode || z.zipcode === zipOf(co))));
		add('searchText', (co) => [co.name, co.description, ...data.keywordsOf(co)].some((v) => norm(v).includes(norm(c.searchText))));
		add('signals', (co) => {
			const types = c.signals.types?.length ? c.signals.types : ['allSignals'];
			return matchedCount(pickCompanySignals(data, co, types, c.signals.startDate ?? isoDay(180), undefined, c.signals.filterByIntentCategory)) > 0;
		});
		return preds;
	}

	/** Criteria about the contact's previous employer live on the company side of the request. */
	function previousCompanyPredicates(c) {
		const preds = [];
		if (given(c.previousCompanyDomains)) preds.push((p) => c.previousCompanyDomains.some((d) => normDomain(d) === normDomain(p.previousJob.company.domain)));
		if (given(c.previousCompanyNames)) preds.push((p) => c.previousCompanyNames.some((n) => norm(n) === norm(p.previousJob.company.name)));
		return preds;
	}

	function fundingMatches(f, funding) {
		if (f.isIpo !== undefined && funding.isIpo !== f.isIpo) return false;
		const amount = (cov) => (cov === 'total_funds' ? funding.totalRoundsAmount : funding.lastRoundAmount);
		if (f.ranges?.length && !f.ranges.some((r) => inRange(amount(r.coverage), r))) return false;
		if (f.date?.date && !(funding.lastRoundDate && funding.lastRoundDate >= f.date.date)) return false;
		const round = funding.lastRoundType ? funding.lastRoundType.toLowerCase().replace(/\s+/g, '_') : undefined;
		if (f.rounds?.length && !f.rounds.some((r) => r.round === round)) return false;
		return true;
	}

	/**
	 * `config.syntheticProspects` = N: any valid search finds N results (the fixtures repeated under
	 * fresh ids), so paging to Lusha's 1,000-page cap and the bench's 10,000 results can be exercised.
	 */
	function syntheticPage(kind, body, total) {
		const { page } = body.pagination;
		const size = ctx.pageSize(body.pagination.size);
		const results = [];
		for (let n = page * size; n < Math.min(total, (page + 1) * size); n++) {
			if (kind === 'contact') {
				const p = data.people[n % data.people.length];
				results.push({ ...data.contactPreview(p, ctx.contactCanReveal(p)), id: encode('contact', 3_000_000 + n) });
			} else {
				const co = data.companies[n % data.companies.length];
				results.push({ ...data.companyPreview(co, ctx.companyCanReveal(co)), id: encode('company', 300_000 + n) });
			}
		}
		const credits = billing.charge(billing.price('api_search', results.length), `POST /v3/${kind === 'contact' ? 'contacts' : 'companies'}/prospecting`);
		return { requestId: ctx.requestId(), results, pagination: { page, size, total }, billing: { creditsCharged: credits, resultsReturned: results.length } };
	}

	const passes = (entity, include, exclude) => include.every((fn) => fn(entity)) && !exclude.some((fn) => fn(entity));

	// -------------------------------------------------------------- contacts
	function prospectContacts({ body }) {
		validate(CONTACTS_BODY, body);
		const errors = [];
		checkContactCriteria(body.filters.contacts?.include, 'filters.contacts.include', errors, true);
		checkContactCriteria(body.filters.contacts?.exclude, 'filters.contacts.exclude', errors, false);
		checkCompanyCriteria(body.filters.companies?.include, 'filters.companies.include', errors);
		checkCompanyCriteria(body.filters.companies?.exclude, 'filters.companies.exclude', errors);
		if (errors.length) throw badRequest(errors);
		if (ctx.sandbox.config.syntheticProspects) return syntheticPage('contact', body, ctx.sandbox.config.syntheticProspects);

		const ci = body.filters.contacts?.include ?? {};
		const ce = body.filters.contacts?.exclude ?? {};
		const coi = body.filters.companies?.include ?? {};
		const coe = body.filters.companies?.exclude ?? {};
		const include = [...contactPredicates(ci), ...previousCompanyPredicates(coi), ...companyPredicates(coi, true).map((fn) => (p) => fn(data.companyOf(p)))];
		const exclude = [...contactPredicates(ce), ...previousCompanyPredicates(coe), ...companyPredicates(coe, true).map((fn) => (p) => fn(data.companyOf(p)))];
		if (body.options?.excludeDnc) exclude.push((p) => data.lushaPhones(p).some((ph) => ph.doNotCall));
		const matches = data.people.filter((p) => !data.isRestricted(p) && passes(p, include, exclude));
		// Lusha serves at most config.pageSizeClamp rows (50 live), reported in pagination.size; pages count in served pages.
		const { page } = body.pagination;
		const size = ctx.pageSize(body.pagination.size);
		const slice = matches.slice(page * size, (page + 1) * size);
		let signalCount = 0;
		const results = slice.map((p) => {
			const preview = data.contactPreview(p, ctx.contactCanReveal(p));
			if (ci.signals) signalCount += matchedCount(pickContactSignals(data, p, ci.signals.types?.length ? ci.signals.types : ['allSignals'], ci.signals.startDate ?? isoDay(180)));
			return preview;
		});
		const write = body.tableId !== undefined ? ctx.tables.planWrite('contacts', body.tableId, slice.map((p) => p.personId)) : undefined;
		const credits = billing.charge(billing.price('api_search', results.length) + billing.price('showSignalsContact', signalCount) + (write?.credits ?? 0), 'POST /v3/contacts/prospecting');
		write?.commit();
		return { requestId: ctx.requestId(), results, pagination: { page, size, total: matches.length }, ...(write ? { tableWrite: write.tableWrite } : {}), billing: { creditsCharged: credits, resultsReturned: results.length } };
	}

	// -------------------------------------------------------------- companies
	function prospectCompanies({ body }) {
		validate(COMPANIES_BODY, body);
		const errors = [];
		checkCompanyCriteria(body.filters.companies.include, 'filters.companies.include', errors);
		checkCompanyCriteria(body.filters.companies.exclude, 'filters.companies.exclude', errors);
		checkDataPoints(body.filters.contacts?.include?.existingDataPoints, 'filters.contacts.include.existingDataPoints', errors);
		checkDataPoints(body.filters.contacts?.exclude?.existingDataPoints, 'filters.contacts.exclude.existingDataPoints', errors);
		const inc = body.filters.companies.include;
		const contactFilters = body.filters.contacts && (Object.values(body.filters.contacts.include ?? {}).some(given) || Object.values(body.filters.contacts.exclude ?? {}).some(given));
		if (contactFilters) {
			const clash = ['searchText', 'signals', 'intentTopics', 'technologies'].filter((k) => given(inc[k]));
			if (clash.length) errors.push(`filters.contacts cannot be combined with company ${clash.join(', ')} on the same request`);
		}
		if (errors.length) throw badRequest(errors);
		if (ctx.sandbox.config.syntheticProspects) return syntheticPage('company', body, ctx.sandbox.config.syntheticProspects);

		const include = companyPredicates(inc, false);
		const exclude = companyPredicates(body.filters.companies.exclude ?? {}, false);
		const staffInclude = contactPredicates(body.filters.contacts?.include ?? {});
		const staffExclude = contactPredicates(body.filters.contacts?.exclude ?? {});
		if (staffInclude.length) include.push((co) => data.people.some((p) => p.companyId === co.id && !data.isRestricted(p) && staffInclude.every((fn) => fn(p))));
		if (staffExclude.length) exclude.push((co) => data.people.some((p) => p.companyId === co.id && staffExclude.some((fn) => fn(p))));
		const matches = data.companies.filter((co) => passes(co, include, exclude));
		// Lusha serves at most config.pageSizeClamp rows (50 live), reported in pagination.size; pages count in served pages.
		const { page } = body.pagination;
		const size = ctx.pageSize(body.pagination.size);
		const slice = matches.slice(page * size, (page + 1) * size);
		let signalCount = 0;
		const results = slice.map((co) => {
			if (inc.signals) signalCount += matchedCount(pickCompanySignals(data, co, inc.signals.types?.length ? inc.signals.types : ['allSignals'], inc.signals.startDate ?? isoDay(180), undefined, inc.signals.filterByIntentCategory));
			return data.companyPreview(co, ctx.companyCanReveal(co));
		});
		const write = body.tableId !== undefined ? ctx.tables.planWrite('companies', body.tableId, slice.map((co) => co.id)) : undefined;
		const credits = billing.charge(billing.price('api_search', results.length) + billing.price('showSignalsCompany', signalCount) + (write?.credits ?? 0), 'POST /v3/companies/prospecting');
		write?.commit();
		return { requestId: ctx.requestId(), results, pagination: { page, size, total: matches.length }, ...(write ? { tableWrite: write.tableWrite } : {}), billing: { creditsCharged: credits, resultsReturned: results.length } };
	}

	return {
		'POST /v3/contacts/prospecting': prospectContacts,
		'POST /v3/companies/prospecting': prospectCompanies,
	};
}

module.exports = { prospectingRoutes };
