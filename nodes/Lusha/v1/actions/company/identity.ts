import type { IExecuteFunctions } from 'n8n-workflow';

import { digitsId, domainOf, inputError, readText } from '../../../../shared/helpers/input';

export interface CompanyIdentity {
	domain?: string;
	name?: string;
	companyId?: string;
}

/** Reads one item's company identifier for the chosen Identify By, and says which field is missing or malformed. */
export function identify(context: IExecuteFunctions, mode: string, itemIndex: number): CompanyIdentity {
	const companyId = mode === 'companyId' || mode === 'any' ? readText(context, 'companyId', itemIndex) : '';
	if (mode === 'companyId' || companyId) return { companyId: digitsId(context, companyId, 'Lusha Company ID', itemIndex) };
	const domain = mode === 'domain' || mode === 'any' ? readText(context, 'domain', itemIndex) : '';
	if (mode === 'domain' || domain) return { domain: domainOf(context, domain, 'Domain', itemIndex) };
	const name = readText(context, 'companyName', itemIndex);
	if (!name) {
		throw mode === 'any'
			? inputError(context, itemIndex, 'Company', 'has no identifier', 'Fill the Lusha company ID, the domain, or the company name.')
			: inputError(context, itemIndex, 'Company Name', 'is empty', 'Fill the Lusha company ID, the domain, or the company name.');
	}
	return { name };
}

export function describe(identity: CompanyIdentity): string {
	return identity.domain ?? identity.name ?? `company ID ${identity.companyId}`;
}
