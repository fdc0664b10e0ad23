// @ts-check
'use strict';
/**
 * Deterministic Lusha-shaped data for the sandbox: the same 200 people and 50 companies on every
 * start, so tests and benchmarks can name them. Field names follow Lusha's OpenAPI v2 file.
 */

function prng(seed) {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const FIRST = ['Ava', 'Ben', 'Chloe', 'Dan', 'Eli', 'Fay', 'Gil', 'Hana', 'Ido', 'Jade', 'Kai', 'Lior', 'Maya', 'Noa', 'Omer', 'Pia', 'Ravi', 'Sara', 'Tom', 'Uma'];
const LAST = ['Adler', 'Brooks', 'Cohen', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jensen'];
const COMPANY_WORDS = ['Acme', 'Blue', 'Cedar', 'Delta', 'Ember', 'Falcon', 'Granite', 'Harbor', 'Iris', 'Juniper'];
const COMPANY_KINDS = ['Labs', 'Systems', 'Analytics', 'Health', 'Logistics'];
const DEPARTMENTS = ['Business Development', 'Consulting', 'Customer Service', 'Engineering & Technical', 'Finance', 'General Management', 'Human Resources', 'Information Technology', 'Legal', 'Marketing', 'Operations', 'Product', 'Sales', 'Other'];
const SENIORITY = [
	{ id: 10, name: 'founder' },
	{ id: 9, name: 'c-suite' },
	{ id: 8, name: 'vice president' },
	{ id: 7, name: 'director' },
	{ id: 6, name: 'manager' },
	{ id: 5, name: 'senior' },
	{ id: 4, name: 'entry' },
];
const COUNTRIES = [
	{ name: 'United States', code: 'US', continent: 'North America', cities: [['New York', 'New York'], ['Austin', 'Texas'], ['Boston', 'Massachusetts']] },
	{ name: 'United Kingdom', code: 'GB', continent: 'Europe', cities: [['London', 'England'], ['Leeds', 'England']] },
	{ name: 'Israel', code: 'IL', continent: 'Asia', cities: [['Tel Aviv', 'Tel Aviv District']] },
	{ name: 'Germany', code: 'DE', continent: 'Europe', cities: [['Berlin', 'Berlin'], ['Munich', 'Bavaria']] },
	{ name: 'France', code: 'FR', continent: 'Europe', cities: [['Paris', 'Ile-de-France']] },
];
const INDUSTRIES = [
	{ main_industry: 'Technology, Information & Media', main_industry_id: 1, sub_industries: [{ id: 101, value: 'Software Development' }, { id: 102, value: 'IT Services' }] },
	{ main_industry: 'Hospitals & Health Care', main_industry_id: 2, sub_industries: [{ id: 201, value: 'Hospitals' }, { id: 202, value: 'Medical Devices' }] },
	{ main_industry: 'Transportation & Logistics', main_industry_id: 3, sub_industries: [{ id: 301, value: 'Freight' }] },
	{ main_industry: 'Financial Services', main_industry_id: 4, sub_industries: [{ id: 401, value: 'Banking' }, { id: 402, value: 'Insurance' }] },
];
const SIZES = [{ min: 1, max: 10 }, { min: 11, max: 50 }, { min: 51, max: 200 }, { min: 201, max: 500 }, { min: 501, max: 1000 }, { min: 1001, max: 5000 }, { min: 5001, max: 10000 }, { min: 10001 }];
const REVENUES = [{ min: 1, max: 1000000 }, { min: 1000001, max: 10000000 }, { min: 10000001, max: 50000000 }, { min: 50000001, max: 100000000 }, { min: 100000001 }];
const SICS = [{ code: '7372', label: 'Prepackaged Software' }, { code: '8062', label: 'General Medical and Surgical Hospitals' }, { code: '4731', label: 'Arrangement of Transportation of Freight and Cargo' }, { code: '6021', label: 'National Commercial Banks' }];
const NAICS = [{ code: '51', label: 'Information' }, { code: '62', label: 'Health Care and Social Assistance' }, { code: '48', label: 'Transportation and Warehousing' }, { code: '52', label: 'Finance and Insurance' }];
const INTENT_TOPICS = ['Android', 'Accounting', 'Cloud Security', 'Customer Data Platform', 'Digital Sales', 'Sales Engagement', 'Zero Trust'];
const TECHNOLOGIES = ['Salesforce', 'HubSpot', 'Snowflake', 'Segment', 'Zendesk', 'Slack', 'RSS', 'React', 'Kubernetes', 'Stripe'];
const DATA_POINTS = ['phone', 'work_email', 'private_email', 'mobile_phone', 'direct_phone'];
const CONTACT_SIGNALS = ['allSignals', 'promotion', 'companyChange'];
const COMPANY_SIGNALS = ['allSignals', 'websiteTrafficIncrease', 'websiteTrafficDecrease', 'itSpendIncrease', 'itSpendDecrease', 'headcountIncrease1m', 'headcountDecrease1m', 'headcountIncrease3m', 'headcountDecrease3m', 'headcountIncrease6m', 'headcountDecrease6m', 'headcountIncrease12m', 'headcountDecrease12m', 'surgeInHiring', 'surgeInHiringByDepartment', 'surgeInHiringByLocation', 'riskNews', 'commercialActivityNews', 'corporateStrategyNews', 'financialEventsNews', 'peopleNews', 'marketIntelligenceNews', 'productActivityNews'];
const NEWS_EVENT_TYPES = ['Asset Investment', 'Asset Sale', 'Competitor Activity', 'Event Participation', 'Executive Departure', 'Executive Hire', 'Executive Promotion', 'Facilities Expansion', 'Facility Closure', 'Funding Round', 'Headcount Decrease', 'Headcount Increase', 'IPO', 'Lawsuit Faced', 'Lawsuit Filed', 'M&A', 'New Customer', 'New Location', 'New Vendor', 'Partnership', 'Product Development', 'Product Integration', 'Product Launch', 'Recognition', 'Security Issue', 'Strategic Investment'];
const NEWS_TYPES = ['riskNews', 'commercialActivityNews', 'corporateStrategyNews', 'financialEventsNews', 'peopleNews', 'marketIntelligenceNews', 'productActivityNews'];

function isoDay(offsetDays) {
	const base = Date.UTC(2026, 9, 1);
	return new Date(base - offsetDays * 86400000).toISOString().slice(0, 10);
}

function buildCompanies(random) {
	const companies = [];
	for (let i = 0; i < 50; i++) {
		const word = COMPANY_WORDS[i % COMPANY_WORDS.length];
		const kind = COMPANY_KINDS[Math.floor(i / COMPANY_WORDS.length) % COMPANY_KINDS.length];
		const name = `${word} ${kind}`;
		const domain = `${word}${kind}`.toLowerCase() + '.example';
		const country = COUNTRIES[i % COUNTRIES.length];
		const [city, state] = country.cities[i % country.cities.length];
		const industry = INDUSTRIES[i % INDUSTRIES.length];
		const size = SIZES[i % SIZES.length];
		const employees = size.max ? Math.round(size.min + random() * (size.max - size.min)) : 12000 + i;
		const revenue = REVENUES[i % REVENUES.length];
		const id = 5000 + i;
		companies.push({
			id,
			lushaCompanyId: `lc-${id}`,
			name,
			description: `${name} builds ${industry.sub_industries[0].value.toLowerCase()} products.`,
			domain,
			fqdn: `www.${domain}`,
			homepageUrl: `https://www.${domain}`,
			logoUrl: `https://logos.example/${id}.png`,
			employees: size.max ? `${size.min} - ${size.max}` : `${size.min}+`,
			employeesInLinkedin: employees,
			companySize: { min: size.min, max: size.max ?? null, employeesInLinkedin: employees },
			revenueRange: [revenue.min, revenue.max ?? null],
			founded: String(1990 + (i % 30)),
			mainIndustry: industry.main_industry,
			mainIndustryId: industry.main_industry_id,
			subIndustry: industry.sub_industries[i % industry.sub_industries.length].value,
			subIndustryId: industry.sub_industries[i % industry.sub_industries.length].id,
			sic: SICS[i % SICS.length],
			naics: NAICS[i % NAICS.length],
			location: { city, state, country: country.name, countryIso2: country.code, continent: country.continent, fullLocation: `${city}, ${state}, ${country.name}`, rawLocation: `${city}, ${country.name}` },
			social: { linkedin: { url: `https://www.linkedin.com/company/${word.toLowerCase()}-${kind.toLowerCase()}` }, crunchbase: { url: `https://www.crunchbase.com/organization/${word.toLowerCase()}-${kind.toLowerCase()}` } },
			technologies: [TECHNOLOGIES[i % TECHNOLOGIES.length], TECHNOLOGIES[(i + 3) % TECHNOLOGIES.length]].map((t) => ({ name: t })),
			intent: { detectedTopics: [{ topicName: INTENT_TOPICS[i % INTENT_TOPICS.length], metadata: { topicScore: 60 + (i % 40), topicTrend: 'up' } }], topicCount: 1 },
			funding: { totalRounds: i % 4, totalRoundsAmount: (i % 4) * 5000000, currency: 'USD', isIpo: i % 17 === 0, lastRoundType: i % 4 ? 'Series A' : null, lastRoundAmount: i % 4 ? 5000000 : null, lastRoundDate: i % 4 ? isoDay(i * 7) : null, rounds: [] },
			specialities: ['B2B', industry.sub_industries[0].value],
			signals: buildCompanySignals(id, name, domain, i),
		});
	}
	return companies;
}

function buildCompanySignals(companyId, companyName, domain, i) {
	const signals = {};
	signals[i % 2 ? 'headcountIncrease3m' : 'headcountDecrease3m'] = [{ signalDate: isoDay(i + 3), baselineEmployeesCount: 100 + i, newEmployeesCount: i % 2 ? 130 + i : 80 + i, changeRatePercent: i % 2 ? 30 : -20 }];
	signals.surgeInHiring = [{ signalDate: isoDay(i + 5), newJobsPostedLastWeek: 10 + i, historicalAvg: 4, changeRatePercent: 150 }];
	signals.websiteTrafficIncrease = [{ signalDate: isoDay(i + 9), historicalAvg: 1000, lastMonthVisits: 1600 + i, changeRatePercent: 60 }];
	const news = NEWS_TYPES[i % NEWS_TYPES.length];
	signals[news] = [{ companyId: String(companyId), companyName, domain, signalId: `sig-${companyId}-news`, eventType: NEWS_EVENT_TYPES[i % NEWS_EVENT_TYPES.length], eventSummary: `${companyName} announced news`, articlePublishedDate: isoDay(i + 2), articleTitle: `${companyName} in the news`, articleHighlight: 'A highlight', eventEffectiveDate: isoDay(i + 2), articleUrl: `https://news.example/${companyId}` }];
	return signals;
}

const orderedEmails = (i, addresses) => (i % 6 === 3 ? addresses.slice().reverse() : addresses);

/** A person's work address: the one tests look people up by. */
const workEmail = (person) => person.emailAddresses.find((e) => e.emailType === 'work').email;

function buildPeople(random, companies) {
	const people = [];
	for (let i = 0; i < 200; i++) {
		const firstName = FIRST[i % FIRST.length];
		const lastName = LAST[Math.floor(i / FIRST.length) % LAST.length];
		const company = companies[i % companies.length];
		const previous = companies[(i + 7) % companies.length];
		const department = DEPARTMENTS[i % DEPARTMENTS.length];
		const seniority = SENIORITY[i % SENIORITY.length];
		const personId = 1000000 + i;
		const handle = `${firstName}-${lastName}-${i}`.toLowerCase();
		const email = `${firstName}.${lastName}${i}@${company.domain}`.toLowerCase();
		const country = COUNTRIES[i % COUNTRIES.length];
		const [city, state] = country.cities[i % country.cities.length];
		const title = `${seniority.name === 'c-suite' ? 'Chief' : seniority.name[0].toUpperCase() + seniority.name.slice(1)} ${department}`;
		const signalDate = isoDay(10 + (i % 90));
		const move = { personId, currentCompanyId: company.id, currentCompanyName: company.name, currentDomain: company.domain, currentTitle: title, currentDepartments: department, currentSeniorityLabel: seniority.name, signalDate, previousCompanyName: previous.name, previousDomain: previous.domain };
		people.push({
			personId,
			contactId: `c-${personId}`,
			companyId: company.id,
			firstName,
			lastName,
			fullName: `${firstName} ${lastName}`,
			emails: [email],
			// Lusha does not order addresses by type: some people's private address comes first.
			emailAddresses: orderedEmails(i, [
				{ email, emailType: 'work', emailConfidence: 'A+', updateDate: isoDay(i % 30) },
				...(i % 3 === 0 ? [{ email: `${firstName}${i}@mail.example`.toLowerCase(), emailType: 'private', emailConfidence: 'B', updateDate: isoDay(40) }] : []),
			]),
			phoneNumbers: [
				{ number: `+1 555 01${String(i).padStart(3, '0')}`, phoneType: i % 2 ? 'mobile' : 'direct', doNotCall: i % 11 === 0, updateDate: isoDay(i % 45) },
			],
			location: { country: country.name, countryIso2: country.code, continent: country.continent, city, state, rawLocation: `${city}, ${country.name}`, isEuContact: ['GB', 'DE', 'FR'].includes(country.code) },
			jobTitle: { title, seniority: seniority.name, seniorityId: seniority.id, departments: [department] },
			socialLinks: { linkedin: `https://www.linkedin.com/in/${handle}` },
			jobStartDate: isoDay(100 + i),
			previousJob: { jobTitle: { title: `Former ${title}` }, company: { name: previous.name, domain: previous.domain } },
			contactTags: [],
			updateDate: isoDay(i % 20),
			signals: i % 4 === 0 ? { promotion: [move] } : i % 4 === 1 ? { companyChange: [move] } : {},
			seed: random(),
		});
	}
	return people;
}

function buildFixtures() {
	const random = prng(20261122);
	const companies = buildCompanies(random);
	const people = buildPeople(random, companies);
	return {
		companies,
		people,
		filters: { DEPARTMENTS, SENIORITY, COUNTRIES, INDUSTRIES, SIZES, REVENUES, SICS, NAICS, INTENT_TOPICS, TECHNOLOGIES, DATA_POINTS, NEWS_EVENT_TYPES },
		signalTypes: { contact: CONTACT_SIGNALS, company: COMPANY_SIGNALS },
	};
}

module.exports = { buildFixtures, prng, isoDay, workEmail, NEWS_TYPES };
