import type { IDataObject } from 'n8n-workflow';

import { chunk } from '../transport/batching';
import type { BatchAnswer } from './batchAnswer';
import { callBilling, matchResults } from './batchAnswer';
import type { LushaContext } from '../transport/request';
import { lushaRequest } from '../transport/request';
import { SIGNALS_PLAN_HINT } from '../uiText';
import type { EntityType } from './signalCatalogue';

/** The date a signal happened, whichever field its type uses (a delivery's `data` and a signals API event alike). */
export function signalDateOf(data: IDataObject): string | null {
	return (data.signalDate ?? data.eventEffectiveDate ?? data.articlePublishedDate ?? data.activityPublicationDate ?? null) as string | null;
}

/** How many events a signals answer for one entity holds, across its signal types. */
export function signalCount(result: IDataObject): number {
	return Object.values(result).reduce<number>((n, value) => n + (Array.isArray(value) ? value.length : 0), 0);
}

/** One entity's signals answer as a list of events, each with its type. */
export function signalEvents(result: IDataObject): Array<{ signalType: string; event: IDataObject }> {
	return Object.entries(result).flatMap(([signalType, value]) =>
		Array.isArray(value) ? value.filter((event) => event && typeof event === 'object').map((event) => ({ signalType, event: event as IDataObject })) : [],
	);
}

/** V3 signals, one endpoint per entity type (https://docs.lusha.com/signals/overview). */
const SIGNALS_PATH: Record<EntityType, string> = { contact: '/v3/contacts/signals', company: '/v3/companies/signals' };

export interface SignalsRead {
	/** Lusha ID → its answer (signal type → events) and its call's `billing` (with the `requestId`), for the entities Lusha answered without an error. */
	found: Map<string, { result: IDataObject; billing: IDataObject }>;
	creditsCharged: number;
	/** Entities Lusha answered with an error (NOT_FOUND, COMPLIANCE_RESTRICTED…). */
	missing: string[];
	/** Entities not read, when a call failed; the calls before it stand. */
	failed?: { entityIds: string[]; error: Error };
}

/**
 * Reads the signals of Lusha IDs, 100 per call, from `startDate` (YYYY-MM-DD) on. A call that fails
 * (402, a quota, 5xx after the transport's retries) stops the reading: what was read stands, and the
 * rest is returned as failed, with the error.
 */
export async function readSignals(
	context: LushaContext,
	entityType: EntityType,
	ids: string[],
	query: { signalTypes: string[]; startDate: string; maxResultsPerSignal?: number },
): Promise<SignalsRead> {
	const read: SignalsRead = { found: new Map(), creditsCharged: 0, missing: [] };
	const batches = chunk([...new Set(ids)], 100);
	for (const [index, batch] of batches.entries()) {
		let response: BatchAnswer;
		try {
			response = await lushaRequest<BatchAnswer>(context, {
				method: 'POST',
				path: SIGNALS_PATH[entityType],
				body: { ids: batch, signalTypes: query.signalTypes, startDate: query.startDate, maxResultsPerSignal: query.maxResultsPerSignal ?? 100 },
				statusHints: { 403: SIGNALS_PLAN_HINT },
			});
		} catch (error) {
			read.failed = { entityIds: batches.slice(index).flat(), error: error as Error };
			return read;
		}
		const { creditsCharged, billing } = callBilling(response);
		read.creditsCharged += creditsCharged;
		const matched = matchResults(response, batch);
		batch.forEach((id, position) => {
			const result = matched[position];
			if (result && !result.error) read.found.set(id, { result, billing });
			else read.missing.push(id);
		});
	}
	return read;
}
