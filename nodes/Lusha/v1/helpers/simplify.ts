import type { IDataObject } from 'n8n-workflow';

type Entry = IDataObject | undefined;

const list = (value: unknown): IDataObject[] => (Array.isArray(value) ? (value as IDataObject[]) : []);
const first = <T>(values: T[], prefer: (v: T) => boolean): T | undefined => values.find(prefer) ?? values[0];
const lower = (value: unknown) => String(value ?? '').toLowerCase();

/**
 * Email entries whatever the answer calls their parts: the single call says `{ address, type }`,
 * the bulk call `{ email, emailType }`, and `emails` may be plain strings.
 */
function emailsOf(person: IDataObject): Array<{ address: string; type: string }> {
	const entries = [...list(person.emailAddresses), ...list(person.emails)];
	return entries
		.map((entry) =>
			typeof entry === 'string'
				? { address: entry, type: '' }
				: { address: String(entry.email ?? entry.address ?? ''), type: lower(entry.emailType ?? entry.type) },
		)
		.filter((entry) => entry.address !== '');
}

/** Phone entries: `phoneNumbers[{ number, phoneType }]` (Mobile, mobile, …), or `phones` with `type`, or plain strings. */
function phonesOf(person: IDataObject): Array<{ number: string; type: string; doNotCall: boolean | null }> {
	const entries = [...list(person.phoneNumbers), ...list(person.phones)];
	return entries
		.map((entry) =>
			typeof entry === 'string'
				? { number: entry, type: '', doNotCall: null }
				: { number: String(entry.number ?? ''), type: lower(entry.phoneType ?? entry.type), doNotCall: typeof entry.doNotCall === 'boolean' ? entry.doNotCall : null },
		)
		.filter((entry) => entry.number !== '');
}

/**
 * The fields a sales user maps most, at the top level: primary email and phone, job title and
 * seniority, company name and domain. Works for enrichment and prospecting records alike.
 */
export function simplifyPerson(person: IDataObject): IDataObject {
	const email = first(emailsOf(person), (e) => e.type === 'work');
	const phone = first(phonesOf(person), (p) => p.type === 'mobile' && p.doNotCall !== true);
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
		email: email?.address ?? null,
		phone: phone?.number ?? null,
		phoneDoNotCall: phone?.doNotCall ?? null,
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
