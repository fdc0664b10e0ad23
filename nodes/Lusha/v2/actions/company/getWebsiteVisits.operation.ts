import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../../shared/helpers/display';
import { compact, returnAllOrLimit, wantedCount } from '../../../../shared/helpers/fields';
import { domainOf, inputError, lushaDate, parseList } from '../../../../shared/helpers/input';
import { perItem } from '../../../../shared/helpers/items';
import { startPageAt, startPageField, walkOutput } from '../../../../shared/helpers/resume';
import { BULK_CONCURRENCY, collectNumberedPages, lushaRequest } from '../../../../shared/transport';

const show = showFor('company', 'getWebsiteVisits');
/** Lusha serves 1 to 150 visiting companies a page, for a window of at most 3 months. */
const MAX_PAGE_SIZE = 150;
const MAX_MONTHS = 3;
const MAX_PAGE = 10_000;

/** The visit metrics Lusha filters on, with whether they take whole numbers. */
const METRICS: Array<{ name: string; value: string; integer: boolean }> = [
	{ name: 'Score (1–100)', value: 'score', integer: true },
	{ name: 'Total Sessions', value: 'totalSessions', integer: true },
	{ name: 'Unique Visitors', value: 'uniqueVisitors', integer: true },
	{ name: 'Average Session Minutes', value: 'avgSessionMinutes', integer: false },
	{ name: 'Days Visited', value: 'daysVisited', integer: true },
	{ name: 'High-Intent Pageviews', value: 'highIntentPageviews', integer: true },
	{ name: 'Days Since Last Visit', value: 'daysSinceLastVisit', integer: true },
];

export const description: INodeProperties[] = [
	{
		displayName: 'Your Website Domains',
		name: 'visitDomains',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'yourcompany.com',
		description: 'Your own domains, as set up for visitor tracking in Lusha, separated by commas. Lusha refuses the whole request if one is not tracked.',
		displayOptions: show,
	},
	{
		displayName: 'Start Date',
		name: 'visitStartDate',
		type: 'dateTime',
		default: '={{ $today.minus({ days: 30 }).toISODate() }}',
		required: true,
		description: 'First day of the window. The window may span at most 3 months.',
		displayOptions: show,
	},
	{
		displayName: 'End Date',
		name: 'visitEndDate',
		type: 'dateTime',
		default: '={{ $today.toISODate() }}',
		required: true,
		description: 'Last day of the window, at most 3 months after the start',
		displayOptions: show,
	},
	...returnAllOrLimit('company', 'getWebsiteVisits'),
	startPageField('company', 'getWebsiteVisits', MAX_PAGE),
	{
		displayName: 'Filters',
		name: 'visitFilters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Score Bands',
				name: 'scoreBands',
				type: 'multiOptions',
				options: [
					{ name: 'Hot', value: 'hot' },
					{ name: 'Warm', value: 'warm' },
					{ name: 'Cold', value: 'cold' },
				],
				default: [],
			},
			{
				displayName: 'Visitor Countries',
				name: 'include',
				type: 'string',
				default: '',
				placeholder: 'US, GB',
				description: 'Only visits from these countries (ISO 3166-1 alpha-2 codes, separated by commas)',
			},
			{
				displayName: 'Exclude Visitor Countries',
				name: 'exclude',
				type: 'string',
				default: '',
				placeholder: 'CN',
				description: 'No visits from these countries (ISO 3166-1 alpha-2 codes, separated by commas)',
			},
		],
	},
	{
		displayName: 'Metric Filters',
		name: 'visitMetrics',
		type: 'fixedCollection',
		placeholder: 'Add Metric Filter',
		typeOptions: { multipleValues: true },
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Metric',
				name: 'metric',
				values: [
					{ displayName: 'Metric', name: 'metric', type: 'options', options: METRICS.map(({ name, value }) => ({ name, value })), default: 'score' },
					{
						displayName: 'Condition',
						name: 'bound',
						type: 'options',
						options: [
							{ name: 'At Least', value: 'min' },
							{ name: 'At Most', value: 'max' },
						],
						default: 'min',
					},
					{ displayName: 'Value', name: 'value', type: 'number', typeOptions: { minValue: 0, numberPrecision: 2 }, default: 0 },
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'visitOptions',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: MAX_PAGE_SIZE },
				default: MAX_PAGE_SIZE,
				description: 'Companies per Lusha call (1–150)',
			},
			{
				displayName: 'Sort By',
				name: 'by',
				type: 'options',
				options: [...METRICS.map(({ name, value }) => ({ name, value })), { name: 'Last Visit', value: 'lastVisit' }],
				default: 'score',
			},
			{
				displayName: 'Sort Order',
				name: 'order',
				type: 'options',
				options: [
					{ name: 'Descending', value: 'desc' },
					{ name: 'Ascending', value: 'asc' },
				],
				default: 'desc',
			},
		],
	},
];

function addMonths(day: string, months: number): string {
	const date = new Date(`${day}T00:00:00Z`);
	return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, date.getUTCDate())).toISOString().slice(0, 10);
}

/** Start and end, checked before any call: Lusha refuses a window over 3 months. */
function windowAt(context: IExecuteFunctions, itemIndex: number): { startDate: string; endDate: string } {
	const startDate = lushaDate(context, context.getNodeParameter('visitStartDate', itemIndex), 'Start Date', itemIndex);
	const endDate = lushaDate(context, context.getNodeParameter('visitEndDate', itemIndex), 'End Date', itemIndex);
	if (!startDate) throw inputError(context, itemIndex, 'Start Date', 'is empty');
	if (!endDate) throw inputError(context, itemIndex, 'End Date', 'is empty');
	if (endDate < startDate) throw inputError(context, itemIndex, 'End Date', `(${endDate}) is before Start Date (${startDate})`);
	const latest = addMonths(startDate, MAX_MONTHS);
	if (endDate > latest) {
		throw inputError(context, itemIndex, 'End Date', `(${endDate}) is more than 3 months after Start Date (${startDate})`, `Lusha serves website visits for at most 3 months at a time: end on ${latest} or earlier, or run one request per quarter.`);
	}
	return { startDate, endDate };
}

function countriesAt(context: IExecuteFunctions, itemIndex: number, value: unknown, field: string): string[] {
	const codes = parseList(value).map((code) => code.toUpperCase());
	const bad = codes.find((code) => !/^[A-Z]{2}$/.test(code));
	if (bad !== undefined) throw inputError(context, itemIndex, field, `has "${bad}", which is not a two-letter country code`, 'Use ISO 3166-1 alpha-2 codes such as US, GB, DE.');
	return codes;
}

function filtersAt(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const given = context.getNodeParameter('visitFilters', itemIndex, {}) as IDataObject;
	const include = countriesAt(context, itemIndex, given.include, 'Visitor Countries');
	const exclude = countriesAt(context, itemIndex, given.exclude, 'Exclude Visitor Countries');
	const filters: IDataObject = compact({ scoreBands: given.scoreBands as string[] });
	if (include.length || exclude.length) filters.visitorCountries = compact({ include, exclude });
	const rows = ((context.getNodeParameter('visitMetrics', itemIndex, {}) as IDataObject).metric ?? []) as Array<{ metric: string; bound: 'min' | 'max'; value: number }>;
	for (const row of rows) {
		const metric = METRICS.find((m) => m.value === row.metric);
		if (metric?.integer && !Number.isInteger(row.value)) {
			throw inputError(context, itemIndex, `Metric Filters (${metric.name})`, `must be a whole number, not ${row.value}`);
		}
		filters[row.metric] = { ...(filters[row.metric] as IDataObject), [row.bound]: row.value };
	}
	return filters;
}

/**
 * Companies that visited your website in a window (`POST /v3/companies/website-visits`), one
 * item each, best score first by default. Pages of up to 150; Return All walks them all.
 */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem.call(this, items, async (itemIndex) => {
		const domains = parseList(this.getNodeParameter('visitDomains', itemIndex)).map((domain) => domainOf(this, domain, 'Your Website Domains', itemIndex));
		if (!domains.length) throw inputError(this, itemIndex, 'Your Website Domains', 'is empty', 'Give the domain of your website that Lusha tracks.');
		const window = windowAt(this, itemIndex);
		const filters = filtersAt(this, itemIndex);
		const { pageSize, ...sort } = compact(this.getNodeParameter('visitOptions', itemIndex, {}) as IDataObject);
		const limit = wantedCount(this, itemIndex);
		const size = Math.min(Number(pageSize ?? MAX_PAGE_SIZE), limit);
		if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) throw inputError(this, itemIndex, 'Page Size', `must be a whole number from 1 to ${MAX_PAGE_SIZE}`);
		const body: IDataObject = { domains, ...window, ...(Object.keys(sort).length ? { sort } : {}), ...(Object.keys(filters).length ? { filters } : {}) };
		const walk = await collectNumberedPages<IDataObject>(
			async (page) => {
				const response = await lushaRequest<{ results?: IDataObject[]; pagination?: { total?: number; size?: number } }>(this, {
					method: 'POST',
					path: '/v3/companies/website-visits',
					body: { ...body, pagination: { page, size } },
					itemIndex,
					statusHints: { 400: 'Lusha refused the request. If the message names a domain, set it up for visitor tracking in Lusha first; otherwise check the fields it names.' },
				});
				return { items: response.results ?? [], total: response.pagination?.total, size: response.pagination?.size };
			},
			{ size, maxPage: MAX_PAGE, limit, concurrency: BULK_CONCURRENCY, startPage: startPageAt(this, itemIndex, MAX_PAGE) },
		);
		return walkOutput(this, itemIndex, walk, 'visiting companies');
	});
}
