import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../../shared/helpers/display';
import { simplifyField } from '../../../../shared/helpers/fields';
import { contactRevealField, optionsCollection, payOnlyForMatchesField, runSearchAndEnrich, searchOptions } from '../../helpers/enrichment';
import { identityFields } from '../../helpers/identity';
import { onItemErrorField } from '../../helpers/v3Bulk';

export const description: INodeProperties[] = [
	...identityFields('contact', 'searchAndEnrich'),
	contactRevealField('searchAndEnrich', 'On top, the search costs 1 credit per 25 contacts found.'),
	payOnlyForMatchesField('contact'),
	simplifyField('contact', 'searchAndEnrich', 'one email and phone, job, company, location'),
	onItemErrorField('contact', 'searchAndEnrich'),
	optionsCollection(showFor('contact', 'searchAndEnrich'), searchOptions('contact', false)),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runSearchAndEnrich.call(this, items, 'contact', {
		searchAndEnrich: '/v3/contacts/search-and-enrich',
		search: '/v3/contacts/search',
		enrich: '/v3/contacts/enrich',
	});
}
