import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import type { LushaContext } from '../../../shared/transport';
import { lushaRequest } from '../../../shared/transport';

/**
 * Lusha's 14 filter lists in one table: the Filter resource's operations, the prospecting
 * dropdowns and the searchable pickers are all served from it.
 */
export interface FilterEndpoint {
	/** Operation value in the Filter resource. */
	value: string;
	name: string;
	entity: 'contact' | 'company';
	path: string;
	/** Text-search lists (POST {text}); the others are fixed lists (GET). */
	searchable: boolean;
	/** How one entry reads in a dropdown, and what is sent back to Lusha when it is picked. */
	toOption: (entry: unknown) => INodePropertyOptions;
}

const text = (entry: unknown) => String(entry);
const place = (entry: IDataObject) => [entry.city, entry.state, entry.country, entry.continent].filter(Boolean).join(', ');

export const FILTER_ENDPOINTS: FilterEndpoint[] = [
	{ value: 'contactDepartments', name: 'Contact Departments', entity: 'contact', path: '/prospecting/filters/contacts/departments', searchable: false, toOption: (e) => ({ name: text(e), value: text(e) }) },
	{
		value: 'contactSeniority',
		name: 'Contact Seniority Levels',
		entity: 'contact',
		path: '/prospecting/filters/contacts/seniority',
		searchable: false,
		toOption: (e) => {
			const level = e as IDataObject;
			const label = String(level.name ?? level.value ?? '');
			return { name: label.replace(/^./, (c) => c.toUpperCase()), value: Number(level.id) };
		},
	},
	{ value: 'contactDataPoints', name: 'Contact Data Points', entity: 'contact', path: '/prospecting/filters/contacts/existing_data_points', searchable: false, toOption: (e) => ({ name: text(e).replace(/_/g, ' '), value: text(e) }) },
	{
		value: 'contactCountries',
		name: 'Contact Countries',
		entity: 'contact',
		path: '/prospecting/filters/contacts/all_countries',
		searchable: false,
		toOption: (e) => ({ name: String((e as IDataObject).name), value: String((e as IDataObject).name), description: String((e as IDataObject).code ?? '') }),
	},
	{ value: 'contactLocations', name: 'Contact Locations', entity: 'contact', path: '/prospecting/filters/contacts/locations', searchable: true, toOption: (e) => ({ name: place(e as IDataObject), value: JSON.stringify(e) }) },
	{
		value: 'companyNames',
		name: 'Company Names',
		entity: 'company',
		path: '/prospecting/filters/companies/names',
		searchable: true,
		toOption: (e) => ({ name: String((e as IDataObject).name), value: String((e as IDataObject).name), description: String((e as IDataObject).fqdn ?? '') }),
	},
	{
		value: 'companyIndustries',
		name: 'Company Industries',
		entity: 'company',
		path: '/prospecting/filters/companies/industries_labels',
		searchable: false,
		toOption: (e) => ({ name: String((e as IDataObject).main_industry), value: Number((e as IDataObject).main_industry_id) }),
	},
	{ value: 'companySizes', name: 'Company Sizes', entity: 'company', path: '/prospecting/filters/companies/sizes', searchable: false, toOption: (e) => range(e as IDataObject, 'employees') },
	{ value: 'companyRevenues', name: 'Company Revenues', entity: 'company', path: '/prospecting/filters/companies/revenues', searchable: false, toOption: (e) => range(e as IDataObject, 'USD') },
	{ value: 'companyLocations', name: 'Company Locations', entity: 'company', path: '/prospecting/filters/companies/locations', searchable: true, toOption: (e) => ({ name: place(e as IDataObject), value: JSON.stringify(e) }) },
	{ value: 'companySics', name: 'Company SIC Codes', entity: 'company', path: '/prospecting/filters/companies/sics', searchable: false, toOption: (e) => code(e as IDataObject) },
	{ value: 'companyNaics', name: 'Company NAICS Codes', entity: 'company', path: '/prospecting/filters/companies/naics', searchable: false, toOption: (e) => code(e as IDataObject) },
	{ value: 'companyIntentTopics', name: 'Company Intent Topics', entity: 'company', path: '/prospecting/filters/companies/intent_topics', searchable: false, toOption: (e) => ({ name: text(e), value: text(e) }) },
	{ value: 'companyTechnologies', name: 'Company Technologies', entity: 'company', path: '/prospecting/filters/companies/technologies', searchable: true, toOption: (e) => ({ name: String((e as IDataObject).name ?? e), value: String((e as IDataObject).name ?? e) }) },
];

function range(entry: IDataObject, unit: string): INodePropertyOptions {
	const label = entry.max === undefined || entry.max === null ? `${entry.min}+ ${unit}` : `${entry.min}–${entry.max} ${unit}`;
	return { name: label, value: JSON.stringify({ min: entry.min, ...(entry.max === undefined || entry.max === null ? {} : { max: entry.max }) }) };
}

function code(entry: IDataObject): INodePropertyOptions {
	return { name: `${entry.code} – ${entry.label}`, value: String(entry.code) };
}

export function filterEndpoint(value: string): FilterEndpoint {
	const endpoint = FILTER_ENDPOINTS.find((f) => f.value === value);
	if (!endpoint) throw new Error(`Unknown Lusha filter list: ${value}`);
	return endpoint;
}

/** The raw entries of one filter list; text-search lists need `searchText`. */
export async function fetchFilter(context: LushaContext, endpoint: FilterEndpoint, searchText?: string, itemIndex?: number): Promise<unknown[]> {
	const response = await lushaRequest<unknown>(context, {
		method: endpoint.searchable ? 'POST' : 'GET',
		path: endpoint.path,
		body: endpoint.searchable ? { text: searchText ?? '' } : undefined,
		itemIndex,
	});
	return Array.isArray(response) ? response : [];
}

export async function filterOptions(context: LushaContext, value: string, searchText?: string): Promise<INodePropertyOptions[]> {
	const endpoint = filterEndpoint(value);
	return (await fetchFilter(context, endpoint, searchText)).map(endpoint.toOption);
}
