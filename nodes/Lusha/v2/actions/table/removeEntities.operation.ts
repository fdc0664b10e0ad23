import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../../shared/helpers/display';
import { changeEntities, tableField } from '../../families/tables';

export const description: INodeProperties[] = [
	tableField('removeEntities'),
	{
		displayName: 'Entity IDs',
		name: 'entityIds',
		type: 'string',
		default: '={{ $json.id }}',
		required: true,
		description: 'Lusha contact or company IDs to remove, separated by commas or new lines. By default each incoming item’s ID.',
		displayOptions: showFor('table', 'removeEntities'),
	},
];

/** `DELETE /v3/contacts/tables/{table_id}/entities` (with a body), 500 IDs per call. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await changeEntities(this, items, {
		method: 'DELETE',
		paths: { contacts: '/v3/contacts/tables/{table_id}/entities', companies: '/v3/companies/tables/{table_id}/entities' },
		done: 'removed',
	});
}
