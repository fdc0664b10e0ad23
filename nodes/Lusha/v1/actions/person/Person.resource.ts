import type { INodeProperties } from 'n8n-workflow';

import type { LushaOperation } from '../../../common/actions/types';
import * as enrich from './enrich.operation';

export const operations: Record<string, LushaOperation> = { enrich };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['person'] } },
		options: [
			{
				name: 'Enrich',
				value: 'enrich',
				action: 'Enrich a person',
				description: 'Emails, phones, job and company for each person; 100 people per API call',
			},
		],
		default: 'enrich',
	},
	...enrich.description,
];
