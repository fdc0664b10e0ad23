import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../types';

/** Pick a subscription from a searchable list, or give its ID. */
export function subscriptionLocator(operation: string): INodeProperties {
	return {
		displayName: 'Subscription',
		name: 'subscriptionId',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		displayOptions: showFor('subscription', operation),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchSubscriptions', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: '507f1f77bcf86cd799439011',
				validation: [
					{
						type: 'regex',
						properties: { regex: '^[0-9a-fA-F]{24}$', errorMessage: 'A Lusha subscription ID has 24 hexadecimal characters' },
					},
				],
			},
		],
	};
}

export function subscriptionIdAt(context: IExecuteFunctions, itemIndex: number): string {
	return context.getNodeParameter('subscriptionId', itemIndex, '', { extractValue: true }) as string;
}

/** Signal types for the chosen entity type, loaded live with the documented catalogue as fallback. */
export function signalTypesField(operation: string, dependsOn: string): INodeProperties {
	return {
		displayName: 'Signal Type Names or IDs',
		name: 'signalTypes',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getSignalTypes', loadOptionsDependsOn: [dependsOn] },
		default: ['allSignals'],
		description:
			'Signals to deliver. Each delivered signal costs credits. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: showFor('subscription', operation),
	};
}
