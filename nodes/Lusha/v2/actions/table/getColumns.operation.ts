import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { perItem } from '../../../../shared/helpers/items';
import { tableRequest } from '../../helpers/tableClient';
import { tableField, tableTargetAt } from '../../families/tables';

export const description: INodeProperties[] = [tableField('getColumns')];

/** One item per column: its ID, type, whether it is a default column, and how many rows are not run, processing, filled, empty or failed. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem.call(this, items, async (itemIndex) => {
		const response = await tableRequest<{ data?: IDataObject[] }>(this, {
			method: 'GET',
			paths: { contacts: '/v3/contacts/tables/{table_id}/columns', companies: '/v3/companies/tables/{table_id}/columns' },
			...tableTargetAt(this, itemIndex),
			itemIndex,
		});
		return response.data ?? [];
	});
}
