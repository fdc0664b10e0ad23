import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { perItem } from '../../../../shared/helpers/items';
import { lushaRequest } from '../../../../shared/transport';
import { showFor } from '../../../../shared/helpers/display';

export const description: INodeProperties[] = [
	{
		displayName:
			'This replaces the webhook secret of the whole Lusha account. Deliveries signed with the old secret stop verifying everywhere, and the new secret is shown only once: copy it into the Lusha credential.',
		name: 'regenerateWarning',
		type: 'notice',
		default: '',
		displayOptions: showFor('account', 'regenerateWebhookSecret'),
	},
];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await perItem.call(this, items, async (itemIndex) => {
		const response = await lushaRequest<{ secret?: string }>(this, {
			method: 'POST',
			path: '/api/account/secret/regenerate',
			itemIndex,
		});
		return { newWebhookSecret: response.secret ?? null, newWebhookSecretNotice: 'Shown once. Store it in the Lusha credential.' };
	});
}
