/**
 * Every V3 prospecting filter, described once (Lusha's spec: V3ContactFilterCriteria,
 * V3CompanyFilterCriteria, V3CompanyProspectingFilters). The same rows build the editor's
 * "Add Filter" lists and the request body, so a filter Lusha adds is one row here.
 */
type Kind =
	/** Several values from a Lusha catalogue (live dropdown). */
	| { type: 'catalogue'; method: string; values?: 'integer' | 'range' | 'iso2' }
	/** Several values found by typing (searchable picker over a catalogue that requires a query). */
	| { type: 'search'; method: string; values?: 'location' | 'companyLocation' }
	/** One value from a Lusha catalogue. */
	| { type: 'pick'; method: string }
	| { type: 'list' }
	| { type: 'text'; maxLength?: number }
	| { type: 'choice'; options: string[] }
	| { type: 'enum'; options: string[] }
	| { type: 'integer'; min?: number; max?: number }
	| { type: 'boolean' }
	| { type: 'date' }
	/** Lusha takes ranges as ONE merged element: `[{ min, max }]` (§F). */
	| { type: 'range' }
	| { type: 'group'; fields: FilterRow[] }
	| { type: 'rows'; fields: FilterRow[] };

export interface FilterRow {
	/** The key in Lusha's body; also the field's name. */
	key: string;
	displayName: string;
	kind: Kind;
	description?: string;
	placeholder?: string;
	/** Lusha takes it only in `include` (searchText, signals). */
	includeOnly?: boolean;
	/** Lusha uses it only to narrow other filters, so it needs a base filter next to it. */
	refinement?: boolean;
	/** Accepted on one prospecting endpoint only; the other answers 400. */
	only?: 'contacts' | 'companies';
}

const list: Kind = { type: 'list' };
const date: Kind = { type: 'date' };
const orAnd: Kind = { type: 'choice', options: ['or', 'and'] };
const COVERAGE = ['any_round', 'last_funding', 'last_round', 'total_funds'];

const CONTACT_SIGNALS: FilterRow = {
	key: 'signals',
	displayName: 'Signals',
	includeOnly: true,
	description: 'Only people with these recent signals. Each matched signal is billed per result.',
	kind: {
		type: 'group',
		fields: [
			{ key: 'types', displayName: 'Signal Type Names or IDs', kind: { type: 'catalogue', method: 'getContactSignalTypes' } },
			{ key: 'startDate', displayName: 'Since', kind: date, description: 'Signals from this date on' },
		],
	},
};

const COMPANY_SIGNALS: FilterRow = {
	key: 'signals',
	displayName: 'Signals',
	includeOnly: true,
	only: 'companies',
	description: 'Only companies with these recent signals. Each matched signal is billed per result.',
	kind: {
		type: 'group',
		fields: [
			{ key: 'types', displayName: 'Signal Type Names or IDs', kind: { type: 'catalogue', method: 'getCompanySignalTypes' } },
			{ key: 'startDate', displayName: 'Since', kind: date, description: 'Signals from this date on' },
			{
				key: 'filterByLocation',
				displayName: 'Hiring Surge Locations',
				kind: { type: 'rows', fields: [
					{ key: 'country', displayName: 'Country', kind: { type: 'text' }, placeholder: 'United States' },
					{ key: 'state', displayName: 'State', kind: { type: 'text' }, placeholder: 'California' },
					{ key: 'startDate', displayName: 'Since', kind: date },
				] },
			},
			{
				key: 'filterByDepartment',
				displayName: 'Hiring Surge Departments',
				kind: { type: 'rows', fields: [
					{ key: 'department', displayName: 'Department Name or ID', kind: { type: 'pick', method: 'getHiringDepartments' } },
					{ key: 'startDate', displayName: 'Since', kind: date },
				] },
			},
			{
				key: 'filterByIntentCategory',
				displayName: 'LinkedIn Intent Category Names or IDs',
				kind: { type: 'catalogue', method: 'getIntentCategories' },
				description: 'Narrows LinkedIn Activity Intent signals to these categories',
			},
		],
	},
};

const ZIP_ROWS: FilterRow[] = [
	{ key: 'countryIso2', displayName: 'Country Code', kind: { type: 'text' }, placeholder: 'US' },
	{ key: 'zipcode', displayName: 'Zip Code', kind: { type: 'text' }, placeholder: '10001' },
];
const NEAR_ROWS: FilterRow[] = [
	{ key: 'country', displayName: 'Country', kind: { type: 'text' }, placeholder: 'United States' },
	{ key: 'zipcode', displayName: 'Zip Code', kind: { type: 'text' }, placeholder: '10001' },
	{ key: 'distance', displayName: 'Distance (Miles)', kind: { type: 'integer', min: 0 } },
];

export const CONTACT_CRITERIA: FilterRow[] = [
	{ key: 'jobTitles', displayName: 'Job Titles', kind: list, placeholder: 'VP Sales, Head of Sales' },
	{ key: 'jobTitlesExactMatch', displayName: 'Job Titles (Exact Match)', kind: list },
	{ key: 'normalizedJobTitles', displayName: 'Normalized Job Titles', kind: list },
	{ key: 'previousJobTitle', displayName: 'Previous Job Titles', kind: list },
	{ key: 'names', displayName: 'Names', kind: list, placeholder: 'Jane Doe' },
	{ key: 'searchText', displayName: 'Search Text', kind: { type: 'text', maxLength: 200 }, includeOnly: true, description: 'Free text Lusha matches against the profile (up to 200 characters)' },
	{ key: 'departments', displayName: 'Department Names or IDs', kind: { type: 'catalogue', method: 'getContactDepartments' } },
	{ key: 'seniorityIds', displayName: 'Seniority Names or IDs', kind: { type: 'catalogue', method: 'getContactSeniorities', values: 'integer' } },
	{ key: 'countries', displayName: 'Country Names or IDs', kind: { type: 'catalogue', method: 'getContactCountries', values: 'iso2' }, description: 'Where the person is. By expression: ISO-2 codes such as US, GB.' },
	{ key: 'locations', displayName: 'Locations', kind: { type: 'search', method: 'searchContactLocations', values: 'location' } },
	{ key: 'geographicDetails', displayName: 'Near Zip Codes', kind: { type: 'rows', fields: NEAR_ROWS } },
	{ key: 'existingDataPoints', displayName: 'Has Data Point Names or IDs', kind: { type: 'catalogue', method: 'getContactDataPoints' }, description: 'Only people Lusha has these details for' },
	{ key: 'existingDataPointsCondition', displayName: 'Has Data Points Condition', kind: orAnd, description: 'Whether a person needs any or all of the data points' },
	{ key: 'linkedinUrls', displayName: 'LinkedIn URLs', kind: list },
	{ key: 'emails', displayName: 'Emails', kind: list },
	{ key: 'previousEmails', displayName: 'Previous Emails', kind: list },
	{ key: 'skills', displayName: 'Skills', kind: list, placeholder: 'Python, Salesforce' },
	{ key: 'certifications', displayName: 'Certifications', kind: list },
	{ key: 'awards', displayName: 'Awards', kind: list },
	{ key: 'ids', displayName: 'Lusha Contact IDs', kind: list, description: 'Contact IDs from an earlier Lusha result' },
	CONTACT_SIGNALS,
	{ key: 'jobChangedAfterDate', displayName: 'Job Changed After', kind: date, refinement: true },
	{ key: 'jobChangedLastViewDate', displayName: 'Job Changed Since Last Viewed', kind: date, refinement: true },
	{
		key: 'education',
		displayName: 'Education',
		refinement: true,
		kind: {
			type: 'group',
			fields: [
				{ key: 'degrees', displayName: 'Degrees', kind: list },
				{ key: 'fieldsOfStudy', displayName: 'Fields of Study', kind: list },
				{ key: 'schools', displayName: 'Schools', kind: list },
				{ key: 'startYearGte', displayName: 'Started in or After (Year)', kind: { type: 'integer', min: 1900 } },
				{ key: 'graduationYearLte', displayName: 'Graduated in or Before (Year)', kind: { type: 'integer', min: 1900 } },
			],
		},
	},
	{
		key: 'score',
		displayName: 'Contact Score',
		refinement: true,
		description: 'Lusha’s 0–100 contact score',
		kind: {
			type: 'group',
			fields: [
				{ key: 'minScore', displayName: 'Min Score', kind: { type: 'integer', min: 0, max: 100 } },
				{ key: 'maxScore', displayName: 'Max Score', kind: { type: 'integer', min: 0, max: 100 } },
			],
		},
	},
];

/** The contact filters a company prospecting request accepts (V3ContactsOnCompanySearchFilters). */
export const CONTACTS_ON_COMPANY_SEARCH = CONTACT_CRITERIA.filter((row) => ['jobTitles', 'departments', 'seniorityIds', 'skills', 'locations', 'existingDataPoints'].includes(row.key));

const FUNDING: FilterRow = {
	key: 'funding',
	displayName: 'Funding',
	only: 'contacts',
	kind: {
		type: 'group',
		fields: [
			{ key: 'isIpo', displayName: 'Is IPO', kind: { type: 'boolean' } },
			{
				key: 'ranges',
				displayName: 'Amounts (USD)',
				kind: { type: 'rows', fields: [
					{ key: 'coverage', displayName: 'Of', kind: { type: 'choice', options: COVERAGE } },
					{ key: 'min', displayName: 'Min', kind: { type: 'integer', min: 0 } },
					{ key: 'max', displayName: 'Max', kind: { type: 'integer', min: 0 } },
				] },
			},
			{
				key: 'date',
				displayName: 'Funded After',
				kind: { type: 'group', fields: [
					{ key: 'coverage', displayName: 'Of', kind: { type: 'choice', options: COVERAGE } },
					{ key: 'date', displayName: 'Date', kind: date },
				] },
			},
			{
				key: 'rounds',
				displayName: 'Rounds',
				kind: { type: 'rows', fields: [
					{ key: 'coverage', displayName: 'Of', kind: { type: 'choice', options: COVERAGE } },
					{ key: 'round', displayName: 'Round', kind: { type: 'choice', options: ['pre_seed', 'seed', 'series_a', 'series_b', 'series_c', 'series_d', 'series_e', 'series_f', 'series_g', 'series_h', 'other'] } },
				] },
			},
			{
				key: 'names',
				displayName: 'Funding Types',
				kind: { type: 'rows', fields: [
					{ key: 'coverage', displayName: 'Of', kind: { type: 'choice', options: COVERAGE } },
					{ key: 'name', displayName: 'Type', kind: { type: 'choice', options: ['angel', 'crowdfunding', 'debt_financing', 'grant', 'other', 'private_equity', 'venture'] } },
				] },
			},
			{ key: 'investors', displayName: 'Investors', kind: list },
			{ key: 'types', displayName: 'Types (Legacy)', kind: list },
		],
	},
};

export const COMPANY_CRITERIA: FilterRow[] = [
	{ key: 'names', displayName: 'Company Names', kind: { type: 'search', method: 'searchCompanyNames' } },
	{ key: 'domains', displayName: 'Domains', kind: list, placeholder: 'lusha.com, hubspot.com' },
	{ key: 'ids', displayName: 'Lusha Company IDs', kind: list },
	{ key: 'linkedinUrls', displayName: 'LinkedIn URLs', kind: list, placeholder: 'https://www.linkedin.com/company/google' },
	{ key: 'searchText', displayName: 'Search Text', kind: { type: 'text', maxLength: 200 }, includeOnly: true, only: 'companies', description: 'Free text Lusha matches against the company (up to 200 characters)' },
	{ key: 'locations', displayName: 'Locations', kind: { type: 'search', method: 'searchCompanyLocations', values: 'companyLocation' }, description: 'Where the company is. Typed by hand: the full country name, e.g. United States.' },
	{ key: 'geographicDetails', displayName: 'Near Zip Codes', kind: { type: 'rows', fields: NEAR_ROWS } },
	{ key: 'locationsZipcodes', displayName: 'Office Zip Codes', kind: { type: 'rows', fields: ZIP_ROWS } },
	{ key: 'headquarterZipcodes', displayName: 'Headquarters Zip Codes', kind: { type: 'rows', fields: ZIP_ROWS } },
	{ key: 'sizes', displayName: 'Size Names or IDs', kind: { type: 'catalogue', method: 'getCompanySizes', values: 'range' }, description: 'Employee counts. Lusha takes one range, so several picks become one from the lowest to the highest.' },
	{ key: 'revenues', displayName: 'Revenue Names or IDs', kind: { type: 'catalogue', method: 'getCompanyRevenues', values: 'range' }, description: 'Lusha takes one range, so several picks become one from the lowest to the highest' },
	{ key: 'technologies', displayName: 'Technologies', kind: { type: 'search', method: 'searchTechnologies' } },
	{ key: 'technologiesCondition', displayName: 'Technologies Condition', kind: orAnd, description: 'Whether a company uses any or all of the technologies' },
	{ key: 'industriesLabels', displayName: 'Industry Label Names or IDs', kind: { type: 'catalogue', method: 'getCompanyIndustryLabels' }, only: 'contacts' },
	{ key: 'mainIndustriesIds', displayName: 'Industry Names or IDs', kind: { type: 'catalogue', method: 'getCompanyMainIndustries', values: 'integer' } },
	{ key: 'subIndustriesIds', displayName: 'Sub-Industry Names or IDs', kind: { type: 'catalogue', method: 'getCompanySubIndustries', values: 'integer' } },
	{ key: 'sicCodes', displayName: 'SIC Code Names or IDs', kind: { type: 'catalogue', method: 'getCompanySics' } },
	{ key: 'naicsCodes', displayName: 'NAICS Code Names or IDs', kind: { type: 'catalogue', method: 'getCompanyNaics' } },
	{ key: 'intentTopics', displayName: 'Intent Topic Names or IDs', kind: { type: 'catalogue', method: 'getCompanyIntentTopics' }, description: 'Companies researching these topics' },
	{ key: 'intentTopicsOperator', displayName: 'Intent Topics Operator', kind: { type: 'choice', options: ['any', 'all', 'or', 'and'] }, description: 'Whether a company needs any or all of the topics (any = or, all = and)' },
	{ key: 'intentTopicsCondition', displayName: 'Intent Topics Condition', kind: orAnd, description: 'The older spelling of Intent Topics Operator' },
	{ key: 'intentMinScore', displayName: 'Intent Min Score', kind: { type: 'integer', min: 1, max: 100 } },
	{ key: 'intentMaxScore', displayName: 'Intent Max Score', kind: { type: 'integer', min: 1, max: 100 } },
	{ key: 'topicCountThreshold', displayName: 'Intent Topic Count', kind: { type: 'range' } },
	FUNDING,
	{ key: 'foundedYear', displayName: 'Founded Year', kind: { type: 'range' } },
	{ key: 'businessModel', displayName: 'Business Model', kind: { type: 'enum', options: ['B2B', 'B2C', 'B2G'] } },
	{ key: 'companyType', displayName: 'Company Type', kind: { type: 'enum', options: ['Educational', 'Government', 'Non Profit', 'Private Company', 'Public Company', 'Self Employed'] } },
	{ key: 'keywords', displayName: 'Keywords', kind: list, placeholder: 'fintech, cloud' },
	{ key: 'exactKeywords', displayName: 'Keywords (Exact Match)', kind: list },
	{ key: 'keywordsSearchFields', displayName: 'Keywords Search Fields', kind: list },
	{ key: 'specialities', displayName: 'Specialities', kind: list },
	{ key: 'exactSpecialities', displayName: 'Specialities (Exact Match)', kind: list },
	{ key: 'previousCompanyDomains', displayName: 'Previous Company Domains', kind: list },
	{ key: 'previousCompanyNames', displayName: 'Previous Company Names', kind: list },
	COMPANY_SIGNALS,
];

/** The rows one endpoint accepts in one block. */
export function rowsFor(rows: FilterRow[], endpoint: 'contacts' | 'companies', block: 'include' | 'exclude'): FilterRow[] {
	return rows.filter((row) => (!row.only || row.only === endpoint) && (block === 'include' || !row.includeOnly));
}
