/**
 * Copies of one delivery in flight at the same time: a slow acknowledgement and Lusha's retry, or
 * two webhook processes in queue mode. Exactly one copy is handed to n8n; the others wait for its
 * outcome. When n8n recorded its run they are duplicates; when it could not, the next copy runs.
 */
import type { IWebhookFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { claimDelivery, settleClaim, waitForClaim } from './claim';
import { rememberRecorded } from './dedupe';

/** How long a copy waits for an earlier one's outcome before asking Lusha to try again later. */
export const EARLIER_COPY_WAIT_MS = 5000;

/** This process's copies that n8n has not answered yet: their outcome to come (recorded or not), and how to settle it. */
const inFlight = new Map<string, { outcome: Promise<boolean>; settle: (recorded: boolean) => void }>();
const idOf = (triggerKey: string, key: string) => `${triggerKey}|${key}`;

function markInFlight(id: string): void {
	let settle: (recorded: boolean) => void = () => undefined;
	const outcome = new Promise<boolean>((resolve) => (settle = resolve));
	inFlight.set(id, { outcome, settle });
}

export type Copy = 'busy' | 'duplicate' | { claimed: boolean };

/**
 * Decides what this copy of a delivery is: the one to hand to n8n (marked in flight here, so no
 * other copy of this process can take it too), a duplicate of one n8n recorded, or 'busy' when an
 * earlier copy is still being recorded after EARLIER_COPY_WAIT_MS.
 */
export async function takeDelivery(triggerKey: string, key: string): Promise<Copy> {
	const id = idOf(triggerKey, key);
	const deadline = Date.now() + EARLIER_COPY_WAIT_MS;
	while (Date.now() < deadline) {
		const local = inFlight.get(id);
		if (local) {
			const recorded = await Promise.race([local.outcome, sleep(Math.max(0, deadline - Date.now())).then(() => undefined)]);
			if (recorded === undefined) return 'busy';
			if (recorded) return 'duplicate';
			continue;
		}
		// Queue mode: an atomic claim decides between copies in several processes.
		const claim = await claimDelivery(triggerKey, key);
		if (claim === 'recorded') return 'duplicate';
		if (claim === 'inFlight') {
			const outcome = await waitForClaim(triggerKey, key, deadline);
			if (outcome === 'recorded') return 'duplicate';
			if (outcome === 'pending') return 'busy';
			continue;
		}
		// No await since the check above: a local copy that started meanwhile is caught here.
		if (inFlight.has(id)) {
			if (claim === 'claimed') void settleClaim(triggerKey, key, false);
			continue;
		}
		markInFlight(id);
		return { claimed: claim === 'claimed' };
	}
	return 'busy';
}

/** Settles a copy this process took: what every waiting copy (here and, through Redis, elsewhere) learns. */
export function settleCopy(triggerKey: string, key: string, claimed: boolean, recorded: boolean): void {
	const id = idOf(triggerKey, key);
	if (recorded) rememberRecorded(triggerKey, key);
	inFlight.get(id)?.settle(recorded);
	inFlight.delete(id);
	if (claimed) void settleClaim(triggerKey, key, recorded);
}

/**
 * Settles a copy when n8n answers it. n8n answers every request, even one whose caller has hung up
 * (Lusha waits 10 s), by ending the response: the status it ends with says whether the run was
 * recorded. A 'finish' event would miss the hung-up case, so the end itself is observed.
 */
export function settleWhenAnswered(this: IWebhookFunctions, triggerKey: string, key: string, claimed: boolean): void {
	const response = this.getResponseObject() as ReturnType<IWebhookFunctions['getResponseObject']> & { end: (...args: unknown[]) => unknown };
	const end = response.end;
	let settled = false;
	response.end = function (this: unknown, ...args: unknown[]) {
		if (!settled) {
			settled = true;
			settleCopy(triggerKey, key, claimed, response.statusCode < 300);
		}
		return end.apply(this, args);
	} as typeof response.end;
}
