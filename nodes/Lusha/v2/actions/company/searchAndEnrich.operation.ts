import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../../shared/helpers/display';
import { simplifyField } from '../../../../shared/helpers/fields';
import { optionsCollection, payOnlyForMatchesField, runSearchAndEnrich, searchOptions } from '../../helpers/enrichment';
import { identityFields } from '../../helpers/identity';
import { onItemErrorField } from '../../helpers/v3Bulk';

export const description: INodeProperties[] = [
	...identityFields('company', 'searchAndEnrich'),
	payOnlyForMatchesField('company'),
	simplifyField('company', 'searchAndEnrich', 'name, domain, size, revenue, industry, location'),
	onItemErrorField('company', 'searchAndEnrich'),
	optionsCollection(showFor('company', 'searchAndEnrich'), searchOptions('company', false)),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runSearchAndEnrich.call(this, items, 'company', {
		searchAndEnrich: '/v3/companies/search-and-enrich',
		search: '/v3/companies/search',
		enrich: '/v3/companies/enrich',
	});
}
