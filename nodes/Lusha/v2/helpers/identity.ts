import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor, showForWith } from '../../../shared/helpers/display';
import type { EntityType } from '../../../shared/api/signalCatalogue';
import { inputError, isDomain, isEmail, lushaIds, normalizeDomain } from '../../../shared/helpers/input';

/** How a V3 contact or company is identified in `contacts[]` / `companies[]` of search and search-and-enrich. */
export interface ContactIdentity extends IDataObject {
	id?: string;
	email?: string;
	linkedinUrl?: string;
	firstName?: string;
	lastName?: string;
	companyName?: string;
	companyDomain?: string;
}

export interface CompanyIdentity extends IDataObject {
	id?: string;
	domain?: string;
	name?: string;
}

/** "https://www.Acme.com/about" → "acme.com": V3 identities match on the bare domain. */
const bareDomain = (value: string) => normalizeDomain(value, { stripWww: true });

const CONTACT_MODES = [
	{ name: 'Email', value: 'email' },
	{ name: 'LinkedIn URL', value: 'linkedinUrl' },
	{ name: 'Lusha Contact ID', value: 'id' },
	{ name: 'Name and Company', value: 'nameAndCompany', description: 'First name, last name, and company name or domain' },
	{ name: 'Whichever Is Filled', value: 'any', description: 'For mixed lists: Lusha ID, email, LinkedIn URL, or name and company, in that order' },
];
const COMPANY_MODES = [
	{ name: 'Domain', value: 'domain' },
	{ name: 'Company Name', value: 'name' },
	{ name: 'Lusha Company ID', value: 'id' },
	{ name: 'Whichever Is Filled', value: 'any', description: 'For mixed lists: Lusha ID, domain, or name, in that order' },
];

/** The Identify By dropdown and the identity fields of a contact or company search operation. */
export function identityFields(entity: EntityType, operation: string): INodeProperties[] {
	const show = (modes: string[]) => showForWith(entity, operation, { identifyBy: modes });
	if (entity === 'company') {
		return [
			{ displayName: 'Identify By', name: 'identifyBy', type: 'options', noDataExpression: true, options: COMPANY_MODES, default: 'domain', displayOptions: showFor(entity, operation) },
			{ displayName: 'Domain', name: 'domain', type: 'string', placeholder: 'company.com', default: '', displayOptions: show(['domain', 'any']) },
			{ displayName: 'Company Name', name: 'companyName', type: 'string', placeholder: 'Acme Inc', default: '', displayOptions: show(['name', 'any']) },
			{ displayName: 'Lusha Company ID', name: 'companyId', type: 'string', placeholder: 'v1.…', default: '', displayOptions: show(['id', 'any']) },
		];
	}
	return [
		{ displayName: 'Identify By', name: 'identifyBy', type: 'options', noDataExpression: true, options: CONTACT_MODES, default: 'email', displayOptions: showFor(entity, operation) },
		{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@company.com', default: '', displayOptions: show(['email', 'any']) },
		{ displayName: 'LinkedIn URL', name: 'linkedinUrl', type: 'string', placeholder: 'https://www.linkedin.com/in/…', default: '', displayOptions: show(['linkedinUrl', 'any']) },
		{ displayName: 'Lusha Contact ID', name: 'contactId', type: 'string', placeholder: 'v1.…', default: '', displayOptions: show(['id', 'any']) },
		{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', displayOptions: show(['nameAndCompany', 'any']) },
		{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', displayOptions: show(['nameAndCompany', 'any']) },
		{ displayName: 'Company Name', name: 'companyName', type: 'string', default: '', hint: 'A company name or domain is needed with a name', displayOptions: show(['nameAndCompany', 'any']) },
		{ displayName: 'Company Domain', name: 'companyDomain', type: 'string', placeholder: 'company.com', default: '', displayOptions: show(['nameAndCompany', 'any']) },
	];
}

/** Reads the item's fields once each, trimmed: each read evaluates the user's expression for this item. */
function reader(context: IExecuteFunctions, itemIndex: number) {
	const cache = new Map<string, string>();
	return (name: string) => {
		if (!cache.has(name)) cache.set(name, String(context.getNodeParameter(name, itemIndex, '') ?? '').trim());
		return cache.get(name) as string;
	};
}

function lushaId(context: IExecuteFunctions, itemIndex: number, field: string, value: string): string {
	const ids = lushaIds(context, value, field, itemIndex);
	if (ids.length > 1) throw inputError(context, itemIndex, field, `holds ${ids.length} IDs; give one per item`, 'Split the list into items first, or use Enrich, which takes several IDs per item.');
	return ids[0];
}

/** One item's contact identity for the chosen Identify By; names the missing or malformed field. */
export function contactIdentity(context: IExecuteFunctions, itemIndex: number): ContactIdentity {
	const mode = context.getNodeParameter('identifyBy', itemIndex) as string;
	const read = reader(context, itemIndex);
	const checks: Record<string, () => ContactIdentity> = {
		id: () => ({ id: lushaId(context, itemIndex, 'Lusha Contact ID', read('contactId')) }),
		email: () => {
			const email = read('email').toLowerCase();
			if (!email) throw inputError(context, itemIndex, 'Email', 'is empty', 'Map the Email field, or choose another Identify By.');
			if (!isEmail(email)) throw inputError(context, itemIndex, 'Email', `is not an email address: "${email}"`);
			return { email };
		},
		linkedinUrl: () => {
			const linkedinUrl = read('linkedinUrl');
			if (!/^(https?:\/\/)?([a-z]{2,3}\.)?linkedin\.com\/in\/[^\s/]+/i.test(linkedinUrl)) {
				throw inputError(context, itemIndex, 'LinkedIn URL', linkedinUrl ? `is not a LinkedIn profile URL: "${linkedinUrl}"` : 'is empty', 'Use a profile URL such as https://www.linkedin.com/in/jane-doe.');
			}
			return { linkedinUrl };
		},
		nameAndCompany: () => {
			const identity: ContactIdentity = { firstName: read('firstName'), lastName: read('lastName') };
			const companyName = read('companyName');
			const companyDomain = read('companyDomain') ? bareDomain(read('companyDomain')) : '';
			const missing = [!identity.firstName && 'First Name', !identity.lastName && 'Last Name', !companyName && !companyDomain && 'Company Name or Company Domain'].filter(Boolean);
			if (missing.length) throw inputError(context, itemIndex, missing.join(', '), missing.length > 1 ? 'are empty' : 'is empty', 'Lusha needs a first and last name with a company name or domain.');
			if (companyDomain && !isDomain(companyDomain)) throw inputError(context, itemIndex, 'Company Domain', `is not a domain: "${read('companyDomain')}"`, 'Use a bare domain such as company.com.');
			if (companyName) identity.companyName = companyName;
			if (companyDomain) identity.companyDomain = companyDomain;
			return identity;
		},
	};
	if (mode !== 'any') return checks[mode]();
	if (read('contactId')) return checks.id();
	if (read('email')) return checks.email();
	if (read('linkedinUrl')) return checks.linkedinUrl();
	if (read('firstName') || read('lastName')) return checks.nameAndCompany();
	throw inputError(context, itemIndex, 'Contact', 'has no identifier', 'Fill the Lusha Contact ID, Email, LinkedIn URL, or First Name + Last Name + Company.');
}

/** One item's company identity for the chosen Identify By; names the missing or malformed field. */
export function companyIdentity(context: IExecuteFunctions, itemIndex: number): CompanyIdentity {
	const mode = context.getNodeParameter('identifyBy', itemIndex) as string;
	const read = reader(context, itemIndex);
	const checks: Record<string, () => CompanyIdentity> = {
		id: () => ({ id: lushaId(context, itemIndex, 'Lusha Company ID', read('companyId')) }),
		domain: () => {
			const domain = bareDomain(read('domain'));
			if (!isDomain(domain)) throw inputError(context, itemIndex, 'Domain', read('domain') ? `is not a domain: "${read('domain')}"` : 'is empty', 'Use a bare domain such as company.com.');
			return { domain };
		},
		name: () => {
			const name = read('companyName');
			if (!name) throw inputError(context, itemIndex, 'Company Name', 'is empty', 'Map the Company Name field, or choose another Identify By.');
			return { name };
		},
	};
	if (mode !== 'any') return checks[mode]();
	if (read('companyId')) return checks.id();
	if (read('domain')) return checks.domain();
	if (read('companyName')) return checks.name();
	throw inputError(context, itemIndex, 'Company', 'has no identifier', 'Fill the Lusha Company ID, the domain, or the company name.');
}

/** The identity reader for an entity type. */
export function identityOf(entity: EntityType): (context: IExecuteFunctions, itemIndex: number) => ContactIdentity | CompanyIdentity {
	return entity === 'contact' ? contactIdentity : companyIdentity;
}
