import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showFor, showForWith } from '../../../../shared/helpers/display';
import { changeEntities, tableField } from '../../families/tables';

export const description: INodeProperties[] = [
	tableField('addEntities'),
	{
		displayName: 'Entity IDs',
		name: 'entityIds',
		type: 'string',
		default: '={{ $json.id }}',
		required: true,
		description: 'Lusha contact or company IDs to add, separated by commas or new lines. By default each incoming item’s ID. Up to 50,000 rows per table.',
		displayOptions: showFor('table', 'addEntities'),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showForWith('table', 'addEntities', { tableType: ['contacts'] }),
		options: [
			{
				displayName: 'Company ID',
				name: 'companyId',
				type: 'string',
				default: '',
				placeholder: '={{ $json.company.id }}',
				description: 'The Lusha company of this item’s contacts; helps Lusha fill company columns for the right company',
			},
		],
	},
];

/** `POST /v3/contacts/tables/{table_id}/entities`, 500 IDs per call; adding companies charges one credit per new company. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await changeEntities(this, items, {
		method: 'POST',
		paths: { contacts: '/v3/contacts/tables/{table_id}/entities', companies: '/v3/companies/tables/{table_id}/entities' },
		done: 'inTable',
		companyIdField: 'options.companyId',
	});
}
