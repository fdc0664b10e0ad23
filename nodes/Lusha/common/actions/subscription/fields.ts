import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../../shared/helpers/display';

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
