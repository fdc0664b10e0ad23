import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import type { LushaContext } from '../../../../shared/transport';
import { lushaRequest } from '../../../../shared/transport';

/**
 * Lusha's filter catalogues in one table (https://docs.lusha.com/filters/contact-filters). Each
 * family answers `GET <base>` (which filter types exist) and `GET <base>/<filterType>` (their values,
 * wrapped as `{ values: [...] }`, with `?query=` where the type requires one). The Filter resource's
 * operations, the prospecting dropdowns and the searchable pickers are all served from these rows.
 */
export const CATALOGUE_BASES = ['/v3/contacts/prospecting/filters', '/v3/companies/prospecting/filters', '/v3/companies/signals/filters'] as const;
export type CatalogueBase = (typeof CATALOGUE_BASES)[number];

export interface Catalogue {
	base: CatalogueBase;
	filterType: string;
	name: string;
	/** Lusha answers only for a search text of 2 to 256 characters. */
	requiresQuery: boolean;
	/** How one entry reads in a dropdown, and the value that goes back into the prospecting body. */
	toOption: (entry: unknown) => INodePropertyOptions;
}

const record = (entry: unknown): IDataObject => (entry && typeof entry === 'object' ? (entry as IDataObject) : { value: entry as string });
const textOf = (entry: unknown) => {
	const r = record(entry);
	return String(r.name ?? r.value ?? r.label ?? '');
};
const titled = (text: string) => text.replace(/_/g, ' ').replace(/\b\p{L}/gu, (c) => c.toUpperCase());

const plain = (entry: unknown): INodePropertyOptions => ({ name: textOf(entry), value: textOf(entry) });

/** Lusha matches a location by its names; `countryIso2` is refused on company prospecting and matches nothing on contacts. */
export function locationValue(entry: IDataObject): IDataObject {
	const location: IDataObject = {};
	for (const key of ['continent', 'countryGrouping', 'country', 'region', 'state', 'city']) {
		if (entry[key] !== undefined && entry[key] !== null && entry[key] !== '') location[key] = entry[key];
	}
	return location;
}

const place = (entry: unknown): INodePropertyOptions => {
	const location = locationValue(record(entry));
	const label = [location.city, location.state, location.region, location.country, location.continent ?? location.countryGrouping].filter(Boolean);
	return { name: [...new Set(label)].join(', ') || textOf(entry), value: JSON.stringify(location) };
};

const range = (unit: string) => (entry: unknown): INodePropertyOptions => {
	const { min, max } = record(entry);
	const open = max === undefined || max === null;
	const label = open ? `${Number(min).toLocaleString('en-US')}+ ${unit}` : `${Number(min).toLocaleString('en-US')}–${Number(max).toLocaleString('en-US')} ${unit}`;
	return { name: label, value: JSON.stringify(open ? { min } : { min, max }) };
};

const code = (entry: unknown): INodePropertyOptions => {
	const r = record(entry);
	const value = String(r.code ?? r.value ?? '');
	const label = r.label ?? r.description ?? r.name;
	return { name: label ? `${value} – ${label}` : value, value };
};

const companyName = (entry: unknown): INodePropertyOptions => {
	const r = record(entry);
	const domain = r.domain ?? r.fqdn;
	return { name: textOf(entry), value: textOf(entry), ...(domain ? { description: String(domain) } : {}) };
};

/** Industries come as `{ main_industry, main_industry_id, sub_industries[{id, value}] }` (camelCase also accepted). */
export interface Industry {
	id: number;
	name: string;
	subIndustries: Array<{ id: number; name: string }>;
}

export function industryOf(entry: unknown): Industry {
	const r = record(entry);
	const subs = ((r.sub_industries ?? r.subIndustries ?? []) as IDataObject[]).map((s) => ({ id: Number(s.id), name: String(s.value ?? s.name ?? '') }));
	return { id: Number(r.main_industry_id ?? r.mainIndustryId ?? r.id), name: String(r.main_industry ?? r.mainIndustry ?? r.name ?? r.value ?? ''), subIndustries: subs };
}

const contact = '/v3/contacts/prospecting/filters';
const company = '/v3/companies/prospecting/filters';
const signal = '/v3/companies/signals/filters';

export const CATALOGUES: Catalogue[] = [
	{ base: contact, filterType: 'departments', name: 'Departments', requiresQuery: false, toOption: plain },
	{
		base: contact,
		filterType: 'seniority',
		name: 'Seniority',
		requiresQuery: false,
		// `seniorityIds` takes integers.
		toOption: (entry) => ({ name: titled(textOf(entry)), value: Number(record(entry).id) }),
	},
	{ base: contact, filterType: 'existingDataPoints', name: 'Existing Data Points', requiresQuery: false, toOption: (entry) => ({ name: titled(textOf(entry)), value: textOf(entry) }) },
	{
		base: contact,
		filterType: 'countries',
		name: 'Countries',
		requiresQuery: false,
		// Contact `countries` take ISO-2 codes; Lusha refuses full names.
		toOption: (entry) => {
			const r = record(entry);
			const iso2 = String(r.code ?? r.countryIso2 ?? r.iso2 ?? textOf(entry));
			return { name: String(r.name ?? iso2), value: iso2, description: iso2 };
		},
	},
	{ base: contact, filterType: 'locations', name: 'Locations', requiresQuery: true, toOption: place },
	{ base: company, filterType: 'names', name: 'Names', requiresQuery: true, toOption: companyName },
	{ base: company, filterType: 'sizes', name: 'Sizes', requiresQuery: false, toOption: range('employees') },
	{ base: company, filterType: 'revenues', name: 'Revenues', requiresQuery: false, toOption: range('USD') },
	{ base: company, filterType: 'locations', name: 'Locations', requiresQuery: true, toOption: place },
	{ base: company, filterType: 'sics', name: 'SIC Codes', requiresQuery: false, toOption: code },
	{ base: company, filterType: 'naics', name: 'NAICS Codes', requiresQuery: false, toOption: code },
	{ base: company, filterType: 'industriesLabels', name: 'Industries', requiresQuery: false, toOption: (entry) => ({ name: industryOf(entry).name, value: industryOf(entry).name }) },
	{ base: company, filterType: 'intentTopics', name: 'Intent Topics', requiresQuery: false, toOption: plain },
	{ base: company, filterType: 'technologies', name: 'Technologies', requiresQuery: true, toOption: plain },
	{ base: signal, filterType: 'newsEventTypes', name: 'News Event Types', requiresQuery: false, toOption: plain },
	{ base: signal, filterType: 'hiringByDepartments', name: 'Hiring Departments', requiresQuery: false, toOption: plain },
	{ base: signal, filterType: 'hiringByLocations', name: 'Hiring Locations', requiresQuery: true, toOption: place },
	{ base: signal, filterType: 'intentCategories', name: 'Intent Categories', requiresQuery: false, toOption: plain },
];

export function cataloguesOf(base: CatalogueBase): Catalogue[] {
	return CATALOGUES.filter((c) => c.base === base);
}

export function catalogue(base: CatalogueBase, filterType: string): Catalogue {
	const found = CATALOGUES.find((c) => c.base === base && c.filterType === filterType);
	if (!found) throw new Error(`Unknown Lusha filter type: ${base}/${filterType}`);
	return found;
}

/** The raw values of one catalogue; `query` only where Lusha requires one (it refuses it on some types). */
export async function fetchCatalogue(context: LushaContext, entry: Catalogue, query?: string, itemIndex?: number): Promise<unknown[]> {
	const response = await lushaRequest<{ values?: unknown } | unknown[]>(context, {
		method: 'GET',
		path: `${entry.base}/${entry.filterType}`,
		qs: entry.requiresQuery ? { query } : undefined,
		itemIndex,
	});
	const values = Array.isArray(response) ? response : (response as { values?: unknown }).values;
	return Array.isArray(values) ? values : [];
}

export async function catalogueOptions(context: LushaContext, base: CatalogueBase, filterType: string, query?: string): Promise<INodePropertyOptions[]> {
	const entry = catalogue(base, filterType);
	const seen = new Set<string>();
	return (await fetchCatalogue(context, entry, query)).map(entry.toOption).filter((option) => {
		const key = String(option.value);
		if (seen.has(key)) return false;
		seen.add(key);
		return true;
	});
}
