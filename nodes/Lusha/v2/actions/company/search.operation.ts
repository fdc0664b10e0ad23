import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../../shared/helpers/display';
import { optionsCollection } from '../../../../shared/helpers/fields';
import { searchOptions } from '../../families/enrichment/fields';
import { runSearch } from '../../families/enrichment/run';
import { onItemErrorField } from '../../helpers/bulkEngine';
import { identityFields } from '../../helpers/identity';

export const description: INodeProperties[] = [
	{
		displayName: 'Search returns Lusha IDs, a firmographic preview, what each company has (has) and what its extras would cost (canReveal). It costs 1 credit per 25 companies found.',
		name: 'searchNotice',
		type: 'notice',
		default: '',
		displayOptions: showFor('company', 'search'),
	},
	...identityFields('company', 'search'),
	onItemErrorField('company', 'search'),
	optionsCollection('company', 'search', searchOptions('company', true)),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runSearch.call(this, items, 'company', '/v3/companies/search');
}
