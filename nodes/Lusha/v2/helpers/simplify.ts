import type { IDataObject } from 'n8n-workflow';

import { compact } from '../../../shared/helpers/fields';

const object = (value: unknown): IDataObject => (value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {});
const list = (value: unknown): IDataObject[] => (Array.isArray(value) ? (value as IDataObject[]) : []);

/**
 * A search-and-enrich result's own outcome (https://docs.lusha.com/api-reference/search-&-enrich/search-and-enrich-contacts.md):
 * kept by Simplify, null and empty lists included, so a partly revealed record says what is missing.
 */
const RESULT_STATUS_FIELDS = ['status', 'statusDescription', 'statusReason', 'dataSource', 'credits', 'missingDataPoints'];
const statusOf = (record: IDataObject): IDataObject => Object.fromEntries(RESULT_STATUS_FIELDS.filter((field) => record[field] !== undefined).map((field) => [field, record[field]]));

/** The first entry whose `type` comes earliest in `preference`, else the first entry. */
function preferred(entries: IDataObject[], preference: string[]): IDataObject | undefined {
	for (const type of preference) {
		const match = entries.find((entry) => entry.type === type);
		if (match) return match;
	}
	return entries[0];
}

/**
 * A V3 contact (search preview, enrich or search-and-enrich result) as the fields builders map most:
 * one email (work first) and one phone (mobile first, skipping do-not-call numbers when another exists),
 * plus the full lists as plain strings.
 */
export function simplifyContact(contact: IDataObject): IDataObject {
	const jobTitle = object(contact.jobTitle);
	const company = object(contact.company);
	const location = object(contact.location);
	const emails = list(contact.emails);
	const phones = list(contact.phones);
	const callable = phones.filter((phone) => phone.doNotCall !== true);
	const phone = preferred(callable.length ? callable : phones, ['mobile', 'direct', 'work']);
	const simple = compact({
		id: contact.id as string,
		firstName: contact.firstName as string,
		lastName: contact.lastName as string,
		fullName: (contact.fullName as string) ?? ([contact.firstName, contact.lastName].filter(Boolean).join(' ') || undefined),
		email: preferred(emails, ['work', 'private'])?.email as string | undefined,
		emails: emails.map((entry) => entry.email as string),
		phone: phone?.number as string | undefined,
		phoneType: phone?.type as string | undefined,
		phones: phones.map((entry) => entry.number as string),
		jobTitle: jobTitle.title as string,
		seniority: jobTitle.seniority as string,
		departments: jobTitle.departments as string[],
		companyId: company.id as string,
		companyName: company.name as string,
		companyDomain: company.domain as string,
		industry: company.industry as string,
		linkedinUrl: object(contact.socialLinks).linkedin as string,
		country: location.country as string,
		countryIso2: location.countryIso2 as string,
		state: location.state as string,
		city: location.city as string,
		canReveal: contact.canReveal as IDataObject[],
		updateDate: contact.updateDate as string,
	});
	return { ...simple, ...statusOf(contact) };
}

/** Company fields revealed only on request (Reveal Extras); kept as Lusha gives them, `null` included (an independent company's parents). */
export const COMPANY_EXTRAS = [
	'employeesByDepartment',
	'employeesByLocation',
	'employeesBySeniority',
	'competitors',
	'intent',
	'estimatedAnnualItSpend',
	'monthlyWebsiteTraffic',
	// Lusha 2.16 company ownership: https://docs.lusha.com/changelog/overview
	'directParent',
	'ultimateParent',
] as const;

/** A V3 company (search preview, enrich or search-and-enrich result) as the fields builders map most, plus any revealed extras. */
export function simplifyCompany(company: IDataObject): IDataObject {
	const size = object(company.employeeCount);
	const revenue = object(company.revenueRange);
	const location = object(company.location);
	const extras = Object.fromEntries(COMPANY_EXTRAS.filter((field) => company[field] !== undefined).map((field) => [field, company[field]]));
	const simple = compact({
		id: company.id as string,
		name: company.name as string,
		domain: company.domain as string,
		description: company.description as string,
		industry: company.industry as string,
		subIndustry: company.subIndustry as string,
		employees: size.exact as number,
		employeesMin: size.min as number,
		employeesMax: size.max as number,
		revenueMin: revenue.min as number,
		revenueMax: revenue.max as number,
		yearFounded: company.yearFounded as number,
		companyType: company.companyType as string,
		country: location.country as string,
		countryIso2: location.countryIso2 as string,
		state: location.state as string,
		city: location.city as string,
		linkedinUrl: object(company.socialLinks).linkedin as string,
		logoUrl: company.logoUrl as string,
		technologies: company.technologies as string[],
		canReveal: company.canReveal as IDataObject[],
	});
	// After compact: an extra that came back null (no parent) is an answer, not a gap.
	return { ...simple, ...extras, ...statusOf(company) };
}
