// @ts-check
'use strict';
/** The sandbox's data endpoints: enrichment, prospecting, filters, signals, lookalikes, account usage. */
const { randomUUID } = require('node:crypto');
const { isoDay } = require('./fixtures');

class HttpError extends Error {
	constructor(statusCode, message, errors) {
		super(message);
		this.statusCode = statusCode;
		this.errors = errors;
	}
}

const norm = (value) => (value === undefined || value === null ? '' : String(value).trim().toLowerCase());
const normUrl = (value) => norm(value).replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/+$/, '');
const asArray = (value) => (value === undefined ? [] : Array.isArray(value) ? value : String(value).split(','));
const EMPTY_DATA = { code: 404, name: 'EMPTY_DATA', message: 'We could not find this contact' };

function validDate(value, field) {
	if (value === undefined) return;
	if (!/^\d{4}-\d{2}-\d{2}$/.test(String(value)) || Number.isNaN(Date.parse(String(value)))) {
		throw new HttpError(400, 'Validation failed', [`${field} must be a date in YYYY-MM-DD format`]);
	}
}

function maxItems(list, max, field) {
	if (!Array.isArray(list) || list.length === 0) throw new HttpError(400, 'Validation failed', [`${field} must be a non-empty array`]);
	if (list.length > max) throw new HttpError(400, 'Validation failed', [`${field} must contain no more than ${max} elements`]);
}

function createDataRoutes(sandbox) {
	const { people, companies, filters, signalTypes } = sandbox.fixtures;
	const companyById = new Map(companies.map((c) => [c.id, c]));
	const searches = new Map();
	const lookalikeSessions = new Map();

	const charge = (n = 1) => {
		sandbox.state.creditsUsed += n;
	};

	function findPerson(q) {
		if (q.personId !== undefined && q.personId !== '') return people.find((p) => String(p.personId) === String(q.personId));
		if (q.email) return people.find((p) => p.emailAddresses.some((e) => norm(e.email) === norm(q.email)));
		if (q.linkedinUrl) return people.find((p) => normUrl(p.socialLinks.linkedin) === normUrl(q.linkedinUrl));
		const fullName = q.fullName ? norm(q.fullName) : `${norm(q.firstName)} ${norm(q.lastName)}`;
		return people
			.filter((p) => norm(p.fullName) === fullName)
			.find((p) => {
				const c = companyById.get(p.companyId);
				return (q.companyName && norm(c.name) === norm(q.companyName)) || (q.companyDomain && normUrl(c.domain) === normUrl(q.companyDomain));
			});
	}

	function hasPersonIdentifier(q) {
		return Boolean(q.personId || q.email || q.linkedinUrl || ((q.fullName || (q.firstName && q.lastName)) && (q.companyName || q.companyDomain)));
	}

	function personSignals(person, requested, startDate) {
		if (!requested || requested.length === 0) return {};
		const types = requested.includes('allSignals') ? ['promotion', 'companyChange'] : requested;
		const out = {};
		for (const type of types) out[type] = (person.signals[type] ?? []).filter((s) => !startDate || s.signalDate >= startDate);
		return out;
	}

	function personData(person, options) {
		const { signals, seed, contactId, ...data } = person;
		const filterBy = options.filterBy;
		const result = { ...data, ...personSignals(person, options.signals, options.signalsStartDate) };
		if (filterBy === 'phoneNumbers' || options.revealPhones === true) delete result.emailAddresses, delete result.emails;
		if (filterBy === 'emailAddresses' || options.revealEmails === true) delete result.phoneNumbers;
		if (options.partialProfile === true || options.partialProfile === 'true') delete result.phoneNumbers;
		return result;
	}

	function checkReveal(options) {
		const wants = options.revealEmails === true || options.revealEmails === 'true' || options.revealPhones === true || options.revealPhones === 'true';
		if (wants && !sandbox.config.unifiedCredits) {
			throw new HttpError(403, 'Your pricing version does not support requesting individual datapoints [revealEmails, revealPhones]');
		}
	}

	function companyPublic(company, flat) {
		const { signals, sic, naics, mainIndustryId, subIndustryId, ...rest } = company;
		const base = { ...rest, industryPrimaryGroupDetails: { sicCodes: [sic], naicsCodes: [naics] } };
		if (!flat) return base;
		const { location, social, ...others } = base;
		return { ...others, ...location, linkedin: social.linkedin.url, crunchbase: social.crunchbase.url };
	}

	function companySignals(company, requested, startDate) {
		if (!requested || requested.length === 0) return {};
		const types = requested.includes('allSignals') ? signalTypes.company.filter((t) => t !== 'allSignals') : requested;
		const out = {};
		for (const type of types) out[type] = (company.signals[type] ?? []).filter((s) => !startDate || (s.signalDate ?? s.articlePublishedDate) >= startDate);
		return out;
	}

	function findCompany(q) {
		if (q.companyId !== undefined && q.companyId !== '') return companyById.get(Number(q.companyId));
		if (q.domain || q.fqdn) return companies.find((c) => normUrl(c.domain) === normUrl(q.domain || q.fqdn) || normUrl(c.fqdn) === normUrl(q.domain || q.fqdn));
		if (q.company || q.name) return companies.find((c) => norm(c.name) === norm(q.company || q.name));
		return undefined;
	}

	// ---------------------------------------------------------------- enrichment
	function getPerson({ query }) {
		if (!hasPersonIdentifier(query)) {
			throw new HttpError(400, 'Validation failed', ['Provide personId, email, linkedinUrl, or firstName and lastName with companyName or companyDomain']);
		}
		validDate(query.signalsStartDate, 'signalsStartDate');
		checkReveal(query);
		const person = findPerson(query);
		if (!person) return { contact: { error: EMPTY_DATA, isCreditCharged: false, data: null } };
		charge();
		const data = personData(person, { ...query, signals: asArray(query.signals) });
		data.company = companyPublic(companyById.get(person.companyId), false);
		return { contact: { error: null, isCreditCharged: true, data } };
	}

	function postPerson({ body }) {
		maxItems(body.contacts, 100, 'contacts');
		const metadata = body.metadata ?? {};
		validDate(metadata.signalsStartDate, 'metadata.signalsStartDate');
		checkReveal(metadata);
		const errors = [];
		body.contacts.forEach((c, i) => {
			if (c.contactId === undefined || c.contactId === '') errors.push(`contacts.${i}.contactId is required`);
			const company = (c.companies ?? []).find((co) => co.isCurrent !== false) ?? {};
			if (!c.personId && !c.email && !c.linkedinUrl && !(c.fullName && (company.name || company.domain))) {
				errors.push(`contacts.${i} must have email, linkedinUrl, personId, or fullName with a company name or domain`);
			}
		});
		if (errors.length) throw new HttpError(400, 'Validation failed', errors);
		const contacts = {};
		const companiesOut = {};
		for (const c of body.contacts) {
			const company = (c.companies ?? []).find((co) => co.isCurrent !== false) ?? {};
			const person = findPerson({ personId: c.personId, email: c.email, linkedinUrl: c.linkedinUrl, fullName: c.fullName, companyName: company.name, companyDomain: company.domain });
			if (!person) {
				contacts[c.contactId] = { error: EMPTY_DATA, isCreditCharged: false, data: null };
				continue;
			}
			charge();
			contacts[c.contactId] = { error: null, isCreditCharged: true, data: personData(person, metadata) };
			companiesOut[person.companyId] = companyPublic(companyById.get(person.companyId), false);
		}
		return { contacts, companies: companiesOut };
	}

	function getCompany({ query }) {
		if (!query.domain && !query.company && !query.companyId) {
			throw new HttpError(400, 'Validation failed', ['At least one of domain, company or companyId is required']);
		}
		validDate(query.signalsStartDate, 'signalsStartDate');
		const company = findCompany(query);
		if (!company) throw new HttpError(404, 'Company not found');
		charge();
		return { data: { ...companyPublic(company, false), ...companySignals(company, asArray(query.signals), query.signalsStartDate) } };
	}

	function postCompanies({ body }) {
		maxItems(body.companies, 100, 'companies');
		if (sandbox.config.companyBulkCap && body.companies.length > sandbox.config.companyBulkCap) {
			throw new HttpError(400, `Cannot enrich more than ${sandbox.config.companyBulkCap} companies at once`);
		}
		validDate(body.signalsStartDate, 'signalsStartDate');
		const errors = [];
		body.companies.forEach((c, i) => {
			if (c.id === undefined || c.id === '') errors.push(`companies.${i}.id is required`);
			if (!c.domain && !c.fqdn && !c.name && !c.companyId) errors.push(`companies.${i} must have domain, fqdn, name or companyId`);
		});
		if (errors.length) throw new HttpError(400, 'Validation failed', errors);
		const out = {};
		for (const c of body.companies) {
			const company = findCompany(c);
			if (!company) {
				out[c.id] = { id: c.id, error: { code: 404, name: 'EMPTY_DATA', message: 'Company not found' } };
				continue;
			}
			charge();
			out[c.id] = { ...companyPublic(company, true), ...companySignals(company, body.signals, body.signalsStartDate) };
		}
		return out;
	}

	// ---------------------------------------------------------------- prospecting
	function prospectPopulation(kind) {
		const synthetic = sandbox.config.syntheticProspects;
		if (!synthetic) return kind === 'contact' ? people.map(prospectContact) : companies.map(prospectCompany);
		return { length: synthetic, synthetic: true };
	}

	function prospectContact(person) {
		const company = companyById.get(person.companyId);
		return {
			contactId: String(person.personId), isShown: false, name: { first: person.firstName, last: person.lastName, full: person.fullName }, jobTitle: person.jobTitle.title,
			companyId: company.id, companyName: company.name, fqdn: company.fqdn, hasEmails: true, hasWorkEmail: true, hasPrivateEmail: person.emailAddresses.length > 1, hasPhones: true, hasMobilePhone: person.phoneNumbers[0].phoneType === 'mobile', hasDirectPhone: person.phoneNumbers[0].phoneType === 'direct', signalTypes: Object.keys(person.signals),
			_person: person,
		};
	}

	function prospectCompany(company) {
		return { id: String(company.id), name: company.name, fqdn: company.fqdn, description: company.description, logoUrl: company.logoUrl, hasEmployees: true, hasRevenue: true, signalTypes: Object.keys(company.signals), _company: company };
	}

	function syntheticProspect(kind, n) {
		const base = kind === 'contact' ? prospectContact(people[n % people.length]) : prospectCompany(companies[n % companies.length]);
		return { ...base, [kind === 'contact' ? 'contactId' : 'id']: `s-${n}` };
	}

	function matchesContact(p, include) {
		const person = p._person;
		if (include.departments?.length && !include.departments.some((d) => person.jobTitle.departments.includes(d))) return false;
		if (include.seniority?.length && !include.seniority.map(Number).includes(person.jobTitle.seniorityId)) return false;
		if (include.jobTitles?.length && !include.jobTitles.some((t) => norm(person.jobTitle.title).includes(norm(t)))) return false;
		if (include.locations?.length && !include.locations.some((l) => (!l.country || norm(l.country) === norm(person.location.country)) && (!l.city || norm(l.city) === norm(person.location.city)))) return false;
		return true;
	}

	function matchesCompany(company, include) {
		if (!include) return true;
		if (include.names?.length && !include.names.some((n) => norm(n) === norm(company.name))) return false;
		if (include.domains?.length && !include.domains.some((d) => normUrl(d) === normUrl(company.domain))) return false;
		if (include.mainIndustriesIds?.length && !include.mainIndustriesIds.map(Number).includes(company.mainIndustryId)) return false;
		if (include.sizes?.length && !include.sizes.some((s) => company.companySize.min >= (s.min ?? 0) && (s.max === undefined || (company.companySize.max ?? Infinity) <= s.max))) return false;
		if (include.locations?.length && !include.locations.some((l) => norm(l.country) === norm(company.location.country))) return false;
		return true;
	}

	function prospectSearch(kind) {
		return ({ body }) => {
			const pages = body.pages ?? {};
			const page = pages.page ?? 0;
			const size = pages.size ?? 20;
			if (page < 0 || page > 1000) throw new HttpError(400, 'Validation failed', ['pages.page must be between 0 and 1000']);
			if (size < 10 || size > 50) throw new HttpError(400, 'Validation failed', ['pages.size must be between 10 and 50']);
			if (kind === 'company' && !body.filters) throw new HttpError(400, 'Validation failed', ['filters is required']);
			const population = prospectPopulation(kind);
			let total;
			let slice;
			if (population.synthetic) {
				total = population.length;
				slice = [];
				for (let n = page * size; n < Math.min(total, (page + 1) * size); n++) slice.push(syntheticProspect(kind, n));
			} else {
				const contactInclude = body.filters?.contacts?.include ?? {};
				const companyInclude = body.filters?.companies?.include;
				const all = population.filter((p) => (kind === 'contact' ? matchesContact(p, contactInclude) && matchesCompany(companyById.get(p._person.companyId), companyInclude) : matchesCompany(p._company, companyInclude)));
				total = all.length;
				slice = all.slice(page * size, (page + 1) * size);
			}
			const requestId = randomUUID();
			const items = slice.map(({ _person, _company, ...visible }) => visible);
			searches.set(requestId, { kind, ids: new Set(items.map((i) => String(i.contactId ?? i.id))) });
			// Live Lusha returns the list under `data`, whatever the spec says (FIELD-NOTES D.3).
			return { requestId, currentPage: page, pageLength: items.length, totalResults: total, data: items, billing: { resultsReturned: items.length, creditsCharged: 0 } };
		};
	}

	function lookupProspect(kind, id) {
		const synthetic = /^s-(\d+)$/.exec(id);
		if (synthetic) return kind === 'contact' ? people[Number(synthetic[1]) % people.length] : companies[Number(synthetic[1]) % companies.length];
		return kind === 'contact' ? people.find((p) => String(p.personId) === id) : companyById.get(Number(id));
	}

	function prospectEnrich(kind) {
		const idsField = kind === 'contact' ? 'contactIds' : 'companiesIds';
		return ({ body }) => {
			if (!body.requestId) throw new HttpError(400, 'Validation failed', ['requestId is required']);
			maxItems(body[idsField], 100, idsField);
			if (kind === 'company' && sandbox.config.companyEnrichCap && body[idsField].length > sandbox.config.companyEnrichCap) {
				throw new HttpError(400, `Cannot enrich more than ${sandbox.config.companyEnrichCap} companies at once`);
			}
			checkReveal(body);
			const search = searches.get(body.requestId);
			if (!search) throw new HttpError(404, 'Request ID not found or expired');
			const results = body[idsField].map((raw) => {
				const id = String(raw);
				const found = search.ids.has(id) ? lookupProspect(kind, id) : undefined;
				if (!found) return { id, isSuccess: false, error: { code: 'NOT_FOUND', message: 'ID is not part of this search' } };
				charge();
				if (kind === 'contact') {
					const { signals, seed, contactId, ...data } = found;
					return { id, isSuccess: true, data: { ...data, isShown: true, company: companyPublic(companyById.get(found.companyId), false) } };
				}
				return { ...companyPublic(found, false), id, companySize: found.companySize };
			});
			return kind === 'contact' ? { requestId: body.requestId, contacts: results } : { requestId: body.requestId, companies: results };
		};
	}

	// ---------------------------------------------------------------- filters
	const textOf = (body) => {
		if (!body || typeof body.text !== 'string' || body.text.trim() === '') throw new HttpError(400, 'Validation failed', ['text is required']);
		return norm(body.text);
	};
	const locationsOf = (kind, text) => {
		const out = [];
		for (const country of filters.COUNTRIES) {
			const grouping = country.continent === 'Europe' ? 'emea' : country.continent === 'North America' ? 'na' : 'apac';
			if (norm(country.name).includes(text)) out.push(kind === 'contact' ? { continent: country.continent, country: country.name, country_grouping: grouping } : { country: country.name, continent: country.continent, country_grouping: grouping });
			if (kind === 'contact') for (const [city, state] of country.cities) if (norm(city).includes(text) || norm(state).includes(text)) out.push({ continent: country.continent, country: country.name, city, state, country_grouping: grouping });
		}
		return out;
	};
	const filterRoutes = {
		'GET /prospecting/filters/contacts/departments': () => filters.DEPARTMENTS,
		'GET /prospecting/filters/contacts/seniority': () => filters.SENIORITY,
		'GET /prospecting/filters/contacts/existing_data_points': () => filters.DATA_POINTS,
		'GET /prospecting/filters/contacts/all_countries': () => filters.COUNTRIES.map(({ name, code }) => ({ name, code })),
		'POST /prospecting/filters/contacts/locations': ({ body }) => locationsOf('contact', textOf(body)),
		'POST /prospecting/filters/companies/names': ({ body }) => {
			const text = textOf(body);
			return companies.filter((c) => norm(c.name).includes(text)).map((c) => ({ companyId: c.id, name: c.name, logoUrl: c.logoUrl, fqdn: c.fqdn }));
		},
		'GET /prospecting/filters/companies/industries_labels': () => filters.INDUSTRIES,
		'GET /prospecting/filters/companies/sizes': () => filters.SIZES,
		'GET /prospecting/filters/companies/revenues': () => filters.REVENUES,
		'POST /prospecting/filters/companies/locations': ({ body }) => locationsOf('company', textOf(body)),
		'GET /prospecting/filters/companies/sics': () => filters.SICS,
		'GET /prospecting/filters/companies/naics': () => filters.NAICS,
		'GET /prospecting/filters/companies/intent_topics': () => filters.INTENT_TOPICS,
		'POST /prospecting/filters/companies/technologies': ({ body }) => {
			const text = textOf(body);
			return filters.TECHNOLOGIES.filter((t) => norm(t).includes(text)).map((name) => ({ name }));
		},
	};

	// ---------------------------------------------------------------- signals
	function signalOptions({ params }) {
		const objectType = params.objectType;
		if (objectType !== 'contact' && objectType !== 'company') throw new HttpError(400, 'Validation failed', ['objectType must be one of: contact, company']);
		if (sandbox.config.signalsOnPlan === false) throw new HttpError(403, 'Signals API not supported on your plan');
		const filterOptions = objectType === 'company' ? { newsEventTypes: filters.NEWS_EVENT_TYPES, hiringByDepartments: filters.DEPARTMENTS, hiringByLocations: filters.COUNTRIES.map((c) => ({ country: c.name })) } : {};
		return { signals: signalTypes[objectType], objectType, filterOptions };
	}

	function signalWindow(body) {
		validDate(body.startDate, 'startDate');
		const startDate = body.startDate ?? isoDay(180);
		const max = body.maxResultsPerSignal;
		if (max !== undefined && (!Number.isInteger(max) || max < 1)) throw new HttpError(400, 'Validation failed', ['maxResultsPerSignal must be a positive integer']);
		return { startDate, endDate: isoDay(0), max };
	}

	function signalsFor(kind, entity, body, window) {
		if (!Array.isArray(body.signals) || body.signals.length === 0) throw new HttpError(400, 'Validation failed', ['signals must be a non-empty array']);
		const picked = kind === 'contact' ? personSignals(entity, body.signals, window.startDate) : companySignals(entity, body.signals, window.startDate);
		for (const key of Object.keys(picked)) if (window.max) picked[key] = picked[key].slice(0, window.max);
		return picked;
	}

	function contactSignalsByIds({ body }) {
		maxItems(body.contactIds, 100, 'contactIds');
		if (body.contactIds.some((id) => !Number.isInteger(Number(id)) || typeof id === 'boolean')) throw new HttpError(400, 'Validation failed', ['contactIds must be integers']);
		const window = signalWindow(body);
		const contacts = {};
		let credits = 0;
		for (const id of body.contactIds) {
			const person = people.find((p) => p.personId === Number(id));
			if (!person) continue;
			const picked = signalsFor('contact', person, body, window);
			credits += Object.values(picked).filter((list) => list.length).length;
			contacts[id] = { personId: person.personId, ...picked };
		}
		charge(credits);
		return { contacts, startDate: window.startDate, endDate: window.endDate, creditCharged: credits };
	}

	function contactSignalsSearch({ body }) {
		maxItems(body.contacts, 100, 'contacts');
		const errors = [];
		body.contacts.forEach((c, i) => {
			if (c.id === undefined || c.id === '') errors.push(`contacts.${i}.id is required`);
			const company = (c.companies ?? [])[0] ?? {};
			if (!c.email && !c.social_link && !(c.full_name && (company.name || company.domain))) errors.push(`contacts.${i} must have email, social_link, or full_name with companies`);
		});
		if (errors.length) throw new HttpError(400, 'Validation failed', errors);
		const window = signalWindow(body);
		const contacts = {};
		let credits = 0;
		for (const c of body.contacts) {
			const company = (c.companies ?? []).find((co) => co.is_current !== false) ?? {};
			const person = findPerson({ email: c.email, linkedinUrl: c.social_link, fullName: c.full_name, companyName: company.name, companyDomain: company.domain });
			if (!person) continue;
			const picked = signalsFor('contact', person, body, window);
			credits += Object.values(picked).filter((list) => list.length).length;
			contacts[c.id] = { personId: person.personId, ...picked };
		}
		charge(credits);
		return { contacts, startDate: window.startDate, endDate: window.endDate, creditCharged: credits };
	}

	function companySignalsByIds({ body }) {
		maxItems(body.companyIds, 100, 'companyIds');
		if (body.companyIds.some((id) => !Number.isInteger(Number(id)) || typeof id === 'boolean')) throw new HttpError(400, 'Validation failed', ['companyIds must be integers']);
		const window = signalWindow(body);
		const out = {};
		let credits = 0;
		for (const id of body.companyIds) {
			const company = companyById.get(Number(id));
			if (!company) continue;
			const picked = signalsFor('company', company, body, window);
			credits += Object.values(picked).filter((list) => list.length).length;
			out[id] = { companyId: company.id, companyName: company.name, domain: company.domain, ...picked };
		}
		charge(credits);
		return { companies: out, startDate: window.startDate, endDate: window.endDate, creditCharged: credits };
	}

	function companySignalsSearch({ body }) {
		maxItems(body.companies, 100, 'companies');
		const errors = [];
		body.companies.forEach((c, i) => {
			if (c.id === undefined || c.id === '') errors.push(`companies.${i}.id is required`);
			if (!c.domain && !c.name) errors.push(`companies.${i} must have domain or name`);
		});
		if (errors.length) throw new HttpError(400, 'Validation failed', errors);
		const window = signalWindow(body);
		const out = {};
		let credits = 0;
		for (const c of body.companies) {
			const company = findCompany({ domain: c.domain, name: c.name });
			if (!company) continue;
			const picked = signalsFor('company', company, body, window);
			credits += Object.values(picked).filter((list) => list.length).length;
			out[c.id] = { companyId: company.id, companyName: company.name, domain: company.domain, ...picked };
		}
		charge(credits);
		return { companies: out, startDate: window.startDate, endDate: window.endDate, creditCharged: credits };
	}

	// ---------------------------------------------------------------- lookalikes
	function lookalike(kind) {
		return ({ body }) => {
			const seeds = body.seeds ?? {};
			const seedCount = Object.values(seeds).reduce((n, list) => n + (Array.isArray(list) ? list.length : 0), 0);
			if (seedCount === 0) throw new HttpError(400, 'Validation failed', ['seeds must contain at least one seed']);
			const limit = body.limit ?? 25;
			if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new HttpError(400, 'Validation failed', ['limit must be between 1 and 100']);
			let sessionId = body.dedupeSessionId;
			if (sessionId && !lookalikeSessions.has(sessionId)) {
				const error = new HttpError(410, 'Dedupe session is invalid or expired');
				error.code = 'DEDUPE_SESSION_INVALID';
				throw error;
			}
			if (!sessionId) {
				sessionId = randomUUID();
				lookalikeSessions.set(sessionId, new Set());
			}
			const seen = lookalikeSessions.get(sessionId);
			const pool = kind === 'contact' ? people.slice(0, sandbox.config.lookalikePool ?? 120) : companies;
			const fresh = pool.filter((entity) => !seen.has(kind === 'contact' ? entity.personId : entity.id));
			const picked = fresh.slice(0, limit);
			for (const entity of picked) seen.add(kind === 'contact' ? entity.personId : entity.id);
			charge(picked.length);
			const results = picked.map((entity) => {
				if (kind === 'contact') {
					const company = companyById.get(entity.companyId);
					return { contactId: entity.personId, firstName: entity.firstName, lastName: entity.lastName, socialLinks: { linkedin: entity.socialLinks.linkedin }, company: { companyId: company.id, name: company.name, domain: company.domain }, jobTitle: { title: entity.jobTitle.title, departments: entity.jobTitle.departments, seniority: entity.jobTitle.seniority }, location: { country: entity.location.country, state: entity.location.state, city: entity.location.city } };
				}
				return { domain: entity.domain, linkedinUrl: entity.social.linkedin.url, name: entity.name, employeeCount: entity.employeesInLinkedin, industry: entity.mainIndustry, location: { country: entity.location.country, state: entity.location.state, city: entity.location.city } };
			});
			return { dedupeSessionId: sessionId, results, meta: { returned: results.length, hasMore: fresh.length > picked.length }, creditsCharged: picked.length };
		};
	}

	// ---------------------------------------------------------------- account usage
	function usage() {
		const total = sandbox.config.creditsTotal;
		return { usage: { credits: { used: sandbox.state.creditsUsed, total, remaining: Math.max(0, total - sandbox.state.creditsUsed) } } };
	}

	return {
		'GET /v2/person': getPerson,
		'POST /v2/person': postPerson,
		'GET /v2/company': getCompany,
		'POST /v2/company': postCompanies,
		'POST /bulk/company/v2': postCompanies,
		'POST /prospecting/contact/search': prospectSearch('contact'),
		'POST /prospecting/contact/enrich': prospectEnrich('contact'),
		'POST /prospecting/company/search': prospectSearch('company'),
		'POST /prospecting/company/enrich': prospectEnrich('company'),
		...filterRoutes,
		'GET /api/signals/filters/:objectType': signalOptions,
		'POST /api/signals/contacts': contactSignalsByIds,
		'POST /api/signals/contacts/search': contactSignalsSearch,
		'POST /api/signals/companies': companySignalsByIds,
		'POST /api/signals/companies/search': companySignalsSearch,
		'POST /v3/lookalike/contacts': lookalike('contact'),
		'POST /v3/lookalike/companies': lookalike('company'),
		'GET /account/usage': usage,
		_expireLookalikeSessions: () => lookalikeSessions.clear(),
	};
}

module.exports = { createDataRoutes, HttpError };
