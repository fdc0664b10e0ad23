import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { perItem } from '../../../../shared/helpers/items';
import { tableRequest } from '../../helpers/tableClient';
import { tableData, tableField, tableTargetAt } from '../../families/tables';

export const description: INodeProperties[] = [tableField('get')];

/** The table with its row count, its columns' per-status counts, and `isProcessing` while a column runs. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem.call(this, items, async (itemIndex) => {
		const response = await tableRequest(this, {
			method: 'GET',
			paths: { contacts: '/v3/contacts/tables/{table_id}', companies: '/v3/companies/tables/{table_id}' },
			...tableTargetAt(this, itemIndex),
			itemIndex,
		});
		return tableData(response);
	});
}
