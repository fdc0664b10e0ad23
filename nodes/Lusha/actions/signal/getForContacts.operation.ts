import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { parseList } from '../../helpers/lists';
import { inputError, integerIds } from '../../helpers/validate';
import { entityShow, signalQueryFields } from './fields';
import { runSignalQuery } from './query';

export const description: INodeProperties[] = [
	{
		displayName: 'Contact IDs',
		name: 'contactIds',
		type: 'string',
		default: '={{ $json.personId }}',
		required: true,
		description: 'Lusha person IDs, separated by commas or new lines. By default each incoming item’s person ID.',
		displayOptions: entityShow('getForContacts'),
	},
	...signalQueryFields(['getForContacts'], 'contact'),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runSignalQuery(this, items, {
		entity: 'contact',
		path: '/api/signals/contacts',
		prepare: (itemIndex) => {
			const ids = parseList(this.getNodeParameter('contactIds', itemIndex));
			if (!ids.length) throw inputError(this, itemIndex, 'Contact IDs', 'is empty');
			return integerIds(this, ids, 'Contact IDs', itemIndex);
		},
		bodyFor: (batch) => ({ contactIds: batch.map((e) => e.request) }),
		keyOf: (entry) => String(entry.request),
		describe: (id) => `person ID ${id}`,
	});
}
