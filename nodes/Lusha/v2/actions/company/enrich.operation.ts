import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../../shared/helpers/display';
import { simplifyField } from '../../../../shared/helpers/fields';
import { creditGuardOptions } from '../../../../shared/helpers/creditGuard';
import { COMPANY_EXTRA_OPTIONS, optionsCollection, runEnrich } from '../../helpers/enrichment';
import { COMPANY_IDS_DEFAULT } from '../../helpers/idDefaults';
import { saveToTableFields } from '../../helpers/tableWrite';
import { onItemErrorField } from '../../helpers/v3Bulk';

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
	{
		displayName: 'Reveal Extras',
		name: 'reveal',
		type: 'multiOptions',
		options: COMPANY_EXTRA_OPTIONS,
		default: [],
		description: 'Extra data, each charged separately per company',
		displayOptions: show,
	},
	simplifyField('company', 'enrich', 'name, domain, size, revenue, industry, location, and the extras'),
	onItemErrorField('company', 'enrich'),
	...saveToTableFields('company', 'enrich'),
	optionsCollection(show, creditGuardOptions),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runEnrich.call(this, items, 'company', '/v3/companies/enrich');
}
