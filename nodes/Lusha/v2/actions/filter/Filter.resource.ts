import type { INodeProperties } from 'n8n-workflow';

import type { LushaOperation } from '../../../common/actions/types';
import * as getContactFilterTypes from './getContactFilterTypes.operation';
import * as getContactFilterValues from './getContactFilterValues.operation';
import * as getCompanyFilterTypes from './getCompanyFilterTypes.operation';
import * as getCompanyFilterValues from './getCompanyFilterValues.operation';
import * as getCompanySignalFilterTypes from './getCompanySignalFilterTypes.operation';
import * as getCompanySignalFilterValues from './getCompanySignalFilterValues.operation';
import * as getContactSignalTypes from './getContactSignalTypes.operation';
import * as getCompanySignalTypes from './getCompanySignalTypes.operation';

export const operations: Record<string, LushaOperation> = { getContactFilterTypes, getContactFilterValues, getCompanyFilterTypes, getCompanyFilterValues, getCompanySignalFilterTypes, getCompanySignalFilterValues, getContactSignalTypes, getCompanySignalTypes };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['filter'] } },
		options: [
			{ name: 'Get Contact Filter Types', value: 'getContactFilterTypes', action: 'Get contact filter types', description: 'Which contact prospecting filters exist' },
			{ name: 'Get Contact Filter Values', value: 'getContactFilterValues', action: 'Get contact filter values', description: 'The values of one contact prospecting filter' },
			{ name: 'Get Company Filter Types', value: 'getCompanyFilterTypes', action: 'Get company filter types', description: 'Which company prospecting filters exist' },
			{ name: 'Get Company Filter Values', value: 'getCompanyFilterValues', action: 'Get company filter values', description: 'The values of one company prospecting filter' },
			{ name: 'Get Company Signal Filter Types', value: 'getCompanySignalFilterTypes', action: 'Get company signal filter types', description: 'Which company signal filters exist' },
			{ name: 'Get Company Signal Filter Values', value: 'getCompanySignalFilterValues', action: 'Get company signal filter values', description: 'The values of one company signal filter' },
			{ name: 'Get Contact Signal Types', value: 'getContactSignalTypes', action: 'Get contact signal types', description: 'Signal types available for contacts' },
			{ name: 'Get Company Signal Types', value: 'getCompanySignalTypes', action: 'Get company signal types', description: 'Signal types available for companies' },
		],
		default: 'getContactFilterValues',
	},
	...getContactFilterTypes.description,
	...getContactFilterValues.description,
	...getCompanyFilterTypes.description,
	...getCompanyFilterValues.description,
	...getCompanySignalFilterTypes.description,
	...getCompanySignalFilterValues.description,
	...getContactSignalTypes.description,
	...getCompanySignalTypes.description,
];
