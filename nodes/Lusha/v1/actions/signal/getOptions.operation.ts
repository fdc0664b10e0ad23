import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { perItem } from '../../../../shared/helpers/items';
import { lushaRequest } from '../../../../shared/transport';
import { showFor } from '../../../../shared/helpers/display';
import { entityTypeField } from '../../../../shared/signalFields';

export const description: INodeProperties[] = [entityTypeField(showFor('signal', 'getOptions'))];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem.call(this, items, async (itemIndex) => {
		const entityType = this.getNodeParameter('entityType', itemIndex) as string;
		return await lushaRequest<IDataObject>(this, {
			method: 'GET',
			path: `/api/signals/filters/${entityType}`,
			itemIndex,
			statusHints: { 403: 'Signals are a Lusha add-on: this plan does not include them. Ask Lusha to enable the Signals API.' },
		});
	});
}
