import type { IDataObject, ITriggerFunctions } from 'n8n-workflow';

import type { EntityType } from '../shared/api/signalCatalogue';
import { readSignals, signalDateOf, signalEvents } from '../shared/api/signals';
import type { Subscription } from '../shared/api/subscriptions';
import { DEFAULT_TOLERANCE_MINUTES, watchedIdentity } from './delivery';
import type { SignalMemory } from './signalMemory';
import { signalKey, takeUndelivered } from './signalMemory';
import type { TriggerStaticData } from './staticData';

/**
 * How far before `blockedAt` a recovery starts: the signal whose 4 failed attempts disabled the
 * subscription fired up to Lusha's retry time earlier. 24 hours, as the timestamp tolerance assumes.
 */
export const RECOVERY_LOOKBACK_MS = DEFAULT_TOLERANCE_MINUTES * 60 * 1000;

/** Lusha's signals API takes a start day (YYYY-MM-DD), not a time. */
const dayOf = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The first day a subscription may have missed signals from. */
export function recoveryStart(subscription: Subscription, now: Date): string {
	const blockedAt = Date.parse(subscription.blockedAt ?? '');
	return dayOf((Number.isNaN(blockedAt) ? now.getTime() : blockedAt) - RECOVERY_LOOKBACK_MS);
}

export interface Recovery {
	/** The recovered signals, shaped like delivered ones, oldest first. */
	items: IDataObject[];
	/** Signals the read found that had been delivered (or recovered) already. */
	alreadyDelivered: number;
	creditsCharged: number;
	/** Entities Lusha's signals API did not serve (not found, restricted). */
	notServed: string[];
	/** Entities whose signals could not be read, the period, and why. */
	failed?: { entityType: string; entityIds: string[]; from: string; until: string; reason: string };
}

function recoveredItem(event: IDataObject, signalType: string, subscription: Subscription, billing: IDataObject, stored: TriggerStaticData, flatten: boolean): IDataObject {
	const { entityType, entityId } = subscription;
	if (!flatten) return { type: signalType, entityType, entityId, subscriptionId: subscription.id, data: event, billing, recovered: true };
	return {
		...event,
		signalType,
		entityType,
		entityId,
		...watchedIdentity(stored, entityId),
		signalDate: signalDateOf(event),
		// Lusha bills the read per call, not per signal: the call's billing is on each item, as in the Lusha node.
		creditsCharged: null,
		billing,
		deliveryId: null,
		subscriptionId: subscription.id,
		deliveredAt: null,
		isTest: false,
		recovered: true,
		raw: event,
	};
}

/**
 * Reads, through Lusha's signals API, what the switched-back-on subscriptions missed: for each, from
 * a day before its `blockedAt` until now, only the signal types it watches. Signals delivered or
 * recovered before are left out (see signalMemory). Never throws: a failed read is in `failed`.
 */
export async function recoverMissedSignals(
	context: ITriggerFunctions,
	reactivated: Subscription[],
	stored: TriggerStaticData & SignalMemory,
	triggerKey: string,
	now = new Date(),
): Promise<Recovery> {
	const flatten = (context.getNodeParameter('options', {}) as { flatten?: boolean }).flatten !== false;
	const recovery: Recovery = { items: [], alreadyDelivered: 0, creditsCharged: 0, notServed: [] };
	const groups = new Map<string, Subscription[]>();
	for (const subscription of reactivated) {
		const group = `${subscription.entityType}|${[...(subscription.signalTypes ?? [])].sort().join(',')}`;
		groups.set(group, [...(groups.get(group) ?? []), subscription]);
	}
	const failed: Subscription[] = [];
	let reason = '';
	for (const subscriptions of groups.values()) {
		const [{ entityType, signalTypes }] = subscriptions;
		const watched = signalTypes?.length ? signalTypes : ['allSignals'];
		const startDate = subscriptions.map((s) => recoveryStart(s, now)).sort()[0];
		try {
			const read = await readSignals(context, entityType as EntityType, subscriptions.map((s) => s.entityId), { signalTypes: watched, startDate });
			recovery.creditsCharged += read.creditsCharged;
			recovery.notServed.push(...read.missing);
			if (read.failed) {
				failed.push(...subscriptions.filter((s) => read.failed?.entityIds.includes(s.entityId)));
				reason = read.failed.error.message;
			}
			for (const subscription of subscriptions) {
				const answer = read.found.get(subscription.entityId);
				if (!answer) continue;
				const from = recoveryStart(subscription, now);
				const events = signalEvents(answer.result).filter(
					({ signalType, event }) => (watched.includes('allSignals') || watched.includes(signalType)) && (signalDateOf(event) ?? from) >= from,
				);
				const keys = events.map(({ signalType, event }) => signalKey(entityType, subscription.entityId, signalType, signalDateOf(event)));
				const fresh = await takeUndelivered(stored, triggerKey, keys, now.getTime());
				events.forEach(({ signalType, event }, index) => {
					if (fresh[index]) recovery.items.push(recoveredItem(event, signalType, subscription, answer.billing, stored, flatten));
					else recovery.alreadyDelivered++;
				});
			}
		} catch (error) {
			failed.push(...subscriptions);
			reason = (error as Error).message;
		}
	}
	if (failed.length) {
		const from = failed.map((s) => recoveryStart(s, now)).sort()[0];
		recovery.failed = { entityType: failed[0].entityType, entityIds: failed.map((s) => s.entityId), from, until: now.toISOString(), reason };
	}
	const dateOf = (item: IDataObject) => String(signalDateOf((flatten ? item : item.data) as IDataObject) ?? '');
	recovery.items.sort((a, b) => dateOf(a).localeCompare(dateOf(b)));
	return recovery;
}
