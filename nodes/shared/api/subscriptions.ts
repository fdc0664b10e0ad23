import type { IDataObject } from 'n8n-workflow';

import { chunk } from '../transport/batching';
import { nextOffset, paginate } from '../transport/pagination';
import type { LushaContext } from '../transport/request';
import { lushaRequest } from '../transport/request';

/** Lusha takes at most 25 subscriptions per create or delete call. */
export const SUBSCRIPTION_BATCH = 25;

export interface Subscription extends IDataObject {
	id: string;
	entityType: 'contact' | 'company';
	entityId: string;
	signalTypes: string[];
	url: string;
	name: string;
	isActive: boolean;
	blockReason: string | null;
	blockedAt: string | null;
}

export interface LushaItemError extends IDataObject {
	code: string;
	message: string;
}

export interface SubscriptionOutcome {
	/** The entity (create) or subscription id (delete) this outcome is for. */
	key: string;
	success: boolean;
	subscription?: IDataObject;
	error?: LushaItemError;
}

interface BulkResponse {
	results?: Array<{ index: number; success: boolean; subscription?: IDataObject; error?: LushaItemError }>;
}

/** Lusha refuses the whole request when the URL fails its challenge; these codes say so. */
export const URL_CHECK_FAILURES = ['WEBHOOK_VERIFICATION_FAILED', 'URL_VALIDATION_FAILED'];

export interface CreateRequest {
	url: string;
	entityType: 'contact' | 'company';
	entityIds: string[];
	signalTypes: string[];
	name?: string;
	/** Stop after the first chunk with a failure, so the caller can roll back (the trigger does). */
	stopAtFirstFailure?: boolean;
	itemIndex?: number;
}

function outcomesOf(keys: string[], response: BulkResponse): SubscriptionOutcome[] {
	const byIndex = new Map((response.results ?? []).map((result) => [result.index, result]));
	return keys.map((key, index) => {
		const result = byIndex.get(index);
		if (!result) return { key, success: false, error: { code: 'UNKNOWN_ERROR', message: 'Lusha returned no result for this entry' } };
		return { key, success: result.success, subscription: result.subscription, error: result.error };
	});
}

/** Creates one subscription per entity, 25 per call; outcomes come back in entity order. */
export async function createSubscriptions(context: LushaContext, request: CreateRequest): Promise<SubscriptionOutcome[]> {
	const outcomes: SubscriptionOutcome[] = [];
	for (const entityIds of chunk(request.entityIds, SUBSCRIPTION_BATCH)) {
		const response = await lushaRequest<BulkResponse>(context, {
			method: 'POST',
			path: '/api/subscriptions',
			itemIndex: request.itemIndex,
			body: {
				defaults: { url: request.url, entityType: request.entityType, signalTypes: request.signalTypes },
				...(request.name ? { name: request.name } : {}),
				subscriptions: entityIds.map((entityId) => ({ entityId })),
			},
		});
		const chunkOutcomes = outcomesOf(entityIds, response);
		outcomes.push(...chunkOutcomes);
		if (request.stopAtFirstFailure && chunkOutcomes.some((outcome) => !outcome.success)) break;
	}
	return outcomes;
}

/** Deletes subscriptions 25 per call. An id Lusha no longer knows comes back as NOT_FOUND, not as a failure of the call. */
export async function deleteSubscriptions(context: LushaContext, ids: string[], itemIndex?: number): Promise<SubscriptionOutcome[]> {
	// Lusha de-duplicates ids within a call, which would shift its result indexes.
	const unique = [...new Set(ids)];
	const byId = new Map<string, SubscriptionOutcome>();
	for (const batch of chunk(unique, SUBSCRIPTION_BATCH)) {
		const response = await lushaRequest<BulkResponse>(context, {
			method: 'POST',
			path: '/api/subscriptions/delete',
			body: { ids: batch },
			itemIndex,
		});
		for (const outcome of outcomesOf(batch, response)) byId.set(outcome.key, outcome);
	}
	return ids.map((id) => byId.get(id) as SubscriptionOutcome);
}

interface ListResponse {
	data?: Subscription[];
	pagination?: { total?: number; hasMore?: boolean };
}

/** One page of the account's subscriptions, newest first (Lusha serves at most 100 a page). */
export async function listSubscriptionsPage(context: LushaContext, offset: number, limit = 100, itemIndex?: number) {
	const response = await lushaRequest<ListResponse>(context, {
		method: 'GET',
		path: '/api/subscriptions',
		qs: { limit: Math.min(100, limit), offset },
		itemIndex,
	});
	const items = response.data ?? [];
	return { items, next: nextOffset(offset, items.length, response.pagination?.hasMore) };
}

/** All of the account's subscriptions (or up to `limit`), newest first. */
export async function listSubscriptions(context: LushaContext, limit?: number, itemIndex?: number): Promise<Subscription[]> {
	return await paginate<Subscription, number>(0, async (offset, remaining) => await listSubscriptionsPage(context, offset, remaining, itemIndex), limit);
}

export async function updateSubscription(
	context: LushaContext,
	id: string,
	changes: IDataObject,
	itemIndex?: number,
): Promise<Subscription & { secret?: string }> {
	return await lushaRequest<Subscription & { secret?: string }>(context, {
		method: 'PATCH',
		path: `/api/subscriptions/${encodeURIComponent(id)}`,
		body: changes,
		itemIndex,
	});
}

/** "WEBHOOK_VERIFICATION_FAILED for 25 entities (…); DUPLICATE_SUBSCRIPTION for 4242" — one line per reason. */
export function summarizeFailures(outcomes: SubscriptionOutcome[]): string {
	const byCode = new Map<string, { keys: string[]; message: string }>();
	for (const outcome of outcomes) {
		if (outcome.success) continue;
		const code = outcome.error?.code ?? 'UNKNOWN_ERROR';
		const entry = byCode.get(code) ?? { keys: [], message: outcome.error?.message ?? '' };
		entry.keys.push(outcome.key);
		byCode.set(code, entry);
	}
	return [...byCode.entries()]
		.map(([code, { keys, message }]) => {
			const which = keys.length > 5 ? `${keys.length} entities (${keys.slice(0, 5).join(', ')}, …)` : keys.join(', ');
			return `${code} for ${which}${message ? `: ${message}` : ''}`;
		})
		.join('; ');
}
