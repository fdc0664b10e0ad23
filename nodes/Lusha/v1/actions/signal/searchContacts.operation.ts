import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { compact } from '../../../../shared/helpers/fields';
import { domainOf, inputError, isEmail, readText } from '../../../../shared/helpers/input';
import { entityShow, signalQueryFields } from './fields';
import { byBatchPosition, runSignalQuery } from './query';

const show = entityShow('searchContacts');

export const description: INodeProperties[] = [
	{ displayName: 'Email', name: 'email', type: 'string', default: '', placeholder: 'name@company.com', displayOptions: show },
	{ displayName: 'LinkedIn URL', name: 'linkedinUrl', type: 'string', default: '', placeholder: 'https://www.linkedin.com/in/…', displayOptions: show },
	{ displayName: 'Full Name', name: 'fullName', type: 'string', default: '', hint: 'With the company name and its domain', displayOptions: show },
	{ displayName: 'Company Name', name: 'companyName', type: 'string', default: '', displayOptions: show },
	{ displayName: 'Company Domain', name: 'companyDomain', type: 'string', default: '', placeholder: 'company.com', displayOptions: show },
	...signalQueryFields(['searchContacts'], 'contact'),
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runSignalQuery(this, items, {
		entity: 'contact',
		path: '/api/signals/contacts/search',
		prepare: (itemIndex) => {
			const read = (name: string) => readText(this, name, itemIndex);
			const email = read('email');
			if (email && !isEmail(email)) throw inputError(this, itemIndex, 'Email', `is not an email address: "${email}"`);
			// Lusha's signal search takes snake_case fields, unlike the rest of the API.
			const person = compact({ email, social_link: read('linkedinUrl'), full_name: read('fullName') }) as IDataObject;
			const company = { name: read('companyName'), domain: read('companyDomain') };
			// The spec requires both the name and the domain of a contact's company.
			if (person.full_name && company.name && company.domain) {
				person.companies = [{ name: company.name, domain: domainOf(this, company.domain, 'Company Domain', itemIndex), is_current: true }];
			} else if (person.full_name && !person.email && !person.social_link) {
				const missing = [!company.name && 'Company Name', !company.domain && 'Company Domain'].filter(Boolean).join(', ');
				throw inputError(this, itemIndex, missing, missing.includes(',') ? 'are empty' : 'is empty', 'With a full name, Lusha needs both the company name and its domain, e.g. Acme and acme.com.');
			}
			if (!person.email && !person.social_link && !person.companies) {
				throw inputError(this, itemIndex, 'Email, LinkedIn URL or Full Name + Company', 'is missing', 'Fill one of them so Lusha can find the person.');
			}
			return [person];
		},
		...byBatchPosition('contacts'),
		describe: (person) => String(person.email ?? person.social_link ?? person.full_name),
	});
}
