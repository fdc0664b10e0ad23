import type { INodeProperties } from 'n8n-workflow';

import type { LushaOperation } from '../types';
import * as getMany from './getMany.operation';
import * as getStats from './getStats.operation';

export const operations: Record<string, LushaOperation> = { getMany, getStats };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['auditLog'] } },
		options: [
			{ name: 'Get Many', value: 'getMany', action: 'Get webhook delivery logs', description: 'Every delivery attempt, with its status and HTTP code' },
			{ name: 'Get Stats', value: 'getStats', action: 'Get webhook delivery statistics', description: 'Totals and success rate' },
		],
		default: 'getMany',
	},
	...getMany.description,
	...getStats.description,
];
