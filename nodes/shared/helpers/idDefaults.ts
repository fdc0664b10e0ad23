import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

/**
 * Defaults for the Lusha ID fields that work on what the previous Lusha node produces: Search,
 * Prospect and Enrich items carry `id`; Lusha Trigger items carry `personId` / `companyId` (opt-outs
 * `contactId`). `$json.id` stays first, so saved workflows that relied on the old default read the same.
 */
export const CONTACT_IDS_DEFAULT = '={{ $json.id ?? $json.personId ?? $json.contactId }}';
export const COMPANY_IDS_DEFAULT = '={{ $json.id ?? $json.companyId }}';

const PREFERRED: Record<'contact' | 'company', string[]> = { contact: ['personId', 'contactId', 'entityId'], company: ['companyId', 'entityId'] };

/** Why an ID field came out empty, from the fields the input item really has: "this item has `entityId` and `personId`; use …". */
export function emptyIdsHint(context: IExecuteFunctions, itemIndex: number, field: string): string {
	const json = (context.getInputData()[itemIndex]?.json ?? {}) as IDataObject;
	const idFields = Object.keys(json).filter((key) => /(^id$|Id$)/.test(key) && json[key] !== null && json[key] !== '' && typeof json[key] !== 'object');
	if (idFields.length === 0) {
		const some = Object.keys(json).slice(0, 6);
		return `this item has no ID field${some.length ? ` (it has ${list(some)})` : ''}; map the Lusha ID of a Search, Prospect or Lusha Trigger item`;
	}
	const entity = /company/i.test(field) ? 'company' : 'contact';
	// A trigger's `entityId` is a company's or a person's, as its `entityType` says.
	const fits = (key: string) => idFields.includes(key) && (key !== 'entityId' || !json.entityType || json.entityType === entity);
	const pick = PREFERRED[entity].find(fits);
	return pick ? `this item has ${list(idFields)}; use {{ $json.${pick} }}` : `this item has ${list(idFields)}; map the one that holds a Lusha ${entity} ID`;
}

const list = (keys: string[]) => {
	const quoted = keys.map((key) => `\`${key}\``);
	return quoted.length > 1 ? `${quoted.slice(0, -1).join(', ')} and ${quoted[quoted.length - 1]}` : quoted[0];
};
