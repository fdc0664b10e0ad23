import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { showFor, showForWith } from '../../../../shared/helpers/display';
import { inputError } from '../../../../shared/helpers/input';
import { perItem } from '../../../../shared/helpers/items';
import { chunk } from '../../../../shared/transport';
import { TABLE_LIMITS, tableRequest } from '../../helpers/tableClient';
import { columnField, columnIdAt, entityIdsAt, tableField, tableTargetAt } from '../../families/tables';
import type { TableTarget } from '../../families/tables';

const POLL_MS = 2000;

export const description: INodeProperties[] = [
	tableField('runColumn'),
	columnField('runColumn'),
	{
		displayName: 'Run For',
		name: 'runScope',
		type: 'options',
		options: [
			{ name: 'Rows Not Run Yet', value: 'missing', description: 'Cheapest, safe to repeat' },
			{ name: 'All Rows', value: 'all', description: 'Refreshes every row; rows that already have data may be charged again' },
			{ name: 'Specific Rows', value: 'specific', description: 'Only the entity IDs you give' },
		],
		default: 'missing',
		description: 'Lusha charges per row run, at the column’s price',
		displayOptions: showFor('table', 'runColumn'),
	},
	{
		displayName: 'Entity IDs',
		name: 'entityIds',
		type: 'string',
		default: '={{ $json.id }}',
		required: true,
		description: 'The rows to run, as Lusha contact or company IDs separated by commas or new lines',
		displayOptions: showForWith('table', 'runColumn', { runScope: ['specific'] }),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: showFor('table', 'runColumn'),
		options: [
			{
				displayName: 'Wait Until Done',
				name: 'waitUntilDone',
				type: 'boolean',
				default: false,
				description: 'Whether to wait until Lusha has filled the column (it runs in the background), checking every 2 seconds',
			},
			{
				displayName: 'Max Wait (Seconds)',
				name: 'maxWaitSeconds',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 300,
				displayOptions: { show: { waitUntilDone: [true] } },
			},
		],
	},
];

const TABLE_PATHS = { contacts: '/v3/contacts/tables/{table_id}', companies: '/v3/companies/tables/{table_id}' };

/** Polls Get Table until the column has no row processing; answers its row counts. */
async function waitForColumn(context: IExecuteFunctions, target: TableTarget, columnId: string, maxWaitSeconds: number, itemIndex: number): Promise<IDataObject> {
	const deadline = Date.now() + maxWaitSeconds * 1000;
	for (;;) {
		const response = await tableRequest<{ data?: { columns?: IDataObject[] } }>(context, { method: 'GET', paths: TABLE_PATHS, ...target, itemIndex });
		const column = response.data?.columns?.find((c) => c.columnId === columnId) ?? {};
		if (!Number(column.rowsProcessing ?? 0)) return column;
		if (Date.now() + POLL_MS > deadline) {
			throw inputError(context, itemIndex, 'Max Wait (Seconds)', `passed with ${String(column.rowsProcessing)} rows still processing`, 'Raise Max Wait, or turn Wait Until Done off and read the table later.');
		}
		await sleep(POLL_MS);
	}
}

/** Starts a column run (`POST …/columns/{column_id}/run`); Lusha fills it in the background. Specific rows go 500 per call. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem.call(this, items, async (itemIndex) => {
		const target = tableTargetAt(this, itemIndex);
		const columnId = columnIdAt(this, itemIndex);
		const runScope = this.getNodeParameter('runScope', itemIndex) as string;
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const idBatches = runScope === 'specific' ? chunk(entityIdsAt(this, itemIndex, 'entityIds', 'Entity IDs'), TABLE_LIMITS.idsPerCall) : [undefined];
		let creditsCharged = 0;
		let status: unknown;
		for (const entityIds of idBatches) {
			const response = await tableRequest<{ data?: IDataObject; billing?: { creditsCharged?: number } }>(this, {
				method: 'POST',
				paths: { contacts: '/v3/contacts/tables/{table_id}/columns/{column_id}/run', companies: '/v3/companies/tables/{table_id}/columns/{column_id}/run' },
				...target,
				columnId,
				body: { runScope, ...(entityIds ? { entityIds } : {}) },
				itemIndex,
			});
			creditsCharged += Number(response.billing?.creditsCharged ?? 0);
			status = response.data?.status;
		}
		const result: IDataObject = { tableId: target.tableId, columnId, runScope, status: status as string, creditsCharged };
		if (!options.waitUntilDone) return result;
		const column = await waitForColumn(this, target, columnId, Number(options.maxWaitSeconds ?? 300), itemIndex);
		return { ...result, status: 'done', column };
	});
}
