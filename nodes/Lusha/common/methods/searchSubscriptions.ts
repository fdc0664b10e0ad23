import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listSubscriptionsPage } from '../../../shared/api/subscriptions';

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
