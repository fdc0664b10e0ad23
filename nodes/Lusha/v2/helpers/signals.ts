import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { SIGNAL_CATALOGUE, signalTypeOptions } from '../../../shared/api/signalCatalogue';
import type { EntityType } from '../../../shared/api/signalCatalogue';
import { showFor } from '../../../shared/helpers/display';
import { compact } from '../../../shared/helpers/fields';
import { inputError, lushaDate, parseList } from '../../../shared/helpers/input';
import type { LushaContext } from '../../../shared/transport';
import { lushaRequest } from '../../../shared/transport';
import { EXPRESSION_LIST_HINT, SIGNALS_COST_CREDITS } from '../../../shared/uiText';
import { COMPANY_IDS_DEFAULT, CONTACT_IDS_DEFAULT, emptyIdsHint } from './idDefaults';
import { tableIdFor } from './tableWrite';
import { onItemErrorField, v3BulkPerItem } from './v3Bulk';

const TYPES_PATH: Record<EntityType, string> = { contact: '/v3/contacts/signals/types', company: '/v3/companies/signals/types' };

/** The V3 signal types of this account, live, with the documented catalogue when they cannot be loaded. */
export async function loadV3SignalTypes(context: LushaContext, entity: EntityType): Promise<INodePropertyOptions[]> {
	try {
		const response = await lushaRequest<{ signalTypes?: string[] }>(context, { method: 'GET', path: TYPES_PATH[entity] });
		return signalTypeOptions(entity, response.signalTypes ?? []);
	} catch {
		// Signals may not be on the plan, or the editor may be offline: the catalogue still lets users pick.
		return SIGNAL_CATALOGUE[entity];
	}
}

/** Lusha V3 IDs are encrypted (`v1.…`) or legacy whole numbers; anything else is refused as "Invalid … id". */
export function lushaIds(context: IExecuteFunctions, value: unknown, field: string, itemIndex: number): string[] {
	const ids = parseList(value);
	if (ids.length === 0) throw inputError(context, itemIndex, field, `is empty: ${emptyIdsHint(context, itemIndex, field)}`, 'Map the Lusha ID of a Search, Prospect or Lusha Trigger item.');
	const bad = ids.find((id) => !/^(v\d+\.[A-Za-z0-9_-]+|\d+)$/.test(id));
	if (bad !== undefined) {
		throw inputError(context, itemIndex, field, `holds "${bad}", which is not a Lusha ID`, 'Lusha IDs look like v1.… (or digits for older records). Take them from a Search, Prospect or Enrich result.');
	}
	return ids;
}

export function signalFields(entity: EntityType): INodeProperties[] {
	const show = showFor(entity, 'getSignals');
	const noun = entity === 'contact' ? 'contact' : 'company';
	return [
		{
			displayName: `Lusha ${noun === 'contact' ? 'Contact' : 'Company'} IDs`,
			name: 'ids',
			type: 'string',
			default: entity === 'contact' ? CONTACT_IDS_DEFAULT : COMPANY_IDS_DEFAULT,
			required: true,
			description: `The ${noun} IDs to read signals for, separated by commas. By default each incoming item’s ID. Up to 100 go in one call.`,
			displayOptions: show,
		},
		{
			displayName: 'Signal Type Names or IDs',
			name: 'signalTypes',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: entity === 'contact' ? 'getContactSignalTypes' : 'getCompanySignalTypes' },
			default: ['allSignals'],
			required: true,
			description: `${SIGNALS_COST_CREDITS} ${EXPRESSION_LIST_HINT}`,
			displayOptions: show,
		},
		...(entity === 'company'
			? [
					{
						displayName: 'LinkedIn Activity Intent covers the last 90 days and at most 50 posts per company, whatever Since and Max Results per Signal say',
						name: 'linkedinIntentNotice',
						type: 'notice' as const,
						default: '',
						displayOptions: show,
					},
				]
			: []),
		{
			displayName: 'Options',
			name: 'signalOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: show,
			options: [
				{ displayName: 'Since', name: 'startDate', type: 'dateTime', default: '', description: 'Signals from this date on (Lusha’s default: 6 months ago)' },
				{ displayName: 'Max Results per Signal', name: 'maxResultsPerSignal', type: 'number', typeOptions: { minValue: 1, maxValue: 100, numberPrecision: 0 }, default: 10 },
				...(entity === 'company'
					? [
							{
								displayName: 'LinkedIn Intent Category Names or IDs',
								name: 'intentCategories',
								type: 'multiOptions' as const,
								typeOptions: { loadOptionsMethod: 'getIntentCategories' },
								default: [],
								description: `Only LinkedIn Activity Intent posts in these categories. ${EXPRESSION_LIST_HINT}`,
							},
						]
					: []),
			],
		},
		onItemErrorField(entity, 'getSignals'),
	];
}

/**
 * Signals for Lusha IDs: up to 100 IDs per call across all items, one output item per ID with its
 * signal lists, `signalCount` and the call's `billing`.
 */
export async function getSignals(context: IExecuteFunctions, items: INodeExecutionData[], entity: EntityType, path: string): Promise<INodeExecutionData[]> {
	const label = entity === 'contact' ? 'Lusha Contact IDs' : 'Lusha Company IDs';
	return await v3BulkPerItem.call(context, items, {
		path,
		bodyKey: 'ids',
		sameIdentityOnce: true,
		prepare: (itemIndex) => lushaIds(context, context.getNodeParameter('ids', itemIndex), label, itemIndex),
		bodyExtras: (itemIndex) => {
			const signalTypes = parseList(context.getNodeParameter('signalTypes', itemIndex, []));
			if (signalTypes.length === 0) throw inputError(context, itemIndex, 'Signal Type Names or IDs', 'is empty', 'Pick at least one signal type, e.g. All Signals.');
			const options = context.getNodeParameter('signalOptions', itemIndex, {}) as IDataObject;
			const max = options.maxResultsPerSignal;
			if (max !== undefined && (!Number.isInteger(max) || (max as number) < 1 || (max as number) > 100)) {
				throw inputError(context, itemIndex, 'Options → Max Results per Signal', `must be a whole number from 1 to 100, not ${String(max)}`);
			}
			const intentCategories = parseList(options.intentCategories);
			return {
				...compact({
					signalTypes,
					startDate: lushaDate(context, options.startDate, 'Options → Since', itemIndex),
					maxResultsPerSignal: max as number | undefined,
					filters: intentCategories.length ? { include: { intentCategories } } : undefined,
				}),
				...tableIdFor(context, itemIndex),
			};
		},
		output: (result) => {
			const signalCount = Object.values(result).reduce<number>((n, value) => n + (Array.isArray(value) ? value.length : 0), 0);
			return { ...result, signalCount };
		},
	});
}
