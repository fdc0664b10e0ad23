import type { INodeProperties } from 'n8n-workflow';

import type { LushaOperation } from '../../../common/actions/types';
import * as create from './create.operation';
import * as getMany from './getMany.operation';
import * as get from './get.operation';
import * as update from './update.operation';
import * as deleteTable from './delete.operation';
import * as addEntities from './addEntities.operation';
import * as removeEntities from './removeEntities.operation';
import * as getEntities from './getEntities.operation';
import * as getColumns from './getColumns.operation';
import * as deleteColumn from './deleteColumn.operation';
import * as runColumn from './runColumn.operation';
import { tableScopeFields } from '../../families/tables';

export const operations: Record<string, LushaOperation> = { create, getMany, get, update, delete: deleteTable, addEntities, removeEntities, getEntities, getColumns, deleteColumn, runColumn };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['table'] } },
		options: [
			{ name: 'Create', value: 'create', action: 'Create a table', description: 'Create a Lusha Table' },
			{ name: 'Get Many', value: 'getMany', action: 'Get many tables', description: 'List Lusha Tables' },
			{ name: 'Get', value: 'get', action: 'Get a table', description: 'Get one Lusha Table' },
			{ name: 'Update', value: 'update', action: 'Update a table', description: 'Rename, share, archive or re-own a table' },
			{ name: 'Delete', value: 'delete', action: 'Delete a table', description: 'Delete a table' },
			{ name: 'Add Entities', value: 'addEntities', action: 'Add entities to a table', description: 'Add contacts or companies to a table' },
			{ name: 'Remove Entities', value: 'removeEntities', action: 'Remove entities from a table', description: 'Remove contacts or companies from a table' },
			{ name: 'Get Entities', value: 'getEntities', action: 'Get the entities of a table', description: 'List the contacts or companies in a table' },
			{ name: 'Get Columns', value: 'getColumns', action: 'Get the columns of a table', description: 'List a table’s columns' },
			{ name: 'Delete Column', value: 'deleteColumn', action: 'Delete a column', description: 'Delete a column of a table' },
			{ name: 'Run Column', value: 'runColumn', action: 'Run a column', description: 'Fill a column for all, missing or chosen rows' },
		],
		default: 'getMany',
	},
	...tableScopeFields,
	...create.description,
	...getMany.description,
	...get.description,
	...update.description,
	...deleteTable.description,
	...addEntities.description,
	...removeEntities.description,
	...getEntities.description,
	...getColumns.description,
	...deleteColumn.description,
	...runColumn.description,
];
