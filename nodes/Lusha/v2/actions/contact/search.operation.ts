import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../../shared/helpers/display';
import { optionsCollection } from '../../../../shared/helpers/fields';
import { searchOptions } from '../../families/enrichment/fields';
import { runSearch } from '../../families/enrichment/run';
import { onItemErrorField } from '../../helpers/bulkEngine';
import { identityFields } from '../../helpers/identity';

export const description: INodeProperties[] = [
	{
		displayName: 'Search returns Lusha IDs, what each contact has (has) and what revealing it would cost (canReveal), without emails or phones. It costs 1 credit per 25 contacts found.',
		name: 'searchNotice',
		type: 'notice',
		default: '',
		displayOptions: showFor('contact', 'search'),
	},
	...identityFields('contact', 'search'),
	onItemErrorField('contact', 'search'),
	optionsCollection('contact', 'search', searchOptions('contact', true)),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runSearch.call(this, items, 'contact', '/v3/contacts/search');
}
