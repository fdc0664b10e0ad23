import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { REVEAL_PLAN_HINT } from '../../../../shared/uiText';
import { UNIFIED_CREDITS_ONLY } from '../../../../shared/uiText';
import { EXPRESSION_LIST_HINT } from '../../../../shared/uiText';
import { NodeOperationError } from 'n8n-workflow';

import { bulkPerItem } from '../../../../shared/helpers/bulk';
import { compact, simplifyField } from '../../../../shared/helpers/fields';
import { simplifyPerson } from '../../helpers/simplify';
import { lushaDate } from '../../../../shared/helpers/input';
import { lushaRequest } from '../../../../shared/transport';
import { showFor, showForWith } from '../../../../shared/helpers/display';
import type { PersonIdentity } from './identity';
import { describe, identify } from './identity';

const show = (identifyBy: string[]) => showForWith('person', 'enrich', { identifyBy });

export const description: INodeProperties[] = [
	{
		displayName: 'Identify By',
		name: 'identifyBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Email', value: 'email' },
			{ name: 'LinkedIn URL', value: 'linkedinUrl' },
			{ name: 'Lusha Person ID', value: 'personId' },
			{ name: 'Name and Company', value: 'nameAndCompany', description: 'First name, last name, and company name or domain' },
			{ name: 'Whichever Is Filled', value: 'any', description: 'For mixed lists: person ID, email, LinkedIn URL, or name and company, in that order' },
		],
		default: 'email',
		displayOptions: showFor('person', 'enrich'),
	},
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@company.com', default: '', displayOptions: show(['email', 'any']) },
	{ displayName: 'LinkedIn URL', name: 'linkedinUrl', type: 'string', placeholder: 'https://www.linkedin.com/in/…', default: '', displayOptions: show(['linkedinUrl', 'any']) },
	{ displayName: 'Lusha Person ID', name: 'personId', type: 'string', placeholder: '4158887495', default: '', displayOptions: show(['personId', 'any']) },
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', displayOptions: show(['nameAndCompany', 'any']) },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', displayOptions: show(['nameAndCompany', 'any']) },
	{ displayName: 'Company Name', name: 'companyName', type: 'string', default: '', hint: 'Company name or domain is needed with a name', displayOptions: show(['nameAndCompany', 'any']) },
	{ displayName: 'Company Domain', name: 'companyDomain', type: 'string', placeholder: 'company.com', default: '', displayOptions: show(['nameAndCompany', 'any']) },
	simplifyField('person', 'enrich', 'primary email and phone, job, company'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showFor('person', 'enrich'),
		options: [
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
			{ displayName: 'Partial Profile', name: 'partialProfile', type: 'boolean', default: false, description: 'Whether to accept profiles Lusha has only partly verified' },
			{ displayName: 'Refresh Job Info', name: 'refreshJobInfo', type: 'boolean', default: false, description: 'Whether to ask Lusha for the latest employment data' },
			{
				displayName: 'Reveal Emails',
				name: 'revealEmails',
				type: 'boolean',
				default: false,
				description: `Whether to reveal email addresses only. ${UNIFIED_CREDITS_ONLY}`,
			},
			{
				displayName: 'Reveal Phones',
				name: 'revealPhones',
				type: 'boolean',
				default: false,
				description: `Whether to reveal phone numbers only. ${UNIFIED_CREDITS_ONLY}`,
			},
			{
				displayName: 'Signal Names or IDs',
				name: 'signals',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getContactSignalTypes' },
				default: [],
				description: `Also return these signals for each person. ${EXPRESSION_LIST_HINT}`,
			},
			{ displayName: 'Signals Since', name: 'signalsStartDate', type: 'dateTime', default: '', description: 'Signals from this date on (Lusha’s default: 6 months ago)' },
		],
	},
];

interface ContactAnswer {
	error?: { name?: string; message?: string } | null;
	isCreditCharged?: boolean;
	data?: IDataObject | null;
}

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const simplify = this.getNodeParameter('simplify', 0, true) as boolean;
	const identifyBy = this.getNodeParameter('identifyBy', 0) as string;
	const metadata = compact({
		filterBy: options.filterBy as string,
		revealEmails: options.revealEmails === true || undefined,
		revealPhones: options.revealPhones === true || undefined,
		refreshJobInfo: options.refreshJobInfo === true || undefined,
		partialProfile: options.partialProfile === true || undefined,
		signals: options.signals as string[],
		signalsStartDate: lushaDate(this, options.signalsStartDate, 'Options → Signals Since', 0),
	});
	const statusHints =
		metadata.revealEmails || metadata.revealPhones
			? { 403: REVEAL_PLAN_HINT }
			: undefined;

	const toOutput = (answer: ContactAnswer | undefined, identity: PersonIdentity, itemIndex: number, companies: IDataObject = {}) => {
		if (!answer?.data) {
			const notFound = !answer || answer.error?.name === 'EMPTY_DATA';
			return new NodeOperationError(this.getNode(), notFound ? `Lusha found no person for ${describe(identity)} (item ${itemIndex})` : `Lusha could not enrich item ${itemIndex}: ${answer?.error?.message ?? 'no data'}`, {
				itemIndex,
				description: notFound ? 'No credit was charged for it. Check the identifier, or try another one such as the LinkedIn URL.' : undefined,
			});
		}
		const data = { ...answer.data };
		if (!data.company && data.companyId !== undefined) data.company = companies[String(data.companyId)] ?? null;
		const signals = compact({ promotion: data.promotion as IDataObject[], companyChange: data.companyChange as IDataObject[] });
		return { ...(simplify ? { ...simplifyPerson(data), ...signals } : data), isCreditCharged: answer.isCreditCharged ?? false };
	};

	return await bulkPerItem<PersonIdentity>(this, items, {
		prepare: (itemIndex) => identify(this, identifyBy, itemIndex),
		batchSize: 100,
		sendOne: async ({ itemIndex, request }) => {
			const qs = { ...request, ...metadata, ...(metadata.signals ? { signals: (metadata.signals as string[]).join(',') } : {}) };
			const response = await lushaRequest<{ contact?: ContactAnswer }>(this, { method: 'GET', path: '/v2/person', qs, itemIndex, statusHints });
			return toOutput(response.contact, request, itemIndex);
		},
		send: async (batch) => {
			const contacts = batch.map(({ itemIndex, request }) =>
				compact({
					contactId: String(itemIndex),
					personId: request.personId,
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
	});
}
