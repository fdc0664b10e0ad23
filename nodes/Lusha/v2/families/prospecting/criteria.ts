/**
 * Every prospecting filter, described once (https://docs.lusha.com/api-reference/prospecting/prospecting-contacts,
 * the request's V3ContactFilterCriteria, V3CompanyFilterCriteria and V3CompanyProspectingFilters). The
 * same rows build the editor's "Add Filter" lists and the request body, so a filter Lusha adds is one row here.
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
	/** Lusha takes ranges as ONE merged element: `[{ min, max }]`. */
	| { type: 'range' }
	| { type: 'group'; fields: FilterRow[] }
	| { type: 'rows'; fields: FilterRow[] };

export interface FilterRow {
	/** The field's name in Lusha's request body; also the editor field's name. */
	bodyField: string;
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
	bodyField: 'signals',
	displayName: 'Signals',
	includeOnly: true,
	description: 'Only people with these recent signals. Each matched signal is billed per result.',
	kind: {
		type: 'group',
		fields: [
			{ bodyField: 'types', displayName: 'Signal Type Names or IDs', kind: { type: 'catalogue', method: 'getContactSignalTypes' } },
			{ bodyField: 'startDate', displayName: 'Since', kind: date, description: 'Signals from this date on' },
		],
	},
};

const COMPANY_SIGNALS: FilterRow = {
	bodyField: 'signals',
	displayName: 'Signals',
	includeOnly: true,
	only: 'companies',
	description: 'Only companies with these recent signals. Each matched signal is billed per result.',
	kind: {
		type: 'group',
		fields: [
			{ bodyField: 'types', displayName: 'Signal Type Names or IDs', kind: { type: 'catalogue', method: 'getCompanySignalTypes' } },
			{ bodyField: 'startDate', displayName: 'Since', kind: date, description: 'Signals from this date on' },
			{
				bodyField: 'filterByLocation',
				displayName: 'Hiring Surge Locations',
				kind: { type: 'rows', fields: [
					{ bodyField: 'country', displayName: 'Country', kind: { type: 'text' }, placeholder: 'United States' },
					{ bodyField: 'state', displayName: 'State', kind: { type: 'text' }, placeholder: 'California' },
					{ bodyField: 'startDate', displayName: 'Since', kind: date },
				] },
			},
			{
				bodyField: 'filterByDepartment',
				displayName: 'Hiring Surge Departments',
				kind: { type: 'rows', fields: [
					{ bodyField: 'department', displayName: 'Department Name or ID', kind: { type: 'pick', method: 'getHiringDepartments' } },
					{ bodyField: 'startDate', displayName: 'Since', kind: date },
				] },
			},
			{
				bodyField: 'filterByIntentCategory',
				displayName: 'LinkedIn Intent Category Names or IDs',
				kind: { type: 'catalogue', method: 'getIntentCategories' },
				description: 'Narrows LinkedIn Activity Intent signals to these categories',
			},
		],
	},
};

const ZIP_ROWS: FilterRow[] = [
	{ bodyField: 'countryIso2', displayName: 'Country Code', kind: { type: 'text' }, placeholder: 'US' },
	{ bodyField: 'zipcode', displayName: 'Zip Code', kind: { type: 'text' }, placeholder: '10001' },
];
const NEAR_ROWS: FilterRow[] = [
	{ bodyField: 'country', displayName: 'Country', kind: { type: 'text' }, placeholder: 'United States' },
	{ bodyField: 'zipcode', displayName: 'Zip Code', kind: { type: 'text' }, placeholder: '10001' },
	{ bodyField: 'distance', displayName: 'Distance (Miles)', kind: { type: 'integer', min: 0 } },
];

export const CONTACT_CRITERIA: FilterRow[] = [
	{ bodyField: 'jobTitles', displayName: 'Job Titles', kind: list, placeholder: 'VP Sales, Head of Sales' },
	{ bodyField: 'jobTitlesExactMatch', displayName: 'Job Titles (Exact Match)', kind: list },
	{ bodyField: 'normalizedJobTitles', displayName: 'Normalized Job Titles', kind: list },
	{ bodyField: 'previousJobTitle', displayName: 'Previous Job Titles', kind: list },
	{ bodyField: 'names', displayName: 'Names', kind: list, placeholder: 'Jane Doe' },
	{ bodyField: 'searchText', displayName: 'Search Text', kind: { type: 'text', maxLength: 200 }, includeOnly: true, description: 'Free text Lusha matches against the profile (up to 200 characters)' },
	{ bodyField: 'departments', displayName: 'Department Names or IDs', kind: { type: 'catalogue', method: 'getContactDepartments' } },
	{ bodyField: 'seniorityIds', displayName: 'Seniority Names or IDs', kind: { type: 'catalogue', method: 'getContactSeniorities', values: 'integer' } },
	{ bodyField: 'countries', displayName: 'Country Names or IDs', kind: { type: 'catalogue', method: 'getContactCountries', values: 'iso2' }, description: 'Where the person is. By expression: ISO-2 codes such as US, GB.' },
	{ bodyField: 'locations', displayName: 'Locations', kind: { type: 'search', method: 'searchContactLocations', values: 'location' } },
	{ bodyField: 'geographicDetails', displayName: 'Near Zip Codes', kind: { type: 'rows', fields: NEAR_ROWS } },
	{ bodyField: 'existingDataPoints', displayName: 'Has Data Point Names or IDs', kind: { type: 'catalogue', method: 'getContactDataPoints' }, description: 'Only people Lusha has these details for' },
	{ bodyField: 'existingDataPointsCondition', displayName: 'Has Data Points Condition', kind: orAnd, description: 'Whether a person needs any or all of the data points' },
	{ bodyField: 'linkedinUrls', displayName: 'LinkedIn URLs', kind: list },
	{ bodyField: 'emails', displayName: 'Emails', kind: list },
	{ bodyField: 'previousEmails', displayName: 'Previous Emails', kind: list },
	{ bodyField: 'skills', displayName: 'Skills', kind: list, placeholder: 'Python, Salesforce' },
	{ bodyField: 'certifications', displayName: 'Certifications', kind: list },
	{ bodyField: 'awards', displayName: 'Awards', kind: list },
	{ bodyField: 'ids', displayName: 'Lusha Contact IDs', kind: list, description: 'Contact IDs from an earlier Lusha result' },
	CONTACT_SIGNALS,
	{ bodyField: 'jobChangedAfterDate', displayName: 'Job Changed After', kind: date, refinement: true },
	{ bodyField: 'jobChangedLastViewDate', displayName: 'Job Changed Since Last Viewed', kind: date, refinement: true },
	{
		bodyField: 'education',
		displayName: 'Education',
		refinement: true,
		kind: {
			type: 'group',
			fields: [
				{ bodyField: 'degrees', displayName: 'Degrees', kind: list },
				{ bodyField: 'fieldsOfStudy', displayName: 'Fields of Study', kind: list },
				{ bodyField: 'schools', displayName: 'Schools', kind: list },
				{ bodyField: 'startYearGte', displayName: 'Started in or After (Year)', kind: { type: 'integer', min: 1900 } },
				{ bodyField: 'graduationYearLte', displayName: 'Graduated in or Before (Year)', kind: { type: 'integer', min: 1900 } },
			],
		},
	},
	{
		bodyField: 'score',
		displayName: 'Contact Score',
		refinement: true,
		description: 'Lusha’s 0–100 contact score',
		kind: {
			type: 'group',
			fields: [
				{ bodyField: 'minScore', displayName: 'Min Score', kind: { type: 'integer', min: 0, max: 100 } },
				{ bodyField: 'maxScore', displayName: 'Max Score', kind: { type: 'integer', min: 0, max: 100 } },
			],
		},
	},
];

/** The contact filters a company prospecting request accepts (V3ContactsOnCompanySearchFilters). */
export const CONTACTS_ON_COMPANY_SEARCH = CONTACT_CRITERIA.filter((row) => ['jobTitles', 'departments', 'seniorityIds', 'skills', 'locations', 'existingDataPoints'].includes(row.bodyField));

const FUNDING: FilterRow = {
	bodyField: 'funding',
	displayName: 'Funding',
	only: 'contacts',
	kind: {
		type: 'group',
		fields: [
			{ bodyField: 'isIpo', displayName: 'Is IPO', kind: { type: 'boolean' } },
			{
				bodyField: 'ranges',
				displayName: 'Amounts (USD)',
				kind: { type: 'rows', fields: [
					{ bodyField: 'coverage', displayName: 'Of', kind: { type: 'choice', options: COVERAGE } },
					{ bodyField: 'min', displayName: 'Min', kind: { type: 'integer', min: 0 } },
					{ bodyField: 'max', displayName: 'Max', kind: { type: 'integer', min: 0 } },
				] },
			},
			{
				bodyField: 'date',
				displayName: 'Funded After',
				kind: { type: 'group', fields: [
					{ bodyField: 'coverage', displayName: 'Of', kind: { type: 'choice', options: COVERAGE } },
					{ bodyField: 'date', displayName: 'Date', kind: date },
				] },
			},
			{
				bodyField: 'rounds',
				displayName: 'Rounds',
				kind: { type: 'rows', fields: [
					{ bodyField: 'coverage', displayName: 'Of', kind: { type: 'choice', options: COVERAGE } },
					{ bodyField: 'round', displayName: 'Round', kind: { type: 'choice', options: ['pre_seed', 'seed', 'series_a', 'series_b', 'series_c', 'series_d', 'series_e', 'series_f', 'series_g', 'series_h', 'other'] } },
				] },
			},
			{
				bodyField: 'names',
				displayName: 'Funding Types',
				kind: { type: 'rows', fields: [
					{ bodyField: 'coverage', displayName: 'Of', kind: { type: 'choice', options: COVERAGE } },
					{ bodyField: 'name', displayName: 'Type', kind: { type: 'choice', options: ['angel', 'crowdfunding', 'debt_financing', 'grant', 'other', 'private_equity', 'venture'] } },
				] },
			},
			{ bodyField: 'investors', displayName: 'Investors', kind: list },
			{ bodyField: 'types', displayName: 'Types (Legacy)', kind: list },
		],
	},
};

export const COMPANY_CRITERIA: FilterRow[] = [
	{ bodyField: 'names', displayName: 'Company Names', kind: { type: 'search', method: 'searchCompanyNames' } },
	{ bodyField: 'domains', displayName: 'Domains', kind: list, placeholder: 'lusha.com, hubspot.com' },
	{ bodyField: 'ids', displayName: 'Lusha Company IDs', kind: list },
	{ bodyField: 'linkedinUrls', displayName: 'LinkedIn URLs', kind: list, placeholder: 'https://www.linkedin.com/company/google' },
	{ bodyField: 'searchText', displayName: 'Search Text', kind: { type: 'text', maxLength: 200 }, includeOnly: true, only: 'companies', description: 'Free text Lusha matches against the company (up to 200 characters)' },
	{ bodyField: 'locations', displayName: 'Locations', kind: { type: 'search', method: 'searchCompanyLocations', values: 'companyLocation' }, description: 'Where the company is. Typed by hand: the full country name, e.g. United States.' },
	{ bodyField: 'geographicDetails', displayName: 'Near Zip Codes', kind: { type: 'rows', fields: NEAR_ROWS } },
	{ bodyField: 'locationsZipcodes', displayName: 'Office Zip Codes', kind: { type: 'rows', fields: ZIP_ROWS } },
	{ bodyField: 'headquarterZipcodes', displayName: 'Headquarters Zip Codes', kind: { type: 'rows', fields: ZIP_ROWS } },
	{ bodyField: 'sizes', displayName: 'Size Names or IDs', kind: { type: 'catalogue', method: 'getCompanySizes', values: 'range' }, description: 'Employee counts. Lusha takes one range, so several picks become one from the lowest to the highest.' },
	{ bodyField: 'revenues', displayName: 'Revenue Names or IDs', kind: { type: 'catalogue', method: 'getCompanyRevenues', values: 'range' }, description: 'Lusha takes one range, so several picks become one from the lowest to the highest' },
	{ bodyField: 'technologies', displayName: 'Technologies', kind: { type: 'search', method: 'searchTechnologies' } },
	{ bodyField: 'technologiesCondition', displayName: 'Technologies Condition', kind: orAnd, description: 'Whether a company uses any or all of the technologies' },
	{ bodyField: 'industriesLabels', displayName: 'Industry Label Names or IDs', kind: { type: 'catalogue', method: 'getCompanyIndustryLabels' }, only: 'contacts' },
	{ bodyField: 'mainIndustriesIds', displayName: 'Industry Names or IDs', kind: { type: 'catalogue', method: 'getCompanyMainIndustries', values: 'integer' } },
	{ bodyField: 'subIndustriesIds', displayName: 'Sub-Industry Names or IDs', kind: { type: 'catalogue', method: 'getCompanySubIndustries', values: 'integer' } },
	{ bodyField: 'sicCodes', displayName: 'SIC Code Names or IDs', kind: { type: 'catalogue', method: 'getCompanySics' } },
	{ bodyField: 'naicsCodes', displayName: 'NAICS Code Names or IDs', kind: { type: 'catalogue', method: 'getCompanyNaics' } },
	{ bodyField: 'intentTopics', displayName: 'Intent Topic Names or IDs', kind: { type: 'catalogue', method: 'getCompanyIntentTopics' }, description: 'Companies researching these topics' },
	{ bodyField: 'intentTopicsOperator', displayName: 'Intent Topics Operator', kind: { type: 'choice', options: ['any', 'all', 'or', 'and'] }, description: 'Whether a company needs any or all of the topics (any = or, all = and)' },
	{ bodyField: 'intentTopicsCondition', displayName: 'Intent Topics Condition', kind: orAnd, description: 'The older spelling of Intent Topics Operator' },
	{ bodyField: 'intentMinScore', displayName: 'Intent Min Score', kind: { type: 'integer', min: 1, max: 100 } },
	{ bodyField: 'intentMaxScore', displayName: 'Intent Max Score', kind: { type: 'integer', min: 1, max: 100 } },
	{ bodyField: 'topicCountThreshold', displayName: 'Intent Topic Count', kind: { type: 'range' } },
	FUNDING,
	{ bodyField: 'foundedYear', displayName: 'Founded Year', kind: { type: 'range' } },
	{ bodyField: 'businessModel', displayName: 'Business Model', kind: { type: 'enum', options: ['B2B', 'B2C', 'B2G'] } },
	{ bodyField: 'companyType', displayName: 'Company Type', kind: { type: 'enum', options: ['Educational', 'Government', 'Non Profit', 'Private Company', 'Public Company', 'Self Employed'] } },
	{ bodyField: 'keywords', displayName: 'Keywords', kind: list, placeholder: 'fintech, cloud' },
	{ bodyField: 'exactKeywords', displayName: 'Keywords (Exact Match)', kind: list },
	{ bodyField: 'keywordsSearchFields', displayName: 'Keywords Search Fields', kind: list },
	{ bodyField: 'specialities', displayName: 'Specialities', kind: list },
	{ bodyField: 'exactSpecialities', displayName: 'Specialities (Exact Match)', kind: list },
	{ bodyField: 'previousCompanyDomains', displayName: 'Previous Company Domains', kind: list },
	{ bodyField: 'previousCompanyNames', displayName: 'Previous Company Names', kind: list },
	COMPANY_SIGNALS,
];

/** The rows one endpoint accepts in one block. */
export function rowsFor(rows: FilterRow[], endpoint: 'contacts' | 'companies', block: 'include' | 'exclude'): FilterRow[] {
	return rows.filter((row) => (!row.only || row.only === endpoint) && (block === 'include' || !row.includeOnly));
}
