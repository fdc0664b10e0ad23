import type { INodeProperties } from 'n8n-workflow';

import type { LushaOperation } from '../../../common/actions/types';
import * as search from './search.operation';
import * as enrich from './enrich.operation';
import * as getEnrichJob from './getEnrichJob.operation';
import * as searchAndEnrich from './searchAndEnrich.operation';
import * as prospect from './prospect.operation';
import * as findLookalikes from './findLookalikes.operation';
import * as getSignals from './getSignals.operation';
import * as findBuyingGroup from './findBuyingGroup.operation';
import * as getSignalScore from './getSignalScore.operation';

export const operations: Record<string, LushaOperation> = { search, enrich, getEnrichJob, searchAndEnrich, prospect, findLookalikes, getSignals, findBuyingGroup, getSignalScore };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{ name: 'Search', value: 'search', action: 'Search contacts (no reveal)', description: 'Find contacts by ID, email, LinkedIn URL or name + company, without revealing data' },
			{ name: 'Enrich', value: 'enrich', action: 'Enrich contacts', description: 'Reveal emails and phones for Lusha contact IDs' },
			{ name: 'Get Enrich Job', value: 'getEnrichJob', action: 'Get a contact enrich job', description: 'Collect the contacts Lusha’s Data Waterfall finished after Enrich stopped waiting' },
			{ name: 'Search and Enrich', value: 'searchAndEnrich', action: 'Search and enrich contacts', description: 'Find and reveal contacts in one step (replaces API v2 person enrichment)' },
			{ name: 'Prospect', value: 'prospect', action: 'Prospect contacts', description: 'Find new contacts with Lusha’s prospecting filters' },
			{ name: 'Find Lookalikes', value: 'findLookalikes', action: 'Find lookalike contacts', description: 'Contacts similar to the 5–100 you give (seeds from all input items)' },
			{ name: 'Get Signals', value: 'getSignals', action: 'Get contact signals', description: 'Promotions and job changes of contacts, 100 per call' },
			{ name: 'Find Buying Group', value: 'findBuyingGroup', action: 'Find the buying group of companies', description: 'Decision makers, champions and end users at companies, 25 companies per call' },
			{ name: 'Get Signal Score', value: 'getSignalScore', action: 'Get contact signal scores', description: 'Score contacts 0–1 by their live signals, 100 per call' },
		],
		default: 'searchAndEnrich',
	},
	...search.description,
	...enrich.description,
	...getEnrichJob.description,
	...searchAndEnrich.description,
	...prospect.description,
	...findLookalikes.description,
	...getSignals.description,
	...findBuyingGroup.description,
	...getSignalScore.description,
];
