import type { INodeProperties } from 'n8n-workflow';

import type { LushaOperation } from '../types';
import * as getUsage from './getUsage.operation';

export const operations: Record<string, LushaOperation> = { getUsage };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{
				name: 'Get Usage',
				value: 'getUsage',
				action: 'Get credit usage',
				description: 'How many credits the account has used and has left (Lusha allows 5 calls a minute)',
			},
		],
		default: 'getUsage',
	},
	...getUsage.description,
];
