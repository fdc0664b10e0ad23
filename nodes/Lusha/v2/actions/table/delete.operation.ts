import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { perItem } from '../../../../shared/helpers/items';
import { tableRequest } from '../../helpers/tableClient';
import { tableData, tableField, tableTargetAt } from '../../families/tables';

export const description: INodeProperties[] = [tableField('delete')];

/** Deletes the table and all its data; Lusha cannot undo it. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem.call(this, items, async (itemIndex) => {
		const response = await tableRequest(this, {
			method: 'DELETE',
			paths: { contacts: '/v3/contacts/tables/{table_id}', companies: '/v3/companies/tables/{table_id}' },
			...tableTargetAt(this, itemIndex),
			itemIndex,
		});
		return tableData(response);
	});
}
