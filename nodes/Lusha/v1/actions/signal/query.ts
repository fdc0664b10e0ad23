import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { signalCount } from '../../../../shared/api/signals';
import type { Entry } from '../../../../shared/helpers/bulk';
import { bulkPerItem } from '../../../../shared/helpers/bulk';
import { compact } from '../../../../shared/helpers/fields';
import { lushaDate } from '../../../../shared/helpers/input';
import { lushaRequest } from '../../../../shared/transport';
import { signalFiltersFrom } from './fields';
import { SIGNALS_PLAN_HINT } from '../../../../shared/uiText';

export interface SignalQuery<Request> {
	entity: 'contact' | 'company';
	path: string;
	/** One item's entries; each becomes one output item. */
	prepare(itemIndex: number): Request[];
	/** The batch's part of the body: `contactIds`, `companyIds`, or `contacts`/`companies` with our own ids. */
	bodyFor(batch: Array<Entry<Request>>): IDataObject;
	/** The key Lusha answers an entry under. */
	keyOf(entry: Entry<Request>, position: number): string;
	describe(request: Request): string;
}

/**
 * The two signal searches send a list of our own references (`contacts` or `companies`, each with
 * an `id`) and Lusha answers under those ids: the batch position is the reference.
 */
export function byBatchPosition<Request extends IDataObject>(listKey: 'contacts' | 'companies'): Pick<SignalQuery<Request>, 'bodyFor' | 'keyOf'> {
	return {
		bodyFor: (batch) => ({ [listKey]: batch.map((entry, position) => ({ id: String(position), ...entry.request })) }),
		keyOf: (_entry, position) => String(position),
	};
}

interface SignalsResponse {
	contacts?: Record<string, IDataObject>;
	companies?: Record<string, IDataObject>;
	startDate?: string;
	endDate?: string;
	creditCharged?: number;
	creditsCharged?: number;
}

/**
 * The four signal look-ups differ only in path, body and answer key; this runs any of them in
 * batches of 100 and gives one item per entity with its signals and the window searched.
 */
export async function runSignalQuery<Request>(context: IExecuteFunctions, items: INodeExecutionData[], query: SignalQuery<Request>) {
	const options = context.getNodeParameter('options', 0, {}) as IDataObject;
	const signals = context.getNodeParameter('signalTypes', 0, []) as string[];
	if (!signals.length) throw new NodeOperationError(context.getNode(), 'Signal Names or IDs is empty: pick at least one signal type', { itemIndex: 0 });
	const window = compact({
		signals,
		startDate: lushaDate(context, options.startDate, 'Options → Since', 0),
		maxResultsPerSignal: options.maxResultsPerSignal as number,
		filters: query.entity === 'company' ? signalFiltersFrom(context, options.filters as IDataObject, 'Options → Signal Filters', 0) : undefined,
	});
	return await bulkPerItem<Request>(context, items, {
		prepare: (itemIndex) => query.prepare(itemIndex),
		batchSize: 100,
		send: async (batch) => {
			const response = await lushaRequest<SignalsResponse>(context, {
				method: 'POST',
				path: query.path,
				body: { ...query.bodyFor(batch), ...window },
				itemIndex: batch[0].itemIndex,
				statusHints: { 403: SIGNALS_PLAN_HINT },
			});
			const found = (query.entity === 'contact' ? response.contacts : response.companies) ?? {};
			// Lusha bills the whole call; show it on every entity of the batch, labelled as such.
			const batchCredits = response.creditCharged ?? response.creditsCharged ?? 0;
			return batch.map((entry, position) => {
				const answer = found[query.keyOf(entry, position)];
				if (!answer) {
					return new NodeOperationError(context.getNode(), `Lusha found no ${query.entity} for ${query.describe(entry.request)} (item ${entry.itemIndex})`, { itemIndex: entry.itemIndex });
				}
				return { ...answer, signalCount: signalCount(answer), startDate: response.startDate ?? null, endDate: response.endDate ?? null, batchCreditsCharged: batchCredits };
			});
		},
	});
}
