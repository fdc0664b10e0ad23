import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import { EXPRESSION_LIST_HINT } from './uiText';

/** Contact or Company: the same choice in the trigger, subscriptions and signal options. */
export function entityTypeField(displayOptions?: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Entity Type',
		name: 'entityType',
		type: 'options',
		options: [
			{ name: 'Contact', value: 'contact', description: 'People: promotions and job changes' },
			{ name: 'Company', value: 'company', description: 'Accounts: funding, hiring, headcount, news and more' },
		],
		default: 'contact',
		...(displayOptions ? { displayOptions } : {}),
	};
}

/** Signal types for the chosen entity type, loaded live (getSignalTypes) with the documented catalogue as fallback. */
export function signalTypesField(purpose: string, displayOptions?: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Signal Type Names or IDs',
		name: 'signalTypes',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getSignalTypes', loadOptionsDependsOn: ['entityType'] },
		default: ['allSignals'],
		description: `${purpose} Each delivered signal costs credits. ${EXPRESSION_LIST_HINT}`,
		...(displayOptions ? { displayOptions } : {}),
	};
}

/** How many results of each signal type Lusha returns per record (1–100; Lusha's default 10). */
export const maxResultsPerSignalField: INodeProperties = {
	displayName: 'Max Results per Signal',
	name: 'maxResultsPerSignal',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 100, numberPrecision: 0 },
	default: 10,
};
