import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { resolveIdentities } from '../shared/api/identities';
import type { CallOptions, Subscription, SubscriptionOutcome } from '../shared/api/subscriptions';
import {
	DUPLICATE,
	SUBSCRIPTION_BATCH,
	URL_CHECK_FAILURES,
	createOptOutSubscription,
	createSubscriptionBatch,
	deleteSubscriptions,
	isOptOut,
	listSubscriptions,
	summarizeFailures,
} from '../shared/api/subscriptions';
import { chunk } from '../shared/transport';
import type { TriggerSettings } from './settings';
import type { TriggerStaticData } from './staticData';

/**
 * Why an activation failed, already cleaned up. `retryable` says whether trying again could
 * change Lusha's answer (a 5xx or a network failure) or not (a refusal, a conflict, bad input).
 */
export class ActivationError extends NodeOperationError {
	retryable = false;
}

/** Entities of one chunk that Lusha refused, with its per-item reasons. */
class RefusedEntities extends Error {
	constructor(readonly outcomes: SubscriptionOutcome[]) {
		super(summarizeFailures(outcomes));
	}
}

function refuse(context: IHookFunctions, message: string, description: string): ActivationError {
	return new ActivationError(context.getNode(), message, { description });
}

const describeSubscription = (s: Subscription) => `${s.entityType} ${s.entityId} by "${s.name}" at ${s.url}`;
const listed = (items: string[], max = 10) => (items.length > max ? `${items.slice(0, max).join('; ')}; and ${items.length - max} more` : items.join('; '));

interface Watch {
	entityIds: string[];
	/** Lusha ID → identity, when Identify By is not Lusha ID. */
	identities: Record<string, string>;
}

/** The Lusha IDs to watch: as given, or found by email, LinkedIn URL or domain. */
async function entitiesToWatch(context: IHookFunctions, settings: TriggerSettings, call: CallOptions): Promise<Watch> {
	if (settings.identifyBy === 'id') return { entityIds: settings.identities, identities: {} };
	const resolutions = await resolveIdentities(context, settings.entityType, settings.identifyBy, settings.identities, call);
	const unmatched = resolutions.filter((r) => !r.entityId);
	if (unmatched.length && (settings.onUnmatched === 'fail' || unmatched.length === resolutions.length)) {
		throw refuse(
			context,
			`Lusha found no ${settings.entityType} for ${unmatched.length} of the ${resolutions.length} given: ${listed(unmatched.map((r) => `${r.identity} (${r.reason})`))}`,
			settings.onUnmatched === 'fail'
				? 'Nothing was subscribed. Correct them, or set When an Identity Is Not Found to Skip It to watch the others.'
				: 'Nothing was subscribed: none of them matched.',
		);
	}
	if (unmatched.length) context.logger.warn(`Lusha Trigger: not watching ${unmatched.length} identities Lusha did not find: ${listed(unmatched.map((r) => r.identity), 50)}`);
	const identities: Record<string, string> = {};
	for (const { identity, entityId } of resolutions) if (entityId && !(entityId in identities)) identities[entityId] = identity;
	return { entityIds: Object.keys(identities), identities };
}

function record(stored: TriggerStaticData, ids: string[]) {
	// Reassigned, not pushed: n8n notices assignments to static data, not mutations inside it.
	stored.subscriptionIds = [...new Set([...(stored.subscriptionIds ?? []), ...ids])];
}

/**
 * Creates the subscriptions 25 per call, recording each call's IDs before the next. A call whose
 * answer was lost (and which the transport sent again) finds its own subscriptions already there
 * as DUPLICATE_SUBSCRIPTION at this URL: those are adopted, not failures.
 */
async function createAll(context: IHookFunctions, settings: TriggerSettings, entityIds: string[], stored: TriggerStaticData, call: CallOptions) {
	for (const batch of chunk(entityIds, SUBSCRIPTION_BATCH)) {
		const outcomes = await createSubscriptionBatch(context, settings, batch, call);
		record(stored, outcomes.filter((o) => o.success).map((o) => String(o.subscription?.id)));
		let failed = outcomes.filter((o) => !o.success);
		if (failed.some((o) => o.error?.code === DUPLICATE)) {
			const ours = new Map((await listSubscriptions(context, undefined, call)).filter((s) => s.url === settings.url).map((s) => [s.entityId, s.id]));
			record(stored, failed.map((o) => ours.get(o.key)).filter((id): id is string => id !== undefined));
			failed = failed.filter((o) => !(o.error?.code === DUPLICATE && ours.has(o.key)));
		}
		if (failed.length) throw new RefusedEntities(failed);
	}
}

/** Deletes subscriptions, returning those Lusha still has (an ID it no longer knows counts as deleted). */
async function deleteAll(context: IHookFunctions, ids: string[], call: CallOptions): Promise<SubscriptionOutcome[]> {
	if (ids.length === 0) return [];
	return (await deleteSubscriptions(context, ids, call)).filter((o) => !o.success && o.error?.code !== 'NOT_FOUND');
}

export interface Cleanup {
	removed: number;
	/** IDs that may still exist at Lusha; they stay in static data for deactivation or the next activation. */
	left: string[];
	/** Why Lusha could not be asked, when it could not. */
	failure?: string;
}

/**
 * Deletes everything this node has at Lusha: the IDs it recorded, then anything else at its URL
 * (subscriptions created by a call whose answer never arrived). What cannot be confirmed deleted
 * stays recorded, with the URL to sweep, so nothing is forgotten.
 */
export async function removeAll(context: IHookFunctions, stored: TriggerStaticData, url: string | undefined, call: CallOptions): Promise<Cleanup> {
	const known = [...(stored.subscriptionIds ?? [])];
	let removed = 0;
	let failure: string | undefined;
	try {
		const stuck = await deleteAll(context, known, call);
		removed += known.length - stuck.length;
		stored.subscriptionIds = stuck.map((o) => o.key);
		if (url) {
			const unseen = (await listSubscriptions(context, undefined, call)).filter((s) => s.url === url && !known.includes(s.id)).map((s) => s.id);
			const stuckUnseen = await deleteAll(context, unseen, call);
			removed += unseen.length - stuckUnseen.length;
			record(stored, stuckUnseen.map((o) => o.key));
		}
		if (!stored.subscriptionIds.length) delete stored.sweepUrl;
	} catch (error) {
		// Lusha did not answer: keep what may still exist, and the URL, for the next attempt.
		if (url) stored.sweepUrl = url;
		failure = (error as Error).message;
	}
	return { removed, left: [...(stored.subscriptionIds ?? [])], failure };
}

/**
 * Puts back, where they were, subscriptions a Take Over deleted: when the activation fails, and when
 * the workflow that took them over gives them up. Lusha challenges each URL first, so they only go
 * back to a workflow whose URL still answers. Returns what could not be put back.
 */
export async function restore(context: IHookFunctions, taken: Subscription[], call: CallOptions): Promise<string[]> {
	const notRestored: string[] = [];
	const groups = new Map<string, Subscription[]>();
	for (const s of taken) {
		const key = JSON.stringify([s.url, s.entityType, [...s.signalTypes].sort(), s.name]);
		groups.set(key, [...(groups.get(key) ?? []), s]);
	}
	for (const group of groups.values()) {
		const [{ url, entityType, signalTypes, name }] = group;
		try {
			if (isOptOut(group[0])) await createOptOutSubscription(context, { url, name }, call);
			else {
				const outcomes = await createSubscriptionBatch(context, { url, entityType, signalTypes, name }, group.map((s) => s.entityId), call);
				notRestored.push(...outcomes.filter((o) => !o.success).map((o) => `${entityType} ${o.key} at ${url}`));
			}
		} catch {
			notRestored.push(...group.map((s) => `${s.entityType} ${s.entityId} at ${url}`));
		}
	}
	return notRestored;
}

/** The error the builder sees: Lusha's reason first, then what was cleaned up. */
function explain(context: IHookFunctions, error: unknown, settings: TriggerSettings, cleanup: Cleanup, notRestored: string[]): ActivationError {
	if (error instanceof ActivationError) return error;
	const { httpCode, description } = error as { httpCode?: string; description?: string };
	const refused = error instanceof RefusedEntities ? error.outcomes : [];
	const urlRejected = refused.some((o) => URL_CHECK_FAILURES.includes(o.error?.code ?? '')) || /WEBHOOK_VERIFICATION_FAILED|verification failed/i.test((error as Error).message);
	const cleaned = cleanup.left.length
		? `${cleanup.left.length} subscriptions this activation created could not be deleted yet; deactivating the workflow or activating it again removes them.`
		: cleanup.removed
			? `Nothing was left subscribed: the ${cleanup.removed} subscriptions this activation had created were deleted again.`
			: 'Nothing was left subscribed.';
	const hint = urlRejected
		? `Lusha could not verify ${settings.url}. It must be a public HTTPS address that reaches this n8n (set WEBHOOK_URL behind your proxy or tunnel).`
		: refused.length
			? 'Fix the entities named above and activate again.'
			: (description ?? '');
	const lost = notRestored.length ? ` These taken-over subscriptions could not be put back: ${listed(notRestored)}.` : '';
	const activationError = refuse(context, `Lusha did not create the subscriptions: ${(error as Error).message}`, `${cleaned}${lost} ${hint}`.trim());
	activationError.retryable = !refused.length && (httpCode === undefined || Number(httpCode) >= 500 || httpCode === '429');
	return activationError;
}

/**
 * One activation: find what to watch, check who else watches it (Lusha allows one subscription per
 * entity per account), clear this node's own leftovers, then subscribe. Any failure deletes
 * everything this activation created before the error is thrown.
 */
export async function subscribe(
	context: IHookFunctions,
	settings: TriggerSettings,
	stored: TriggerStaticData,
	deadline: number,
	rollbackDeadline: number,
): Promise<void> {
	const call = { deadline };
	const watch = settings.event === 'signal' ? await entitiesToWatch(context, settings, call) : { entityIds: [], identities: {} };
	const wanted = new Set(watch.entityIds);
	const all = await listSubscriptions(context, undefined, call);
	const conflicts = all.filter((s) =>
		settings.event === 'optOut' ? isOptOut(s) && s.url !== settings.url : !isOptOut(s) && s.url !== settings.url && s.entityType === settings.entityType && wanted.has(s.entityId),
	);
	let takeOver: Subscription[] = [];
	if (conflicts.length && settings.onConflict === 'fail') {
		const what = settings.event === 'optOut' ? 'The account’s opt-out events already go to another subscription' : `${conflicts.length} of the ${wanted.size} entities are already watched`;
		throw refuse(
			context,
			`${what}: ${listed(conflicts.map(describeSubscription))}`,
			'Lusha keeps one subscription per entity per account, whatever its URL. Nothing was subscribed. Choose Take Over or Skip Them under When an Entity Is Already Watched, or delete those subscriptions (Lusha node → Subscription → Delete). If the URL is this workflow’s production URL, deactivate the workflow before listening for test events.',
		);
	} else if (conflicts.length && settings.onConflict === 'skip') {
		for (const s of conflicts) wanted.delete(s.entityId);
		context.logger.warn(`Lusha Trigger: skipping ${conflicts.length} entities already watched elsewhere: ${listed(conflicts.map(describeSubscription), 50)}`);
		if (wanted.size === 0) throw refuse(context, 'Every entity is already watched by another subscription, so there is nothing to subscribe', 'Choose Take Over under When an Entity Is Already Watched, or watch other entities.');
	} else takeOver = conflicts;

	// Leftovers of this node's earlier activations would make creating again answer DUPLICATE_SUBSCRIPTION.
	const leftovers = await removeAll(context, stored, settings.url, call);
	if (leftovers.left.length || leftovers.failure) {
		const error = refuse(context, `Lusha did not delete this trigger’s earlier subscriptions${leftovers.failure ? `: ${leftovers.failure}` : ''}`, 'Nothing new was subscribed. Activate again in a moment.');
		error.retryable = true;
		throw error;
	}
	stored.subscriptionIds = [];
	stored.sweepUrl = settings.url;

	const taken: Subscription[] = [];
	try {
		if (settings.event === 'optOut') {
			await takeAway(context, takeOver, taken, call);
			record(stored, [(await createOptOutSubscription(context, settings, call)).id]);
		} else {
			const moving = new Set(takeOver.map((s) => s.entityId));
			await createAll(context, settings, [...wanted].filter((id) => !moving.has(id)), stored, call);
			await takeAway(context, takeOver, taken, call);
			await createAll(context, settings, [...moving], stored, call);
		}
	} catch (error) {
		const cleanup = await removeAll(context, stored, settings.url, { deadline: rollbackDeadline });
		const notRestored = taken.length ? await restore(context, taken, { deadline: rollbackDeadline }) : [];
		throw explain(context, error, settings, cleanup, notRestored);
	}
	if (takeOver.length) context.logger.info(`Lusha Trigger: took over ${takeOver.length} subscriptions: ${listed(takeOver.map(describeSubscription), 50)}`);
	// Remembered so deactivating hands them back (see remove); an earlier take-over's are kept.
	const earlier = (stored.takenOver ?? []).filter((s) => !taken.some((t) => t.entityId === s.entityId && t.entityType === s.entityType));
	const kept = [...earlier, ...taken.map(({ url, entityType, entityId, signalTypes, name }) => ({ url, entityType, entityId, signalTypes, name }))];
	if (kept.length) stored.takenOver = kept as Subscription[];
	delete stored.sweepUrl;
	stored.webhookUrl = settings.url;
	stored.identifyBy = settings.identifyBy;
	stored.identities = watch.identities;
}

/** Deletes the subscriptions a Take Over moves here, remembering them so a failure can put them back. */
async function takeAway(context: IHookFunctions, takeOver: Subscription[], taken: Subscription[], call: CallOptions) {
	if (takeOver.length === 0) return;
	const stuck = await deleteAll(context, takeOver.map((s) => s.id), call);
	taken.push(...takeOver.filter((s) => !stuck.some((o) => o.key === s.id)));
	if (stuck.length) throw new RefusedEntities(stuck);
}
