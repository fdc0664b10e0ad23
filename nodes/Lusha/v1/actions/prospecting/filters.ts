import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { EXPRESSION_LIST_HINT } from '../../../../shared/uiText';
import { compact } from '../../../../shared/helpers/fields';
import { normalizeDomain, parseList } from '../../../../shared/helpers/input';

/**
 * Every prospecting filter in Lusha's spec, described once: the same rows build the UI
 * (dropdowns loaded from Lusha's filter lists, searchable pickers) and the request body.
 */
type Kind =
	| { type: 'options'; method: string; values?: 'number' | 'json' }
	| { type: 'picker'; searchMethod: string; values?: 'json' | 'technology' | 'country' }
	| { type: 'list'; values?: 'domain' }
	| { type: 'text' }
	| { type: 'boolean' }
	| { type: 'range' }
	| { type: 'signal'; method: string };

interface FilterRow {
	name: string;
	displayName: string;
	/** The key in Lusha's request body. */
	bodyField: string;
	kind: Kind;
	description?: string;
	placeholder?: string;
}


export const CONTACT_FILTERS: FilterRow[] = [
	{ name: 'departments', displayName: 'Department Names or IDs', bodyField: 'departments', kind: { type: 'options', method: 'getContactDepartments' } },
	{ name: 'seniority', displayName: 'Seniority Names or IDs', bodyField: 'seniority', kind: { type: 'options', method: 'getContactSeniority', values: 'number' } },
	{ name: 'existingDataPoints', displayName: 'Has Data Point Names or IDs', bodyField: 'existing_data_points', kind: { type: 'options', method: 'getContactDataPoints' }, description: 'Only people Lusha has these details for' },
	{ name: 'countries', displayName: 'Country Names or IDs', bodyField: 'locations', kind: { type: 'options', method: 'getContactCountries' } },
	{ name: 'locations', displayName: 'Locations', bodyField: 'locations', kind: { type: 'picker', searchMethod: 'searchContactLocations', values: 'json' } },
	{ name: 'jobTitles', displayName: 'Job Titles', bodyField: 'jobTitles', kind: { type: 'list' }, placeholder: 'Head of Sales, VP Sales' },
	{ name: 'linkedinUrls', displayName: 'LinkedIn URLs', bodyField: 'linkedinUrls', kind: { type: 'list' } },
	{ name: 'searchText', displayName: 'Search Text', bodyField: 'searchText', kind: { type: 'text' }, description: 'Free text Lusha matches against the profile' },
	{ name: 'signals', displayName: 'Signal Names or IDs', bodyField: 'signal', kind: { type: 'signal', method: 'getContactSignalTypes' }, description: 'Only people with these recent signals (a premium feature)' },
];

export const COMPANY_FILTERS: FilterRow[] = [
	{ name: 'names', displayName: 'Company Names', bodyField: 'names', kind: { type: 'picker', searchMethod: 'searchCompanyNames' } },
	{ name: 'domains', displayName: 'Domains', bodyField: 'domains', kind: { type: 'list', values: 'domain' }, placeholder: 'apple.com, microsoft.com' },
	{ name: 'locations', displayName: 'Locations', bodyField: 'locations', kind: { type: 'picker', searchMethod: 'searchCompanyLocations', values: 'country' } },
	{ name: 'technologies', displayName: 'Technologies', bodyField: 'technologies', kind: { type: 'picker', searchMethod: 'searchTechnologies', values: 'technology' } },
	{ name: 'mainIndustriesIds', displayName: 'Industry Names or IDs', bodyField: 'mainIndustriesIds', kind: { type: 'options', method: 'getCompanyIndustries', values: 'number' } },
	{ name: 'subIndustriesIds', displayName: 'Sub-Industry Names or IDs', bodyField: 'subIndustriesIds', kind: { type: 'options', method: 'getCompanySubIndustries', values: 'number' } },
	{ name: 'sizes', displayName: 'Size Names or IDs', bodyField: 'sizes', kind: { type: 'options', method: 'getCompanySizes', values: 'json' }, description: 'Employee count ranges' },
	{ name: 'revenues', displayName: 'Revenue Names or IDs', bodyField: 'revenues', kind: { type: 'options', method: 'getCompanyRevenues', values: 'json' } },
	{ name: 'sicCodes', displayName: 'SIC Code Names or IDs', bodyField: 'sicCodes', kind: { type: 'options', method: 'getCompanySics' } },
	{ name: 'naicsCodes', displayName: 'NAICS Code Names or IDs', bodyField: 'naicsCodes', kind: { type: 'options', method: 'getCompanyNaics' } },
	{ name: 'intentTopics', displayName: 'Intent Topic Names or IDs', bodyField: 'intentTopics', kind: { type: 'options', method: 'getCompanyIntentTopics' }, description: 'Companies researching these topics' },
	{ name: 'employeesInLinkedIn', displayName: 'Employees on LinkedIn', bodyField: 'employeesInLinkedIn', kind: { type: 'range' } },
	{ name: 'excludePartialCompanies', displayName: 'Exclude Partial Companies', bodyField: 'excludePartialCompanies', kind: { type: 'boolean' } },
	{ name: 'searchText', displayName: 'Search Text', bodyField: 'searchText', kind: { type: 'text' } },
	{ name: 'signals', displayName: 'Signal Names or IDs', bodyField: 'signal', kind: { type: 'signal', method: 'getCompanySignalTypes' }, description: 'Only companies with these recent signals (a premium feature)' },
];

function fieldFor(row: FilterRow): INodeProperties[] {
	const base = { displayName: row.displayName, name: row.name, description: row.description, placeholder: row.placeholder };
	switch (row.kind.type) {
		case 'options':
			return [{ ...base, type: 'multiOptions', typeOptions: { loadOptionsMethod: row.kind.method }, default: [], description: `${row.description ? `${row.description}. ` : ''}${EXPRESSION_LIST_HINT}` }];
		case 'picker':
			return [
				{
					...base,
					type: 'fixedCollection',
					typeOptions: { multipleValues: true },
					default: {},
					placeholder: `Add ${row.displayName.replace(/s$/, '')}`,
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
										{ displayName: 'From List', name: 'list', type: 'list', typeOptions: { searchListMethod: row.kind.searchMethod, searchable: true } },
										{ displayName: 'By Name', name: 'name', type: 'string' },
									],
								},
							],
						},
					],
				},
			];
		case 'list':
			return [{ ...base, type: 'string', default: '', description: row.description ?? 'Separate several with commas or new lines' }];
		case 'text':
			return [{ ...base, type: 'string', default: '' }];
		case 'boolean':
			return [{ ...base, type: 'boolean', default: false }];
		case 'range':
			return [
				{ ...base, displayName: `${row.displayName} (Min)`, name: `${row.name}Min`, type: 'number', default: 0 },
				{ ...base, displayName: `${row.displayName} (Max)`, name: `${row.name}Max`, type: 'number', default: 0, description: '0 means no upper limit' },
			];
		case 'signal':
			return [
				{ ...base, type: 'multiOptions', typeOptions: { loadOptionsMethod: row.kind.method }, default: [], description: `${row.description}. ${EXPRESSION_LIST_HINT}` },
				{ displayName: 'Signals Since', name: `${row.name}StartDate`, type: 'dateTime', default: '' },
			];
	}
}

/** A collection of filters ("Add Filter") built from the table. */
export function filterCollection(name: string, displayName: string, rows: FilterRow[], show: IDataObject): INodeProperties {
	const options = rows.flatMap(fieldFor).sort((a, b) => a.displayName.localeCompare(b.displayName));
	return { displayName, name, type: 'collection', placeholder: 'Add Filter', default: {}, displayOptions: { show } as never, options };
}

function parseJson(value: string): unknown {
	try {
		return JSON.parse(value);
	} catch {
		return value;
	}
}

function pickerValues(value: unknown): string[] {
	const entries = ((value as IDataObject | undefined)?.values as IDataObject[] | undefined) ?? [];
	return entries.map((entry) => {
		const locator = entry.value as IDataObject | string;
		return String(typeof locator === 'object' ? locator.value : locator).trim();
	}).filter(Boolean);
}

/** Turns what the user filled in into Lusha's `include`/`exclude` object. */
export function filterBody(rows: FilterRow[], values: IDataObject, dateOf: (value: unknown, field: string) => string | undefined): IDataObject {
	const body: IDataObject = {};
	const add = (key: string, entries: unknown[]) => {
		if (entries.length) body[key] = [...((body[key] as unknown[]) ?? []), ...entries] as IDataObject[];
	};
	for (const row of rows) {
		const value = values[row.name];
		const kind = row.kind;
		if (kind.type === 'options' && Array.isArray(value)) {
			const converted = value.map((v) => (kind.values === 'number' ? Number(v) : kind.values === 'json' ? parseJson(String(v)) : v));
			add(row.bodyField, row.name === 'countries' ? value.map((country) => ({ country })) : converted);
		} else if (kind.type === 'picker') {
			const picked = pickerValues(value);
			if (kind.values === 'json') add(row.bodyField, picked.map((p) => (p.startsWith('{') ? parseJson(p) : { country: p })));
			else if (kind.values === 'country') add(row.bodyField, picked.map((p) => (p.startsWith('{') ? compact({ country: (parseJson(p) as IDataObject).country as string }) : { country: p })));
			else if (kind.values === 'technology') add(row.bodyField, picked.map((name) => ({ name })));
			else add(row.bodyField, picked);
		} else if (kind.type === 'list' && value) {
			add(row.bodyField, kind.values === 'domain' ? parseList(value).map((domain) => normalizeDomain(domain)) : parseList(value));
		} else if (kind.type === 'text' && typeof value === 'string' && value.trim()) {
			body[row.bodyField] = value.trim();
		} else if (kind.type === 'boolean' && value === true) {
			body[row.bodyField] = true;
		} else if (kind.type === 'range') {
			const min = Number(values[`${row.name}Min`] ?? 0);
			const max = Number(values[`${row.name}Max`] ?? 0);
			if (min > 0 || max > 0) body[row.bodyField] = compact({ min: min > 0 ? min : undefined, max: max > 0 ? max : undefined });
		} else if (kind.type === 'signal' && Array.isArray(value) && value.length) {
			body[row.bodyField] = compact({ names: value as string[], startDate: dateOf(values[`${row.name}StartDate`], `${row.displayName} → Signals Since`) });
		}
	}
	return body;
}
