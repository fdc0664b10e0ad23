import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../../shared/helpers/display';
import { inputError } from '../../../../shared/helpers/input';
import { perItem } from '../../../../shared/helpers/items';
import { tableRequest } from '../../helpers/tableClient';
import { entityIdsAt, tableData, tableScopeAt } from '../../families/tables';

export const description: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'Hot accounts — week 23',
		description: 'Table names are unique per table type',
		displayOptions: showFor('table', 'create'),
	},
	{
		displayName: 'Visibility',
		name: 'visibility',
		type: 'options',
		options: [
			{ name: 'Private', value: 'private', description: 'Only the owner sees it' },
			{ name: 'Shared', value: 'shared', description: 'Everyone on the Lusha account sees it' },
		],
		default: 'private',
		displayOptions: showFor('table', 'create'),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showFor('table', 'create'),
		options: [
			{
				displayName: 'Initial Entity IDs',
				name: 'ids',
				type: 'string',
				default: '',
				description: 'Lusha contact or company IDs to start the table with, separated by commas or new lines',
			},
		],
	},
];

/** One table per input item. A name already taken answers TABLE_NAME_CONFLICT (409). */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem.call(this, items, async (itemIndex) => {
		const scope = tableScopeAt(this, itemIndex);
		const name = String(this.getNodeParameter('name', itemIndex, '')).trim();
		if (!name) throw inputError(this, itemIndex, 'Name', 'is empty', 'Give the table a name.');
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const body: IDataObject = { name, visibility: this.getNodeParameter('visibility', itemIndex) };
		if (options.ids) body.ids = entityIdsAt(this, itemIndex, 'options.ids', 'Initial Entity IDs');
		const response = await tableRequest(this, {
			method: 'POST',
			paths: { contacts: '/v3/contacts/tables', companies: '/v3/companies/tables' },
			...scope,
			body,
			itemIndex,
		});
		return tableData(response);
	});
}
