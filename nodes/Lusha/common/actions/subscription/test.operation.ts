import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { perItem } from '../../../../shared/helpers/items';
import { lushaRequest } from '../../../../shared/transport';
import { showFor } from '../../../../shared/helpers/display';
import { subscriptionIdAt, subscriptionLocator } from './fields';

export const description: INodeProperties[] = [
	subscriptionLocator('test'),
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		options: [
			{ name: 'Full', value: 'full', description: 'The whole delivery pipeline, end to end' },
			{ name: 'Direct', value: 'direct', description: 'A quick HTTP check of the URL only' },
			{ name: 'Fanout Only', value: 'kafka', description: 'Lusha’s internal fan-out step only, without calling the URL' },
		],
		default: 'full',
		description: 'Test deliveries use mock data and cost no credits',
		displayOptions: showFor('subscription', 'test'),
	},
];

interface TestResult extends IDataObject {
	flowCheck?: { success?: boolean; statusCode?: number; durationMs?: number };
	testPayload?: { signalType?: string };
}

/** Lusha's nested test report, flattened so a user can branch on `isSuccess` or `flowCheckStatusCode`. */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem.call(this, items, async (itemIndex) => {
		const result = await lushaRequest<TestResult>(this, {
			method: 'POST',
			path: `/api/subscriptions/${encodeURIComponent(subscriptionIdAt(this, itemIndex))}/test`,
			qs: { mode: this.getNodeParameter('mode', itemIndex) as string },
			itemIndex,
		});
		const { flowCheck, testPayload, ...rest } = result;
		return {
			...rest,
			flowCheckSuccess: flowCheck?.success ?? null,
			flowCheckStatusCode: flowCheck?.statusCode ?? null,
			flowCheckDurationMs: flowCheck?.durationMs ?? null,
			testSignalType: testPayload?.signalType ?? null,
			testPayload: testPayload as IDataObject,
		};
	});
}
