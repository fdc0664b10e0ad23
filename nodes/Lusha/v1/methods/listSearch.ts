import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { filterOptions } from '../helpers/filterEndpoints';

export { searchSubscriptions } from '../../common/methods/searchSubscriptions';

/** Pickers over Lusha's text-search filter lists; Lusha needs at least one character to search. */
const searchFilter = (value: string) =>
	async function (this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const text = filter?.trim();
		if (!text) return { results: [] };
		const options = await filterOptions(this, value, text);
		return { results: options.map((o) => ({ name: o.name, value: String(o.value), description: o.description })) };
	};

export const searchContactLocations = searchFilter('contactLocations');
export const searchCompanyLocations = searchFilter('companyLocations');
export const searchCompanyNames = searchFilter('companyNames');
export const searchTechnologies = searchFilter('companyTechnologies');
