import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showFor, showForWith } from '../../../../shared/helpers/display';
import { returnAllOrLimit, wantedCount } from '../../../../shared/helpers/fields';
import { domainOf, inputError, lushaIds } from '../../../../shared/helpers/input';
import { lushaRequest, nextNumberedPage } from '../../../../shared/transport';
import { describeQuota, quotaExhaustion } from '../../../../shared/transport/errors';
import type { BulkResponse } from '../../helpers/bulkEngine';
import { onItemErrorField, runBulk } from '../../helpers/bulkEngine';
import { COMPANY_IDS_DEFAULT } from '../../../../shared/helpers/idDefaults';

const PATH = '/v3/contacts/buying-group';
/** Lusha takes 25 companies a call and pages the contacts found, 10 to 100 a page. */
const COMPANIES_PER_CALL = 25;
const MIN_PAGE = 10;
const MAX_PAGE = 100;
const PERSONAS = [
	{ name: 'Decision Maker', value: 'decision_maker', description: 'Has budget or sign-off authority' },
	{ name: 'Potential Champion', value: 'potential_champion', description: 'Likely internal advocate for the purchase' },
	{ name: 'End User', value: 'end_user', description: 'Likely day-to-day user of the product' },
];

const show = showFor('contact', 'findBuyingGroup');
const [returnAll, limit] = returnAllOrLimit('contact', 'findBuyingGroup');

export const description: INodeProperties[] = [
	{
		displayName: 'Identify Companies By',
		name: 'buyingGroupIdentifyBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Domain', value: 'domain' },
			{ name: 'Lusha Company ID', value: 'id' },
		],
		default: 'domain',
		displayOptions: show,
	},
	{
		displayName: 'Company Domain',
		name: 'buyingGroupDomain',
		type: 'string',
		placeholder: 'company.com',
		default: '',
		required: true,
		displayOptions: showForWith('contact', 'findBuyingGroup', { buyingGroupIdentifyBy: ['domain'] }),
	},
	{
		displayName: 'Lusha Company ID',
		name: 'buyingGroupCompanyId',
		type: 'string',
		placeholder: 'v1.…',
		default: COMPANY_IDS_DEFAULT,
		required: true,
		displayOptions: showForWith('contact', 'findBuyingGroup', { buyingGroupIdentifyBy: ['id'] }),
	},
	{
		displayName: 'Personas',
		name: 'personas',
		type: 'multiOptions',
		options: PERSONAS,
		default: PERSONAS.map((persona) => persona.value),
		description: 'The roles to find; Lusha labels each contact with its role(s) and a 0–1 relevance score',
		displayOptions: show,
	},
	{
		displayName: 'Contacts per Company',
		name: 'contactsLimit',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 60,
		description: 'The most contacts Lusha returns for one company. Each contact returned costs 1 credit.',
		displayOptions: show,
	},
	{ ...returnAll, default: true, description: 'Whether to return every contact found, or only up to a given limit in total' },
	limit,
	onItemErrorField('contact', 'findBuyingGroup'),
];

interface Group extends IDataObject {
	clientReferenceId?: string;
	contacts?: IDataObject[];
	error?: IDataObject;
	/** Not asked for, or cut off, because the node's Limit was reached. */
	limitReached?: boolean;
}

function companyAt(context: IExecuteFunctions, itemIndex: number): IDataObject {
	if (context.getNodeParameter('buyingGroupIdentifyBy', itemIndex) === 'id') {
		const ids = lushaIds(context, context.getNodeParameter('buyingGroupCompanyId', itemIndex), 'Lusha Company ID', itemIndex);
		if (ids.length > 1) throw inputError(context, itemIndex, 'Lusha Company ID', `holds ${ids.length} IDs; give one per item`);
		return { id: ids[0] };
	}
	return { domain: domainOf(context, String(context.getNodeParameter('buyingGroupDomain', itemIndex, '')), 'Company Domain', itemIndex) };
}

function searchAt(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const personas = context.getNodeParameter('personas', itemIndex, []) as string[];
	if (!personas.length) throw inputError(context, itemIndex, 'Personas', 'is empty', 'Pick at least one persona.');
	const contactsLimit = context.getNodeParameter('contactsLimit', itemIndex, 60) as number;
	if (!Number.isInteger(contactsLimit) || contactsLimit < 1) throw inputError(context, itemIndex, 'Contacts per Company', `must be a whole number of 1 or more, not ${contactsLimit}`);
	// All three is Lusha's default: leave it out.
	return { ...(personas.length < PERSONAS.length ? { personas } : {}), contactsLimit };
}

/**
 * The buying group of each company (`POST /v3/contacts/buying-group`): 25 companies per call, every
 * page of contacts with Return All. One item per contact, with its `roles` and `score`, paired with its
 * company's item; a company Lusha cannot find, or where it finds nobody, yields one item with `error`.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const budget = wantedCount(this, 0);
	let remaining = budget;
	// With a Limit the calls go one after the other, so none asks for (and pays for) contacts past it.
	let queue: Promise<unknown> = Promise.resolve();

	const walkPages = async (body: IDataObject, itemIndex: number): Promise<BulkResponse> => {
		const requested = body.companies as IDataObject[];
		const groups = new Map<string, Group>(requested.map((company) => [String(company.clientReferenceId), { clientReferenceId: String(company.clientReferenceId), contacts: [] }]));
		let credits = 0;
		let returned = 0;
		// Whether the Limit kept some contacts out: a company left without any is then not "nobody found".
		let truncated = remaining <= 0;
		let quotaOut: string | undefined;
		for (let page = 0; !truncated; page++) {
			const size = Number.isFinite(remaining) ? Math.min(MAX_PAGE, Math.max(MIN_PAGE, remaining)) : MAX_PAGE;
			const response = await lushaRequest<BulkResponse & { pagination?: { total?: number; size?: number } }>(this, { method: 'POST', path: PATH, body: { ...body, pagination: { page, size } }, itemIndex }).catch(async (error: Error) => {
				// A used-up quota after the first page: the contacts already paid for stay, and the hint says what is missing.
				const quota = quotaExhaustion(error);
				if (!quota || page === 0) return await Promise.reject(error);
				quotaOut = describeQuota(quota);
				this.addExecutionHints({ message: `${describeQuota(quota)}: the buying group of item ${itemIndex} and the companies sent with it kept the ${returned} contacts fetched; pages from ${page} were not fetched. Run those items again after the reset.`, type: 'warning', location: 'outputPane' });
				return undefined;
			});
			if (!response) break;
			credits += Number(response.billing?.creditsCharged ?? 0);
			let onPage = 0;
			for (const result of (response.results ?? []) as Group[]) {
				const group = groups.get(String(result.clientReferenceId));
				if (!group) continue;
				const found = result.contacts ?? [];
				const kept = found.slice(0, Math.max(0, remaining));
				if (kept.length < found.length) truncated = true;
				remaining -= kept.length;
				onPage += found.length;
				Object.assign(group, { ...result, contacts: [...(group.contacts ?? []), ...kept] });
			}
			returned += onPage;
			// Pages count in the size Lusha served, which may be less than asked.
			if (nextNumberedPage(page, onPage, { size: response.pagination?.size ?? size, total: response.pagination?.total }, Number.POSITIVE_INFINITY) === undefined) break;
			if (remaining <= 0) truncated = true;
		}
		const results = [...groups.values()].map((group): Group => {
			if (group.error || group.contacts?.length) return group;
			if (quotaOut) return { ...group, error: { code: 'RATE_LIMITED', message: `Not fetched: ${quotaOut}` } };
			if (truncated) return { ...group, limitReached: true };
			return { ...group, error: { code: 'NO_CONTACTS', message: 'Lusha found no contacts of the chosen personas at this company' } };
		});
		return { results, billing: { creditsCharged: credits, resultsReturned: returned } };
	};

	return await runBulk.call(this, items, {
		path: PATH,
		bodyKey: 'companies',
		batchSize: COMPANIES_PER_CALL,
		prepare: (itemIndex) => companyAt(this, itemIndex),
		// A company's error item names the company, not an `id` a later Table step would take for a contact.
		identifiers: (company) => ({ company }),
		bodyExtras: (itemIndex) => searchAt(this, itemIndex),
		request: async (body, itemIndex) => {
			if (!Number.isFinite(budget)) return await walkPages(body, itemIndex);
			const turn = queue.then(async () => await walkPages(body, itemIndex));
			queue = turn.catch(() => undefined);
			return await turn;
		},
		output: (result) => ((result as Group).limitReached ? [] : ((result as Group).contacts ?? [])),
	});
}
