import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { perItem } from '../../../../shared/helpers/items';
import { lushaRequest } from '../../../../shared/transport';
import { showFor } from '../../../../shared/helpers/display';
import { entityTypeField } from '../../../../shared/signalFields';
import { SIGNALS_PLAN_HINT } from '../../../../shared/uiText';

export const description: INodeProperties[] = [entityTypeField(showFor('signal', 'getOptions'))];

/** GET /api/signals/filters/{objectType}, one path per entity type. */
const PATHS: Record<string, string> = { contact: '/api/signals/filters/contact', company: '/api/signals/filters/company' };

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem.call(this, items, async (itemIndex) => {
		const entityType = this.getNodeParameter('entityType', itemIndex) as string;
		return await lushaRequest<IDataObject>(this, {
			method: 'GET',
			path: PATHS[entityType] ?? PATHS.contact,
			itemIndex,
			statusHints: { 403: SIGNALS_PLAN_HINT },
		});
	});
}
