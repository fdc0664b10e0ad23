import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

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

	// A filter list costs no credits and needs no plan add-on; account usage would, at 5 calls a minute, fail repeated tests.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/prospecting/filters/contacts/departments',
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
					message:
						'The API key was accepted, but the Lusha account is not active or has no API access. Contact Lusha support.',
				},
			},
		],
	};
}
