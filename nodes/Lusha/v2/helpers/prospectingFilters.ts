import type { IDataObject, IDisplayOptions, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { EXPRESSION_LIST_HINT } from '../../../shared/uiText';
import { inputError, lushaDate, parseList } from '../../../shared/helpers/input';
import { locationValue } from './filterCatalogues';

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

// ------------------------------------------------------------------ editor fields

function fieldFor(row: FilterRow): INodeProperties {
	const base = { displayName: row.displayName, name: row.key, ...(row.placeholder ? { placeholder: row.placeholder } : {}) };
	const described = (text?: string) => (text ? { description: text } : {});
	const kind = row.kind;
	switch (kind.type) {
		case 'catalogue':
			return { ...base, type: 'multiOptions', typeOptions: { loadOptionsMethod: kind.method }, default: [], description: `${row.description ? `${row.description}. ` : ''}${EXPRESSION_LIST_HINT}` };
		case 'pick':
			return { ...base, type: 'options', typeOptions: { loadOptionsMethod: kind.method }, default: '', description: `${row.description ? `${row.description}. ` : ''}${EXPRESSION_LIST_HINT}` };
		case 'search':
			return {
				...base,
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: `Add ${row.displayName.replace(/ies$/, 'y').replace(/s$/, '')}`,
				...described(row.description),
				options: [
					{
						displayName: 'Value',
						name: 'values',
						values: [
							{
								displayName: 'Value',
								name: 'value',
								type: 'resourceLocator',
								default: { mode: 'list', value: '' },
								modes: [
									{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: kind.method, searchable: true } },
									{ displayName: 'By Name', name: 'name', type: 'string', placeholder: kind.values === 'companyLocation' ? 'United States' : '' },
								],
							},
						],
					},
				],
			};
		case 'list':
			return { ...base, type: 'string', default: '', description: row.description ?? 'Separate several with commas or new lines' };
		case 'text':
			return { ...base, type: 'string', default: '', ...described(row.description) };
		case 'choice':
			return { ...base, type: 'options', options: kind.options.map((value) => ({ name: value.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()), value })), default: kind.options[0], ...described(row.description) };
		case 'enum':
			return { ...base, type: 'multiOptions', options: kind.options.map((value) => ({ name: value, value })), default: [], ...described(row.description) };
		case 'integer':
			return { ...base, type: 'number', typeOptions: { minValue: kind.min, maxValue: kind.max, numberPrecision: 0 }, default: kind.min ?? 0, ...described(row.description) };
		case 'boolean':
			return { ...base, type: 'boolean', default: false, ...described(row.description) };
		case 'date':
			return { ...base, type: 'dateTime', default: '', ...described(row.description) };
		case 'range':
			return {
				...base,
				type: 'fixedCollection',
				default: {},
				placeholder: 'Set Range',
				description: row.description ?? '0 means no bound',
				options: [
					{
						displayName: 'Range',
						name: 'range',
						values: [
							{ displayName: 'Min', name: 'min', type: 'number', typeOptions: { minValue: 0, numberPrecision: 0 }, default: 0 },
							{ displayName: 'Max', name: 'max', type: 'number', typeOptions: { minValue: 0, numberPrecision: 0 }, default: 0 },
						],
					},
				],
			};
		case 'group':
			return { ...base, type: 'collection', placeholder: 'Add Field', default: {}, ...described(row.description), options: sorted(kind.fields.map(fieldFor)) };
		case 'rows':
			return {
				...base,
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: `Add ${row.displayName.replace(/s$/, '')}`,
				...described(row.description),
				options: [{ displayName: row.displayName, name: 'rows', values: kind.fields.map(fieldFor) }],
			};
	}
}

const sorted = (fields: INodeProperties[]) => [...fields].sort((a, b) => a.displayName.localeCompare(b.displayName));

/** An "Add Filter" collection built from the table. */
export function filterCollection(name: string, displayName: string, rows: FilterRow[], displayOptions: IDisplayOptions, description?: string): INodeProperties {
	return { displayName, name, type: 'collection', placeholder: 'Add Filter', default: {}, displayOptions, ...(description ? { description } : {}), options: sorted(rows.map(fieldFor)) };
}

// ------------------------------------------------------------------ request body

interface Reader {
	context: IExecuteFunctions;
	itemIndex: number;
}

const fail = (reader: Reader, field: string, problem: string, fix?: string) => inputError(reader.context, reader.itemIndex, field, problem, fix);

const isEmpty = (value: unknown) =>
	value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && !Array.isArray(value) && Object.keys(value as object).length === 0);

/**
 * Dropdown values as picked (an array, taken as it is: "Technology, Information & Media" is one
 * value), or as an expression gave them ("a, b", an array, a number).
 */
const valuesOf = (value: unknown): string[] => [...new Set(entriesOf(value).map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v).trim())).filter(Boolean))];

/** Picked values that may be JSON objects (ranges, locations): an array is taken as it is, never split on its commas. */
function entriesOf(value: unknown): unknown[] {
	if (Array.isArray(value)) return value.filter((entry) => entry !== '' && entry !== null && entry !== undefined);
	if (value && typeof value === 'object') return [value];
	const text = String(value ?? '').trim();
	if (text.startsWith('[') || text.startsWith('{')) {
		try {
			const parsed = JSON.parse(text) as unknown;
			return Array.isArray(parsed) ? parsed : [parsed];
		} catch {
			return [text];
		}
	}
	return parseList(text);
}

/** One picked entry as an object: as given, or parsed from its JSON text. */
function objectOf(entry: unknown): IDataObject | undefined {
	if (entry && typeof entry === 'object' && !Array.isArray(entry)) return entry as IDataObject;
	const text = String(entry).trim();
	if (!text.startsWith('{')) return undefined;
	try {
		const parsed = JSON.parse(text) as unknown;
		return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as IDataObject) : undefined;
	} catch {
		return undefined;
	}
}

function integerOf(reader: Reader, field: string, text: unknown, min?: number, max?: number): number {
	const n = typeof text === 'number' ? text : Number(String(text).trim());
	if (!Number.isInteger(n)) throw fail(reader, field, `must be a whole number, not "${String(text)}"`);
	if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
		throw fail(reader, field, `must be between ${min ?? '…'} and ${max ?? '…'}, not ${n}`);
	}
	return n;
}

function rangeOf(reader: Reader, field: string, entry: unknown): IDataObject {
	const range = objectOf(entry);
	if (range && (range.min !== undefined || range.max !== undefined)) return range;
	const shown = typeof entry === 'string' ? entry : JSON.stringify(entry);
	throw fail(reader, field, `must hold ranges like {"min":51,"max":200}, not ${shown}`, 'Pick from the list, or map objects with min and max.');
}

/**
 * Lusha takes a range filter as ONE element (§F), so several picked buckets become one range from
 * the lowest minimum to the highest maximum (open-ended if any pick is).
 */
function mergedRange(ranges: IDataObject[]): IDataObject[] {
	if (ranges.length <= 1) return ranges;
	const mins = ranges.map((r) => Number(r.min ?? 0));
	const open = ranges.some((r) => r.max === undefined || r.max === null);
	const merged: IDataObject = { min: Math.min(...mins) };
	if (!open) merged.max = Math.max(...ranges.map((r) => Number(r.max)));
	return [merged];
}

/** What a picker holds: its rows' values (from the list or typed), or what an expression gave. */
function pickedOf(value: unknown): unknown[] {
	const rows = (value as IDataObject | undefined)?.values;
	if (!Array.isArray(rows)) return entriesOf(value);
	return (rows as IDataObject[])
		.map((row) => {
			const locator = row.value as IDataObject | string | undefined;
			return String((locator && typeof locator === 'object' ? locator.value : locator) ?? '').trim();
		})
		.filter(Boolean);
}

function locationOf(reader: Reader, field: string, entry: unknown, company: boolean): IDataObject {
	const object = objectOf(entry);
	if (object) return locationValue(object);
	const text = String(entry).trim();
	if (text.startsWith('{')) throw fail(reader, field, `holds a location Lusha cannot read: ${text}`);
	if (company && /^[A-Za-z]{2}$/.test(text)) {
		throw fail(reader, field, `must name the country in full, not "${text}"`, 'Lusha matches company locations by full country name, e.g. United States.');
	}
	return { country: text };
}

function valueOf(reader: Reader, row: FilterRow, value: unknown, field: string): unknown {
	const kind = row.kind;
	switch (kind.type) {
		case 'catalogue': {
			const picked = valuesOf(value);
			if (kind.values === 'integer') return picked.map((v) => integerOf(reader, field, v));
			if (kind.values === 'range') return mergedRange(entriesOf(value).map((v) => rangeOf(reader, field, v)));
			if (kind.values === 'iso2') {
				return picked.map((v) => {
					if (!/^[A-Za-z]{2}$/.test(v)) throw fail(reader, field, `must hold ISO-2 country codes such as US, not "${v}"`, 'Lusha refuses full country names here. Pick from the list, or map two-letter codes.');
					return v.toUpperCase();
				});
			}
			return picked;
		}
		case 'search': {
			const picked = pickedOf(value);
			if (kind.values) return picked.map((v) => locationOf(reader, field, v, kind.values === 'companyLocation'));
			return picked.map(String);
		}
		case 'list':
			return parseList(value);
		case 'pick':
		case 'choice':
			return typeof value === 'string' ? value.trim() : value;
		case 'text': {
			const text = typeof value === 'string' ? value.trim() : '';
			if (kind.maxLength !== undefined && text.length > kind.maxLength) throw fail(reader, field, `is ${text.length} characters long; Lusha takes at most ${kind.maxLength}`);
			return text;
		}
		case 'enum':
			return valuesOf(value);
		case 'integer':
			return value === '' || value === undefined || value === null ? undefined : integerOf(reader, field, value, kind.min, kind.max);
		case 'boolean':
			return value === true || value === 'true';
		case 'date':
			return lushaDate(reader.context, value, field, reader.itemIndex);
		case 'range': {
			const range = ((value as IDataObject | undefined)?.range ?? {}) as IDataObject;
			const min = Number(range.min ?? 0);
			const max = Number(range.max ?? 0);
			if (max > 0 && min > max) throw fail(reader, field, `has Min ${min} above Max ${max}`);
			const merged: IDataObject = {};
			if (min > 0) merged.min = min;
			if (max > 0) merged.max = max;
			return Object.keys(merged).length ? [merged] : undefined;
		}
		case 'group':
			return criteriaOf(reader, kind.fields, (value ?? {}) as IDataObject, field);
		case 'rows': {
			const rows = ((value as IDataObject | undefined)?.rows ?? []) as IDataObject[];
			return rows.map((entry) => criteriaOf(reader, kind.fields, entry, field, true)).filter((entry) => !isEmpty(entry));
		}
	}
}

/** What one block of filters the user filled in becomes in Lusha's body; unfilled filters are left out. */
function criteriaOf(reader: Reader, rows: FilterRow[], values: IDataObject, label: string, zeroIsUnset = false): IDataObject {
	const body: IDataObject = {};
	for (const row of rows) {
		if (!(row.key in values)) continue;
		const value = valueOf(reader, row, values[row.key], `${label} → ${row.displayName}`);
		if (isEmpty(value) || (zeroIsUnset && value === 0)) continue;
		body[row.key] = value as IDataObject;
	}
	return body;
}

/**
 * One include or exclude block. Refinement filters (score, education, job change) need a base
 * filter beside them: Lusha answers 400 otherwise, so say it before sending.
 */
export function filterBlock(context: IExecuteFunctions, itemIndex: number, rows: FilterRow[], values: IDataObject, label: string): IDataObject {
	const reader = { context, itemIndex };
	const block = criteriaOf(reader, rows, values, label);
	const refinements = rows.filter((row) => row.refinement && row.key in block);
	// A condition (and/or) only says how to combine its filter's values: it is no base either.
	const isBase = (row: FilterRow) => !row.refinement && row.kind.type !== 'choice' && row.key in block;
	if (refinements.length && !rows.some(isBase)) {
		throw fail(
			reader,
			`${label} → ${refinements[0].displayName}`,
			'only narrows other filters, and none is set',
			`Add a base filter to ${label}, such as Job Titles or Department Names or IDs.`,
		);
	}
	return block;
}
