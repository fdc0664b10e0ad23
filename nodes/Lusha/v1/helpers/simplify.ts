import type { IDataObject } from 'n8n-workflow';

type Entry = IDataObject | undefined;

const list = (value: unknown): IDataObject[] => (Array.isArray(value) ? (value as IDataObject[]) : []);
const first = <T>(values: T[], prefer: (v: T) => boolean): T | undefined => values.find(prefer) ?? values[0];

/**
 * The fields a sales user maps most, at the top level: primary email and phone, job title and
 * seniority, company name and domain. Works for enrichment and prospecting records alike.
 */
export function simplifyPerson(person: IDataObject): IDataObject {
	const emails = list(person.emailAddresses);
	const phones = list(person.phoneNumbers);
	const email = first(emails, (e) => e.emailType === 'work');
	const phone = first(phones, (p) => String(p.phoneType).toLowerCase() === 'mobile' && p.doNotCall !== true);
	const job = (person.jobTitle && typeof person.jobTitle === 'object' ? person.jobTitle : { title: person.jobTitle }) as IDataObject;
	const company = (person.company ?? {}) as IDataObject;
	const domains = (company.domains ?? {}) as IDataObject;
	const location = (person.location ?? {}) as IDataObject;
	const social = (person.socialLinks ?? {}) as IDataObject;
	const seniority = Array.isArray(person.seniority) ? (person.seniority[0] as Entry)?.value : job.seniority;
	return {
		personId: person.personId ?? person.id ?? null,
		fullName: person.fullName ?? [person.firstName, person.lastName].filter(Boolean).join(' '),
		firstName: person.firstName ?? null,
		lastName: person.lastName ?? null,
		email: (email?.email ?? email?.address ?? (Array.isArray(person.emails) ? person.emails[0] : null)) as string | null,
		phone: (phone?.number as string) ?? null,
		phoneDoNotCall: (phone?.doNotCall as boolean) ?? null,
		jobTitle: (job.title as string) ?? null,
		seniority: (seniority as string) ?? null,
		departments: (job.departments ?? person.departments ?? []) as string[],
		companyId: (company.id ?? person.companyId ?? null) as number | null,
		companyName: (company.name ?? person.companyName ?? null) as string | null,
		companyDomain: (company.domain ?? domains.homepage ?? company.fqdn ?? null) as string | null,
		linkedinUrl: (social.linkedin ?? null) as string | null,
		city: (location.city as string) ?? null,
		country: (location.country as string) ?? null,
	};
}

export function simplifyCompany(company: IDataObject): IDataObject {
	const location = (company.location ?? {}) as IDataObject;
	const social = (company.social ?? {}) as IDataObject;
	const linkedin = social.linkedin as Entry;
	return {
		companyId: company.id ?? company.companyId ?? null,
		name: company.name ?? null,
		domain: company.domain ?? company.fqdn ?? null,
		employees: company.employees ?? null,
		industry: company.mainIndustry ?? null,
		subIndustry: company.subIndustry ?? null,
		revenueRange: company.revenueRange ?? null,
		founded: company.founded ?? null,
		city: location.city ?? null,
		country: location.country ?? null,
		linkedinUrl: (linkedin?.url ?? linkedin ?? null) as string | null,
		description: company.description ?? null,
	};
}

const LOCATION_KEYS = ['city', 'state', 'stateCode', 'country', 'countryIso2', 'continent', 'rawLocation', 'fullLocation'];

/**
 * The bulk company answer is flatter than the single one (`city`, `linkedin` at the top). Bring it
 * to the single shape so a workflow sees the same fields whichever call served it.
 */
export function companyInSingleShape(company: IDataObject): IDataObject {
	if (company.location || company.social) return company;
	const shaped: IDataObject = {};
	const location: IDataObject = {};
	for (const [key, value] of Object.entries(company)) {
		if (LOCATION_KEYS.includes(key)) location[key] = value;
		else if (key !== 'linkedin' && key !== 'crunchbase') shaped[key] = value;
	}
	shaped.location = location;
	shaped.social = {
		...(company.linkedin ? { linkedin: { url: company.linkedin } } : {}),
		...(company.crunchbase ? { crunchbase: { url: company.crunchbase } } : {}),
	};
	return shaped;
}
