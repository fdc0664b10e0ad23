/** V3 access per key / account, the free credential-test call, and the asLusha preset through startSandbox. */
import { useV3 } from '../../helpers/apiV3Client';

const v3 = useV3({ asLusha: true });
const NO_V3 = { statusCode: 403, message: 'V3 API access is not enabled for your account' };

describe('V3 access', () => {
	it('a key without V3 gets 403 on every /v3/* path while its V2 calls work', async () => {
		v3.sandbox.configure({ apiKeys: { 'v2-only-key': { v3Enabled: false } } });
		for (const [method, path, body] of [
			['GET', '/v3/contacts/prospecting/filters'],
			['POST', '/v3/contacts/search', { contacts: [{ id: '1000000' }] }],
			['GET', '/v3/account/usage'],
			['GET', '/v3/contacts/jobs/anything'],
		] as const) {
			const reply = await v3.call(method, path, body, 'v2-only-key');
			expect(reply.status).toBe(403);
			expect(reply.body).toEqual(NO_V3);
		}
		expect((await v3.call('GET', '/prospecting/filters/contacts/departments', undefined, 'v2-only-key')).status).toBe(200);
		expect((await v3.call('GET', '/account/usage', undefined, 'v2-only-key')).status).toBe(200);
		// The sandbox's own key (same account) keeps V3.
		expect((await v3.get('/v3/contacts/prospecting/filters')).status).toBe(200);
	});

	it('an account without V3: every key of it gets 403', async () => {
		v3.sandbox.configure({ apiKeys: { 'b-key': { account: 'b' } }, accounts: { b: { v3Enabled: false } } });
		expect((await v3.call('GET', '/v3/contacts/prospecting/filters', undefined, 'b-key')).body).toEqual(NO_V3);
		expect((await v3.get('/v3/contacts/prospecting/filters')).status).toBe(200);
	});
});

describe('GET /v3/contacts/prospecting/filters (the credential test call)', () => {
	it('is free: no credits charged, balance untouched', async () => {
		const before = v3.sandbox.v3.balance();
		const reply = await v3.get('/v3/contacts/prospecting/filters');
		expect(reply.status).toBe(200);
		expect(reply.body.availableFilters.length).toBeGreaterThan(0);
		expect(reply.body.billing.creditsCharged).toBe(0);
		expect(v3.sandbox.v3.balance()).toBe(before);
		expect(v3.sandbox.requestsTo('GET /v3/contacts/prospecting/filters')[0].credits).toBe(0);
	});
});

describe('startSandbox({ asLusha: true })', () => {
	it('starts with every rule on and keeps them across reset', async () => {
		expect(v3.sandbox.config).toMatchObject({ asLusha: true, pageSizeClamp: 50, accountWideLimits: true, plan: 'premium', waterfallJobWhenNeeded: true, searchAndEnrichWaterfall: true, lookalikeSeedRules: true, companyOwnership: true });
		const usage = await v3.get('/v3/account/usage');
		expect(usage.body.rateLimits).toEqual({
			daily: { limit: 18_000, used: 1, remaining: 17_999, resetsAt: expect.any(String) },
			hourly: { limit: 1800, used: 1, remaining: 1799, resetsAt: expect.any(String) },
			minute: { limit: 300, used: 1, remaining: 299, resetsAt: expect.any(String) },
		});
		// One switch can be turned off beside the preset.
		v3.sandbox.configure({ pageSizeClamp: null });
		const page = await v3.post('/v3/contacts/prospecting', { pagination: { page: 0, size: 100 }, filters: { contacts: { include: { seniorityIds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] } } } });
		expect(page.body.pagination.size).toBe(100);
	});
});
