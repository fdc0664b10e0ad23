import type { INodeProperties } from 'n8n-workflow';

import type { LushaOperation } from '../../../common/actions/types';
import * as getForCompanies from './getForCompanies.operation';
import * as getForContacts from './getForContacts.operation';
import * as getOptions from './getOptions.operation';
import * as searchCompanies from './searchCompanies.operation';
import * as searchContacts from './searchContacts.operation';

export const operations: Record<string, LushaOperation> = { getOptions, getForContacts, searchContacts, getForCompanies, searchCompanies };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['signal'] } },
		options: [
			{ name: 'Get for Companies', value: 'getForCompanies', action: 'Get signals for companies by ID', description: 'Funding, hiring, headcount, traffic and news signals; 100 per call' },
			{ name: 'Get for Contacts', value: 'getForContacts', action: 'Get signals for contacts by ID', description: 'Promotions and job changes; 100 per call' },
			{ name: 'Get Options', value: 'getOptions', action: 'Get available signal types', description: 'The signal types and filters this account can use' },
			{ name: 'Search Companies', value: 'searchCompanies', action: 'Get signals for companies by domain or name' },
			{ name: 'Search Contacts', value: 'searchContacts', action: 'Get signals for contacts by email, LinkedIn or name' },
		],
		default: 'getForContacts',
	},
	...getOptions.description,
	...getForContacts.description,
	...searchContacts.description,
	...getForCompanies.description,
	...searchCompanies.description,
];
