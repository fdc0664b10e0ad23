import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { parseList } from '../../helpers/lists';
import { inputError, integerIds } from '../../helpers/validate';
import { entityShow, signalQueryFields } from './fields';
import { runSignalQuery } from './query';

export const description: INodeProperties[] = [
	{
		displayName: 'Company IDs',
		name: 'companyIds',
		type: 'string',
		default: '={{ $json.companyId }}',
		required: true,
		description: 'Lusha company IDs, separated by commas or new lines. By default each incoming item’s company ID.',
		displayOptions: entityShow('getForCompanies'),
	},
	...signalQueryFields(['getForCompanies'], 'company'),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runSignalQuery(this, items, {
		entity: 'company',
		path: '/api/signals/companies',
		prepare: (itemIndex) => {
			const ids = parseList(this.getNodeParameter('companyIds', itemIndex));
			if (!ids.length) throw inputError(this, itemIndex, 'Company IDs', 'is empty');
			return integerIds(this, ids, 'Company IDs', itemIndex);
		},
		bodyFor: (batch) => ({ companyIds: batch.map((e) => e.request) }),
		keyOf: (entry) => String(entry.request),
		describe: (id) => `company ID ${id}`,
	});
}
