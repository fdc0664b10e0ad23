import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { perItem } from '../../../../shared/helpers/items';
import { lushaRequestFull } from '../../../../shared/transport';

export const description: INodeProperties[] = [];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem.call(this, items, async (itemIndex) => {
		const response = await lushaRequestFull<{ secret?: string }>(this, {
			method: 'GET',
			path: '/api/account/secret',
			itemIndex,
			acceptStatuses: [404],
		});
		if (response.statusCode === 404 || !response.body.secret) {
			throw new NodeOperationError(this.getNode(), 'This Lusha account has no webhook secret yet', {
				itemIndex,
				description:
					'Create one with Account → Regenerate Webhook Secret. Lusha needs it before any subscription can be created.',
			});
		}
		return { webhookSecret: response.body.secret };
	});
}
