import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { CatalogueBase } from '../families/prospecting/catalogues';
import { catalogueOptions } from '../families/prospecting/catalogues';

export { searchSubscriptions } from '../../common/methods/searchSubscriptions';
export { searchTables, searchTableColumns } from './tableSearch';

/** Pickers over the catalogues Lusha only searches: it needs 2 to 256 characters of a name. */
const searchCatalogue = (base: CatalogueBase, filterType: string) =>
	async function (this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
		const query = filter?.trim() ?? '';
		if (query.length < 2) return { results: [] };
		const options = await catalogueOptions(this, base, filterType, query.slice(0, 256));
		return { results: options.map((o) => ({ name: o.name, value: String(o.value), ...(o.description ? { description: o.description } : {}) })) };
	};

export const searchContactLocations = searchCatalogue('/v3/contacts/prospecting/filters', 'locations');
export const searchCompanyNames = searchCatalogue('/v3/companies/prospecting/filters', 'names');
export const searchCompanyLocations = searchCatalogue('/v3/companies/prospecting/filters', 'locations');
export const searchTechnologies = searchCatalogue('/v3/companies/prospecting/filters', 'technologies');
