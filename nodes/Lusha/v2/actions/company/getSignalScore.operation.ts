import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { runSignalScore, signalScoreFields } from '../../families/signalScore';

export const description: INodeProperties[] = signalScoreFields('company');

/** Scores accounts 0–1 by their live signals, 100 per call (`POST /v3/companies/signal-score`). */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runSignalScore(this, items, 'company', '/v3/companies/signal-score');
}
