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
		displayOptions: { show: { resource: ['company'] } },
		options: [
			{
				name: 'Enrich',
				value: 'enrich',
				action: 'Enrich a company',
				description: 'Size, industry, funding, technologies and signals for each company; 100 per API call',
			},
		],
		default: 'enrich',
	},
	...enrich.description,
];
