import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../../shared/helpers/display';
import { optionsCollection, simplifyField } from '../../../../shared/helpers/fields';
import { creditGuardOptions } from '../../../../shared/helpers/creditGuard';
import { runEnrich } from '../../families/enrichment/run';
import { onItemErrorField } from '../../helpers/bulkEngine';
import { COMPANY_EXTRAS } from '../../helpers/simplify';
import { saveToTableFields } from '../../helpers/tableClient';

const show = showFor('company', 'enrich');

/** Reveal Extras, with what each costs. */
const EXTRA_OPTIONS = COMPANY_EXTRAS.map((value) => ({
	name: {
		employeesByDepartment: 'Employees by Department',
		employeesByLocation: 'Employees by Location',
		employeesBySeniority: 'Employees by Seniority',
		competitors: 'Competitors',
		intent: 'Intent Topics',
		estimatedAnnualItSpend: 'Estimated Annual IT Spend',
		monthlyWebsiteTraffic: 'Monthly Website Traffic',
	}[value],
	value,
	description:
		value === 'estimatedAnnualItSpend' || value === 'monthlyWebsiteTraffic'
			? '1 credit per company, only when Lusha has a value'
			: '1 credit per company that has it (free when already revealed)',
}));

export const description: INodeProperties[] = [
	{
		displayName: 'Lusha Company IDs',
		name: 'ids',
		type: 'string',
		default: '={{ $json.id }}',
		required: true,
		placeholder: 'v1.…',
		description: 'The IDs to enrich, separated by commas; by default each incoming item’s ID (from Company → Search or Prospect). Up to 100 go in one call. Each company costs 1 credit.',
		displayOptions: show,
	},
	{
		displayName: 'Reveal Extras',
		name: 'reveal',
		type: 'multiOptions',
		options: EXTRA_OPTIONS,
		default: [],
		description: 'Extra data, each charged separately per company',
		displayOptions: show,
	},
	simplifyField('company', 'enrich', 'name, domain, size, revenue, industry, location, and the extras'),
	onItemErrorField('company', 'enrich'),
	...saveToTableFields('company', 'enrich'),
	optionsCollection('company', 'enrich', creditGuardOptions),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runEnrich.call(this, items, 'company', '/v3/companies/enrich');
}
