import { applyAuthentication, credentialType, testCredential } from '../helpers/n8n';
import { useSandbox } from '../helpers/sandbox';

const ctx = useSandbox();

describe('Lusha API credential', () => {
	it('is named lushaApi with an apiKey field, so credentials made for Lusha’s own node keep working', () => {
		expect(credentialType.name).toBe('lushaApi');
		expect(credentialType.properties.map((p) => p.name)).toEqual(['apiKey', 'baseUrl', 'webhookSecret']);
		const secretFields = credentialType.properties.filter((p) => p.typeOptions?.password).map((p) => p.name);
		expect(secretFields).toEqual(['apiKey', 'webhookSecret']);
		expect(credentialType.properties.find((p) => p.name === 'baseUrl')?.default).toBe('https://api.lusha.com');
	});

	it('sends the key in the api_key header', () => {
		const options = applyAuthentication(credentialType, { apiKey: 'k-123' }, { url: '/x' });
		expect(options.headers).toEqual({ api_key: 'k-123' });
	});

	it('passes its test against the sandbox, with a trailing slash on the base URL, spending no credits', async () => {
		const result = await testCredential(ctx.credential);
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		const [request] = ctx.sandbox.state.requests;
		expect(request.path).toBe('/prospecting/filters/contacts/departments');
		expect(request.headers.api_key).toBe(ctx.sandbox.apiKey);
		expect(ctx.sandbox.state.creditsUsed).toBe(0);
	});

	it('tells the user the API key is invalid when it is wrong', async () => {
		const result = await testCredential({ ...ctx.credential, apiKey: 'not-the-key' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^API key is invalid/);
	});
});
