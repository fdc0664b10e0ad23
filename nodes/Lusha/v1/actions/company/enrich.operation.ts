import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { EXPRESSION_LIST_HINT } from '../../../../shared/uiText';
import { NodeOperationError } from 'n8n-workflow';

import { bulkPerItem } from '../../../../shared/helpers/bulk';
import { compact, simplifyField } from '../../../../shared/helpers/fields';
import { companyInSingleShape, simplifyCompany } from '../../helpers/simplify';
import { inputError, lushaDate } from '../../../../shared/helpers/input';
import { lushaRequestFull } from '../../../../shared/transport';
import { signalFiltersOption, signalFiltersFrom } from '../signal/fields';
import { showFor, showForWith } from '../../../../shared/helpers/display';

const show = (identifyBy: string[]) => showForWith('company', 'enrich', { identifyBy });

export const description: INodeProperties[] = [
	{
		displayName: 'Identify By',
		name: 'identifyBy',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Domain', value: 'domain' },
			{ name: 'Company Name', value: 'name' },
			{ name: 'Lusha Company ID', value: 'companyId' },
			{ name: 'Whichever Is Filled', value: 'any', description: 'For mixed lists: company ID, domain, or name, in that order' },
		],
		default: 'domain',
		displayOptions: showFor('company', 'enrich'),
	},
	{ displayName: 'Domain', name: 'domain', type: 'string', placeholder: 'company.com', default: '', displayOptions: show(['domain', 'any']) },
	{ displayName: 'Company Name', name: 'companyName', type: 'string', default: '', displayOptions: show(['name', 'any']) },
	{ displayName: 'Lusha Company ID', name: 'companyId', type: 'string', placeholder: '33222678', default: '', displayOptions: show(['companyId', 'any']) },
	simplifyField('company', 'enrich', 'name, domain, size, industry, location'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showFor('company', 'enrich'),
		options: [
			{ displayName: 'Partial Company', name: 'partialCompany', type: 'boolean', default: true, description: 'Whether to accept companies Lusha has only partly profiled' },
			{
				displayName: 'Signal Names or IDs',
				name: 'signals',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getCompanySignalTypes' },
				default: [],
				description: `Also return these signals for each company. ${EXPRESSION_LIST_HINT}`,
			},
			{ displayName: 'Signals Since', name: 'signalsStartDate', type: 'dateTime', default: '', description: 'Signals from this date on (Lusha’s default: 6 months ago)' },
			signalFiltersOption,
		],
	},
];

interface CompanyIdentity {
	domain?: string;
	name?: string;
	companyId?: string;
}

function identify(context: IExecuteFunctions, mode: string, itemIndex: number): CompanyIdentity {
	const read = (name: string) => String(context.getNodeParameter(name, itemIndex, '') ?? '').trim();
	const domain = read('domain').replace(/^https?:\/\//i, '').replace(/\/.*$/, '');
	const name = read('companyName');
	const companyId = read('companyId');
	if (mode === 'companyId' || (mode === 'any' && companyId)) {
		if (!/^\d+$/.test(companyId)) throw inputError(context, itemIndex, 'Lusha Company ID', companyId ? `must be digits only, not "${companyId}"` : 'is empty');
		return { companyId };
	}
	if (mode === 'domain' || (mode === 'any' && domain)) {
		if (!/^[^\s.]+(\.[^\s.]+)+$/.test(domain)) throw inputError(context, itemIndex, 'Domain', domain ? `is not a domain: "${domain}"` : 'is empty', 'Use a bare domain such as company.com.');
		return { domain };
	}
	if (!name) throw inputError(context, itemIndex, mode === 'any' ? 'Company' : 'Company Name', mode === 'any' ? 'has no identifier' : 'is empty', 'Fill the Lusha company ID, the domain, or the company name.');
	return { name };
}

const describe = (identity: CompanyIdentity) => identity.domain ?? identity.name ?? `company ID ${identity.companyId}`;

/** The docs name the bulk path /bulk/company/v2; the OpenAPI file names /v2/company. */
const BULK_PATHS = ['/bulk/company/v2', '/v2/company'];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const simplify = this.getNodeParameter('simplify', 0, true) as boolean;
	const identifyBy = this.getNodeParameter('identifyBy', 0) as string;
	const signals = (options.signals as string[] | undefined) ?? [];
	const signalsStartDate = lushaDate(this, options.signalsStartDate, 'Options → Signals Since', 0);
	const signalsFilters = signalFiltersFrom(options.signalsFilters as IDataObject | undefined);
	const partialCompany = options.partialCompany as boolean | undefined;
	let bulkPath = BULK_PATHS[0];
	// The first batch finds out which bulk path answers; the others wait for it, so a 404 happens at most once.
	let pathSettled: Promise<void> | undefined;

	const notFound = (identity: CompanyIdentity, itemIndex: number) =>
		new NodeOperationError(this.getNode(), `Lusha found no company for ${describe(identity)} (item ${itemIndex})`, {
			itemIndex,
			description: 'Check the domain or name, or use the Lusha company ID.',
		});
	const toOutput = (company: IDataObject) => {
		const shaped = companyInSingleShape(company);
		if (!simplify) return shaped;
		const signalData = Object.fromEntries(signals.filter((s) => shaped[s] !== undefined).map((s) => [s, shaped[s]]));
		return { ...simplifyCompany(shaped), ...signalData };
	};

	return await bulkPerItem<CompanyIdentity>(this, items, {
		prepare: (itemIndex) => identify(this, identifyBy, itemIndex),
		batchSize: 100,
		// Lusha's single-company call takes no signal sub-filters, so with them even one company goes through bulk.
		sendOne: signalsFilters
			? undefined
			: async ({ itemIndex, request }) => {
					const response = await lushaRequestFull<{ data?: IDataObject }>(this, {
						method: 'GET',
						path: '/v2/company',
						qs: compact({ domain: request.domain, company: request.name, companyId: request.companyId, signals: signals.join(','), signalsStartDate, partialCompany }),
						itemIndex,
						acceptStatuses: [404],
					});
					return response.statusCode === 404 || !response.body.data ? notFound(request, itemIndex) : toOutput(response.body.data);
				},
		send: async (batch) => {
			const body = compact({
				companies: batch.map(({ itemIndex, request }) => compact({ id: String(itemIndex), ...request })),
				signals,
				signalsStartDate,
				signalsFilters,
				partialCompany,
			});
			const post = async (acceptStatuses?: number[]) =>
				await lushaRequestFull<Record<string, IDataObject>>(this, { method: 'POST', path: bulkPath, body, itemIndex: batch[0].itemIndex, acceptStatuses });
			let response;
			if (pathSettled) {
				await pathSettled;
				response = await post();
			} else {
				let settle = () => {};
				pathSettled = new Promise((resolve) => (settle = resolve));
				try {
					response = await post([404]);
					if (response.statusCode === 404) {
						bulkPath = BULK_PATHS[1];
						response = await post();
					}
				} finally {
					settle();
				}
			}
			return batch.map(({ itemIndex, request }) => {
				const company = response.body[String(itemIndex)];
				return !company || company.error ? notFound(request, itemIndex) : toOutput(company);
			});
		},
	});
}
