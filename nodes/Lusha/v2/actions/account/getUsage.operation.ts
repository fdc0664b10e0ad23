import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { perItem } from '../../../../shared/helpers/items';
import { lushaRequest } from '../../../../shared/transport';

export const description: INodeProperties[] = [];

/** Lusha documents `{ credits: {...}, rateLimits, plan }`; a live answer was seen wrapped in `usage`. Accept both. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem.call(this, items, async (itemIndex) => {
		const response = await lushaRequest<IDataObject & { usage?: IDataObject }>(this, {
			method: 'GET',
			path: '/v3/account/usage',
			itemIndex,
		});
		return (response.usage && typeof response.usage === 'object' ? response.usage : response) as IDataObject;
	});
}
