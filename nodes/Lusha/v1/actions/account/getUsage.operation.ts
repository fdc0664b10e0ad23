import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { perItem } from '../../../../shared/helpers/items';
import { lushaRequest } from '../../../../shared/transport';

export const description: INodeProperties[] = [];

interface UsageBucket {
	used?: number;
	total?: number;
	remaining?: number;
}

/** Lusha names the credit buckets per plan, so every bucket is passed through, plus a flat summary. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem.call(this, items, async (itemIndex) => {
		const response = await lushaRequest<{ usage?: Record<string, UsageBucket> }>(this, {
			method: 'GET',
			path: '/account/usage',
			itemIndex,
		});
		const usage = response.usage ?? {};
		const buckets = Object.entries(usage).map(([bucket, figures]) => ({ bucket, ...figures }));
		return { usage: usage as IDataObject, buckets } as IDataObject;
	});
}
