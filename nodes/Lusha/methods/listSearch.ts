import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { filterOptions } from '../shared/filterEndpoints';
import { listSubscriptionsPage } from '../transport/subscriptions';

/** The subscription picker: "Champions — contact 4158887495 (promotion, companyChange)", searchable by name or entity. */
export async function searchSubscriptions(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const page = await listSubscriptionsPage(this, Number(paginationToken ?? 0));
	const needle = filter?.trim().toLowerCase();
	const results = page.items
		.map((s) => ({
			name: `${s.name} — ${s.entityType} ${s.entityId} (${s.signalTypes.join(', ')})${s.isActive ? '' : ' [disabled]'}`,
			value: s.id,
		}))
		.filter((r) => !needle || r.name.toLowerCase().includes(needle) || r.value.includes(needle));
	return { results, paginationToken: page.next === undefined ? undefined : String(page.next) };
}

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
