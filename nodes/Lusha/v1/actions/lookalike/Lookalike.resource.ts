import type { INodeProperties } from 'n8n-workflow';

import type { LushaOperation } from '../../../common/actions/types';
import * as findSimilarCompanies from './findSimilarCompanies.operation';
import * as findSimilarContacts from './findSimilarContacts.operation';

export const operations: Record<string, LushaOperation> = { findSimilarContacts, findSimilarCompanies };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['lookalike'] } },
		options: [
			{ name: 'Find Similar Companies', value: 'findSimilarCompanies', action: 'Find similar companies', description: 'Companies like your best accounts' },
			{ name: 'Find Similar Contacts', value: 'findSimilarContacts', action: 'Find similar contacts', description: 'People like your best buyers' },
		],
		default: 'findSimilarContacts',
	},
	...findSimilarContacts.description,
	...findSimilarCompanies.description,
];
