import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../helpers/n8n';
import { useSandbox } from '../../helpers/sandbox';

const ctx = useSandbox();
const ROUTE = 'POST /v3/companies/website-visits';

const visits = (parameters: IDataObject, extra: { items?: IDataObject[]; continueOnFail?: boolean } = {}) =>
	runNode({
		credential: ctx.credential,
		typeVersion: 2,
		parameters: { resource: 'company', operation: 'getWebsiteVisits', visitDomains: 'acmelabs.example', visitStartDate: '2026-01-01', visitEndDate: '2026-03-31', ...parameters },
		...extra,
	});

const sent = () => ctx.sandbox.requestsTo(ROUTE).map((r: { body: IDataObject }) => r.body);

describe('Company → Get Website Visits', () => {
	it('lists the companies that visited your site, hottest first, with their visit metrics', async () => {
		const result = await visits({ returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items.length).toBeGreaterThan(5);
		const scores = result.items.map((i) => i.json.score as number);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
		expect(result.items[0].json).toEqual(
			expect.objectContaining({ id: expect.stringMatching(/^v1\./), name: expect.any(String), scoreBand: expect.stringMatching(/hot|warm|cold/), totalSessions: expect.any(Number), lastVisit: expect.any(String) }),
		);
		expect(result.items.every((i) => JSON.stringify(i.pairedItem) === '{"item":0}')).toBe(true);
		expect(sent()).toEqual([{ domains: ['acmelabs.example'], startDate: '2026-01-01', endDate: '2026-03-31', pagination: { page: 0, size: 150 } }]);
	});

	it('walks every page with Return All, and stops at the limit otherwise', async () => {
		const all = await visits({ returnAll: true, visitOptions: { pageSize: 5 } });
		const total = all.items.length;
		expect(sent().map((b: IDataObject) => b.pagination)).toEqual(Array.from({ length: Math.ceil(total / 5) }, (_, page) => ({ page, size: 5 })));

		ctx.sandbox.reset();
		const some = await visits({ limit: 7 });
		expect(some.items).toHaveLength(7);
		expect(sent().map((b: IDataObject) => b.pagination)).toEqual([{ page: 0, size: 7 }]);
	});

	it('refuses a window over 3 months before any request', async () => {
		const result = await visits({ visitStartDate: '2026-01-01', visitEndDate: '2026-05-01' });
		expect(result.error?.message).toBe('End Date (2026-05-01) is more than 3 months after Start Date (2026-01-01) (item 0)');
		expect(result.error?.description).toMatch(/end on 2026-04-01 or earlier/);
		expect(ctx.sandbox.count(ROUTE)).toBe(0);
	});

	it('accepts a window of exactly 3 months', async () => {
		const result = await visits({ visitStartDate: '2026-01-01', visitEndDate: '2026-04-01', limit: 1 });
		expect(result.error).toBeUndefined();
		expect(ctx.sandbox.count(ROUTE)).toBe(1);
	});

	it('asks for the last 30 days unless told otherwise', async () => {
		await runNode({ credential: ctx.credential, typeVersion: 2, parameters: { resource: 'company', operation: 'getWebsiteVisits', visitDomains: 'acmelabs.example', limit: 1 } });
		const day = (offset: number) => new Date(Date.now() - offset * 86_400_000).toISOString().slice(0, 10);
		const { startDate, endDate } = sent()[0];
		expect([day(30), day(31), day(29)]).toContain(startDate);
		expect([day(0), day(1), day(-1)]).toContain(endDate);
	});

	it('refuses an end date before the start date', async () => {
		const result = await visits({ visitStartDate: '2026-03-01', visitEndDate: '2026-02-01' });
		expect(result.error?.message).toBe('End Date (2026-02-01) is before Start Date (2026-03-01) (item 0)');
		expect(ctx.sandbox.count(ROUTE)).toBe(0);
	});

	it('takes n8n’s date picker values and website URLs as typed', async () => {
		await visits({ visitDomains: 'https://www.AcmeLabs.example/pricing', visitStartDate: '2026-01-01T00:00:00.000+02:00', visitEndDate: '2026-01-31T00:00:00', limit: 1 });
		expect(sent()[0]).toMatchObject({ domains: ['www.acmelabs.example'], startDate: '2026-01-01', endDate: '2026-01-31' });
	});

	it('sends score bands, visitor countries, metric ranges and the sort the way Lusha reads them', async () => {
		const result = await visits({
			returnAll: true,
			visitFilters: { scoreBands: ['hot', 'warm'], include: 'us, gb', exclude: 'IL' },
			visitMetrics: {
				metric: [
					{ metric: 'score', bound: 'min', value: 40 },
					{ metric: 'score', bound: 'max', value: 95 },
					{ metric: 'avgSessionMinutes', bound: 'min', value: 1.5 },
				],
			},
			visitOptions: { by: 'totalSessions', order: 'asc' },
		});
		expect(result.error).toBeUndefined();
		expect(sent()[0]).toEqual({
			domains: ['acmelabs.example'],
			startDate: '2026-01-01',
			endDate: '2026-03-31',
			sort: { by: 'totalSessions', order: 'asc' },
			filters: { scoreBands: ['hot', 'warm'], visitorCountries: { include: ['US', 'GB'], exclude: ['IL'] }, score: { min: 40, max: 95 }, avgSessionMinutes: { min: 1.5 } },
			pagination: { page: 0, size: 150 },
		});
		for (const { json } of result.items) {
			expect(['hot', 'warm']).toContain(json.scoreBand);
			expect(['US', 'GB']).toContain(json.visitorCountry);
			expect(json.score).toBeGreaterThanOrEqual(40);
		}
		const sessions = result.items.map((i) => i.json.totalSessions as number);
		expect(sessions).toEqual([...sessions].sort((a, b) => a - b));
	});

	it('refuses a country that is not a two-letter code, before any request', async () => {
		const result = await visits({ visitFilters: { include: 'United States' } });
		expect(result.error?.message).toBe('Visitor Countries has "UNITED STATES", which is not a two-letter country code (item 0)');
		expect(ctx.sandbox.count(ROUTE)).toBe(0);
	});

	it('passes on Lusha’s refusal of an untracked domain, with what to do', async () => {
		ctx.sandbox.configure({ websiteVisitsDomains: ['acmelabs.example'] });
		const result = await visits({ visitDomains: 'acmelabs.example, bluelabs.example' });
		expect(result.error?.message).toMatch(/Lusha answered 400: .*bluelabs\.example is not configured for tracking/);
		expect(result.error?.description).toMatch(/set it up for visitor tracking in Lusha/);
	});
});
