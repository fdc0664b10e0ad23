import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/n8n';
import { useSandbox } from '../helpers/sandbox';

const ctx = useSandbox();

const byDomain = (domains: string[], extra: IDataObject = {}, continueOnFail = false) =>
	runNode({
		credential: ctx.credential,
		parameters: { resource: 'company', operation: 'enrich', identifyBy: 'domain', domain: '={{ $json.domain }}', ...extra },
		items: domains.map((domain) => ({ domain })),
		continueOnFail,
	});
const domains = (n: number) => Array.from({ length: n }, (_, i) => ctx.sandbox.fixtures.companies[i % 50].domain as string);

describe('Company → Enrich', () => {
	it('enriches 120 companies in 2 bulk calls on the documented path, in order', async () => {
		const list = domains(120);
		const result = await byDomain(list);
		expect(result.error).toBeUndefined();
		expect(ctx.sandbox.count('POST /bulk/company/v2')).toBe(2);
		expect(result.items.map((i) => i.json.domain)).toEqual(list);
		expect(result.items[0].json).toMatchObject({ companyId: 5000, name: 'Acme Labs', industry: expect.any(String), country: 'United States', linkedinUrl: expect.stringContaining('linkedin.com/company') });
	});

	it('falls back to POST /v2/company once when the documented bulk path answers 404', async () => {
		ctx.sandbox.configure({ faults: { disabledRoutes: ['POST /bulk/company/v2'] } });
		const result = await byDomain(domains(350));
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(350);
		expect(ctx.sandbox.count('POST /bulk/company/v2')).toBe(1);
		expect(ctx.sandbox.count('POST /v2/company')).toBe(4);
	});

	it('keeps using the documented path when only it is served', async () => {
		ctx.sandbox.configure({ faults: { disabledRoutes: ['POST /v2/company'] } });
		const result = await byDomain(domains(3));
		expect(result.error).toBeUndefined();
		expect(ctx.sandbox.count('POST /v2/company')).toBe(0);
	});

	it('gives the same fields for one company (GET) as for many (bulk)', async () => {
		const single = await byDomain(domains(1), { simplify: false });
		const bulk = await byDomain(domains(2), { simplify: false });
		expect(ctx.sandbox.count('GET /v2/company')).toBe(1);
		const keys = (o: IDataObject) => Object.keys(o).sort();
		expect(keys(single.items[0].json)).toEqual(keys(bulk.items[0].json));
		expect(single.items[0].json.location).toEqual(bulk.items[0].json.location);
		expect(single.items[0].json.social).toEqual(bulk.items[0].json.social);
	});

	it('resends in chunks of 50 when Lusha caps company enrichment at 50', async () => {
		ctx.sandbox.configure({ companyBulkCap: 50 });
		const result = await byDomain(domains(180));
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(180);
		const sizes = ctx.sandbox.requestsTo('POST /bulk/company/v2').map((r: { body: { companies: unknown[] } }) => r.body.companies.length);
		expect(sizes.filter((n: number) => n <= 50).reduce((a: number, b: number) => a + b, 0)).toBe(180);
	});

	it('sends signal sub-filters, which only the bulk call takes, even for one company', async () => {
		const result = await byDomain(domains(1), {
			options: { signals: ['financialEventsNews'], signalsFilters: { newsEventTypes: ['Funding Round'], hiringByLocations: { location: [{ country: 'United States', state: '' }] } } },
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sandbox.count('GET /v2/company')).toBe(0);
		expect(ctx.sandbox.requestsTo('POST /bulk/company/v2')[0].body).toMatchObject({
			signals: ['financialEventsNews'],
			signalsFilters: { include: { newsEventTypes: ['Funding Round'], hiringByLocations: [{ country: 'United States' }] } },
		});
	});

	it('reports an unknown company as that item’s error, and checks the domain before calling', async () => {
		const result = await byDomain(['unknown-company.example', domains(1)[0], 'not a domain'], {}, true);
		expect(result.items.map((i) => i.json.error ?? i.json.domain)).toEqual([
			'Lusha found no company for unknown-company.example (item 0)',
			domains(1)[0],
			'Domain is not a domain: "not a domain" (item 2)',
		]);
	});

	it('rejects a company ID that is not a number, naming the field and item', async () => {
		const result = await runNode({ credential: ctx.credential, parameters: { resource: 'company', operation: 'enrich', identifyBy: 'companyId', companyId: 'acme' } });
		expect(result.error?.message).toBe('Lusha Company ID must be digits only, not "acme" (item 0)');
	});
});
