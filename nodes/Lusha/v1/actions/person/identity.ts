import type { IExecuteFunctions } from 'n8n-workflow';

import { compact } from '../../../../shared/helpers/fields';
import { digitsId, domainOf, inputError, isEmail, readText } from '../../../../shared/helpers/input';

export interface PersonIdentity {
	personId?: string;
	email?: string;
	linkedinUrl?: string;
	firstName?: string;
	lastName?: string;
	companyName?: string;
	companyDomain?: string;
}

/** Reads one item's identifier for the chosen Identify By, and says exactly which field is missing or malformed. */
export function identify(context: IExecuteFunctions, mode: string, itemIndex: number): PersonIdentity {
	// Read only the fields the mode uses: each read evaluates the user's expression for this item.
	const cache = new Map<string, string>();
	const read = (name: string) => {
		if (!cache.has(name)) cache.set(name, readText(context, name, itemIndex));
		return cache.get(name) as string;
	};
	const checks: Record<string, () => PersonIdentity> = {
		email: () => {
			const email = read('email');
			if (!email) throw inputError(context, itemIndex, 'Email', 'is empty', 'Map the Email field, or choose another Identify By.');
			if (!isEmail(email)) throw inputError(context, itemIndex, 'Email', `is not an email address: "${email}"`);
			return { email };
		},
		linkedinUrl: () => {
			const linkedinUrl = read('linkedinUrl');
			if (!/linkedin\.com\//i.test(linkedinUrl)) {
				throw inputError(context, itemIndex, 'LinkedIn URL', linkedinUrl ? `is not a LinkedIn profile URL: "${linkedinUrl}"` : 'is empty');
			}
			return { linkedinUrl };
		},
		personId: () => ({ personId: digitsId(context, read('personId'), 'Lusha Person ID', itemIndex) }),
		nameAndCompany: () => {
			const byName = { firstName: read('firstName'), lastName: read('lastName'), companyName: read('companyName'), companyDomain: read('companyDomain') };
			const missing = [!byName.firstName && 'First Name', !byName.lastName && 'Last Name', !byName.companyName && !byName.companyDomain && 'Company Name or Company Domain'].filter(Boolean);
			if (missing.length) throw inputError(context, itemIndex, missing.join(', '), missing.length > 1 ? 'are empty' : 'is empty', 'Lusha needs a first and last name with a company name or domain.');
			if (byName.companyDomain) byName.companyDomain = domainOf(context, byName.companyDomain, 'Company Domain', itemIndex);
			return compact(byName);
		},
	};
	if (mode !== 'any') return checks[mode]();
	if (read('personId')) return checks.personId();
	if (read('email')) return checks.email();
	if (read('linkedinUrl')) return checks.linkedinUrl();
	if (read('firstName') || read('lastName')) return checks.nameAndCompany();
	throw inputError(context, itemIndex, 'Person', 'has no identifier', 'Fill Lusha Person ID, Email, LinkedIn URL, or First Name + Last Name + Company.');
}

export function describe(identity: PersonIdentity): string {
	return identity.email ?? identity.linkedinUrl ?? (identity.personId ? `person ID ${identity.personId}` : `${identity.firstName} ${identity.lastName} at ${identity.companyName ?? identity.companyDomain}`);
}

/**
 * The bulk call takes an email, a LinkedIn URL, or a full name with a company: a person ID alone
 * is not enough there (spec: POST /v2/person), so those go to the single-person call, which takes it.
 */
export function bulkAccepts(identity: PersonIdentity): boolean {
	return Boolean(identity.email || identity.linkedinUrl || (identity.firstName && identity.lastName && (identity.companyName || identity.companyDomain)));
}
