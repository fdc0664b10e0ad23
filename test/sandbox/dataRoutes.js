// @ts-check
'use strict';
/**
 * The sandbox's data endpoints: enrichment, prospecting, filters, signals, lookalikes, account usage.
 * Requests are held to Lusha's v2 spec as strictly as Lusha holds them: properties the spec does not
 * declare, values outside its enums and the other shapes callers are tempted to send are a 400.
 */
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
const EMPTY_DATA = { code: 404, name: 'EMPTY_DATA', message: 'We could not find this contact' };
const CONTACT_SIGNALS = ['allSignals', 'promotion', 'companyChange'];

function validationFailed(errors) {
	if (errors.length) throw new HttpError(400, 'Validation failed', errors);
}

/**
 * Query parameters as Lusha's spec declares them: no others, one value each, booleans as true or
 * false, and array parameters repeated (`signals=a&signals=b`), each value from the enum, so a
 * comma-joined list is refused like any unknown value.
 * @param {Record<string, string | string[]>} query
 * @param {{ text?: string[], booleans?: string[], arrays?: Record<string, string[]> }} spec
 */
function checkQuery(query, spec) {
	const errors = [];
	const text = spec.text ?? [];
	const booleans = spec.booleans ?? [];
	const arrays = spec.arrays ?? {};
	for (const [key, value] of Object.entries(query)) {
		if (key in arrays) {
			const allowed = arrays[key];
			for (const entry of Array.isArray(value) ? value : [value]) {
				if (!allowed.includes(entry)) {
					errors.push(`each value in ${key} must be one of the following values: ${allowed.join(', ')}`);
					break;
				}
			}
		} else if (!text.includes(key) && !booleans.includes(key)) {
			errors.push(`property ${key} should not exist`);
		} else if (Array.isArray(value)) {
			errors.push(`${key} must be a single value`);
		} else if (booleans.includes(key) && value !== 'true' && value !== 'false') {
			errors.push(`${key} must be a boolean value`);
		}
	}
	validationFailed(errors);
}

const listOf = (value) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

function createDataRoutes(sandbox) {
	const { people, companies, filters, signalTypes } = sandbox.fixtures;
	const companyById = new Map(companies.map((c) => [c.id, c]));
	const searches = new Map();
	const lookalikeSessions = new Map();

	const charge = (n = 1) => {
		sandbox.state.creditsUsed += n;
	};

	// ---------------------------------------------------------------- the spec's request schemas
	// The strict validator the V3 routes use; required here, not at the top, because it requires this module.
	const { str, int, num, bool, date, arr, obj, validate } = require('./apiV3/validate');
	const COMPANY_SIGNALS = signalTypes.company;
	/** Body validation with the v2 error shape: `{ statusCode: 400, message: 'Validation failed', errors }`. */
	const strict = (schema, body) => {
		try {
			validate(schema, body);
		} catch (error) {
			if (error instanceof HttpError && error.errors) validationFailed(error.errors);
			throw error;
		}
	};
	// "Unrecognized values are silently ignored" in signal sub-filters, but a state needs its country.
	const signalFiltersInclude = obj({
		newsEventTypes: arr(str()),
		hiringByDepartments: arr(str()),
		hiringByLocations: arr(obj({ country: str(), state: str() }, { required: ['country'] })),
	});
	const signalFilters = obj({ include: signalFiltersInclude });
	const PERSON_BULK = obj(
		{
			contacts: arr(
				obj(
					{
						contactId: str(),
						personId: str(),
						fullName: str(),
						location: str(),
						linkedinUrl: str(),
						email: str(),
						companies: arr(obj({ name: str(), domain: str(), isCurrent: bool(), jobTitle: str(), fqdn: str(), companySocialId: str() }, { required: ['isCurrent'] })),
					},
					{ required: ['contactId'] },
				),
				{ min: 1, max: 100 },
			),
			metadata: obj({
				refreshJobInfo: bool(),
				filterBy: str({ enum: ['emailAddresses', 'phoneNumbers'] }),
				revealEmails: bool(),
				revealPhones: bool(),
				signals: arr(str({ enum: CONTACT_SIGNALS })),
				signalsStartDate: date(),
				partialProfile: bool(),
			}),
		},
		{ required: ['contacts'] },
	);
	const COMPANY_BULK = obj(
		{
			companies: arr(obj({ id: str(), domain: str(), fqdn: str(), name: str(), companyId: str() }, { required: ['id'] }), { min: 1, max: 100 }),
			signals: arr(str({ enum: COMPANY_SIGNALS })),
			signalsStartDate: date(),
			signalsFilters: signalFilters,
			partialCompany: bool(),
		},
		{ required: ['companies'] },
	);
	const signalNames = (names) => obj({ names: arr(str({ enum: names })), startDate: date() }, { required: ['names'] });
	const range = obj({ min: num(), max: num() });
	const CONTACT_FILTER = obj({
		departments: arr(str()),
		seniority: arr(int()),
		existing_data_points: arr(str()),
		locations: arr(obj({ continent: str(), country: str(), city: str(), state: str(), country_grouping: str() })),
		jobTitles: arr(str()),
		linkedinUrls: arr(str()),
		searchText: str(),
		signal: signalNames(CONTACT_SIGNALS),
	});
	const COMPANY_FILTER = obj({
		names: arr(str()),
		domains: arr(str()),
		locations: arr(obj({ country: str(), continent: str(), country_grouping: str() })),
		// Objects in the spec (`[{ name: "Amazon" }]`); a plain string list is refused.
		technologies: arr(obj({ name: str() }, { required: ['name'] })),
		intentTopics: arr(str()),
		sizes: arr(range),
		revenues: arr(range),
		sicCodes: arr(str()),
		naicsCodes: arr(str()),
		mainIndustriesIds: arr(num()),
		subIndustriesIds: arr(num()),
		searchText: str(),
		excludePartialCompanies: bool(),
		companyLocations: arr(obj({ country: str(), state: str() }, { required: ['country'] })),
		employeesInLinkedIn: obj({ min: int(), max: int() }),
		signal: signalNames(COMPANY_SIGNALS),
	});
	const PAGES = obj({ page: num({ min: 0, max: 1000 }), size: num({ min: 10, max: 50 }) });
	const PROSPECT_SEARCH = {
		contact: obj(
			{
				includePartialContact: bool(),
				excludeDnc: bool(),
				pages: PAGES,
				filters: obj({ contacts: obj({ include: CONTACT_FILTER, exclude: CONTACT_FILTER }), companies: obj({ include: COMPANY_FILTER, exclude: COMPANY_FILTER }) }),
			},
			{ required: ['filters'] },
		),
		company: obj({ pages: PAGES, filters: obj({ companies: obj({ include: COMPANY_FILTER, exclude: COMPANY_FILTER }) }) }, { required: ['filters'] }),
	};
	const PROSPECT_ENRICH = {
		contact: obj({ requestId: str(), contactIds: arr(str(), { min: 1, max: 100 }), revealEmails: bool(), revealPhones: bool() }, { required: ['requestId', 'contactIds'] }),
		company: obj({ requestId: str(), companiesIds: arr(str(), { min: 1, max: 100 }) }, { required: ['requestId', 'companiesIds'] }),
	};
	const signalWindowProps = (names) => ({ signals: arr(str({ enum: names })), startDate: date(), maxResultsPerSignal: int({ min: 1 }) });
	const SIGNALS = {
		contactsByIds: obj({ contactIds: arr(int(), { min: 1, max: 100 }), ...signalWindowProps(CONTACT_SIGNALS) }, { required: ['contactIds', 'signals'] }),
		contactsSearch: obj(
			{
				contacts: arr(
					obj(
						{
							id: str(),
							social_link: str(),
							full_name: str(),
							email: str({ format: 'email' }),
							// The spec requires both name and domain on each company of a contact search.
							companies: arr(obj({ name: str(), domain: str(), is_current: bool() }, { required: ['name', 'domain'] })),
						},
						{ required: ['id'] },
					),
					{ min: 1, max: 100 },
				),
				...signalWindowProps(CONTACT_SIGNALS),
			},
			{ required: ['contacts', 'signals'] },
		),
		companiesByIds: obj({ companyIds: arr(int(), { min: 1, max: 100 }), ...signalWindowProps(COMPANY_SIGNALS), filters: signalFilters }, { required: ['companyIds', 'signals'] }),
		companiesSearch: obj(
			{ companies: arr(obj({ id: str(), name: str(), domain: str() }, { required: ['id'] }), { min: 1, max: 100 }), ...signalWindowProps(COMPANY_SIGNALS), filters: signalFilters },
			{ required: ['companies', 'signals'] },
		),
	};
	const seedList = (items) => arr(items, { max: 100 });
	const LOOKALIKE = {
		contact: (() => {
			const batch = obj(
				{
					linkedinUrls: seedList(str()),
					contacts: seedList(obj({ firstName: str(), lastName: str(), companyDomain: str(), companyName: str() }, { required: ['firstName', 'lastName'] })),
					emails: seedList(str({ format: 'email' })),
					contactIds: seedList(int()),
				},
				{ minProps: 1 },
			);
			return obj({ dedupeSessionId: str({ format: 'uuid' }), seeds: batch, exclude: batch, limit: int({ min: 1, max: 100 }) }, { required: ['seeds'] });
		})(),
		company: (() => {
			const batch = obj({ domains: seedList(str()), linkedinUrls: seedList(str()) }, { minProps: 1 });
			return obj({ dedupeSessionId: str({ format: 'uuid' }), seeds: batch, exclude: batch, limit: int({ min: 1, max: 100 }) }, { required: ['seeds'] });
		})(),
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

	function personSignals(person, requested, startDate) {
		if (!requested || requested.length === 0) return {};
		const types = requested.includes('allSignals') ? ['promotion', 'companyChange'] : requested;
		const out = {};
		for (const type of types) out[type] = (person.signals[type] ?? []).filter((s) => !startDate || s.signalDate >= startDate);
		return out;
	}

	/**
	 * The single answer (GET) spells addresses `{ address, type }` and phone types `Mobile`, the bulk
	 * answer (POST) `{ email, emailType }` and `mobile`: both as the spec's examples show them.
	 */
	function personData(person, options, shape) {
		const { signals, seed, contactId, ...data } = person;
		const filterBy = options.filterBy;
		const result = { ...data, ...personSignals(person, options.signals, options.signalsStartDate) };
		if (shape === 'single') {
			result.emailAddresses = data.emailAddresses.map(({ email, emailType, ...rest }) => ({ address: email, type: emailType, ...rest }));
			result.phoneNumbers = data.phoneNumbers.map((phone) => ({ ...phone, phoneType: phone.phoneType[0].toUpperCase() + phone.phoneType.slice(1) }));
		}
		const yes = (value) => value === true || value === 'true';
		if (filterBy === 'phoneNumbers' || yes(options.revealPhones)) delete result.emailAddresses, delete result.emails;
		if (filterBy === 'emailAddresses' || yes(options.revealEmails)) delete result.phoneNumbers;
		if (yes(options.partialProfile)) delete result.phoneNumbers;
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
		checkQuery(query, {
			text: ['firstName', 'lastName', 'personId', 'companyName', 'companyDomain', 'email', 'linkedinUrl', 'filterBy', 'signalsStartDate'],
			booleans: ['refreshJobInfo', 'revealEmails', 'revealPhones', 'partialProfile'],
			arrays: { signals: CONTACT_SIGNALS },
		});
		if (!(query.personId || query.email || query.linkedinUrl || (query.firstName && query.lastName && (query.companyName || query.companyDomain)))) {
			validationFailed(['Provide personId, email, linkedinUrl, or firstName and lastName with companyName or companyDomain']);
		}
		if (query.signalsStartDate !== undefined) strict(obj({ signalsStartDate: date() }), { signalsStartDate: query.signalsStartDate });
		checkReveal(query);
		const person = findPerson(query);
		if (!person) return { contact: { error: EMPTY_DATA, isCreditCharged: false, data: null } };
		charge();
		const data = personData(person, { ...query, signals: listOf(query.signals) }, 'single');
		data.company = companyPublic(companyById.get(person.companyId), false);
		return { contact: { error: null, isCreditCharged: true, data } };
	}

	function postPerson({ body }) {
		strict(PERSON_BULK, body);
		const metadata = body.metadata ?? {};
		checkReveal(metadata);
		// "At least one of email, linkedinUrl, or company/domain with fullName is required": a personId alone is not enough here.
		const errors = [];
		body.contacts.forEach((c, i) => {
			(c.companies ?? []).forEach((co, j) => {
				if (!co.name && !co.domain) errors.push(`contacts.${i}.companies.${j} must have a name or a domain`);
			});
			const withCompany = (c.companies ?? []).some((co) => co.name || co.domain);
			if (!c.email && !c.linkedinUrl && !(c.fullName && withCompany)) {
				errors.push(`contacts.${i} must have an email, a linkedinUrl, or a fullName with a company name or domain`);
			}
		});
		validationFailed(errors);
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
			contacts[c.contactId] = { error: null, isCreditCharged: true, data: personData(person, metadata, 'bulk') };
			companiesOut[person.companyId] = companyPublic(companyById.get(person.companyId), false);
		}
		return { contacts, companies: companiesOut };
	}

	function getCompany({ query }) {
		checkQuery(query, { text: ['domain', 'company', 'companyId', 'signalsStartDate'], booleans: ['partialCompany'], arrays: { signals: COMPANY_SIGNALS } });
		if (!query.domain && !query.company && !query.companyId) validationFailed(['At least one of domain, company or companyId is required']);
		if (query.signalsStartDate !== undefined) strict(obj({ signalsStartDate: date() }), { signalsStartDate: query.signalsStartDate });
		const company = findCompany(query);
		if (!company) throw new HttpError(404, 'Company not found');
		charge();
		return { data: { ...companyPublic(company, false), ...companySignals(company, listOf(query.signals), query.signalsStartDate) } };
	}

	function postCompanies({ body }) {
		strict(COMPANY_BULK, body);
		if (sandbox.config.companyBulkCap && body.companies.length > sandbox.config.companyBulkCap) {
			throw new HttpError(400, `Cannot enrich more than ${sandbox.config.companyBulkCap} companies at once`);
		}
		const errors = [];
		body.companies.forEach((c, i) => {
			if (!c.domain && !c.fqdn && !c.name && !c.companyId) errors.push(`companies.${i} must have domain, fqdn, name or companyId`);
		});
		validationFailed(errors);
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

	/** One contact search result as the spec types it: `name` is the full name, a string. */
	function prospectContact(person) {
		const company = companyById.get(person.companyId);
		const phoneTypes = person.phoneNumbers.map((p) => p.phoneType);
		return {
			contactId: String(person.personId),
			isShown: false,
			name: person.fullName,
			jobTitle: person.jobTitle.title,
			companyId: company.id,
			companyName: company.name,
			fqdn: company.fqdn,
			...companyHas(company),
			hasDepartment: person.jobTitle.departments.length > 0,
			hasSeniority: true,
			hasContactLocation: true,
			hasSocialLink: Boolean(person.socialLinks.linkedin),
			hasEmails: true,
			hasWorkEmail: person.emailAddresses.some((e) => e.emailType === 'work'),
			hasPrivateEmail: person.emailAddresses.some((e) => e.emailType === 'private'),
			hasPhones: phoneTypes.length > 0,
			hasMobilePhone: phoneTypes.includes('mobile'),
			hasDirectPhone: phoneTypes.includes('direct'),
			signalTypes: Object.keys(person.signals),
			_person: person,
		};
	}

	function companyHas(company) {
		return {
			hasCompanyEmployeesCount: true,
			hasCompanyRevenue: true,
			hasCompanyMainIndustry: true,
			hasCompanySubIndustry: true,
			hasCompanyFunding: company.funding.totalRounds > 0,
			hasCompanyIntent: company.intent.topicCount > 0,
			hasCompanyTechnologies: company.technologies.length > 0,
			hasCompanyCity: true,
			hasCompanyCountry: true,
		};
	}

	function prospectCompany(company) {
		return { id: String(company.id), name: company.name, fqdn: company.fqdn, description: company.description, logoUrl: company.logoUrl, ...companyHas(company), signalTypes: Object.keys(company.signals), _company: company };
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
			strict(PROSPECT_SEARCH[kind], body);
			const pages = body.pages ?? {};
			const page = pages.page ?? 0;
			const size = pages.size ?? 20;
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
			// Live Lusha returns the list under `data` (as Lusha's own n8n node reads it); the spec names it `contacts`/`companies`. Either can be served.
			const listKey = sandbox.config.prospectingListKey === 'spec' ? (kind === 'contact' ? 'contacts' : 'companies') : 'data';
			return { requestId, currentPage: page, pageLength: items.length, totalResults: total, [listKey]: items, billing: { resultsReturned: items.length, creditsCharged: 0 } };
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
			strict(PROSPECT_ENRICH[kind], body);
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
		return { startDate: body.startDate ?? isoDay(180), endDate: isoDay(0), max: body.maxResultsPerSignal };
	}

	function signalsFor(kind, entity, body, window) {
		if (body.signals.length === 0) validationFailed(['signals must be a non-empty array']);
		const picked = kind === 'contact' ? personSignals(entity, body.signals, window.startDate) : companySignals(entity, body.signals, window.startDate);
		for (const key of Object.keys(picked)) if (window.max) picked[key] = picked[key].slice(0, window.max);
		return picked;
	}

	/** Each found entity's signals, keyed as the caller asked; a credit per signal type that returned results. */
	function signalsAnswer(kind, body, found) {
		const window = signalWindow(body);
		const out = {};
		let credits = 0;
		for (const [key, entity] of found) {
			if (!entity) continue;
			const picked = signalsFor(kind, entity, body, window);
			credits += Object.values(picked).filter((list) => list.length).length;
			out[key] = kind === 'contact' ? { personId: entity.personId, ...picked } : { companyId: entity.id, companyName: entity.name, domain: entity.domain, ...picked };
		}
		charge(credits);
		return { [kind === 'contact' ? 'contacts' : 'companies']: out, startDate: window.startDate, endDate: window.endDate, creditCharged: credits };
	}

	function contactSignalsByIds({ body }) {
		strict(SIGNALS.contactsByIds, body);
		return signalsAnswer('contact', body, body.contactIds.map((id) => [id, people.find((p) => p.personId === id)]));
	}

	function contactSignalsSearch({ body }) {
		strict(SIGNALS.contactsSearch, body);
		const errors = [];
		body.contacts.forEach((c, i) => {
			if (!c.email && !c.social_link && !(c.full_name && c.companies?.length)) errors.push(`contacts.${i} must have email, social_link, or full_name with companies`);
		});
		validationFailed(errors);
		const found = body.contacts.map((c) => {
			const company = (c.companies ?? []).find((co) => co.is_current !== false) ?? {};
			return [c.id, findPerson({ email: c.email, linkedinUrl: c.social_link, fullName: c.full_name, companyName: company.name, companyDomain: company.domain })];
		});
		return signalsAnswer('contact', body, found);
	}

	function companySignalsByIds({ body }) {
		strict(SIGNALS.companiesByIds, body);
		return signalsAnswer('company', body, body.companyIds.map((id) => [id, companyById.get(id)]));
	}

	function companySignalsSearch({ body }) {
		strict(SIGNALS.companiesSearch, body);
		const errors = [];
		body.companies.forEach((c, i) => {
			if (!c.domain && !c.name) errors.push(`companies.${i} must have domain or name`);
		});
		validationFailed(errors);
		return signalsAnswer('company', body, body.companies.map((c) => [c.id, findCompany({ domain: c.domain, name: c.name })]));
	}

	// ---------------------------------------------------------------- lookalikes
	function lookalike(kind) {
		return ({ body }) => {
			strict(LOOKALIKE[kind], body);
			const seedCount = Object.values(body.seeds).reduce((n, list) => n + (Array.isArray(list) ? list.length : 0), 0);
			if (seedCount === 0) validationFailed(['seeds must contain at least one seed']);
			const limit = body.limit ?? 25;
			let sessionId = body.dedupeSessionId;
			if (sessionId && !lookalikeSessions.has(sessionId)) {
				// The spec's 410 body is `{ code, message }`, without a statusCode.
				return {
					statusCode: 410,
					body: { code: 'DEDUPE_SESSION_INVALID', message: 'The provided dedupeSessionId is invalid or expired. Generate a new request without dedupeSessionId to start a fresh run.' },
				};
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
					return { contactId: String(entity.personId), firstName: entity.firstName, lastName: entity.lastName, socialLinks: { linkedin: entity.socialLinks.linkedin }, company: { companyId: String(company.id), name: company.name, domain: company.domain }, jobTitle: { title: entity.jobTitle.title, departments: entity.jobTitle.departments, seniority: entity.jobTitle.seniority }, location: { country: entity.location.country, state: entity.location.state, city: entity.location.city } };
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
