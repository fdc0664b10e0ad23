import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../../shared/helpers/display';
import { compact } from '../../../../shared/helpers/fields';
import { inputError } from '../../../../shared/helpers/input';
import { perItem } from '../../../../shared/helpers/items';
import { isEmailValue, tableRequest } from '../../helpers/tableClient';
import { tableData, tableField, tableTargetAt } from '../../families/tables';

export const description: INodeProperties[] = [
	tableField('update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: showFor('table', 'update'),
		options: [
			{ displayName: 'Archived', name: 'archived', type: 'boolean', default: true, description: 'Whether the table is archived (hidden from the default list) or active' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '' },
			{
				displayName: 'New Owner Email',
				name: 'newOwnerEmail',
				type: 'string',
				placeholder: 'name@company.com',
				default: '',
				description: 'Hand the table to another user on the Lusha account',
			},
			{
				displayName: 'Visibility',
				name: 'visibility',
				type: 'options',
				options: [
					{ name: 'Private', value: 'private' },
					{ name: 'Shared', value: 'shared' },
				],
				default: 'shared',
			},
		],
	},
];

/** Sends only what changes; Lusha keeps the rest. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem.call(this, items, async (itemIndex) => {
		const target = tableTargetAt(this, itemIndex);
		const { newOwnerEmail, ...fields } = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
		const changes: IDataObject = compact({ name: typeof fields.name === 'string' ? fields.name.trim() : undefined, visibility: fields.visibility, archived: fields.archived });
		if (newOwnerEmail !== undefined && newOwnerEmail !== '') {
			if (!isEmailValue(newOwnerEmail)) throw inputError(this, itemIndex, 'New Owner Email', `must be an email address, not "${String(newOwnerEmail)}"`);
			changes.owner = { email: newOwnerEmail.trim() };
		}
		if (!Object.keys(changes).length) {
			throw inputError(this, itemIndex, 'Update Fields', 'is empty', 'Add the name, visibility, archived state or owner to change.');
		}
		const response = await tableRequest(this, {
			method: 'PATCH',
			paths: { contacts: '/v3/contacts/tables/{table_id}', companies: '/v3/companies/tables/{table_id}' },
			...target,
			body: changes,
			itemIndex,
		});
		return tableData(response);
	});
}
