import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { optionsCollection, simplifyField } from '../../../../shared/helpers/fields';
import { contactRevealField, searchOptions } from '../../families/enrichment/fields';
import { payOnlyForMatches, payOnlyForMatchesField } from '../../families/enrichment/payOnlyForMatches';
import { runSearchAndEnrich } from '../../families/enrichment/run';
import { onItemErrorField } from '../../helpers/bulkEngine';
import { identityFields } from '../../helpers/identity';

export const description: INodeProperties[] = [
	...identityFields('contact', 'searchAndEnrich'),
	contactRevealField('searchAndEnrich', 'On top, the search costs 1 credit per 25 contacts found.'),
	payOnlyForMatchesField('contact'),
	simplifyField('contact', 'searchAndEnrich', 'one email and phone, job, company, location'),
	onItemErrorField('contact', 'searchAndEnrich'),
	optionsCollection('contact', 'searchAndEnrich', searchOptions('contact', false)),
];

/** One search-and-enrich call per 100 items, or (Pay Only for Matches) a search, then an enrich of the matches. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	if (this.getNodeParameter('payOnlyForMatches', 0, true) as boolean) {
		return await payOnlyForMatches.call(this, items, 'contact', { search: '/v3/contacts/search', enrich: '/v3/contacts/enrich' });
	}
	return await runSearchAndEnrich.call(this, items, 'contact', '/v3/contacts/search-and-enrich');
}
