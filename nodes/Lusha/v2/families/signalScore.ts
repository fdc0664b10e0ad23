import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { EntityType } from '../../../shared/api/signalCatalogue';
import { showFor } from '../../../shared/helpers/display';
import { lushaRequest } from '../../../shared/transport';
import { identityFields, identityOf } from '../helpers/identity';
import type { CompanyIdentity, ContactIdentity } from '../helpers/identity';
import type { BulkCall, BulkResponse } from '../helpers/bulkEngine';
import { onItemErrorField, runBulk } from '../helpers/bulkEngine';

/** Lusha scores at most 100 contacts or companies per call. */
const SCORES_PER_CALL = 100;

/** The fields of Get Signal Score: who to score, and what to do with one Lusha cannot find. */
export function signalScoreFields(entity: EntityType): INodeProperties[] {
	const noun = entity === 'contact' ? 'contact' : 'company';
	return [
		{
			displayName: `Signal Score is the share of the ${noun}’s signal types that are active now, from 0 to 1, with the active types in signalTypes. 1 credit per scored ${noun}; none for one Lusha cannot find or score.`,
			name: 'signalScoreNotice',
			type: 'notice',
			default: '',
			displayOptions: showFor(entity, 'getSignalScore'),
		},
		...identityFields(entity, 'getSignalScore'),
		onItemErrorField(entity, 'getSignalScore'),
	];
}

/**
 * NO_SCORE (found, but Lusha has no score for it) is an answer, not a failure: the item keeps what
 * Lusha resolved, with `signalScore: null` and `noScore: true`, whatever On Item Error says.
 */
function scoreAsData(result: IDataObject): IDataObject {
	const error = result.error as IDataObject | undefined;
	if (error?.code !== 'NO_SCORE') return error ? result : { ...result, noScore: false };
	const { error: _noScore, ...resolved } = result;
	return { ...resolved, signalScore: null, signalTypes: [], noScore: true, noScoreReason: error.message };
}

/**
 * Scores every input item, 100 per call. Contacts' 502 (Lusha's identity provider briefly down) is
 * retried with backoff by the transport, as it retries every 5xx.
 */
export async function runSignalScore(context: IExecuteFunctions, items: INodeExecutionData[], entity: EntityType, path: string): Promise<INodeExecutionData[]> {
	const identify = identityOf(entity);
	const plan: BulkCall<ContactIdentity | CompanyIdentity> = {
		path,
		bodyKey: entity === 'contact' ? 'contacts' : 'companies',
		batchSize: SCORES_PER_CALL,
		prepare: (itemIndex) => identify(context, itemIndex),
		request: async (body, itemIndex) => {
			const response = await lushaRequest<BulkResponse>(context, { method: 'POST', path, body, itemIndex });
			return { ...response, results: (response.results ?? []).map(scoreAsData) };
		},
		output: (result) => result,
	};
	return await runBulk.call(context, items, plan);
}
