import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../helpers/n8n';
import { useSandbox } from '../../helpers/sandbox';

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

	it('with On Not Found → Fail, reports an unknown company as that item’s error, and checks the domain before calling', async () => {
		const result = await byDomain(['unknown-company.example', domains(1)[0], 'not a domain'], { options: { onNotFound: 'fail' } }, true);
		expect(result.items.map((i) => i.json.error ?? i.json.domain)).toEqual([
			'Lusha found no company for unknown-company.example (item 0)',
			domains(1)[0],
			'Domain is not a domain: "not a domain" (item 2)',
		]);
	});

	it('gives a company Lusha cannot find as one item with found: false, the identifier sent and Lusha’s message, on bulk and single calls', async () => {
		const bulk = await byDomain([domains(1)[0], 'unknown-company.example']);
		expect(bulk.error).toBeUndefined();
		expect(bulk.items.map((i) => i.json.found)).toEqual([true, false]);
		expect(bulk.items[1]).toEqual({ json: { found: false, domain: 'unknown-company.example', message: 'Company not found' }, pairedItem: { item: 1 } });
		const single = await byDomain(['unknown-company.example'], { simplify: false });
		expect(ctx.sandbox.count('GET /v2/company')).toBe(1);
		expect(single.error).toBeUndefined();
		expect(single.items[0].json).toEqual({ found: false, domain: 'unknown-company.example', message: 'Company not found' });
		const failing = await byDomain(['unknown-company.example'], { options: { onNotFound: 'fail' } });
		expect(failing.error?.message).toBe('Lusha found no company for unknown-company.example (item 0)');
	});

	it('still fails on a real error, whatever On Not Found says', async () => {
		ctx.sandbox.configure({ faults: { dailyQuotaExhausted: true } });
		const result = await byDomain(domains(3));
		expect(result.error?.message).toContain('Daily API quota limit exceeded');
	});

	it('sends signals on the single call as a repeated query parameter', async () => {
		const result = await byDomain(domains(1), { options: { signals: ['surgeInHiring', 'headcountDecrease3m'] } });
		expect(result.error).toBeUndefined();
		const [request] = ctx.sandbox.requestsTo('GET /v2/company');
		expect(request.query.signals).toEqual(['surgeInHiring', 'headcountDecrease3m']);
		expect(result.items[0].json.surgeInHiring).toEqual(ctx.sandbox.fixtures.companies[0].signals.surgeInHiring);
	});

	it('reads a website URL as its domain, the same way Signal → Search Companies does', async () => {
		const url = 'https://AcmeLabs.example/pricing?plan=pro';
		const enriched = await byDomain([url, url]);
		expect(enriched.error).toBeUndefined();
		expect(ctx.sandbox.requestsTo('POST /bulk/company/v2')[0].body.companies).toEqual([{ id: '0', domain: 'acmelabs.example' }, { id: '1', domain: 'acmelabs.example' }]);
		const signals = await runNode({ credential: ctx.credential, parameters: { resource: 'signal', operation: 'searchCompanies', domain: url, signalTypes: ['surgeInHiring'] } });
		expect(signals.error).toBeUndefined();
		expect(ctx.sandbox.requestsTo('POST /api/signals/companies/search')[0].body.companies).toEqual([{ id: '0', domain: 'acmelabs.example' }]);
	});

	it('refuses a hiring location with a state but no country before sending anything', async () => {
		const result = await byDomain(domains(2), { options: { signals: ['surgeInHiringByLocation'], signalsFilters: { hiringByLocations: { location: [{ country: 'Germany', state: '' }, { country: '', state: 'California' }] } } } });
		expect(result.error?.message).toBe('Options → Signal Filters → Hiring Locations has State "California" but no Country (item 0)');
		expect(result.error?.description).toContain('Add the country');
		expect(ctx.sandbox.state.requests).toHaveLength(0);
	});

	it('rejects a company ID that is not a number, naming the field and item', async () => {
		const result = await runNode({ credential: ctx.credential, parameters: { resource: 'company', operation: 'enrich', identifyBy: 'companyId', companyId: 'acme' } });
		expect(result.error?.message).toBe('Lusha Company ID must be digits only, not "acme" (item 0)');
	});
});
