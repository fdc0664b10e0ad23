import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseList } from '../shared/helpers/input';
import type { Subscription } from '../shared/api/subscriptions';
import {
	URL_CHECK_FAILURES,
	createSubscriptions,
	deleteSubscriptions,
	listSubscriptions,
	summarizeFailures,
	updateSubscription,
} from '../shared/api/subscriptions';
import { webhookSecret } from './secret';

/** What the trigger remembers between activation and deactivation. Never the secret. */
interface TriggerStaticData extends IDataObject {
	subscriptionIds?: string[];
	webhookUrl?: string;
}

interface TriggerSettings {
	url: string;
	entityType: 'contact' | 'company';
	entityIds: string[];
	signalTypes: string[];
	name: string;
}

function settingsOf(this: IHookFunctions): TriggerSettings {
	const entityIds = parseList(this.getNodeParameter('entityIds'));
	if (entityIds.length === 0) {
		throw new NodeOperationError(this.getNode(), 'Entity IDs is empty: add at least one Lusha contact or company ID', {
			description: 'Separate IDs with commas or new lines, or map an expression that returns a list.',
		});
	}
	const signalTypes = (this.getNodeParameter('signalTypes') as string[]) ?? [];
	return {
		url: this.getNodeWebhookUrl('default') as string,
		entityType: this.getNodeParameter('entityType') as 'contact' | 'company',
		entityIds,
		signalTypes: signalTypes.length ? signalTypes : ['allSignals'],
		name: (this.getNodeParameter('subscriptionName', '') as string) || 'n8n Lusha Trigger',
	};
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && new Set([...a, ...b]).size === a.length;

/**
 * True when every stored subscription still exists, points at this webhook and covers the
 * selected entities and signal types. Subscriptions Lusha disabled after failed deliveries are
 * switched back on here, so re-activating heals them without creating new ones.
 */
export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const stored = this.getWorkflowStaticData('node') as TriggerStaticData;
	if (!stored.subscriptionIds?.length) return false;
	const settings = settingsOf.call(this);
	const wanted = new Set(stored.subscriptionIds);
	const existing = (await listSubscriptions(this)).filter((subscription) => wanted.has(subscription.id));
	const matches =
		existing.length === wanted.size &&
		existing.every(
			(subscription) =>
				subscription.url === settings.url &&
				subscription.entityType === settings.entityType &&
				sameSet(subscription.signalTypes, settings.signalTypes),
		) &&
		sameSet(
			existing.map((subscription) => subscription.entityId),
			settings.entityIds,
		);
	if (!matches) return false;
	for (const subscription of existing.filter((s) => !s.isActive)) {
		await updateSubscription(this, subscription.id, { isActive: true });
	}
	return true;
}

/** Removes what an earlier activation of this node left behind, so creating again cannot hit DUPLICATE_SUBSCRIPTION. */
async function removeLeftovers(this: IHookFunctions, url: string, stored: TriggerStaticData): Promise<void> {
	const leftovers = new Set(stored.subscriptionIds ?? []);
	for (const subscription of await listSubscriptions(this)) {
		if (subscription.url === url) leftovers.add(subscription.id);
	}
	if (leftovers.size) await deleteSubscriptions(this, [...leftovers]);
	stored.subscriptionIds = [];
}

/**
 * Subscribes every entity to this webhook, 25 per call. Lusha challenges the URL during each
 * call, which the `setup` webhook answers. If any entity fails, everything this activation created
 * is deleted again, so no orphan subscription keeps spending credits.
 */
export async function create(this: IHookFunctions): Promise<boolean> {
	// Fails activation early, with instructions, when the account has no secret to sign deliveries.
	await webhookSecret(this, 'fresh');
	const settings = settingsOf.call(this);
	const stored = this.getWorkflowStaticData('node') as TriggerStaticData;
	await removeLeftovers.call(this, settings.url, stored);

	const outcomes = await createSubscriptions(this, {
		url: settings.url,
		entityType: settings.entityType,
		entityIds: settings.entityIds,
		signalTypes: settings.signalTypes,
		name: settings.name,
		stopAtFirstFailure: true,
	});
	const created = outcomes.filter((o) => o.success).map((o) => String((o.subscription as Subscription).id));
	const failed = outcomes.filter((o) => !o.success);
	if (failed.length) {
		if (created.length) await deleteSubscriptions(this, created);
		const urlRejected = failed.some((o) => URL_CHECK_FAILURES.includes(o.error?.code ?? ''));
		throw new NodeOperationError(this.getNode(), `Lusha did not create the subscriptions: ${summarizeFailures(failed)}`, {
			description: urlRejected
				? `Lusha could not verify ${settings.url}. It must be a public HTTPS address that reaches this n8n (set WEBHOOK_URL behind your proxy or tunnel).`
				: 'Nothing was left subscribed. Fix the entities named above and activate again.',
		});
	}
	stored.subscriptionIds = created;
	stored.webhookUrl = settings.url;
	return true;
}

/** Unsubscribes everything this trigger created. Subscriptions Lusha no longer knows count as removed. */
export async function remove(this: IHookFunctions): Promise<boolean> {
	const stored = this.getWorkflowStaticData('node') as TriggerStaticData;
	const ids = stored.subscriptionIds ?? [];
	if (ids.length === 0) return true;
	const outcomes = await deleteSubscriptions(this, ids);
	const stuck = outcomes.filter((o) => !o.success && o.error?.code !== 'NOT_FOUND');
	stored.subscriptionIds = stuck.map((o) => o.key);
	if (stuck.length) {
		throw new NodeOperationError(this.getNode(), `Lusha did not delete every subscription: ${summarizeFailures(stuck)}`, {
			description: 'They are still listed in the Lusha node (Subscription → Get Many). Deactivating again retries.',
		});
	}
	delete stored.webhookUrl;
	return true;
}
