// @ts-check
'use strict';
/**
 * V3 views of the sandbox fixtures (test/sandbox/fixtures.js): the same 200 people and 50
 * companies, reshaped the way the V3 spec shows them. Nothing here copies a person or a company;
 * every V3 attribute is derived from the fixture, deterministically.
 *
 * Deterministic V3-only traits (by fixture index i = personId - 1000000, j = companyId - 5000):
 *   - people with i % 50 === 47 are COMPLIANCE_RESTRICTED (1000047, 1000097, 1000147, 1000197)
 *   - people with i % 10 === 5 have no phone in Lusha's own data (the waterfall may find one)
 *   - people with i % 50 === 23 resolve but get NO_SCORE on contact signal-score
 *   - companies with j % 25 === 24 get NO_SCORE on company signal-score (5024, 5049)
 *   - companies with j % 3 === 2 have no estimatedAnnualItSpend; j % 4 === 3 no monthlyWebsiteTraffic
 *   - ownership (2.16 directParent / ultimateParent): j 0–9 and 40–49 are independent (both null); j 10–29 are
 *     owned by company j % 10 (direct = ultimate); j 30–39 by company j - 20, whose parent is (j - 20) % 10
 */
const { isoDay } = require('../fixtures');
const { v3ContactId, v3CompanyId, parseId } = require('./ids');
const { badRequest } = require('./validate');

// ------------------------------------------------------------------ catalogues
/** 17 main industries; IDs 2, 4 and 20 do not exist (seen on the live API). 132 sub-industries. */
const MAIN_INDUSTRIES_RAW = [
	[1, 'Technology, Information & Media', ['Software Development', 'IT Services', 'Telecommunications', 'Internet Publishing', 'Computer Hardware', 'Media Production', 'Data Infrastructure & Analytics', 'Computer Networking']],
	[3, 'Transportation & Logistics', ['Freight', 'Airlines & Aviation', 'Maritime Transportation', 'Truck Transportation', 'Warehousing & Storage', 'Rail Transportation', 'Postal Services', 'Urban Transit']],
	[5, 'Accommodation Services', ['Hotels & Motels', 'Food & Beverage Services', 'Restaurants', 'Bed-and-Breakfasts', 'Caterers', 'Bars & Nightclubs', 'Holiday Rentals', 'Hostels']],
	[6, 'Financial Services', ['Banking', 'Insurance', 'Investment Management', 'Venture Capital & Private Equity', 'Accounting', 'Credit Intermediation', 'Capital Markets', 'Fintech']],
	[7, 'Administrative & Support Services', ['Staffing & Recruiting', 'Security & Investigations', 'Facilities Services', 'Events Services', 'Translation & Localization', 'Call Centers', 'Office Administration', 'Travel Arrangements']],
	[8, 'Construction', ['Building Construction', 'Civil Engineering', 'Specialty Trade Contractors', 'Residential Building', 'Nonresidential Building', 'Utility System Construction', 'Highway & Bridge Construction', 'Architecture & Planning']],
	[9, 'Hospitals & Health Care', ['Hospitals', 'Medical Devices', 'Medical Practices', 'Mental Health Care', 'Home Health Care', 'Nursing Homes', 'Pharmaceutical Manufacturing', 'Biotechnology Research']],
	[10, 'Consumer Services', ['Personal Care Services', 'Laundry Services', 'Pet Services', 'Household Services', 'Wellness & Fitness', 'Civic & Social Organizations', 'Religious Institutions', 'Repair & Maintenance']],
	[11, 'Education', ['Higher Education', 'Primary & Secondary Education', 'E-Learning Providers', 'Professional Training', 'Education Administration', 'Technical & Vocational Training', 'Fine Arts Schools', 'Sports & Recreation Instruction']],
	[12, 'Entertainment Providers', ['Gambling Facilities & Casinos', 'Museums & Historical Sites', 'Performing Arts', 'Spectator Sports', 'Recreational Facilities', 'Artists & Writers', 'Movies & Film', 'Music']],
	[13, 'Farming, Ranching & Forestry', ['Farming', 'Ranching', 'Forestry & Logging', 'Fisheries', 'Horticulture', 'Dairy', 'Animal Feed', 'Agricultural Services']],
	[14, 'Government Administration', ['Armed Forces', 'Public Policy Offices', 'Legislative Offices', 'Courts of Law', 'Public Safety', 'International Affairs', 'Administration of Justice', 'Executive Offices']],
	[15, 'Manufacturing', ['Machinery Manufacturing', 'Food & Beverage Manufacturing', 'Chemical Manufacturing', 'Automotive', 'Textile Manufacturing', 'Appliances & Electrical Equipment', 'Semiconductor Manufacturing', 'Furniture Manufacturing']],
	[16, 'Oil, Gas & Mining', ['Oil & Gas', 'Mining', 'Coal Mining', 'Metal Ore Mining', 'Natural Gas Extraction', 'Nonmetallic Mineral Mining', 'Oil Extraction']],
	[17, 'Professional Services', ['Legal Services', 'Business Consulting', 'Advertising Services', 'Design Services', 'Engineering Services', 'Market Research', 'Research Services']],
	[18, 'Real Estate & Equipment Rental', ['Real Estate', 'Leasing Residential Real Estate', 'Leasing Non-residential Real Estate', 'Commercial Real Estate', 'Equipment Rental Services', 'Real Estate Agents & Brokers', 'Consumer Goods Rental']],
	[19, 'Retail', ['Retail Apparel & Fashion', 'Retail Groceries', 'Online & Mail Order Retail', 'Retail Motor Vehicles', 'Retail Luxury Goods & Jewelry', 'Retail Office Equipment', 'Retail Health & Personal Care Products']],
];
const MAIN_INDUSTRIES = MAIN_INDUSTRIES_RAW.map(([id, name, subs]) => ({
	mainIndustryId: /** @type {number} */ (id),
	mainIndustry: /** @type {string} */ (name),
	subIndustries: /** @type {string[]} */ (subs).map((value, k) => ({ id: /** @type {number} */ (id) * 100 + k + 1, value })),
}));
/** The V2 fixture industries, placed on the V3 catalogue. */
const MAIN_ID_V3 = { 1: 1, 2: 9, 3: 3, 4: 6 };
const SUB_ID_V3 = { 101: 101, 102: 102, 201: 901, 202: 902, 301: 301, 401: 601, 402: 602 };

const SENIORITY_V3 = [
	{ id: 10, value: 'Founder' },
	{ id: 9, value: 'C-Suite' },
	{ id: 8, value: 'Vice President' },
	{ id: 7, value: 'Director' },
	{ id: 6, value: 'Manager' },
	{ id: 5, value: 'Senior' },
	{ id: 4, value: 'Non-Manager' },
	{ id: 3, value: 'Partner' },
	{ id: 2, value: 'Intern' },
	{ id: 1, value: 'Other' },
];
/** Values `existingDataPoints` accepts; the spec's example `work_phone` is rejected live (seen on the live API). */
const EXISTING_DATA_POINTS = ['work_email', 'private_email', 'phone', 'mobile_phone', 'direct_phone'];
const CONTACT_SIGNAL_TYPES = ['allSignals', 'promotion', 'companyChange'];
const COMPANY_SIGNAL_TYPES = ['allSignals', 'linkedinActivityIntent', 'websiteTrafficDecrease', 'websiteTrafficIncrease', 'itSpendIncrease', 'itSpendDecrease', 'surgeInHiring', 'headcountIncrease1m', 'headcountIncrease3m', 'headcountIncrease6m', 'headcountIncrease12m', 'headcountDecrease1m', 'headcountDecrease3m', 'headcountDecrease6m', 'headcountDecrease12m', 'surgeInHiringByDepartment', 'surgeInHiringByLocation', 'riskNews', 'commercialActivityNews', 'corporateStrategyNews', 'financialEventsNews', 'peopleNews', 'marketIntelligenceNews', 'productActivityNews'];
const INTENT_CATEGORIES = ['Business', 'Finance', 'Human Resources', 'Marketing', 'Operations', 'Sales', 'Security', 'Technology'];
/** 2.16: premium ownership fields, `null` for an independent company (https://docs.lusha.com/changelog/overview). */
const OWNERSHIP_FIELDS = ['directParent', 'ultimateParent'];
const COMPANY_REVEAL_FIELDS = ['employeesByDepartment', 'employeesByLocation', 'employeesBySeniority', 'competitors', 'intent', 'estimatedAnnualItSpend', 'monthlyWebsiteTraffic', ...OWNERSHIP_FIELDS];
const STATE_CODES = { 'New York': 'NY', Texas: 'TX', Massachusetts: 'MA', England: 'ENG', 'Tel Aviv District': 'TA', Berlin: 'BE', Bavaria: 'BY', 'Ile-de-France': 'IDF' };
const COUNTRY_GROUPING = { 'North America': 'NA', Europe: 'EMEA', Asia: 'APAC' };

const norm = (value) => (value === undefined || value === null ? '' : String(value).trim().toLowerCase());
const normDomain = (value) => norm(value).replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/.*$/, '');
const normUrl = (value) => norm(value).replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/+$/, '');

function createV3Data(sandbox) {
	const { people, companies } = sandbox.fixtures;
	const companyById = new Map(companies.map((c) => [c.id, c]));
	const personById = new Map(people.map((p) => [p.personId, p]));
	const contactIds = new Map(people.map((p) => [p.personId, v3ContactId(p)]));
	const companyIds = new Map(companies.map((c) => [c.id, v3CompanyId(c)]));

	const pIndex = (person) => person.personId - 1000000;
	const cIndex = (company) => company.id - 5000;
	const contactId = (person) => /** @type {string} */ (contactIds.get(person.personId));
	const companyId = (company) => /** @type {string} */ (companyIds.get(company.id));
	const companyOf = (person) => companyById.get(person.companyId);

	const isRestricted = (person) => pIndex(person) % 50 === 47;
	const hasLushaPhone = (person) => pIndex(person) % 10 !== 5;
	const personNoScore = (person) => pIndex(person) % 50 === 23;
	const companyNoScore = (company) => cIndex(company) % 25 === 24;
	const seniorityV3 = (person) => /** @type {{ id: number, value: string }} */ (SENIORITY_V3.find((s) => s.id === person.jobTitle.seniorityId));
	const personScore = (person) => Math.round(person.seed * 100);
	const industryOf = (company) => /** @type {(typeof MAIN_INDUSTRIES)[number]} */ (MAIN_INDUSTRIES.find((m) => m.mainIndustryId === MAIN_ID_V3[company.mainIndustryId]));

	// -------------------------------------------------------------- contacts
	function contactJobTitle(person) {
		return { title: person.jobTitle.title, departments: [...person.jobTitle.departments], seniority: seniorityV3(person).value };
	}

	function contactCompanyRef(person, withIndustry) {
		const company = companyOf(person);
		return { id: companyId(company), name: company.name, domain: company.fqdn, ...(withIndustry ? { industry: industryOf(company).mainIndustry } : {}) };
	}

	/** Lusha-side phones in V3 shape (none for i % 10 === 5). */
	function lushaPhones(person) {
		if (!hasLushaPhone(person)) return [];
		return person.phoneNumbers.map((p) => ({ number: p.number, type: p.phoneType, doNotCall: p.doNotCall, updateDate: p.updateDate }));
	}

	/** What a third-party waterfall provider finds when Lusha has no phone. */
	function waterfallPhones(person) {
		return [{ number: `+1 555 09${String(pIndex(person)).padStart(3, '0')}`, type: 'mobile', doNotCall: false, updateDate: isoDay(3) }];
	}

	function contactEmails(person) {
		return person.emailAddresses.map((e) => ({ email: e.email, type: e.emailType, confidence: e.emailConfidence, updateDate: e.updateDate }));
	}

	function contactHas(person) {
		return ['firstName', 'lastName', 'jobTitle', 'company', 'location', 'socialLinks', 'emails', ...(hasLushaPhone(person) ? ['phones'] : []), 'previousEmployment', 'jobStartDate'];
	}

	/** Personal data points a contact has (for `existingDataPoints`). */
	function dataPointsOf(person) {
		const points = new Set(['work_email']);
		if (person.emailAddresses.some((e) => e.emailType === 'private')) points.add('private_email');
		for (const phone of lushaPhones(person)) {
			points.add('phone');
			points.add(phone.type === 'mobile' ? 'mobile_phone' : 'direct_phone');
		}
		return points;
	}

	function contactSignalTypes(person) {
		return Object.keys(person.signals).filter((type) => person.signals[type].length);
	}

	/** Non-PII preview (Search, Prospecting, Buying group). `canReveal` comes from the billing module. */
	function contactPreview(person, canReveal) {
		const { country, state, city } = person.location;
		return {
			id: contactId(person),
			firstName: person.firstName,
			lastName: person.lastName,
			jobTitle: contactJobTitle(person),
			company: contactCompanyRef(person, false),
			location: { country, state, city },
			socialLinks: { linkedin: person.socialLinks.linkedin },
			has: contactHas(person),
			canReveal,
			signalTypes: contactSignalTypes(person),
		};
	}

	/** Full contact (Enrich, Search and enrich). `emails`/`phones` only when revealed. */
	function enrichedContact(person, { emails, phones }) {
		const { country, countryIso2, state, city, continent, isEuContact } = person.location;
		const previous = companies.find((c) => c.name === person.previousJob.company.name);
		return {
			id: contactId(person),
			firstName: person.firstName,
			lastName: person.lastName,
			fullName: person.fullName,
			jobTitle: contactJobTitle(person),
			location: { country, countryIso2, state, city, continent, isEuContact },
			tags: [],
			...(emails ? { emails } : {}),
			...(phones ? { phones } : {}),
			company: contactCompanyRef(person, true),
			socialLinks: { linkedin: person.socialLinks.linkedin },
			previousEmployment: [
				{
					company: { name: person.previousJob.company.name, domain: previous ? previous.fqdn : person.previousJob.company.domain },
					jobTitle: { title: person.previousJob.jobTitle.title, departments: [...person.jobTitle.departments], seniority: seniorityV3(person).value },
				},
			],
			updateDate: person.updateDate,
		};
	}

	/**
	 * Signals fired at subscriptions of this entity (webhookRoutes.js `deliver`), newest first: Lusha's
	 * signals API lists a signal whether or not its webhook delivery got through.
	 */
	function firedSignals(entityType, entityId, type) {
		return sandbox.state.firedSignals
			.filter((f) => f.entityType === entityType && f.entityId === String(entityId) && f.type === type)
			.map((f) => f.data)
			.reverse();
	}

	/** Contact signal events in V3 shape: the fired ones (delivery `data`, departments as {id, value}) and the fixture's. */
	function contactSignalEvents(person, type) {
		return [...firedSignals('contact', person.personId, type), ...(person.signals[type] ?? [])].map((s) => ({
			id: contactId(person),
			signalDate: s.signalDate,
			previousCompany: s.previousCompanyName,
			previousDomain: s.previousDomain,
			newCompany: s.currentCompanyName,
			newDomain: s.currentDomain,
			currentTitle: s.currentTitle,
			currentSeniority: seniorityV3(person).value,
			currentDepartments: Array.isArray(s.currentDepartments) ? s.currentDepartments.map((d) => d?.value ?? d) : [s.currentDepartments],
		}));
	}

	// -------------------------------------------------------------- companies
	function employeeCount(company) {
		return { exact: company.companySize.employeesInLinkedin, min: company.companySize.min, ...(company.companySize.max ? { max: company.companySize.max } : {}) };
	}

	function companyLocation(company, withZip) {
		const { city, state, country, countryIso2, continent } = company.location;
		return { city, state, ...(STATE_CODES[state] ? { stateCode: STATE_CODES[state] } : {}), country, countryIso2, continent, ...(withZip ? { zipCode: String(10000 + cIndex(company) * 97) } : {}) };
	}

	const companyType = (company) => (company.funding.isIpo ? 'Public Company' : cIndex(company) % 7 === 3 ? 'Non Profit' : 'Private Company');
	const businessModel = (company) => (cIndex(company) % 3 === 0 ? ['B2B', 'B2C'] : cIndex(company) % 3 === 1 ? ['B2B'] : ['B2B', 'B2G']);
	const keywordsOf = (company) => [...new Set([...company.specialities.map((s) => s.toLowerCase()), company.name.split(' ')[1].toLowerCase(), industryOf(company).mainIndustry.toLowerCase()])];
	const technologiesOf = (company) => company.technologies.map((t) => t.name.toLowerCase());
	const itSpend = (company) => (cIndex(company) % 3 === 2 ? null : { value: 100000 + cIndex(company) * 25000, currency: 'USD', valueUsd: 100000 + cIndex(company) * 25000 });
	const websiteTraffic = (company) => (cIndex(company) % 4 === 3 ? null : { visits: 5000 + cIndex(company) * 311, momChangePercent: ((cIndex(company) % 9) - 4) * 1.5, month: '2026-09' });
	const subIndustryOf = (company) => industryOf(company).subIndustries.find((s) => s.id === SUB_ID_V3[company.subIndustryId]);

	function employeesBy(company) {
		const total = company.companySize.employeesInLinkedin;
		const split = (labels) => labels.map((label, k) => [label, Math.max(1, Math.round((total * (labels.length - k)) / ((labels.length * (labels.length + 1)) / 2)))]);
		const staff = people.filter((p) => p.companyId === company.id);
		const departments = [...new Set([...staff.map((p) => p.jobTitle.departments[0]), 'Engineering & Technical', 'Sales', 'Other'])];
		return {
			employeesByDepartment: split(departments).map(([department, count]) => ({ department, count })),
			employeesByLocation: [
				{ country: company.location.country, state: company.location.state, count: Math.ceil(total * 0.7) },
				{ country: company.location.country, state: null, count: Math.floor(total * 0.3) },
			],
			employeesBySeniority: split(['Non-Manager', 'Senior', 'Manager', 'Director', 'Vice President', 'C-Suite']).map(([seniority, count]) => ({ seniority, count })),
		};
	}

	function competitorsOf(company) {
		return companies
			.filter((c) => c.id !== company.id && c.mainIndustryId === company.mainIndustryId)
			.slice(0, 3)
			.map((c) => ({ id: companyId(c), name: c.name, domain: c.domain }));
	}

	/** Fixture index of a company's direct parent, or undefined (see the header). */
	function parentIndex(j) {
		if (j >= 10 && j < 30) return j % 10;
		if (j >= 30 && j < 40) return j - 20;
		return undefined;
	}
	function ownershipRef(j) {
		const parent = j === undefined ? undefined : companies[j];
		// hqCountry "where held": the sandbox holds it for every parent.
		return parent ? { lushaCompanyId: companyId(parent), name: parent.name, domain: parent.fqdn, hqCountry: parent.location.country } : null;
	}
	function ultimateIndex(j) {
		let top = parentIndex(j);
		while (top !== undefined && parentIndex(top) !== undefined) top = parentIndex(top);
		return top;
	}

	/** The value a revealable company field would return (null/[] when the company has none). */
	function companyRevealValue(company, field) {
		switch (field) {
			case 'directParent':
				return ownershipRef(parentIndex(cIndex(company)));
			case 'ultimateParent':
				return ownershipRef(ultimateIndex(cIndex(company)));
			case 'employeesByDepartment':
			case 'employeesByLocation':
			case 'employeesBySeniority':
				return employeesBy(company)[field];
			case 'competitors':
				return competitorsOf(company);
			case 'intent':
				return company.intent.topicCount ? company.intent : null;
			case 'estimatedAnnualItSpend':
				return itSpend(company);
			case 'monthlyWebsiteTraffic':
				return websiteTraffic(company);
			default:
				return null;
		}
	}

	const companyHasField = (company, field) => {
		const value = companyRevealValue(company, field);
		return value !== null && !(Array.isArray(value) && value.length === 0);
	};

	function companyHas(company) {
		return [
			'alternativeName', 'alternativeDomains', 'description', 'companyType', 'yearFounded', 'subIndustry', 'specialities', 'sicCodes', 'naicsCodes',
			'linkedinFollowers', 'revenueRange', ...(company.funding.totalRounds ? ['funding'] : []), 'technologies', 'popularityTier', 'logoUrl',
			...COMPANY_REVEAL_FIELDS.filter((f) => companyHasField(company, f) && (sandbox.config.companyOwnership !== false || !OWNERSHIP_FIELDS.includes(f))), 'businessModel', 'emails', ...(cIndex(company) % 2 === 0 ? ['phones'] : []), 'keywords', 'socialLinks',
		];
	}

	function companySignalTypes(company) {
		return Object.keys(companySignalsAll(company)).filter((type) => companySignalsAll(company)[type].length);
	}

	function companyPreview(company, canReveal) {
		return {
			id: companyId(company),
			name: company.name,
			domain: company.fqdn,
			employeeCount: employeeCount(company),
			industry: industryOf(company).mainIndustry,
			location: companyLocation(company, false),
			socialLinks: { linkedin: company.social.linkedin.url },
			has: companyHas(company),
			canReveal,
			signalTypes: companySignalTypes(company),
		};
	}

	/** Full company (Enrich, Search and enrich); `reveal` lists the extra fields to include. */
	function enrichedCompany(company, reveal = []) {
		const j = cIndex(company);
		const out = {
			id: companyId(company),
			name: company.name,
			alternativeName: company.name.toLowerCase(),
			domain: company.fqdn,
			alternativeDomains: [company.domain],
			description: company.description,
			companyType: companyType(company),
			yearFounded: Number(company.founded),
			employeeCount: employeeCount(company),
			industry: industryOf(company).mainIndustry,
			subIndustry: subIndustryOf(company)?.value,
			specialities: [...company.specialities],
			sicCodes: [{ code: Number(company.sic.code), description: company.sic.label }],
			naicsCodes: [{ code: Number(company.naics.code), description: company.naics.label }],
			location: companyLocation(company, true),
			additionalLocations: j % 5 === 0 ? [{ city: 'London', state: 'England', country: 'United Kingdom', countryIso2: 'GB', continent: 'Europe' }] : [],
			socialLinks: { linkedin: company.social.linkedin.url, ...(j % 2 === 0 ? { facebook: `https://www.facebook.com/${company.domain.split('.')[0]}` } : {}), ...(j % 3 === 0 ? { x: `https://x.com/${company.domain.split('.')[0]}` } : {}) },
			linkedinFollowers: 1000 + j * 137,
			revenueRange: { min: company.revenueRange[0], ...(company.revenueRange[1] ? { max: company.revenueRange[1] } : {}) },
			...(company.funding.totalRounds ? { funding: { ...company.funding } } : {}),
			technologies: technologiesOf(company),
			popularityTier: 1 + (j % 3),
			logoUrl: company.logoUrl,
			businessModel: businessModel(company),
			emails: [{ email: `info@${company.domain}` }],
			...(j % 2 === 0 ? { phones: [{ number: `+1 800 555 ${String(1000 + j)}` }] } : {}),
			keywords: keywordsOf(company),
		};
		for (const field of reveal) {
			const value = companyRevealValue(company, field);
			// Ownership fields come back as null when asked for and there is no parent (changelog 2.16).
			if (value !== null || OWNERSHIP_FIELDS.includes(field)) out[field] = value;
		}
		return out;
	}

	/** All company signal events: those fired at its subscriptions, newest first, then the fixture's plus V3's linkedinActivityIntent. */
	const signalCache = new Map();
	function companySignalsAll(company) {
		const fixed = companyFixtureSignals(company);
		if (!sandbox.state.firedSignals.length) return fixed;
		const all = { ...fixed };
		for (const type of new Set(sandbox.state.firedSignals.filter((f) => f.entityType === 'company').map((f) => f.type))) {
			const fired = firedSignals('company', company.id, type);
			if (fired.length) all[type] = [...fired, ...(fixed[type] ?? [])];
		}
		return all;
	}

	function companyFixtureSignals(company) {
		if (signalCache.has(company.id)) return signalCache.get(company.id);
		const j = cIndex(company);
		const all = { ...company.signals };
		if (j % 3 === 0) {
			const author = people.find((p) => p.companyId === company.id);
			all.linkedinActivityIntent = [5, 40, 120].map((days, k) => ({
				companyId: company.id,
				activityPublicationDate: isoDay(days + (j % 5)),
				signalCategory: 'Technology or Stack Discussion',
				intentTopics: [{ topic: 'Cloud Security', category: INTENT_CATEGORIES[(j + k) % INTENT_CATEGORIES.length] }],
				author: author ? { id: contactId(author), fullName: author.fullName, linkedinUrl: author.socialLinks.linkedin } : { id: null, fullName: 'Unknown', linkedinUrl: '' },
				contactsMentioned: [],
				companiesMentioned: [],
				activityUrl: `https://www.linkedin.com/feed/update/urn:li:activity:${company.id}${k}`,
				activitySummary: `${company.name} discusses its cloud security stack.`,
				activityLikes: 10 + k,
				activityComments: k,
				activityShares: 1,
				activityType: 'post',
			}));
		}
		signalCache.set(company.id, all);
		return all;
	}

	const signalDateOf = (event) => event.signalDate ?? event.articlePublishedDate ?? event.activityPublicationDate;

	// -------------------------------------------------------------- resolution
	/** Contact id (token or legacy number) → person; `undefined` when valid but unknown. Throws 400 when invalid. */
	function contactById(value, path) {
		const parsed = parseId('contact', value);
		if (!parsed.valid) throw badRequest(`Invalid contact id: ${path}`);
		return personById.get(parsed.n);
	}

	function companyByIdOrThrow(value, path) {
		const parsed = parseId('company', value);
		if (!parsed.valid) throw badRequest(`Invalid company id: ${path}`);
		return companyById.get(parsed.n);
	}

	/** Checks every id up front so a bad one fails the whole call before anything is charged. */
	function checkIds(kind, values, path) {
		const bad = [];
		values.forEach((value, i) => {
			if (!parseId(kind, value).valid) bad.push(`Invalid ${kind} id: ${path}.${i}`);
		});
		if (bad.length) throw badRequest(bad);
	}

	function findContact(item) {
		if (item.id !== undefined) return personById.get(/** @type {any} */ (parseId('contact', item.id)).n);
		if (item.email) return people.find((p) => p.emailAddresses.some((e) => norm(e.email) === norm(item.email)));
		if (item.linkedinUrl) return people.find((p) => normUrl(p.socialLinks.linkedin) === normUrl(item.linkedinUrl));
		if (item.firstName && item.lastName && (item.companyName || item.companyDomain)) {
			return people.find((p) => {
				if (norm(p.firstName) !== norm(item.firstName) || norm(p.lastName) !== norm(item.lastName)) return false;
				const company = companyOf(p);
				return (item.companyName && norm(company.name) === norm(item.companyName)) || (item.companyDomain && normDomain(company.domain) === normDomain(item.companyDomain));
			});
		}
		return undefined;
	}

	const hasContactIdentifier = (item) => Boolean(item.id || item.email || item.linkedinUrl || (item.firstName && item.lastName && (item.companyName || item.companyDomain)));

	/** Checks each contact identifier item: one identifier required, ids well-formed. */
	function checkContactItems(items, path) {
		const errors = [];
		items.forEach((item, i) => {
			if (!hasContactIdentifier(item)) errors.push(`${path}.${i} must have id, linkedinUrl, email, or firstName + lastName + companyName/companyDomain`);
			else if (item.id !== undefined && !parseId('contact', item.id).valid) errors.push(`Invalid contact id: ${path}.${i}.id`);
		});
		if (errors.length) throw badRequest(errors);
	}

	function findCompany(item) {
		if (item.id !== undefined) return companyById.get(/** @type {any} */ (parseId('company', item.id)).n);
		if (item.domain) return companies.find((c) => normDomain(c.domain) === normDomain(item.domain));
		if (item.email) return companies.find((c) => normDomain(c.domain) === normDomain(String(item.email).split('@')[1]));
		if (item.name) return companies.find((c) => norm(c.name) === norm(item.name));
		return undefined;
	}

	function checkCompanyItems(items, path, keys = ['id', 'name', 'domain']) {
		const errors = [];
		items.forEach((item, i) => {
			if (!keys.some((k) => item[k] !== undefined && item[k] !== '')) errors.push(`${path}.${i} must have one of: ${keys.join(', ')}`);
			else if (item.id !== undefined && !parseId('company', item.id).valid) errors.push(`Invalid company id: ${path}.${i}.id`);
		});
		if (errors.length) throw badRequest(errors);
	}

	return {
		people,
		companies,
		companyById,
		personById,
		contactId,
		companyId,
		companyOf,
		pIndex,
		cIndex,
		isRestricted,
		hasLushaPhone,
		personNoScore,
		companyNoScore,
		personScore,
		seniorityV3,
		industryOf,
		subIndustryOf,
		companyType,
		businessModel,
		keywordsOf,
		technologiesOf,
		lushaPhones,
		waterfallPhones,
		contactEmails,
		dataPointsOf,
		contactSignalTypes,
		contactPreview,
		enrichedContact,
		contactSignalEvents,
		companyPreview,
		enrichedCompany,
		companyRevealValue,
		companyHasField,
		companySignalsAll,
		companySignalTypes,
		signalDateOf,
		contactById,
		companyByIdOrThrow,
		checkIds,
		findContact,
		checkContactItems,
		findCompany,
		checkCompanyItems,
	};
}

/** What every V3 bulk result echoes of its request entry: the caller's `clientReferenceId`, when given. */
function echoOf(item) {
	return item.clientReferenceId !== undefined ? { clientReferenceId: item.clientReferenceId } : {};
}

module.exports = {
	createV3Data,
	echoOf,
	MAIN_INDUSTRIES,
	SENIORITY_V3,
	EXISTING_DATA_POINTS,
	CONTACT_SIGNAL_TYPES,
	COMPANY_SIGNAL_TYPES,
	INTENT_CATEGORIES,
	COMPANY_REVEAL_FIELDS,
	OWNERSHIP_FIELDS,
	COUNTRY_GROUPING,
	norm,
	normDomain,
	normUrl,
};
