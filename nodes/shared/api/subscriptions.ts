import type { IDataObject } from 'n8n-workflow';

import { chunk } from '../transport/batching';
import { nextOffset, paginate } from '../transport/pagination';
import type { LushaContext } from '../transport/request';
import { lushaRequest } from '../transport/request';
import type { EntityType } from './signalCatalogue';

/** Lusha takes at most 25 subscriptions per create or delete call. */
export const SUBSCRIPTION_BATCH = 25;


export interface Subscription extends IDataObject {
	id: string;
	entityType: EntityType;
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

/** Lusha keeps one subscription per entity per account: a second create for it answers this. */
export const DUPLICATE = 'DUPLICATE_SUBSCRIPTION';

/** Calls of the trigger's activation carry a deadline, so they end inside n8n's own. */
export interface CallOptions {
	itemIndex?: number;
	deadline?: number;
}

export interface SubscriptionSettings {
	url: string;
	entityType: EntityType;
	signalTypes: string[];
	name?: string;
}

export interface CreateRequest extends SubscriptionSettings, CallOptions {
	entityIds: string[];
	/** Stop after the first call with a failure, so the caller can roll back (the trigger does). */
	stopAtFirstFailure?: boolean;
	/** Told the outcomes of each call as it returns, so a caller can record what exists before the next one. */
	onChunk?(outcomes: SubscriptionOutcome[]): void;
}

function outcomesOf(keys: string[], response: BulkResponse): SubscriptionOutcome[] {
	const byIndex = new Map((response.results ?? []).map((result) => [result.index, result]));
	return keys.map((key, index) => {
		const result = byIndex.get(index);
		if (!result) return { key, success: false, error: { code: 'UNKNOWN_ERROR', message: 'Lusha returned no result for this entry' } };
		return { key, success: result.success, subscription: result.subscription, error: result.error };
	});
}

/** One create call for up to 25 entities; outcomes come back in entity order. */
export async function createSubscriptionBatch(
	context: LushaContext,
	settings: SubscriptionSettings,
	entityIds: string[],
	options: CallOptions = {},
): Promise<SubscriptionOutcome[]> {
	const response = await lushaRequest<BulkResponse>(context, {
		method: 'POST',
		path: '/api/subscriptions',
		itemIndex: options.itemIndex,
		deadline: options.deadline,
		body: {
			defaults: { url: settings.url, entityType: settings.entityType, signalTypes: settings.signalTypes },
			...(settings.name ? { name: settings.name } : {}),
			subscriptions: entityIds.map((entityId) => ({ entityId })),
		},
	});
	return outcomesOf(entityIds, response);
}

/** Creates one subscription per entity, 25 per call, one call after another; outcomes come back in entity order. */
export async function createSubscriptions(context: LushaContext, request: CreateRequest): Promise<SubscriptionOutcome[]> {
	const outcomes: SubscriptionOutcome[] = [];
	for (const entityIds of chunk(request.entityIds, SUBSCRIPTION_BATCH)) {
		const chunkOutcomes = await createSubscriptionBatch(context, request, entityIds, request);
		request.onChunk?.(chunkOutcomes);
		outcomes.push(...chunkOutcomes);
		if (request.stopAtFirstFailure && chunkOutcomes.some((outcome) => !outcome.success)) break;
	}
	return outcomes;
}

/** One delete call for up to 25 IDs. An ID Lusha no longer knows comes back as NOT_FOUND, not as a failure of the call. */
export async function deleteSubscriptionBatch(context: LushaContext, ids: string[], options: CallOptions = {}): Promise<SubscriptionOutcome[]> {
	// Lusha de-duplicates IDs within a call, which would shift its result indexes.
	const unique = [...new Set(ids)];
	const response = await lushaRequest<BulkResponse>(context, {
		method: 'POST',
		path: '/api/subscriptions/delete',
		body: { ids: unique },
		itemIndex: options.itemIndex,
		deadline: options.deadline,
	});
	const byId = new Map(outcomesOf(unique, response).map((outcome) => [outcome.key, outcome]));
	return ids.map((id) => byId.get(id) as SubscriptionOutcome);
}

/** Deletes subscriptions 25 per call; outcomes come back in ID order. */
export async function deleteSubscriptions(context: LushaContext, ids: string[], options: CallOptions = {}): Promise<SubscriptionOutcome[]> {
	const byId = new Map<string, SubscriptionOutcome>();
	for (const batch of chunk([...new Set(ids)], SUBSCRIPTION_BATCH)) {
		for (const outcome of await deleteSubscriptionBatch(context, batch, options)) byId.set(outcome.key, outcome);
	}
	return ids.map((id) => byId.get(id) as SubscriptionOutcome);
}

/** POST /api/subscriptions/opt-out (V3): the account's one subscription to contacts opting out. */
export async function createOptOutSubscription(
	context: LushaContext,
	settings: { url: string; name?: string },
	options: CallOptions = {},
): Promise<Subscription> {
	return await lushaRequest<Subscription>(context, {
		method: 'POST',
		path: '/api/subscriptions/opt-out',
		body: { entityType: 'contact', url: settings.url, ...(settings.name ? { name: settings.name } : {}) },
		itemIndex: options.itemIndex,
		deadline: options.deadline,
		statusHints: {
			403: 'The account already has an opt-out subscription (Lusha allows one), or opt-out events are not on its plan.',
		},
	});
}

/** An opt-out subscription: Lusha lists it with the others, with the signal type "optOut". */
export const isOptOut = (subscription: Subscription) => subscription.signalTypes?.includes('optOut') ?? false;

interface ListResponse {
	data?: Subscription[];
	pagination?: { total?: number; hasMore?: boolean };
}

/** One page of the account's subscriptions, newest first (Lusha serves at most 100 a page). */
export async function listSubscriptionsPage(context: LushaContext, offset: number, limit = 100, options: CallOptions = {}) {
	const response = await lushaRequest<ListResponse>(context, {
		method: 'GET',
		path: '/api/subscriptions',
		qs: { limit: Math.min(100, limit), offset },
		itemIndex: options.itemIndex,
		deadline: options.deadline,
	});
	const items = response.data ?? [];
	return { items, next: nextOffset(offset, items.length, response.pagination?.hasMore) };
}

/** All of the account's subscriptions (or up to `limit`), newest first. */
export async function listSubscriptions(context: LushaContext, limit?: number, options: CallOptions = {}): Promise<Subscription[]> {
	return await paginate<Subscription, number>(0, async (offset, remaining) => await listSubscriptionsPage(context, offset, remaining, options), limit);
}

export async function updateSubscription(
	context: LushaContext,
	id: string,
	changes: IDataObject,
	options: CallOptions = {},
): Promise<Subscription & { secret?: string }> {
	return await lushaRequest<Subscription & { secret?: string }>(context, {
		method: 'PATCH',
		path: `/api/subscriptions/${encodeURIComponent(id)}`,
		body: changes,
		itemIndex: options.itemIndex,
		deadline: options.deadline,
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
