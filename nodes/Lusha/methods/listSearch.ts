import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { filterOptions } from '../shared/filterEndpoints';
import { lushaRequest } from '../transport';
import type { Subscription } from '../transport/subscriptions';

const PAGE = 100;

/** The subscription picker: "Champions — contact 4158887495 (promotion, companyChange)", searchable by name or entity. */
export async function searchSubscriptions(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0);
	const page = await lushaRequest<{ data?: Subscription[]; pagination?: { hasMore?: boolean } }>(this, {
		method: 'GET',
		path: '/api/subscriptions',
		qs: { limit: PAGE, offset },
	});
	const needle = filter?.trim().toLowerCase();
	const results = (page.data ?? [])
		.map((s) => ({
			name: `${s.name} — ${s.entityType} ${s.entityId} (${s.signalTypes.join(', ')})${s.isActive ? '' : ' [disabled]'}`,
			value: s.id,
		}))
		.filter((r) => !needle || r.name.toLowerCase().includes(needle) || r.value.includes(needle));
	return { results, paginationToken: page.pagination?.hasMore ? String(offset + PAGE) : undefined };
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
