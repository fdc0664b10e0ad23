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

	it('passes its test with a free V3 call, with a trailing slash on the base URL, spending no credits', async () => {
		const result = await testCredential(ctx.credential);
		expect(result).toEqual({ status: 'OK', message: 'Connection successful!' });
		const [request] = ctx.sandbox.state.requests;
		expect(request.path).toBe('/v3/contacts/prospecting/filters');
		expect(request.headers.api_key).toBe(ctx.sandbox.apiKey);
		expect(ctx.sandbox.state.creditsUsed).toBe(0);
		expect(ctx.sandbox.v3.ledger()).toEqual([]);
	});

	it('fails for a key without API V3 access, saying what to do', async () => {
		ctx.sandbox.configure({ apiKeys: { 'v2-only-key': { v3Enabled: false } } });
		const result = await testCredential({ ...ctx.credential, apiKey: 'v2-only-key' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^This key has no access to Lusha API V3/);
		expect(result.message).toContain('ask your Lusha admin to enable API V3');
		expect(result.message).toContain('version 1');
		expect(ctx.sandbox.state.requests.map((r: { path: string }) => r.path)).toEqual(['/v3/contacts/prospecting/filters']);
	});

	it('fails for an account without API V3 access, whichever of its keys is used', async () => {
		ctx.sandbox.configure({ apiKeys: { 'b-key': { account: 'b' } }, accounts: { b: { v3Enabled: false } } });
		expect((await testCredential({ ...ctx.credential, apiKey: 'b-key' })).message).toMatch(/^This key has no access to Lusha API V3/);
		expect(await testCredential(ctx.credential)).toEqual({ status: 'OK', message: 'Connection successful!' });
	});

	it('tells the user the API key is invalid when it is wrong', async () => {
		const result = await testCredential({ ...ctx.credential, apiKey: 'not-the-key' });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^API key is invalid/);
	});
});
