import type { CronExpression, ITriggerFunctions, ITriggerResponse } from 'n8n-workflow';

import type { CallOptions, Subscription } from '../shared/api/subscriptions';
import { listSubscriptions, updateSubscription } from '../shared/api/subscriptions';
import type { LushaContext } from '../shared/transport/request';
import type { TriggerStaticData } from './staticData';

/** The default check interval: the trigger promises working subscriptions within 5 minutes of an outage ending. */
export const DEFAULT_CHECK_MINUTES = 5;

export interface Reactivation {
	/** The stored subscriptions Lusha still has at this URL, as listed before any was switched back on. */
	found: Subscription[];
	/** Those that were disabled and are now switched back on. */
	reactivated: Subscription[];
}

/**
 * Lusha disables a subscription after a delivery fails 4 times (https://docs.lusha.com/apis/openapi/webhooks)
 * and never switches it back on itself. One list call finds the stored ones; only disabled ones cost
 * a further call each.
 */
export async function reactivateStored(context: LushaContext, ids: string[], url: string | undefined, call: CallOptions): Promise<Reactivation> {
	const wanted = new Set(ids);
	const found = (await listSubscriptions(context, undefined, call)).filter((s) => wanted.has(s.id) && (url === undefined || s.url === url));
	const reactivated: Subscription[] = [];
	for (const subscription of found.filter((s) => !s.isActive)) {
		await updateSubscription(context, subscription.id, { isActive: true }, call);
		reactivated.push(subscription);
	}
	return { found, reactivated };
}

/** A line for n8n's log: which entities were switched back on and since when they had been disabled. */
export function describeReactivation(reactivated: Subscription[]): string {
	const since = reactivated.map((s) => s.blockedAt).filter((at): at is string => !!at).sort()[0];
	const entities = reactivated.map((s) => `${s.entityType} ${s.entityId}`);
	const shown = entities.length > 20 ? `${entities.slice(0, 20).join(', ')} and ${entities.length - 20} more` : entities.join(', ');
	return `Lusha Trigger: switched back on ${reactivated.length} subscriptions Lusha had disabled after failed deliveries${since ? ` (since ${since})` : ''}: ${shown}. Signals Lusha found for them meanwhile were not delivered.`;
}

/** Checks in flight, per workflow and node, so a slow Lusha never gets two at once from one process. */
const inFlight = new Set<string>();

async function checkOnce(context: ITriggerFunctions, key: string): Promise<void> {
	if (inFlight.has(key)) return;
	// Read only: this is the static data as it was at activation, and writing it (or emitting) would
	// save that old copy over the deliveries remembered since.
	const stored = context.getWorkflowStaticData('node') as TriggerStaticData;
	if (!stored.subscriptionIds?.length || stored.sweepUrl || !stored.webhookUrl) return;
	inFlight.add(key);
	try {
		const { reactivated } = await reactivateStored(context, stored.subscriptionIds, stored.webhookUrl, {});
		if (reactivated.length) context.logger.warn(describeReactivation(reactivated));
	} catch (error) {
		context.logger.warn(`Lusha Trigger: could not check the subscriptions, trying again at the next check: ${(error as Error).message}`);
	} finally {
		inFlight.delete(key);
	}
}

/**
 * A cron expression (seconds first) for "every so many minutes": seconds below one minute (for tests),
 * whole minutes below an hour, else whole hours.
 */
export function everyMinutes(minutes: number): CronExpression {
	const seconds = Math.max(1, Math.round(minutes * 60));
	if (seconds < 60) return `*/${seconds} * * * * *` as CronExpression;
	const wholeMinutes = Math.round(seconds / 60);
	if (wholeMinutes < 60) return `0 */${wholeMinutes} * * * *` as CronExpression;
	return `0 0 */${Math.min(23, Math.round(wholeMinutes / 60))} * * *` as CronExpression;
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
	this.helpers.registerCron({ expression: everyMinutes(minutes) }, () => void checkOnce(this, key));
	return { closeFunction };
}
