import type { INodeProperties } from 'n8n-workflow';

import type { LushaOperation } from '../../../common/actions/types';
import * as search from './search.operation';
import * as enrich from './enrich.operation';
import * as searchAndEnrich from './searchAndEnrich.operation';
import * as prospect from './prospect.operation';
import * as findLookalikes from './findLookalikes.operation';
import * as getSignals from './getSignals.operation';
import * as getSignalScore from './getSignalScore.operation';
import * as getWebsiteVisits from './getWebsiteVisits.operation';

export const operations: Record<string, LushaOperation> = { search, enrich, searchAndEnrich, prospect, findLookalikes, getSignals, getSignalScore, getWebsiteVisits };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['company'] } },
		options: [
			{ name: 'Search', value: 'search', action: 'Search companies (no reveal)', description: 'Find companies by ID, name or domain, without revealing data' },
			{ name: 'Enrich', value: 'enrich', action: 'Enrich companies', description: 'Full company records, with optional extras, for Lusha company IDs' },
			{ name: 'Search and Enrich', value: 'searchAndEnrich', action: 'Search and enrich companies', description: 'Find and enrich companies in one step (replaces API v2 company enrichment)' },
			{ name: 'Prospect', value: 'prospect', action: 'Prospect companies', description: 'Find new companies with Lusha’s prospecting filters and signals' },
			{ name: 'Find Lookalikes', value: 'findLookalikes', action: 'Find lookalike companies', description: 'Companies similar to the 5–100 you give (seeds from all input items)' },
			{ name: 'Get Signals', value: 'getSignals', action: 'Get company signals', description: 'Hiring, headcount, web traffic, IT spend, news and LinkedIn intent signals of companies, 100 per call' },
			{ name: 'Get Signal Score', value: 'getSignalScore', action: 'Get company signal scores', description: 'Score accounts 0–1 by their live signals, 100 per call' },
			{ name: 'Get Website Visits', value: 'getWebsiteVisits', action: 'Get website visits', description: 'Companies that visited your website, in a window of up to 3 months' },
		],
		default: 'searchAndEnrich',
	},
	...search.description,
	...enrich.description,
	...searchAndEnrich.description,
	...prospect.description,
	...findLookalikes.description,
	...getSignals.description,
	...getSignalScore.description,
	...getWebsiteVisits.description,
];
