import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { EXPRESSION_LIST_HINT } from '../../../../shared/uiText';
import { compact } from '../../../../shared/helpers/fields';
import { showFor } from '../../../../shared/helpers/display';

/** Company signal sub-filters: which news events, and hiring in which departments and places. */
export const signalFiltersOption: INodeProperties = {
	displayName: 'Signal Filters',
	name: 'signalsFilters',
	type: 'collection',
	placeholder: 'Add Filter',
	default: {},
	options: [
		{
			displayName: 'Hiring Department Names or IDs',
			name: 'hiringByDepartments',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getHiringDepartments' },
			default: [],
			description: `For hiring surges: only these departments. ${EXPRESSION_LIST_HINT}`,
		},
		{
			displayName: 'Hiring Locations',
			name: 'hiringByLocations',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add Location',
			options: [
				{
					displayName: 'Location',
					name: 'location',
					values: [
						{ displayName: 'Country', name: 'country', type: 'string', default: '', placeholder: 'United States' },
						{ displayName: 'State', name: 'state', type: 'string', default: '', placeholder: 'California' },
					],
				},
			],
		},
		{
			displayName: 'News Event Type Names or IDs',
			name: 'newsEventTypes',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getNewsEventTypes' },
			default: [],
			description: `For news signals: only these events, e.g. Funding Round or Executive Hire. ${EXPRESSION_LIST_HINT}`,
		},
	],
};

/** Lusha's `{ include: { newsEventTypes, hiringByDepartments, hiringByLocations } }`, or undefined when nothing is set. */
export function signalFiltersFrom(filters: IDataObject | undefined): IDataObject | undefined {
	if (!filters) return undefined;
	const locations = ((filters.hiringByLocations as IDataObject | undefined)?.location as IDataObject[] | undefined) ?? [];
	const include = compact({
		newsEventTypes: filters.newsEventTypes as string[],
		hiringByDepartments: filters.hiringByDepartments as string[],
		hiringByLocations: locations.map((l) => compact(l)).filter((l) => Object.keys(l).length > 0),
	});
	return Object.keys(include).length ? { include } : undefined;
}

/** Signal types, the window and the per-signal cap, shared by the four signal look-ups. */
export function signalQueryFields(operations: string[], entity: 'contact' | 'company'): INodeProperties[] {
	const display = { show: { resource: ['signal'], operation: operations } };
	return [
		{
			displayName: 'Signal Names or IDs',
			name: 'signalTypes',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: entity === 'contact' ? 'getContactSignalTypes' : 'getCompanySignalTypes' },
			default: ['allSignals'],
			required: true,
			description: `Each signal type that returns results costs credits. ${EXPRESSION_LIST_HINT}`,
			displayOptions: display,
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: display,
			options: [
				{ displayName: 'Max Results per Signal', name: 'maxResultsPerSignal', type: 'number', typeOptions: { minValue: 1, maxValue: 100 }, default: 10 },
				{ displayName: 'Since', name: 'startDate', type: 'dateTime', default: '', description: 'Signals from this date on (Lusha’s default: 6 months ago)' },
				...(entity === 'company' ? [{ ...signalFiltersOption, name: 'filters' }] : []),
			],
		},
	];
}

export const entityShow = (operation: string) => showFor('signal', operation);
