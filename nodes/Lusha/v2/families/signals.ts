import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { EntityType } from '../../../shared/api/signalCatalogue';
import { signalCount } from '../../../shared/api/signals';
import { showFor } from '../../../shared/helpers/display';
import { compact } from '../../../shared/helpers/fields';
import { inputError, lushaDate, lushaIds, parseList, wholeNumberIn } from '../../../shared/helpers/input';
import { maxResultsPerSignalField } from '../../../shared/signalFields';
import { EXPRESSION_LIST_HINT, SIGNALS_COST_CREDITS } from '../../../shared/uiText';
import { tableIdFor } from '../helpers/tableClient';
import { onItemErrorField, runBulk } from '../helpers/bulkEngine';
import { COMPANY_IDS_DEFAULT, CONTACT_IDS_DEFAULT } from '../../../shared/helpers/idDefaults';

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
				maxResultsPerSignalField,
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
	return await runBulk.call(context, items, {
		path,
		bodyKey: 'ids',
		sameIdentityOnce: true,
		prepare: (itemIndex) => lushaIds(context, context.getNodeParameter('ids', itemIndex), label, itemIndex),
		bodyExtras: (itemIndex) => {
			const signalTypes = parseList(context.getNodeParameter('signalTypes', itemIndex, []));
			if (signalTypes.length === 0) throw inputError(context, itemIndex, 'Signal Type Names or IDs', 'is empty', 'Pick at least one signal type, e.g. All Signals.');
			const options = context.getNodeParameter('signalOptions', itemIndex, {}) as IDataObject;
			const max = wholeNumberIn(context, options.maxResultsPerSignal, 'Options → Max Results per Signal', itemIndex, 1, 100);
			const intentCategories = parseList(options.intentCategories);
			return {
				...compact({
					signalTypes,
					startDate: lushaDate(context, options.startDate, 'Options → Since', itemIndex),
					maxResultsPerSignal: max,
					filters: intentCategories.length ? { include: { intentCategories } } : undefined,
				}),
				...tableIdFor(context, itemIndex),
			};
		},
		output: (result) => ({ ...result, signalCount: signalCount(result) }),
	});
}
