import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { perItem } from '../../../../shared/helpers/items';
import { tableRequest } from '../../helpers/tableClient';
import { columnField, columnIdAt, tableData, tableField, tableTargetAt } from '../../families/tables';

export const description: INodeProperties[] = [tableField('deleteColumn'), columnField('deleteColumn')];

/** Removes a column and its data from every row. Lusha's default columns cannot be removed. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem.call(this, items, async (itemIndex) => {
		const response = await tableRequest(this, {
			method: 'DELETE',
			paths: { contacts: '/v3/contacts/tables/{table_id}/columns/{column_id}', companies: '/v3/companies/tables/{table_id}/columns/{column_id}' },
			...tableTargetAt(this, itemIndex),
			columnId: columnIdAt(this, itemIndex),
			itemIndex,
		});
		return tableData(response);
	});
}
