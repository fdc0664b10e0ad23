/** V3 credits (price table, balance, 402), account usage, rate-limit headers and 429s, envelope. */
import { useV3 } from '../../helpers/apiV3Client';

const v3 = useV3();

describe('price table', () => {
	it('matches the spec: api_search 1 per 25, email 1, phone 5, company 1, lookalike 3, signals 1', () => {
		const prices = v3.sandbox.v3.prices;
		expect(prices.api_search).toEqual({ credits: 1, perQuantity: 25 });
		expect(prices.revealEmail).toEqual({ credits: 1, perQuantity: 1 });
		expect(prices.revealPhone).toEqual({ credits: 5, perQuantity: 1 });
		expect(prices.reveal_company).toEqual({ credits: 1, perQuantity: 1 });
		expect(prices.lookalikeContact.credits).toBe(3);
		expect(prices.showSignalsContact.credits).toBe(1);
		expect(v3.sandbox.v3.price('api_search', 26)).toBe(2);
		expect(v3.sandbox.v3.price('api_search', 0)).toBe(0);
	});

	it('search charges only the api_search fee: 30 results → 2 credits, no reveal credits', async () => {
		const contacts = v3.sandbox.fixtures.people.slice(0, 30).map((p: any) => ({ id: String(p.personId) }));
		const reply = await v3.post('/v3/contacts/search', { contacts });
		expect(reply.body.billing.resultsReturned).toBe(30);
		expect(reply.body.billing.creditsCharged).toBe(2);
		expect(v3.sandbox.state.creditsUsed).toBe(2);
		expect(reply.body.results.every((r: any) => !('emails' in r) && !('phones' in r))).toBe(true);
	});
});

describe('balance and 402', () => {
	it('answers 402 when a call needs more than the balance, charging nothing and revealing nothing', async () => {
		v3.sandbox.configure({ creditsBalance: 5 });
		const tooDear = await v3.post('/v3/contacts/enrich', { ids: ['1000000'], reveal: ['emails', 'phones'] });
		expect(tooDear.status).toBe(402);
		expect(tooDear.body).toMatchObject({ statusCode: 402, message: 'Insufficient credits for this operation' });
		expect(v3.sandbox.state.creditsUsed).toBe(0);
		const preview = await v3.post('/v3/contacts/search', { contacts: [{ id: '1000000' }] });
		expect(preview.body.results[0].canReveal).toEqual([
			{ field: 'emails', credits: 1 },
			{ field: 'phones', credits: 5 },
		]);
		expect(v3.sandbox.state.creditsUsed).toBe(1);
		const affordable = await v3.post('/v3/contacts/enrich', { ids: ['1000000'], reveal: ['emails'] });
		expect(affordable.status).toBe(200);
		expect(v3.sandbox.v3.balance()).toBe(3);
		// With nothing left, free calls (an already-paid reveal, catalogues) still work; priced ones do not.
		v3.sandbox.configure({ creditsBalance: 2 });
		expect((await v3.post('/v3/contacts/enrich', { ids: ['1000000'], reveal: ['emails'] })).status).toBe(200);
		expect((await v3.post('/v3/contacts/search', { contacts: [{ id: '1000001' }] })).status).toBe(402);
		expect((await v3.get('/v3/contacts/signals/types')).status).toBe(200);
		expect(v3.sandbox.v3.ledger().map((e: any) => e.credits)).toEqual([1, 1]);
	});

	it('applies to tables too, in the Tables error shape', async () => {
		v3.sandbox.configure({ creditsBalance: 1 });
		const created = await v3.post('/v3/companies/tables', { name: 'T', owner: { email: 'user@example.com' } });
		const reply = await v3.post(`/v3/companies/tables/${created.body.data.tableId}/entities`, { entityIds: ['5000', '5001'], owner: { email: 'user@example.com' } });
		expect(reply.status).toBe(402);
		expect(reply.body).toMatchObject({ code: 402, error: 'INSUFFICIENT_CREDITS' });
		expect(v3.sandbox.v3.tables()[0].entityCount).toBe(0);
	});
});

describe('GET /v3/account/usage', () => {
	it('reports credits, rate limits, plan and pricing in the spec shape, for free', async () => {
		await v3.post('/v3/contacts/enrich', { ids: ['1000000'], reveal: ['phones'] });
		const reply = await v3.get('/v3/account/usage');
		expect(reply.status).toBe(200);
		expect(reply.body.credits).toEqual({ total: 1_000_000, used: 5, remaining: 999_995 });
		expect(reply.body.rateLimits.daily).toEqual({ limit: 100_000, used: 2, remaining: 99_998, resetsAt: expect.any(String) });
		expect(reply.body.rateLimits.minute).toMatchObject({ limit: 1500, used: 2 });
		expect(reply.body.plan).toMatchObject({ category: expect.any(String), renewalType: expect.any(String), startDate: expect.any(String) });
		expect(reply.body.pricing.revealPhone).toEqual({ credits: 5, perQuantity: 1 });
		expect(v3.sandbox.state.creditsUsed).toBe(5);
	});

	it('is limited to 5 calls per window, like GET /account/usage', async () => {
		const statuses = [];
		for (let i = 0; i < 6; i++) statuses.push((await v3.get('/v3/account/usage')).status);
		expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
		const limited = await v3.get('/v3/account/usage');
		expect(limited.headers['x-rate-limit-minute']).toBe('5');
		expect(limited.headers['x-minute-requests-left']).toBe('0');
	});
});

describe('rate limit headers', () => {
	it('carries x-rate-limit-* headers on every V3 response and on its 429s', async () => {
		const ok = await v3.get('/v3/contacts/signals/types');
		for (const header of ['x-rate-limit-minute', 'x-minute-requests-left', 'x-minute-usage', 'x-rate-limit-hourly', 'x-hourly-requests-left', 'x-hourly-usage', 'x-rate-limit-daily', 'x-daily-requests-left', 'x-daily-usage']) {
			expect(ok.headers[header]).toMatch(/^\d+$/);
		}
		v3.sandbox.configure({ rateLimitPerSecond: 3 });
		const burst = await Promise.all(Array.from({ length: 6 }, () => v3.post('/v3/contacts/search', { contacts: [{ id: '1000000' }] })));
		const limited = burst.filter((r) => r.status === 429);
		expect(limited.length).toBeGreaterThan(0);
		expect(limited[0].body).toEqual({ statusCode: 429, message: 'Too many requests. Please wait before making another request.' });
		expect(limited[0].headers).toMatchObject({ 'x-rate-limit-minute': '180', 'x-rate-limit-daily': '100000', 'ratelimit-remaining': '0' });
		expect(Number(limited[0].headers['x-minute-requests-left'])).toBeLessThan(180);
		expect(limited[0].headers['x-daily-requests-left']).toMatch(/^\d+$/);
	});

	it('answers 401 without a key and 403 when V3 is not enabled', async () => {
		expect((await v3.call('POST', '/v3/contacts/search', { contacts: [{ id: '1' }] }, 'wrong-key')).status).toBe(401);
		v3.sandbox.configure({ v3Enabled: false });
		const reply = await v3.post('/v3/contacts/search', { contacts: [{ id: '1000000' }] });
		expect(reply.status).toBe(403);
		expect(reply.body).toEqual({ statusCode: 403, message: 'V3 API access is not enabled for your account' });
	});

	it('puts requestId and billing on every V3 answer', async () => {
		for (const path of ['/v3/contacts/signals/types', '/v3/companies/prospecting/filters', '/v3/contacts/prospecting/filters/departments']) {
			const reply = await v3.get(path);
			expect(reply.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
			expect(reply.body.billing).toEqual({ creditsCharged: 0, resultsReturned: expect.any(Number) });
		}
	});
});

describe('admin and helpers', () => {
	it('exposes V3 ids, prices and state on startSandbox() and GET /__admin/v3', async () => {
		const person = v3.sandbox.fixtures.people[3];
		const token = v3.sandbox.v3.contactId(person);
		expect(token).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
		expect(v3.sandbox.v3.contactId(person.personId)).toBe(token);
		expect(v3.sandbox.v3.decodeContactId(token)).toBe(person.personId);
		expect(v3.sandbox.v3.person(token)).toBe(person);
		expect(v3.sandbox.v3.decodeContactId('v1.garbage')).toBeUndefined();
		expect(v3.sandbox.v3.decodeCompanyId(v3.sandbox.v3.companyId(5007))).toBe(5007);
		const admin = (await (await fetch(`${v3.sandbox.url}/__admin/v3`)).json()) as any;
		expect(admin.people[3]).toMatchObject({ personId: person.personId, v3Id: token });
		expect(admin.companies).toHaveLength(50);
		expect(admin.credits).toEqual({ balance: 1_000_000, used: 0, remaining: 1_000_000 });
	});
});
