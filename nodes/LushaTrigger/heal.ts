import { createHash } from 'crypto';
import type { CronExpression, IDataObject, ITriggerFunctions, ITriggerResponse } from 'n8n-workflow';

import type { CallOptions, Subscription } from '../shared/api/subscriptions';
import { listSubscriptions, updateSubscription } from '../shared/api/subscriptions';
import { parseList } from '../shared/helpers/input';
import type { LushaContext } from '../shared/transport/request';
import type { Recovery } from './recover';
import { recoverMissedSignals, recoveryStart } from './recover';
import type { SignalMemory } from './signalMemory';
import type { TriggerStaticData } from './staticData';

/** The default check interval: the trigger promises working subscriptions within 5 minutes of an outage ending. */
export const DEFAULT_CHECK_MINUTES = 5;

export interface Reactivation {
	/** The subscriptions Lusha has at this URL, as listed before any was switched back on. */
	found: Subscription[];
	/** Those that were disabled and are now switched back on. */
	reactivated: Subscription[];
}

/**
 * Lusha disables a subscription after a delivery fails 4 times (https://docs.lusha.com/apis/openapi/webhooks)
 * and never switches it back on itself. One list call finds the subscriptions at the trigger's URL
 * (those it created, and those handed back to it); only disabled ones cost a further call each.
 */
export async function reactivateAt(context: LushaContext, url: string, call: CallOptions): Promise<Reactivation> {
	const found = (await listSubscriptions(context, undefined, call)).filter((s) => s.url === url);
	const reactivated: Subscription[] = [];
	for (const subscription of found.filter((s) => !s.isActive)) {
		await updateSubscription(context, subscription.id, { isActive: true }, call);
		reactivated.push(subscription);
	}
	return { found, reactivated };
}

/** A line for n8n's log. */
export const describeReactivation = (reactivated: Subscription[]) => `Lusha Trigger: ${String(reactivationNotice(reactivated).message)}`;

const shortList = (items: string[]) => (items.length > 20 ? `${items.slice(0, 20).join(', ')} and ${items.length - 20} more` : items.join(', '));

/**
 * What the first run after a heal says: which entities missed signals, and over which period; with
 * Recover Missed Signals, what was recovered or could not be; without it (`'off'`), how to get them.
 */
export function reactivationNotice(reactivated: Subscription[], now = new Date(), recovery?: Recovery | 'off'): IDataObject {
	const since = reactivated.map((s) => s.blockedAt).filter((at): at is string => !!at).sort()[0] ?? null;
	const entities = shortList(reactivated.map((s) => `${s.entityType} ${s.entityId}`));
	const notice: IDataObject = {
		isNotice: true,
		notice: 'subscriptionsReactivated',
		message: `Lusha had disabled ${reactivated.length} subscriptions of this trigger after failed deliveries${since ? ` (from ${since})` : ''}; they are switched back on. Signals Lusha found for them in between were not delivered: ${entities}.`,
		entityType: reactivated[0]?.entityType ?? null,
		entityIds: reactivated.map((s) => s.entityId),
		missedFrom: since,
		missedUntil: now.toISOString(),
	};
	const from = reactivated.map((s) => recoveryStart(s, now)).sort()[0];
	const getSignals = `the Lusha node (Contact or Company → Get Signals, Since ${from})`;
	if (recovery === 'off') {
		notice.warning = `Recover Missed Signals is off: the signals of ${entities} from ${from} to ${notice.missedUntil as string} were not fetched. Turned on, the next heal fetches them through Lusha’s signals API (1 credit per entity per signal type with signals in the period); or fetch them now with ${getSignals}.`;
	} else if (recovery) {
		const { items, alreadyDelivered, creditsCharged, notServed, failed } = recovery;
		Object.assign(notice, { recoveredCount: items.length, alreadyDelivered, creditsCharged, recoveredFrom: from, ...(failed ? { recoveryFailed: failed } : {}) });
		notice.message = `${notice.message as string} Recovered ${items.length} missed signals from Lusha’s signals API (from ${from}; ${alreadyDelivered} found were delivered already), for ${creditsCharged} credits: they follow this notice, marked recovered: true.`;
		const problems = [
			...(failed ? [`the signals of ${shortList(failed.entityIds.map((id) => `${failed.entityType} ${id}`))} from ${failed.from} to ${failed.until} could not be recovered (${failed.reason}); fetch them with ${getSignals}`] : []),
			...(notServed.length ? [`Lusha’s signals API did not serve ${shortList(notServed)}`] : []),
		];
		if (problems.length) notice.warning = `${problems.join('. ')}.`;
	}
	return notice;
}

/** What a run says when entities this trigger should watch have no subscription at its URL any more. */
export function unwatchedNotice(entityType: string, entityIds: string[]): IDataObject {
	return {
		isNotice: true,
		notice: 'entitiesNotWatched',
		message: `Lusha no longer sends this trigger the signals of ${entityIds.length} of its entities: their subscriptions were deleted or taken over by another workflow (When an Entity Is Already Watched: Take Over): ${shortList(entityIds.map((id) => `${entityType} ${id}`))}. Deactivate and activate this workflow to watch them here again.`,
		entityType,
		entityIds,
	};
}

/** Heals that checkExists made at a start, for the trigger's first check to report in a run. */
const healedAtStart = new Map<string, Subscription[]>();

export function rememberHeal(key: string, reactivated: Subscription[]) {
	if (reactivated.length) healedAtStart.set(key, [...(healedAtStart.get(key) ?? []), ...reactivated]);
}

/** Checks in flight, per workflow and node, so a slow Lusha never gets two at once from one process. */
const inFlight = new Set<string>();
/** What this process has already reported, per workflow and node, so a notice comes once. */
const reported = new Map<string, string>();

/** The entities the builder asked to watch, as Lusha IDs; undefined for opt-out events. */
function watchedEntities(context: ITriggerFunctions, stored: TriggerStaticData): string[] | undefined {
	// Skip Them leaves entities watched elsewhere on purpose: they are not missing.
	if (context.getNodeParameter('event', 'signal') !== 'signal' || context.getNodeParameter('onConflict', 'fail') === 'skip') return undefined;
	if (context.getNodeParameter('identifyBy', 'id') !== 'id') return Object.keys(stored.identities ?? {});
	return parseList(context.getNodeParameter('entityIds', ''));
}

interface IsolateHolder {
	withIsolate?<T>(fn: () => Promise<T>): Promise<T>;
}

/**
 * n8n's default expression engine ('vm', in 1.123 and 2.x) reads credentials through an isolate that
 * n8n holds only during activations, runs and polls; a cron tick has none, and every credential read
 * then fails with "No bridge acquired for this context". n8n takes one around each poll the same way
 * (n8n-core, ActiveWorkflows.activatePolling). Where there is none to take, the call runs as is.
 */
async function withIsolate<T>(context: ITriggerFunctions, fn: () => Promise<T>): Promise<T> {
	const expression = (context as unknown as { workflow?: { expression?: IsolateHolder } }).workflow?.expression;
	return typeof expression?.withIsolate === 'function' ? await expression.withIsolate(fn) : await fn();
}

async function checkOnce(context: ITriggerFunctions, key: string): Promise<void> {
	if (inFlight.has(key)) return;
	// Read only: this is the static data as it was at activation, and writing it would make the next
	// emit save that old copy over the deliveries remembered since. Emitting alone writes nothing.
	const stored = context.getWorkflowStaticData('node') as TriggerStaticData & SignalMemory;
	if (!stored.subscriptionIds?.length || stored.sweepUrl || !stored.webhookUrl) return;
	inFlight.add(key);
	try {
		const { found, reactivated } = await withIsolate(context, async () => await reactivateAt(context, stored.webhookUrl as string, {}));
		const healed = [...(healedAtStart.get(key) ?? []), ...reactivated];
		healedAtStart.delete(key);
		const notices: IDataObject[] = [];
		const recovered: IDataObject[] = [];
		if (healed.length) {
			context.logger.warn(describeReactivation(healed));
			const recover = (context.getNodeParameter('options', {}) as { recoverMissedSignals?: boolean }).recoverMissedSignals === true;
			const signals = context.getNodeParameter('event', 'signal') === 'signal';
			// What it recovers is remembered in this process (and Redis), never in the static data read above.
			const now = new Date();
			const recovery = signals && recover ? await withIsolate(context, async () => await recoverMissedSignals(context, healed, stored, key, now)) : undefined;
			notices.push(reactivationNotice(healed, now, signals ? (recovery ?? 'off') : undefined));
			recovered.push(...(recovery?.items ?? []));
		}
		const watched = new Set(found.map((s) => s.entityId));
		const missing = (watchedEntities(context, stored) ?? []).filter((id) => !watched.has(id));
		if (missing.join() !== (reported.get(key) ?? '')) {
			reported.set(key, missing.join());
			if (missing.length) notices.push(unwatchedNotice(String(context.getNodeParameter('entityType', 'contact')), missing));
		}
		if (notices.length) context.emit([[...notices, ...recovered].map((json) => ({ json }))]);
	} catch (error) {
		const { message, description } = error as { message: string; description?: string };
		context.logger.warn(`Lusha Trigger: could not check the subscriptions, trying again at the next check: ${message}${description ? ` (${description})` : ''}`);
	} finally {
		inFlight.delete(key);
	}
}

/**
 * A cron expression (seconds first) for "every so many minutes": seconds below one minute (for tests),
 * whole minutes below an hour, else whole hours.
 */
export function everyMinutes(minutes: number, key: string): CronExpression {
	const seconds = Math.max(1, Math.round(minutes * 60));
	if (seconds < 60) return `*/${seconds} * * * * *` as CronExpression;
	// Each trigger at its own second, so an instance's triggers do not all list at once.
	const second = createHash('sha256').update(key).digest().readUInt8(0) % 60;
	const wholeMinutes = Math.round(seconds / 60);
	if (wholeMinutes < 60) return `${second} */${wholeMinutes} * * * *` as CronExpression;
	return `${second} 0 */${Math.min(23, Math.round(wholeMinutes / 60))} * * *` as CronExpression;
}

/**
 * n8n runs trigger() on its leader main process whenever the workflow is active: at activation and
 * at every start. n8n then also runs checkExists, which heals what went wrong while n8n was down;
 * this check heals what goes wrong while it runs (its webhook path failing, say). n8n stops the
 * cron with the trigger. trigger() must answer at once and never throw: n8n treats a trigger()
 * without an answer as not started and tries again.
 */
export function keepSubscriptionsOn(this: ITriggerFunctions): ITriggerResponse {
	const closeFunction = async () => {};
	const minutes = Number((this.getNodeParameter('options', {}) as { checkEveryMinutes?: number }).checkEveryMinutes ?? DEFAULT_CHECK_MINUTES);
	if (this.getMode() === 'manual' || !(minutes > 0)) return { closeFunction };
	const key = `${this.getWorkflow().id ?? ''}:${this.getNode().id}`;
	// The tick answers with the check's promise (n8n ignores it) so a host can tell when a check is over.
	this.helpers.registerCron({ expression: everyMinutes(minutes, key) }, async () => await checkOnce(this, key));
	return { closeFunction };
}
