import type { IHookFunctions } from 'n8n-workflow';
import type { NodeApiError } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { URL_CHECK_FAILURES } from '../shared/api/subscriptions';
import { describeReactivation, reactivateAt, rememberHeal } from './heal';
import { webhookSecret } from './secret';
import { fingerprintOf, settingsOf } from './settings';
import type { TriggerStaticData } from './staticData';
import { ActivationError, removeAll, restore, subscribe } from './subscribe';

/**
 * n8n 2.x gives an activation about 84 s (70 % of its 120 s publication lease) before it gives up
 * on it while our calls may still be running. Lusha calls of one activation, retries included,
 * get 35 s; cleaning up after a failure gets 20 s more; n8n's own retries (1, 2, 4 and 8 s later)
 * then answer at once. Everything ends well inside n8n's deadline.
 */
export const ACTIVATION_BUDGET_MS = 35_000;
export const ROLLBACK_BUDGET_MS = 20_000;
/** Deactivation and the existence check are single steps: each gets its own budget. */
const STEP_BUDGET_MS = 30_000;
/** n8n's activation modes for a workflow that was already active: its start, and a new leader taking over. */
const STARTS = ['init', 'leadershipChange'];

interface Attempt {
	startedAt: number;
	failure?: Error;
	final?: boolean;
}

/**
 * One activation's attempts, keyed by its static-data object. n8n retries a failed activation
 * with the same workflow object (so the same key), while a new activation builds a new one.
 */
const attempts = new WeakMap<object, Attempt>();

const isRetryable = (error: unknown) =>
	error instanceof ActivationError ? error.retryable : Number((error as { httpCode?: string }).httpCode ?? 500) >= 500;
const urlCheckFailed = (error: unknown) => URL_CHECK_FAILURES.some((code) => String((error as Error)?.message).includes(code));

/**
 * True when every stored subscription still exists at this URL and the settings are those they were
 * made for. Subscriptions Lusha disabled after failed deliveries are switched back on here: n8n runs
 * this at every start of a workflow whose trigger has trigger() (see heal), so an outage heals itself.
 */
export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const stored = this.getWorkflowStaticData('node') as TriggerStaticData;
	if (!stored.subscriptionIds?.length || stored.sweepUrl) return false;
	const settings = settingsOf(this);
	if (stored.fingerprint !== fingerprintOf(settings)) return false;
	try {
		const { found, reactivated } = await reactivateAt(this, settings.url, { deadline: Date.now() + STEP_BUDGET_MS });
		if (reactivated.length) this.logger.warn(describeReactivation(reactivated));
		rememberHeal(`${this.getWorkflow().id ?? ''}:${this.getNode().id}`, reactivated);
		return stored.subscriptionIds.every((id) => found.some((s) => s.id === id));
	} catch (error) {
		// At a start, false or an error makes n8n delete the subscriptions and create them again, which
		// a Lusha that is down cannot do: keep them, and let the running check switch them back on.
		if (!STARTS.includes(this.getActivationMode()) || !isRetryable(error)) throw error as NodeApiError;
		this.logger.warn(`Lusha Trigger: could not check the subscriptions at start, keeping them: ${(error as Error).message}`);
		return true;
	}
}

/**
 * Gives the entities this trigger took over back to the URLs it took them from. Only a URL that
 * still answers Lusha's challenge gets them; the others are named in n8n's log, since nobody
 * watches those entities any more.
 */
async function handBack(context: IHookFunctions, stored: TriggerStaticData): Promise<void> {
	const taken = stored.takenOver ?? [];
	if (!taken.length) return;
	const notBack = await restore(context, taken, { deadline: Date.now() + STEP_BUDGET_MS });
	delete stored.takenOver;
	const back = taken.length - notBack.length;
	if (back) context.logger.info(`Lusha Trigger: handed ${back} taken-over entities back to the URLs they were watched at before`);
	if (notBack.length) {
		context.logger.warn(
			`Lusha Trigger: ${notBack.length} entities this workflow had taken over are now watched by no one, because the URL they came from no longer answers Lusha’s challenge (is that workflow still active?): ${notBack.join('; ')}`,
		);
	}
}

/**
 * Subscribes on activation (see subscribe). When n8n retries an activation that Lusha refused for
 * good, or after the budget is spent, the first failure is thrown again at once: the builder sees
 * Lusha's reason, not a later symptom such as a challenge that could not be answered mid-retry.
 */
export async function create(this: IHookFunctions): Promise<boolean> {
	const stored = this.getWorkflowStaticData('node') as TriggerStaticData;
	const earlier = attempts.get(stored);
	if (earlier?.failure && (earlier.final || Date.now() >= earlier.startedAt + ACTIVATION_BUDGET_MS)) throw earlier.failure;
	const startedAt = earlier?.startedAt ?? Date.now();
	attempts.set(stored, { startedAt });
	try {
		// Fails early, with instructions, when the account has no secret to sign deliveries.
		await webhookSecret(this, 'fresh');
		const settings = settingsOf(this);
		const deadline = startedAt + ACTIVATION_BUDGET_MS;
		await subscribe(this, settings, stored, deadline, Math.max(deadline, Date.now()) + ROLLBACK_BUDGET_MS);
		stored.fingerprint = fingerprintOf(settings);
		attempts.delete(stored);
		return true;
	} catch (error) {
		const first = earlier?.failure && urlCheckFailed(error) ? earlier.failure : (error as Error);
		attempts.set(stored, { startedAt, failure: first, final: !isRetryable(first) });
		throw first;
	}
}

/**
 * Unsubscribes everything this trigger created, and anything else at its URL. The URL sweep runs
 * every time: a delivery that arrives while n8n is still activating can save the workflow's static
 * data without the subscription IDs (n8n saves static data whole, last writer wins), and then only
 * the URL still finds them. The URL is this workflow's own, so nothing of another workflow is touched.
 */
export async function remove(this: IHookFunctions): Promise<boolean> {
	const stored = this.getWorkflowStaticData('node') as TriggerStaticData;
	// n8n also calls this after each failed activation attempt, whose rollback already swept the URL:
	// sweeping again there would spend n8n's activation deadline on a Lusha that may be failing.
	if (attempts.get(stored)?.failure && !stored.subscriptionIds?.length && !stored.sweepUrl) return true;
	const url = stored.sweepUrl ?? stored.webhookUrl ?? (this.getNodeWebhookUrl('setup') as string);
	const cleanup = await removeAll(this, stored, url, { deadline: Date.now() + STEP_BUDGET_MS });
	if (cleanup.left.length || cleanup.failure) {
		const reason = cleanup.failure ? `: ${cleanup.failure}` : '';
		throw new NodeOperationError(this.getNode(), `Lusha did not delete ${cleanup.left.length} subscriptions of this trigger${reason}`, {
			description: `They are still listed in the Lusha node (Subscription → Get Many): ${cleanup.left.slice(0, 10).join(', ')}. Deactivating again retries.`,
		});
	}
	await handBack(this, stored);
	delete stored.webhookUrl;
	delete stored.fingerprint;
	delete stored.identities;
	delete stored.identifyBy;
	return true;
}
