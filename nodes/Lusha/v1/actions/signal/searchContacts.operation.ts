import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { compact } from '../../../../shared/helpers/fields';
import { inputError } from '../../../../shared/helpers/input';
import { entityShow, signalQueryFields } from './fields';
import { runSignalQuery } from './query';

const show = entityShow('searchContacts');

export const description: INodeProperties[] = [
	{ displayName: 'Email', name: 'email', type: 'string', default: '', placeholder: 'name@company.com', displayOptions: show },
	{ displayName: 'LinkedIn URL', name: 'linkedinUrl', type: 'string', default: '', placeholder: 'https://www.linkedin.com/in/…', displayOptions: show },
	{ displayName: 'Full Name', name: 'fullName', type: 'string', default: '', hint: 'With a company name or domain', displayOptions: show },
	{ displayName: 'Company Name', name: 'companyName', type: 'string', default: '', displayOptions: show },
	{ displayName: 'Company Domain', name: 'companyDomain', type: 'string', default: '', placeholder: 'company.com', displayOptions: show },
	...signalQueryFields(['searchContacts'], 'contact'),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runSignalQuery(this, items, {
		entity: 'contact',
		path: '/api/signals/contacts/search',
		prepare: (itemIndex) => {
			const read = (name: string) => String(this.getNodeParameter(name, itemIndex, '') ?? '').trim();
			// Lusha's signal search takes snake_case fields, unlike the rest of the API.
			const person = compact({
				email: read('email'),
				social_link: read('linkedinUrl'),
				full_name: read('fullName'),
			}) as IDataObject;
			const company = compact({ name: read('companyName'), domain: read('companyDomain') });
			if (person.full_name && Object.keys(company).length) person.companies = [{ ...company, is_current: true }];
			if (!person.email && !person.social_link && !person.companies) {
				throw inputError(this, itemIndex, 'Email, LinkedIn URL or Full Name + Company', 'is missing', 'Fill one of them so Lusha can find the person.');
			}
			return [person];
		},
		bodyFor: (batch) => ({ contacts: batch.map((entry, position) => ({ id: String(position), ...entry.request })) }),
		keyOf: (_entry, position) => String(position),
		describe: (person) => String(person.email ?? person.social_link ?? person.full_name),
	});
}
