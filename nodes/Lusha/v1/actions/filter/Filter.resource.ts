import type { INodeProperties } from 'n8n-workflow';

import { FILTER_ENDPOINTS } from '../../helpers/filterEndpoints';
import type { LushaOperation } from '../../../common/actions/types';
import * as list from './list.operation';

export const operations: Record<string, LushaOperation> = Object.fromEntries(FILTER_ENDPOINTS.map((f) => [f.value, list]));

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['filter'] } },
		options: FILTER_ENDPOINTS.map((f) => ({
			name: `Get ${f.name}`,
			value: f.value,
			action: `Get ${f.name.toLowerCase()}`,
			description: f.searchable ? `Search Lusha’s ${f.name.toLowerCase()} by text` : `List Lusha’s ${f.name.toLowerCase()}`,
		})),
		default: FILTER_ENDPOINTS[0].value,
	},
	...list.description,
];
