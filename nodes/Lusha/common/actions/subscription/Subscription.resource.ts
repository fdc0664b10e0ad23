import type { INodeProperties } from 'n8n-workflow';

import type { LushaOperation } from '../types';
import * as create from './create.operation';
import * as deleteOperation from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as test from './test.operation';
import * as update from './update.operation';

export const operations: Record<string, LushaOperation> = { create, delete: deleteOperation, get, getMany, test, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['subscription'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create webhook subscriptions', description: 'Watch contacts or companies for signals, 25 per call' },
			{ name: 'Delete', value: 'delete', action: 'Delete webhook subscriptions' },
			{ name: 'Get', value: 'get', action: 'Get a webhook subscription' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many webhook subscriptions' },
			{ name: 'Test', value: 'test', action: 'Send a test delivery', description: 'Check a subscription’s URL with mock data, at no credit cost' },
			{ name: 'Update', value: 'update', action: 'Update a webhook subscription', description: 'Change signals, URL or name, or re-enable a disabled subscription' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteOperation.description,
	...test.description,
];
