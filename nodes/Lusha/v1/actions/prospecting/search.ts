import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { returnAllOrLimit, wantedCount } from '../../../../shared/helpers/fields';
import { walkOutput } from '../../../../shared/helpers/resume';
import { perItem } from '../../../../shared/helpers/items';
import { lushaDate } from '../../../../shared/helpers/input';
import { BULK_CONCURRENCY, collectNumberedPages, lushaRequest } from '../../../../shared/transport';
import { COMPANY_FILTERS, CONTACT_FILTERS, filterBody, filterCollection } from './filters';

/** Lusha serves at most 50 per page and pages 0 to 1,000. */
const PAGE_SIZE = 50;
const MAX_PAGE = 1000;

export type SearchKind = 'contact' | 'company';

const operationOf = (kind: SearchKind) => (kind === 'contact' ? 'searchContacts' : 'searchCompanies');

export function searchFields(kind: SearchKind): INodeProperties[] {
	const operation = operationOf(kind);
	const show = { resource: ['prospecting'], operation: [operation] };
	const contactFields = kind === 'contact'
		? [filterCollection('contactFilters', 'Contact Filters', CONTACT_FILTERS, show), filterCollection('excludeContacts', 'Exclude Contacts', CONTACT_FILTERS, show)]
		: [];
	return [
		...returnAllOrLimit('prospecting', operation, 50),
		...contactFields,
		filterCollection('companyFilters', 'Company Filters', COMPANY_FILTERS, show),
		filterCollection('excludeCompanies', 'Exclude Companies', COMPANY_FILTERS, show),
		...(kind === 'contact'
			? [
					{
						displayName: 'Options',
						name: 'searchOptions',
						type: 'collection',
						placeholder: 'Add Option',
						default: {},
						displayOptions: { show },
						options: [
							{ displayName: 'Exclude Do-Not-Call', name: 'excludeDnc', type: 'boolean', default: false, description: 'Whether to leave out people whose phones are all marked Do Not Call. Lusha’s Scale plan only: others get a 403.' },
							{ displayName: 'Include Partial Contacts', name: 'includePartialContact', type: 'boolean', default: true, description: 'Whether to include people Lusha has only partly profiled' },
						],
					} as INodeProperties,
				]
			: []),
	];
}

interface SearchPage {
	requestId?: string;
	totalResults?: number;
	data?: IDataObject[];
	contacts?: IDataObject[];
	companies?: IDataObject[];
}

/**
 * One item per contact or company found, each carrying the search's requestId, which Enrich
 * Contacts/Companies reads by default. Lusha returns the list under `data` although its spec says
 * `contacts`/`companies`; either is read.
 */
export async function runSearch(context: IExecuteFunctions, items: INodeExecutionData[], kind: SearchKind, path: string): Promise<INodeExecutionData[]> {
	return await perItem.call(context, items, async (itemIndex) => {
		const dateOf = (value: unknown, field: string) => lushaDate(context, value, field, itemIndex);
		const group = (include: string, exclude: string, rows: typeof CONTACT_FILTERS) => {
			const included = filterBody(rows, context.getNodeParameter(include, itemIndex, {}) as IDataObject, dateOf);
			const excluded = filterBody(rows, context.getNodeParameter(exclude, itemIndex, {}) as IDataObject, dateOf);
			return { include: included, exclude: excluded };
		};
		const filters: IDataObject = { companies: group('companyFilters', 'excludeCompanies', COMPANY_FILTERS) };
		if (kind === 'contact') filters.contacts = group('contactFilters', 'excludeContacts', CONTACT_FILTERS);
		const options = kind === 'contact' ? (context.getNodeParameter('searchOptions', itemIndex, {}) as IDataObject) : {};
		const limit = wantedCount(context, itemIndex);

		const walk = await collectNumberedPages<IDataObject>(
			async (page) => {
				const response = await lushaRequest<SearchPage>(context, {
					method: 'POST',
					path,
					body: { ...options, pages: { page, size: PAGE_SIZE }, filters },
					itemIndex,
					statusHints: { 403: 'This Lusha plan does not allow this search. Exclude Do-Not-Call needs the Scale plan, and signal filters the Signals add-on.' },
				});
				const found = response.data ?? (kind === 'contact' ? response.contacts : response.companies) ?? [];
				return { items: found.map((result) => ({ ...result, requestId: response.requestId ?? null })), total: response.totalResults };
			},
			{ size: PAGE_SIZE, maxPage: MAX_PAGE, limit, concurrency: BULK_CONCURRENCY },
		);
		// A used-up quota keeps the pages fetched (version 1 has no Start Page; the hint names the page to resume).
		return walkOutput(context, itemIndex, walk, kind === 'contact' ? 'contacts' : 'companies', false);
	});
}
