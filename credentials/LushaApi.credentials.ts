import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

import { NO_V3_ACCESS } from '../nodes/shared/uiText';

export class LushaApi implements ICredentialType {
	// Same name and field as Lusha's own node, so credentials made for it keep working here.
	name = 'lushaApi';

	displayName = 'Lusha API';

	icon: Icon = { light: 'file:../icons/lusha.svg', dark: 'file:../icons/lusha.dark.svg' };

	documentationUrl = 'https://docs.lusha.com/apis/openapi';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Find it in the Lusha dashboard under Settings → API (dashboard.lusha.com/enrich/api)',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.lusha.com',
			description:
				'Leave as is for Lusha. Change it only to use a proxy or the local Lusha sandbox (npm run sandbox).',
		},
		{
			displayName: 'Webhook Secret',
			name: 'webhookSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Used by the Lusha Trigger to verify deliveries. Leave empty to read it from your Lusha account when the trigger is activated.',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: { api_key: '={{$credentials.apiKey}}' },
		},
	};

	// A V3 filter list (https://docs.lusha.com/api-reference/filters/get-contact-filter-types-discovery.md): it proves V3
	// access, which version 2 of the node needs, costs no credits and needs no add-on. Account usage would, at 5 calls a
	// minute, fail repeated tests; search-and-enrich would spend credits.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/v3/contacts/prospecting/filters',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message: 'API key is invalid. Copy the key again from the Lusha dashboard (Settings → API).',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					// Lusha answers 403 for a key without V3 access, and for an account that is not active.
					message: `${NO_V3_ACCESS} If the account itself is not active, contact Lusha support.`,
				},
			},
		],
	};
}
