import { chunk } from '../transport/batching';
import type { LushaContext } from '../transport/request';
import { lushaRequest } from '../transport/request';
import type { EntityType } from './signalCatalogue';
import type { CallOptions } from './subscriptions';

/** How a builder names what to watch: Lusha's own ID, or something they already have in their CRM. */
export type IdentifyBy = 'id' | 'email' | 'linkedinUrl' | 'domain';

/** Lusha's V3 search takes up to 100 identities per call. */
export const SEARCH_BATCH = 100;

export interface Resolution {
	/** What the builder gave: an email, a LinkedIn URL or a domain. */
	identity: string;
	/** The Lusha ID it matched, when it matched. */
	entityId?: string;
	/** Why it did not match (Lusha's per-item error). */
	reason?: string;
}

interface SearchResponse {
	results?: Array<{ clientReferenceId?: string; id?: string; error?: { code?: string; message?: string } }>;
}

const SEARCH = {
	contact: { path: '/v3/contacts/search', list: 'contacts' },
	company: { path: '/v3/companies/search', list: 'companies' },
} as const;

/**
 * Resolves emails, LinkedIn URLs (contacts) or domains (companies) to Lusha IDs with the V3 search
 * endpoints, 100 per call. Search previews reveal no emails or phones; Lusha bills it as a search.
 * Results come back in input order; each carries its own reason when nothing matched.
 */
export async function resolveIdentities(
	context: LushaContext,
	entityType: EntityType,
	identifyBy: Exclude<IdentifyBy, 'id'>,
	identities: string[],
	options: CallOptions = {},
): Promise<Resolution[]> {
	const { path, list } = SEARCH[entityType];
	const resolutions: Resolution[] = [];
	for (const batch of chunk(identities, SEARCH_BATCH)) {
		const response = await lushaRequest<SearchResponse>(context, {
			method: 'POST',
			path,
			body: { [list]: batch.map((identity, index) => ({ clientReferenceId: String(index), [identifyBy]: identity })) },
			itemIndex: options.itemIndex,
			deadline: options.deadline,
			statusHints: { 403: `Finding Lusha IDs by ${identifyBy} uses Lusha's V3 search (${path}), which this API key cannot use. Watch by Lusha ID instead, or ask Lusha to enable V3.` },
		});
		const byReference = new Map((response.results ?? []).map((result) => [result.clientReferenceId, result]));
		batch.forEach((identity, index) => {
			const result = byReference.get(String(index));
			if (result?.id && !result.error) resolutions.push({ identity, entityId: String(result.id) });
			else resolutions.push({ identity, reason: result?.error?.message ?? result?.error?.code ?? 'Lusha returned no result for it' });
		});
	}
	return resolutions;
}
