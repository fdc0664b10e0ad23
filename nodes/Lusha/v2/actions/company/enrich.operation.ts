import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../../shared/helpers/display';
import { optionsCollection, simplifyField } from '../../../../shared/helpers/fields';
import { creditGuardOptions } from '../../../../shared/helpers/creditGuard';
import { companyRevealField } from '../../families/enrichment/fields';
import { runEnrich } from '../../families/enrichment/run';
import { onItemErrorField } from '../../helpers/bulkEngine';
import { saveToTableFields } from '../../helpers/tableClient';
import { COMPANY_IDS_DEFAULT } from '../../../../shared/helpers/idDefaults';

const show = showFor('company', 'enrich');

export const description: INodeProperties[] = [
	{
		displayName: 'Lusha Company IDs',
		name: 'ids',
		type: 'string',
		default: COMPANY_IDS_DEFAULT,
		required: true,
		placeholder: 'v1.…',
		description: 'The IDs to enrich, separated by commas; by default each incoming item’s ID (from Company → Search or Prospect, or a Lusha Trigger’s company). Up to 100 go in one call. Each company costs 1 credit.',
		displayOptions: show,
	},
	companyRevealField('enrich'),
	simplifyField('company', 'enrich', 'name, domain, size, revenue, industry, location, and the extras (parents included)'),
	onItemErrorField('company', 'enrich'),
	...saveToTableFields('company', 'enrich'),
	optionsCollection('company', 'enrich', creditGuardOptions),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runEnrich.call(this, items, 'company', '/v3/companies/enrich');
}
