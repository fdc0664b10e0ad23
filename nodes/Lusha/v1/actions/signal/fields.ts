import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { EXPRESSION_LIST_HINT, SIGNALS_COST_CREDITS } from '../../../../shared/uiText';
import { compact } from '../../../../shared/helpers/fields';
import { inputError } from '../../../../shared/helpers/input';
import { showFor } from '../../../../shared/helpers/display';

/** Signal types to return with each enriched person or company, and the window: the enrich operations' options. */
export function enrichSignalOptions(entity: 'contact' | 'company'): INodeProperties[] {
	return [
		{
			displayName: 'Signal Names or IDs',
			name: 'signals',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: entity === 'contact' ? 'getContactSignalTypes' : 'getCompanySignalTypes' },
			default: [],
			description: `Also return these signals for each ${entity === 'contact' ? 'person' : 'company'}. ${EXPRESSION_LIST_HINT}`,
		},
		{ displayName: 'Signals Since', name: 'signalsStartDate', type: 'dateTime', default: '', description: 'Signals from this date on (Lusha’s default: 6 months ago)' },
	];
}

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

/**
 * Lusha's `{ include: { newsEventTypes, hiringByDepartments, hiringByLocations } }`, or undefined
 * when nothing is set. A hiring location needs its country: Lusha refuses a state alone.
 */
export function signalFiltersFrom(context: IExecuteFunctions, filters: IDataObject | undefined, field: string, itemIndex: number): IDataObject | undefined {
	if (!filters) return undefined;
	const locations = ((filters.hiringByLocations as IDataObject | undefined)?.location as IDataObject[] | undefined) ?? [];
	const hiringByLocations = locations.map((l) => compact({ country: String(l.country ?? '').trim(), state: String(l.state ?? '').trim() })).filter((l) => Object.keys(l).length > 0);
	const stateAlone = hiringByLocations.find((l) => !l.country);
	if (stateAlone) {
		throw inputError(context, itemIndex, `${field} → Hiring Locations`, `has State "${stateAlone.state}" but no Country`, 'Lusha needs the country of every hiring location; the state is optional. Add the country, e.g. United States.');
	}
	const include = compact({
		newsEventTypes: filters.newsEventTypes as string[],
		hiringByDepartments: filters.hiringByDepartments as string[],
		hiringByLocations,
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
			description: `${SIGNALS_COST_CREDITS} ${EXPRESSION_LIST_HINT}`,
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
