/**
 * config.pageSizeClamp: Lusha serves at most 50 rows a page whatever size is asked and reports the served size
 * (https://docs.lusha.com/faq/api: "1,000 pages × 50 results"). Default off; `asLusha` sets 50.
 */
import { expect400, useV3 } from '../../helpers/apiV3Client';

const v3 = useV3();
const filters = { contacts: { include: { seniorityIds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] } } };
const owner = { email: 'user@example.com' };

describe('pageSizeClamp on prospecting', () => {
	it('is off by default: a size of 100 is served 100', async () => {
		const reply = await v3.post('/v3/contacts/prospecting', { pagination: { page: 0, size: 100 }, filters });
		expect(reply.body.results).toHaveLength(100);
		expect(reply.body.pagination.size).toBe(100);
	});

	it('serves 50 for a size of 100, reports size 50, and numbers pages in served pages', async () => {
		v3.sandbox.configure({ pageSizeClamp: 50 });
		const all = await v3.post('/v3/contacts/prospecting', { pagination: { page: 0, size: 25 }, filters });
		const total = all.body.pagination.total;
		expect(total).toBeGreaterThan(100);
		const first = await v3.post('/v3/contacts/prospecting', { pagination: { page: 0, size: 100 }, filters });
		expect(first.status).toBe(200);
		expect(first.body.results).toHaveLength(50);
		expect(first.body.pagination).toEqual({ page: 0, size: 50, total });
		expect(first.body.billing).toEqual({ creditsCharged: 2, resultsReturned: 50 });
		const second = await v3.post('/v3/contacts/prospecting', { pagination: { page: 1, size: 100 }, filters });
		// Page 1 is rows 50–99, not 100–199.
		const ids = new Set(first.body.results.map((r: any) => r.id));
		expect(second.body.results).toHaveLength(50);
		expect(second.body.results.some((r: any) => ids.has(r.id))).toBe(false);
		const byFifty = await v3.post('/v3/contacts/prospecting', { pagination: { page: 1, size: 50 }, filters });
		expect(second.body.results.map((r: any) => r.id)).toEqual(byFifty.body.results.map((r: any) => r.id));
		// Sizes under the clamp are served as asked.
		expect((await v3.post('/v3/contacts/prospecting', { pagination: { page: 0, size: 25 }, filters })).body.pagination.size).toBe(25);
	});

	it('keeps the size validation (10–100) and clamps synthetic company pages the same way', async () => {
		v3.sandbox.configure({ pageSizeClamp: 50, syntheticProspects: 230 });
		expect400(await v3.post('/v3/contacts/prospecting', { pagination: { page: 0, size: 101 }, filters }), 'pagination.size must not be greater than 100');
		expect400(await v3.post('/v3/contacts/prospecting', { pagination: { page: 0, size: 9 }, filters }), 'pagination.size must not be less than 10');
		const body = (page: number) => ({ pagination: { page, size: 100 }, filters: { companies: { include: { names: ['a'] } } } });
		const sizes = [];
		for (let page = 0; page < 5; page++) {
			const reply = await v3.post('/v3/companies/prospecting', body(page));
			expect(reply.body.pagination).toEqual({ page, size: 50, total: 230 });
			sizes.push(reply.body.results.length);
		}
		expect(sizes).toEqual([50, 50, 50, 50, 30]);
		expect((await v3.post('/v3/contacts/prospecting', { pagination: { page: 4, size: 100 }, filters })).body.results).toHaveLength(30);
	});

	it('is set to 50 by the asLusha preset, and an explicit value beside it wins', async () => {
		v3.sandbox.configure({ asLusha: true });
		expect(v3.sandbox.config.pageSizeClamp).toBe(50);
		expect((await v3.post('/v3/contacts/prospecting', { pagination: { page: 0, size: 100 }, filters })).body.pagination.size).toBe(50);
		v3.sandbox.configure({ asLusha: true, pageSizeClamp: 20 });
		expect((await v3.post('/v3/contacts/prospecting', { pagination: { page: 0, size: 100 }, filters })).body.results).toHaveLength(20);
	});
});

describe('pageSizeClamp on the other paged V3 operations', () => {
	it('buying group: serves and charges the clamped page, pagination {page, size, total}', async () => {
		v3.sandbox.configure({ pageSizeClamp: 50, buyingGroupExtraContacts: 40 });
		const companies = [{ domain: v3.sandbox.fixtures.companies[0].domain }, { domain: v3.sandbox.fixtures.companies[1].domain }];
		const reply = await v3.post('/v3/contacts/buying-group', { companies, pagination: { page: 0, size: 100 } });
		expect(reply.status).toBe(200);
		const returned = reply.body.results.reduce((n: number, r: any) => n + r.contacts.length, 0);
		expect(reply.body.pagination.total).toBeGreaterThan(50);
		expect(reply.body.pagination).toMatchObject({ page: 0, size: 50 });
		expect(returned).toBe(50);
		expect(reply.body.billing).toEqual({ creditsCharged: 50, resultsReturned: 50 });
		const next = await v3.post('/v3/contacts/buying-group', { companies, pagination: { page: 1, size: 100 } });
		expect(next.body.results.reduce((n: number, r: any) => n + r.contacts.length, 0)).toBe(Math.min(50, reply.body.pagination.total - 50));
		expect400(await v3.post('/v3/contacts/buying-group', { companies, pagination: { page: 0, size: 5 } }), 'pagination.size must not be less than 10');
	});

	it('website visits: size 150 is still valid and is served the clamp', async () => {
		v3.sandbox.configure({ pageSizeClamp: 10 });
		const base = { domains: ['acmelabs.example'], startDate: '2026-07-01', endDate: '2026-09-30' };
		const reply = await v3.post('/v3/companies/website-visits', { ...base, pagination: { page: 0, size: 150 } });
		expect(reply.status).toBe(200);
		expect(reply.body.pagination).toEqual({ size: 10, page: 0, total: expect.any(Number) });
		expect(reply.body.pagination.total).toBeGreaterThan(10);
		expect(reply.body.results).toHaveLength(10);
		expect400(await v3.post('/v3/companies/website-visits', { ...base, pagination: { page: 0, size: 151 } }), 'pagination.size must not be greater than 150');
	});

	it('tables: list and entities serve the clamp and report it', async () => {
		v3.sandbox.configure({ pageSizeClamp: 50 });
		const ids = v3.sandbox.fixtures.people.slice(0, 60).map((p: any) => v3.sandbox.v3.contactId(p));
		const created = await v3.post('/v3/contacts/tables', { name: 'Sixty', owner, ids });
		expect(created.status).toBe(201);
		const base = `/v3/contacts/tables/${created.body.data.tableId}/entities?email=user@example.com`;
		const page0 = await v3.get(`${base}&page=0&size=100`);
		expect(page0.body.data).toHaveLength(50);
		expect(page0.body.pagination).toEqual({ page: 0, size: 50, total: 60 });
		expect(page0.body.billing.creditsCharged).toBe(50);
		const page1 = await v3.get(`${base}&page=1&size=100`);
		expect(page1.body.data).toHaveLength(10);

		v3.sandbox.configure({ pageSizeClamp: 2 });
		for (const name of ['Two', 'Three']) expect((await v3.post('/v3/contacts/tables', { name, owner })).status).toBe(201);
		const listed = await v3.post('/v3/contacts/tables/list', { owner, size: 100 });
		expect(listed.body.data).toHaveLength(2);
		expect(listed.body.pagination).toEqual({ page: 0, size: 2, total: 3 });
	});
});
