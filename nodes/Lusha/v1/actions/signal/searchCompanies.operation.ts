import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { compact } from '../../../../shared/helpers/fields';
import { domainOf, inputError, readText } from '../../../../shared/helpers/input';
import { entityShow, signalQueryFields } from './fields';
import { byBatchPosition, runSignalQuery } from './query';

const show = entityShow('searchCompanies');

export const description: INodeProperties[] = [
	{ displayName: 'Domain', name: 'domain', type: 'string', default: '', placeholder: 'company.com', displayOptions: show },
	{ displayName: 'Company Name', name: 'companyName', type: 'string', default: '', displayOptions: show },
	...signalQueryFields(['searchCompanies'], 'company'),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runSignalQuery(this, items, {
		entity: 'company',
		path: '/api/signals/companies/search',
		prepare: (itemIndex) => {
			const domain = readText(this, 'domain', itemIndex);
			const company = compact({ domain: domain ? domainOf(this, domain, 'Domain', itemIndex) : '', name: readText(this, 'companyName', itemIndex) });
			if (!company.domain && !company.name) throw inputError(this, itemIndex, 'Domain or Company Name', 'is missing');
			return [company];
		},
		...byBatchPosition('companies'),
		describe: (company) => String(company.domain ?? company.name),
	});
}
