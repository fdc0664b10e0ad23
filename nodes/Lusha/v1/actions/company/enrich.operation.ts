import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { bulkPerItem } from '../../../../shared/helpers/bulk';
import { creditGuardOptions } from '../../../../shared/helpers/creditGuard';
import { showForWith } from '../../../../shared/helpers/display';
import { compact, identifyByField, optionsCollection, simplifyField } from '../../../../shared/helpers/fields';
import { lushaDate } from '../../../../shared/helpers/input';
import { foundItem, notFoundResult, onNotFoundFrom, onNotFoundOption } from '../../../../shared/helpers/notFound';
import { lushaRequestFull } from '../../../../shared/transport';
import { chargedFrom, companyWorstCase, refusedResult, startV1CreditGuard } from '../../helpers/creditGuard';
import { companyInSingleShape, simplifyCompany } from '../../helpers/simplify';
import { enrichSignalOptions, signalFiltersFrom, signalFiltersOption } from '../signal/fields';
import type { CompanyIdentity } from './identity';
import { describe, identify } from './identity';

const show = (identifyBy: string[]) => showForWith('company', 'enrich', { identifyBy });

export const description: INodeProperties[] = [
	identifyByField(
		'company',
		'enrich',
		[
			{ name: 'Domain', value: 'domain' },
			{ name: 'Company Name', value: 'name' },
			{ name: 'Lusha Company ID', value: 'companyId' },
			{ name: 'Whichever Is Filled', value: 'any', description: 'For mixed lists: company ID, domain, or name, in that order' },
		],
		'domain',
	),
	{ displayName: 'Domain', name: 'domain', type: 'string', placeholder: 'company.com', default: '', hint: 'A website URL works too', displayOptions: show(['domain', 'any']) },
	{ displayName: 'Company Name', name: 'companyName', type: 'string', default: '', displayOptions: show(['name', 'any']) },
	{ displayName: 'Lusha Company ID', name: 'companyId', type: 'string', placeholder: '33222678', default: '', displayOptions: show(['companyId', 'any']) },
	simplifyField('company', 'enrich', 'name, domain, size, industry, location'),
	optionsCollection('company', 'enrich', [
		onNotFoundOption,
		{ displayName: 'Partial Company', name: 'partialCompany', type: 'boolean', default: true, description: 'Whether to accept companies Lusha has only partly profiled' },
		...enrichSignalOptions('company'),
		signalFiltersOption,
		...creditGuardOptions,
	]),
];

/** The docs name the bulk path /bulk/company/v2; the OpenAPI file names /v2/company. */
const BULK_PATHS = ['/bulk/company/v2', '/v2/company'];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const options = this.getNodeParameter('options', 0, {}) as IDataObject;
	const simplify = this.getNodeParameter('simplify', 0, true) as boolean;
	const identifyBy = this.getNodeParameter('identifyBy', 0) as string;
	const signals = (options.signals as string[] | undefined) ?? [];
	const signalsStartDate = lushaDate(this, options.signalsStartDate, 'Options → Signals Since', 0);
	const signalsFilters = signalFiltersFrom(this, options.signalsFilters as IDataObject | undefined, 'Options → Signal Filters', 0);
	const onNotFound = onNotFoundFrom(options);
	const guard = await startV1CreditGuard(this);
	const perCompany = companyWorstCase(guard.pricing, options);
	const partialCompany = options.partialCompany as boolean | undefined;
	let bulkPath = BULK_PATHS[0];
	// The first batch finds out which bulk path answers; the others wait for it, so a 404 happens at most once.
	let pathSettled: Promise<void> | undefined;

	const notFound = (identity: CompanyIdentity, itemIndex: number, lushaMessage: string | undefined) =>
		notFoundResult(
			onNotFound,
			identity,
			lushaMessage || 'Lusha returned no record for this company',
			() =>
				new NodeOperationError(this.getNode(), `Lusha found no company for ${describe(identity)} (item ${itemIndex})`, {
					itemIndex,
					description: 'Check the domain or name, or use the Lusha company ID.',
				}),
		);
	const toOutput = (company: IDataObject) => {
		const shaped = companyInSingleShape(company);
		if (!simplify) return foundItem(shaped);
		const signalData = Object.fromEntries(signals.filter((s) => shaped[s] !== undefined).map((s) => [s, shaped[s]]));
		return foundItem({ ...simplifyCompany(shaped), ...signalData });
	};

	const guarded = { worstCase: (entries: unknown[]) => entries.length * perCompany, refused: refusedResult<CompanyIdentity>(this.getNode(), onNotFound), charged: chargedFrom(perCompany, true) };
	return await bulkPerItem<CompanyIdentity>(this, items, guard.plan({
		prepare: (itemIndex) => identify(this, identifyBy, itemIndex),
		batchSize: 100,
		// Lusha's single-company call takes no signal sub-filters, so with them even one company goes through bulk.
		sendOne: signalsFilters
			? undefined
			: async ({ itemIndex, request }) => {
					const response = await lushaRequestFull<{ data?: IDataObject; message?: string }>(this, {
						method: 'GET',
						path: '/v2/company',
						qs: compact({ domain: request.domain, company: request.name, companyId: request.companyId, signals, signalsStartDate, partialCompany }),
						itemIndex,
						acceptStatuses: [404],
					});
					return response.statusCode === 404 || !response.body.data ? notFound(request, itemIndex, response.body.message) : toOutput(response.body.data);
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
				return !company || company.error ? notFound(request, itemIndex, (company?.error as IDataObject | undefined)?.message as string | undefined) : toOutput(company);
			});
		},
	}, guarded));
}
