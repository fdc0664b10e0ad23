import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { optionsCollection, simplifyField } from '../../../../shared/helpers/fields';
import { companyRevealField, searchOptions } from '../../families/enrichment/fields';
import { payOnlyForMatches, payOnlyForMatchesField } from '../../families/enrichment/payOnlyForMatches';
import { runSearchAndEnrich } from '../../families/enrichment/run';
import { onItemErrorField } from '../../helpers/bulkEngine';
import { identityFields } from '../../helpers/identity';

export const description: INodeProperties[] = [
	...identityFields('company', 'searchAndEnrich'),
	companyRevealField('searchAndEnrich'),
	payOnlyForMatchesField('company'),
	simplifyField('company', 'searchAndEnrich', 'name, domain, size, revenue, industry, location, and the extras (parents included)'),
	onItemErrorField('company', 'searchAndEnrich'),
	optionsCollection('company', 'searchAndEnrich', searchOptions('company', false)),
];

/** One search-and-enrich call per 100 items, or (Pay Only for Matches) a search, then an enrich of the matches. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	if (this.getNodeParameter('payOnlyForMatches', 0, true) as boolean) {
		return await payOnlyForMatches.call(this, items, 'company', { search: '/v3/companies/search', enrich: '/v3/companies/enrich' });
	}
	return await runSearchAndEnrich.call(this, items, 'company', '/v3/companies/search-and-enrich');
}
