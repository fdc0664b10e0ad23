import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { compact } from '../../../../shared/helpers/fields';
import { inputError } from '../../../../shared/helpers/input';
import { entityShow, signalQueryFields } from './fields';
import { runSignalQuery } from './query';

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
			const read = (name: string) => String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
			const company = compact({ domain: read('domain').replace(/^https?:\/\//i, ''), name: read('companyName') });
			if (!company.domain && !company.name) throw inputError(this, itemIndex, 'Domain or Company Name', 'is missing');
			return [company];
		},
		bodyFor: (batch) => ({ companies: batch.map((entry, position) => ({ id: String(position), ...entry.request })) }),
		keyOf: (_entry, position) => String(position),
		describe: (company) => String(company.domain ?? company.name),
	});
}
