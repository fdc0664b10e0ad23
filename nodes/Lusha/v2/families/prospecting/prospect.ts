import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { EntityType } from '../../../../shared/api/signalCatalogue';
import { showFor, showForWith } from '../../../../shared/helpers/display';
import { compact } from '../../../../shared/helpers/fields';
import { inputError } from '../../../../shared/helpers/input';
import { perItem } from '../../../../shared/helpers/items';
import { startPageAt, startPageField, walkOutput } from '../../../../shared/helpers/resume';
import { BULK_CONCURRENCY, collectNumberedPages, lushaRequest } from '../../../../shared/transport';
import { tableIdFor } from '../../helpers/tableClient';
import { filterBlock } from './body';
import { COMPANY_CRITERIA, CONTACT_CRITERIA, CONTACTS_ON_COMPANY_SEARCH, rowsFor } from './criteria';
import type { FilterRow } from './criteria';
import { filterCollection } from './fields';

/**
 * Lusha takes pages 0 to 1,000 of one search and sizes 10 to 100 (below 10 it answers 400), but serves at most 50
 * a page ("1,000 pages × 50 results": https://docs.lusha.com/faq/api), so 50 is the default.
 */
const MAX_PAGE = 1000;
const MIN_SIZE = 10;
const MAX_SIZE = 100;
const SERVED_SIZE = 50;

const endpointOf = (entity: EntityType) => (entity === 'contact' ? 'contacts' : 'companies');

/** The four filter collections of an operation: which rows, under which field names. */
function blocks(entity: EntityType): Array<{ name: string; label: string; entity: 'contacts' | 'companies'; block: 'include' | 'exclude'; rows: FilterRow[] }> {
	const endpoint = endpointOf(entity);
	const contactRows = entity === 'contact' ? CONTACT_CRITERIA : CONTACTS_ON_COMPANY_SEARCH;
	const companyBlocks = [
		{ name: 'companyFilters', label: 'Company Filters', entity: 'companies' as const, block: 'include' as const, rows: rowsFor(COMPANY_CRITERIA, endpoint, 'include') },
		{ name: 'companyExclusions', label: 'Exclude Companies', entity: 'companies' as const, block: 'exclude' as const, rows: rowsFor(COMPANY_CRITERIA, endpoint, 'exclude') },
	];
	const contactBlocks = [
		{ name: 'contactFilters', label: 'Contact Filters', entity: 'contacts' as const, block: 'include' as const, rows: rowsFor(contactRows, endpoint, 'include') },
		{ name: 'contactExclusions', label: 'Exclude Contacts', entity: 'contacts' as const, block: 'exclude' as const, rows: rowsFor(contactRows, endpoint, 'exclude') },
	];
	return entity === 'contact' ? [...contactBlocks, ...companyBlocks] : [...companyBlocks, ...contactBlocks];
}

export function prospectFields(entity: EntityType): INodeProperties[] {
	const show = showFor(entity, 'prospect');
	const noun = entity === 'contact' ? 'contacts' : 'companies';
	return [
		{
			displayName: `Lusha bills every ${entity} returned. Return All can fetch up to 1,001 pages: narrow the filters first.`,
			name: 'prospectNotice',
			type: 'notice',
			default: '',
			displayOptions: show,
		},
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: `Whether to follow every page of ${noun} Lusha finds (up to its 1,000-page cap) instead of one page`,
			displayOptions: show,
		},
		{
			displayName: 'Page',
			name: 'page',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: MAX_PAGE, numberPrecision: 0 },
			default: 0,
			description: 'Which page of results, from 0',
			displayOptions: showForWith(entity, 'prospect', { returnAll: [false] }),
		},
		{ ...startPageField(entity, 'prospect', MAX_PAGE), displayOptions: showForWith(entity, 'prospect', { returnAll: [true] }) },
		{
			displayName: 'Results per Page',
			name: 'size',
			type: 'number',
			typeOptions: { minValue: MIN_SIZE, maxValue: MAX_SIZE, numberPrecision: 0 },
			default: SERVED_SIZE,
			description: 'Between 10 and 100; Lusha serves at most 50 a page, and Return All follows the pages it serves',
			displayOptions: show,
		},
		...blocks(entity).map((b) =>
			filterCollection(
				b.name,
				b.label,
				b.rows,
				show,
				entity === 'company' && b.entity === 'contacts' ? 'Only companies with such people. Lusha refuses these together with company Search Text, Signals, Intent or Technologies.' : undefined,
			),
		),
		{
			displayName: 'Options',
			name: 'prospectOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: show,
			options: [
				...(entity === 'contact'
					? [
							{
								displayName: 'Exclude Do-Not-Call',
								name: 'excludeDnc',
								type: 'boolean' as const,
								default: false,
								description: 'Whether to leave out people whose phones are all marked Do Not Call. Some Lusha plans answer 403.',
							},
						]
					: []),
				{
					displayName: 'Include Partial Profiles',
					name: 'includePartialProfiles',
					type: 'boolean',
					default: entity === 'contact',
					description: `Whether to include ${noun} Lusha has only partly profiled (Lusha’s default: ${entity === 'contact' ? 'on' : 'off'})`,
				},
			],
		},
	];
}

interface ProspectPage {
	requestId?: string;
	results?: IDataObject[];
	data?: IDataObject[];
	pagination?: { page?: number; size?: number; total?: number };
	billing?: IDataObject;
	tableWrite?: IDataObject;
}

/** Lusha's company search refuses contact filters next to these company filters. */
const NOT_WITH_CONTACT_FILTERS = ['searchText', 'signals', 'intentTopics', 'intentTopicsOperator', 'intentTopicsCondition', 'intentMinScore', 'intentMaxScore', 'topicCountThreshold', 'technologies', 'technologiesCondition'];

function integerParameter(context: IExecuteFunctions, itemIndex: number, name: string, field: string, min: number, max: number): number {
	const given = context.getNodeParameter(name, itemIndex) as number | string;
	const value = typeof given === 'string' && given.trim() !== '' ? Number(given) : given;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
		throw inputError(context, itemIndex, field, `must be a whole number from ${min} to ${max}, not ${String(value)}`, name === 'size' ? 'Lusha answers 400 below 10 and above 100.' : undefined);
	}
	return value;
}

function filtersOf(context: IExecuteFunctions, itemIndex: number, entity: EntityType): IDataObject {
	const filters: IDataObject = {};
	for (const b of blocks(entity)) {
		const values = context.getNodeParameter(b.name, itemIndex, {}) as IDataObject;
		const block = filterBlock(context, itemIndex, b.rows, values, b.label);
		if (Object.keys(block).length === 0) continue;
		filters[b.entity] = { ...((filters[b.entity] as IDataObject) ?? {}), [b.block]: block };
	}
	if (entity === 'company') {
		const companies = (filters.companies ?? {}) as IDataObject;
		// Lusha requires filters.companies.include on company search, even when empty.
		filters.companies = { include: {}, ...companies };
		const clash = NOT_WITH_CONTACT_FILTERS.find((key) => key in ((companies.include ?? {}) as IDataObject));
		if (filters.contacts && clash) {
			const row = COMPANY_CRITERIA.find((r) => r.bodyField === clash) as FilterRow;
			throw inputError(
				context,
				itemIndex,
				'Contact Filters',
				`cannot be combined with Company Filters → ${row.displayName}`,
				'Lusha refuses contact filters next to company Search Text, Signals, Intent or Technologies. Remove one of them, or prospect contacts instead.',
			);
		}
	}
	return filters;
}

/**
 * Prospecting for one input item: one page, or every page up to Lusha's cap. Each result is one
 * output item carrying the search's requestId and the billing of the page that returned it.
 */
export async function prospect(context: IExecuteFunctions, items: INodeExecutionData[], entity: EntityType, path: string): Promise<INodeExecutionData[]> {
	return await perItem.call(context, items, async (itemIndex) => {
		const returnAll = context.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const size = integerParameter(context, itemIndex, 'size', 'Results per Page', MIN_SIZE, MAX_SIZE);
		const firstPage = returnAll ? startPageAt(context, itemIndex, MAX_PAGE) : integerParameter(context, itemIndex, 'page', 'Page', 0, MAX_PAGE);
		const filters = filtersOf(context, itemIndex, entity);
		const options = compact(context.getNodeParameter('prospectOptions', itemIndex, {}) as IDataObject);

		let total: number | undefined;
		let lastFullPage = -1;
		const fetchPage = async (page: number) => {
			const response = await lushaRequest<ProspectPage>(context, {
				method: 'POST',
				path,
				body: { pagination: { page, size }, filters, ...(Object.keys(options).length ? { options } : {}), ...tableIdFor(context, itemIndex) },
				itemIndex,
				statusHints: { 403: 'This Lusha plan does not allow this search. Exclude Do-Not-Call needs a plan that supports it, and signal filters the Signals add-on.' },
			});
			const results = response.results ?? response.data ?? [];
			total ??= response.pagination?.total;
			if (results.length >= (response.pagination?.size ?? size)) lastFullPage = Math.max(lastFullPage, page);
			const extra = compact({ requestId: response.requestId, billing: response.billing, tableWrite: response.tableWrite });
			return { items: results.map((result) => ({ ...result, ...extra })), total: response.pagination?.total, size: response.pagination?.size };
		};

		if (!returnAll) return (await fetchPage(firstPage)).items;
		const walk = await collectNumberedPages<IDataObject>(fetchPage, { size, maxPage: MAX_PAGE, limit: Number.POSITIVE_INFINITY, concurrency: BULK_CONCURRENCY, startPage: firstPage });
		const results = walkOutput(context, itemIndex, walk, endpointOf(entity));
		if (lastFullPage === MAX_PAGE && (total === undefined || total > results.length)) {
			context.addExecutionHints({
				message: `Lusha serves at most ${MAX_PAGE + 1} pages of one search, so item ${itemIndex} stopped at ${results.length.toLocaleString('en-US')}${total === undefined ? '' : ` of ${total.toLocaleString('en-US')}`} ${endpointOf(entity)}. Narrow the filters to reach the rest.`,
				location: 'outputPane',
			});
		}
		return results;
	});
}
