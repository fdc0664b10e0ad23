import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { bulkPerItem } from '../../../../shared/helpers/bulk';
import { creditGuardOptions } from '../../../../shared/helpers/creditGuard';
import { showForWith } from '../../../../shared/helpers/display';
import { compact, identifyByField, optionsCollection, revealOptions, simplifyField } from '../../../../shared/helpers/fields';
import { lushaDate } from '../../../../shared/helpers/input';
import { foundItem, notFoundResult, onNotFoundFrom, onNotFoundOption } from '../../../../shared/helpers/notFound';
import { BULK_CONCURRENCY, lushaRequest, mapConcurrent } from '../../../../shared/transport';
import { REVEAL_PLAN_HINT } from '../../../../shared/uiText';
import { chargedFrom, personWorstCase, refusedResult, startV1CreditGuard } from '../../helpers/creditGuard';
import { simplifyPerson } from '../../helpers/simplify';
import { enrichSignalOptions } from '../signal/fields';
import type { PersonIdentity } from './identity';
import { bulkAccepts, describe, identify } from './identity';

const show = (identifyBy: string[]) => showForWith('person', 'enrich', { identifyBy });

export const description: INodeProperties[] = [
	identifyByField(
		'person',
		'enrich',
		[
			{ name: 'Email', value: 'email' },
			{ name: 'LinkedIn URL', value: 'linkedinUrl' },
			{ name: 'Lusha Person ID', value: 'personId', description: 'One call per person: Lusha’s bulk call needs an email, a LinkedIn URL or a name' },
			{ name: 'Name and Company', value: 'nameAndCompany', description: 'First name, last name, and company name or domain' },
			{ name: 'Whichever Is Filled', value: 'any', description: 'For mixed lists: person ID, email, LinkedIn URL, or name and company, in that order' },
		],
		'email',
	),
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@company.com', default: '', displayOptions: show(['email', 'any']) },
	{ displayName: 'LinkedIn URL', name: 'linkedinUrl', type: 'string', placeholder: 'https://www.linkedin.com/in/…', default: '', displayOptions: show(['linkedinUrl', 'any']) },
	{ displayName: 'Lusha Person ID', name: 'personId', type: 'string', placeholder: '4158887495', default: '', displayOptions: show(['personId', 'any']) },
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', displayOptions: show(['nameAndCompany', 'any']) },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', displayOptions: show(['nameAndCompany', 'any']) },
	{ displayName: 'Company Name', name: 'companyName', type: 'string', default: '', hint: 'Company name or domain is needed with a name', displayOptions: show(['nameAndCompany', 'any']) },
	{ displayName: 'Company Domain', name: 'companyDomain', type: 'string', placeholder: 'company.com', default: '', displayOptions: show(['nameAndCompany', 'any']) },
	simplifyField('person', 'enrich', 'primary email and phone, job, company'),
	optionsCollection('person', 'enrich', [
		{
			displayName: 'Only Return',
			name: 'filterBy',
			type: 'options',
			options: [
				{ name: 'Emails', value: 'emailAddresses' },
				{ name: 'Phone Numbers', value: 'phoneNumbers' },
			],
			default: 'emailAddresses',
			description: 'Return only this kind of contact detail',
		},
		onNotFoundOption,
		{ displayName: 'Partial Profile', name: 'partialProfile', type: 'boolean', default: false, description: 'Whether to accept profiles Lusha has only partly verified' },
		{ displayName: 'Refresh Job Info', name: 'refreshJobInfo', type: 'boolean', default: false, description: 'Whether to ask Lusha for the latest employment data' },
		...revealOptions,
		...enrichSignalOptions('contact'),
		...creditGuardOptions,
	]),
];

interface ContactAnswer {
	error?: { code?: number | string; name?: string; message?: string } | null;
	isCreditCharged?: boolean;
	data?: IDataObject | null;
}

/** Lusha's per-contact "no such person": EMPTY_DATA in v2 (a NOT_FOUND code where V3 wording leaks through). */
const isNotFound = (answer: ContactAnswer | undefined) => !answer || answer.error?.name === 'EMPTY_DATA' || answer.error?.name === 'NOT_FOUND' || answer.error?.code === 'NOT_FOUND';

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const simplify = this.getNodeParameter('simplify', 0, true) as boolean;
	const identifyBy = this.getNodeParameter('identifyBy', 0) as string;
	const onNotFound = onNotFoundFrom(options);
	const guard = await startV1CreditGuard(this);
	const perPerson = personWorstCase(guard.pricing, options);
	const metadata = compact({
		filterBy: options.filterBy as string,
		revealEmails: options.revealEmails === true || undefined,
		revealPhones: options.revealPhones === true || undefined,
		refreshJobInfo: options.refreshJobInfo === true || undefined,
		partialProfile: options.partialProfile === true || undefined,
		signals: options.signals as string[],
		signalsStartDate: lushaDate(this, options.signalsStartDate, 'Options → Signals Since', 0),
	});
	const statusHints = metadata.revealEmails || metadata.revealPhones ? { 403: REVEAL_PLAN_HINT } : undefined;

	const toOutput = (answer: ContactAnswer | undefined, identity: PersonIdentity, itemIndex: number, companies: IDataObject = {}) => {
		if (!answer?.data) {
			if (isNotFound(answer)) {
				return notFoundResult(
					onNotFound,
					{ ...identity, isCreditCharged: answer?.isCreditCharged ?? false },
					answer?.error?.message ?? 'Lusha returned no record for this person',
					() =>
						new NodeOperationError(this.getNode(), `Lusha found no person for ${describe(identity)} (item ${itemIndex})`, {
							itemIndex,
							description: 'No credit was charged for it. Check the identifier, or try another one such as the LinkedIn URL.',
						}),
				);
			}
			return new NodeOperationError(this.getNode(), `Lusha could not enrich item ${itemIndex}: ${answer?.error?.message ?? 'no data'}`, { itemIndex });
		}
		const data = { ...answer.data };
		if (!data.company && data.companyId !== undefined) data.company = companies[String(data.companyId)] ?? null;
		const signals = compact({ promotion: data.promotion as IDataObject[], companyChange: data.companyChange as IDataObject[] });
		return foundItem({ ...(simplify ? { ...simplifyPerson(data), ...signals } : data), isCreditCharged: answer.isCreditCharged ?? false });
	};

	const getOne = async ({ itemIndex, request }: { itemIndex: number; request: PersonIdentity }) => {
		const response = await lushaRequest<{ contact?: ContactAnswer }>(this, { method: 'GET', path: '/v2/person', qs: { ...request, ...metadata }, itemIndex, statusHints });
		return toOutput(response.contact, request, itemIndex);
	};

	const guarded = { worstCase: (entries: unknown[]) => entries.length * perPerson, refused: refusedResult<PersonIdentity>(this.getNode(), onNotFound), charged: chargedFrom(perPerson) };
	return await bulkPerItem<PersonIdentity>(this, items, guard.plan({
		prepare: (itemIndex) => identify(this, identifyBy, itemIndex),
		batchSize: 100,
		groupOf: (identity) => (bulkAccepts(identity) ? 'bulk' : 'single'),
		sendOne: getOne,
		send: async (batch) => {
			if (!bulkAccepts(batch[0].request)) {
				// Person IDs alone: one GET each, each answer (or failure) its own item's.
				return await mapConcurrent(batch, BULK_CONCURRENCY, async (entry) => await getOne(entry).catch((error: Error) => error));
			}
			const contacts = batch.map(({ itemIndex, request }) =>
				compact({
					contactId: String(itemIndex),
					email: request.email,
					linkedinUrl: request.linkedinUrl,
					fullName: request.firstName ? `${request.firstName} ${request.lastName}` : undefined,
					companies: request.firstName ? [compact({ name: request.companyName, domain: request.companyDomain, isCurrent: true })] : undefined,
				}),
			);
			const response = await lushaRequest<{ contacts?: Record<string, ContactAnswer>; companies?: IDataObject }>(this, {
				method: 'POST',
				path: '/v2/person',
				body: { contacts, ...(Object.keys(metadata).length ? { metadata } : {}) },
				itemIndex: batch[0].itemIndex,
				statusHints,
			});
			// Lusha keys answers by our contactId (the item index) and lists each company once, by ID.
			return batch.map(({ itemIndex, request }) => toOutput(response.contacts?.[String(itemIndex)], request, itemIndex, response.companies ?? {}));
		},
	}, guarded));
}
