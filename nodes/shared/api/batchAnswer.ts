import type { IDataObject } from 'n8n-workflow';

/** A V3 batch call's answer: a result per entity sent, and the call's billing (https://docs.lusha.com/api-reference/overview). */
export interface BatchAnswer {
	requestId?: string;
	results?: IDataObject[];
	billing?: IDataObject;
}

/** The billing each result of a call carries: Lusha's, with the credits as a number and the call's requestId. */
export function callBilling(answer: BatchAnswer): { billing: IDataObject; creditsCharged: number } {
	const creditsCharged = Number(answer.billing?.creditsCharged ?? 0);
	return { creditsCharged, billing: { ...answer.billing, creditsCharged, ...(answer.requestId ? { requestId: answer.requestId } : {}) } };
}

/**
 * Lusha's results tied to the references sent (a clientReferenceId, or the ID itself), in the order
 * sent. Lusha may answer a legacy numeric ID with its encrypted form: then only the position ties
 * them, when the call answered every entry and no other reference took that result.
 */
export function matchResults(answer: BatchAnswer, references: string[]): Array<IDataObject | undefined> {
	const results = Array.isArray(answer.results) ? answer.results : [];
	const byKey = new Map<string, IDataObject>();
	for (const result of results) {
		const key = result.clientReferenceId ?? result.id;
		if (key !== undefined && key !== null && !byKey.has(String(key))) byKey.set(String(key), result);
	}
	const taken = new Set(references.map((reference) => byKey.get(reference)).filter((r): r is IDataObject => r !== undefined));
	return references.map((reference, i) => byKey.get(reference) ?? (results.length === references.length && !taken.has(results[i]) ? results[i] : undefined));
}
