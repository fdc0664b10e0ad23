import type { INodeProperties } from 'n8n-workflow';

import type { LushaOperation } from '../../../common/actions/types';
import * as enrichCompanies from './enrichCompanies.operation';
import * as enrichContacts from './enrichContacts.operation';
import * as searchCompanies from './searchCompanies.operation';
import * as searchContacts from './searchContacts.operation';

export const operations: Record<string, LushaOperation> = { searchContacts, enrichContacts, searchCompanies, enrichCompanies };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['prospecting'] } },
		options: [
			{ name: 'Enrich Companies', value: 'enrichCompanies', action: 'Enrich companies from a search', description: 'Full company records for search results' },
			{ name: 'Enrich Contacts', value: 'enrichContacts', action: 'Enrich contacts from a search', description: 'Emails and phones for search results (spends credits)' },
			{ name: 'Search Companies', value: 'searchCompanies', action: 'Search companies', description: 'Find companies by industry, size, location, technology and more' },
			{ name: 'Search Contacts', value: 'searchContacts', action: 'Search contacts', description: 'Find people by role, seniority, location and company filters' },
		],
		default: 'searchContacts',
	},
	...searchContacts.description,
	...enrichContacts.description,
	...searchCompanies.description,
	...enrichCompanies.description,
];
