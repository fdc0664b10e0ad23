/** V3 prospecting filter catalogues, buying group and website visits. */
import { expect400, useV3 } from '../../helpers/apiV3Client';

const v3 = useV3();

describe('prospecting filter catalogues', () => {
	it('discovers contact filters and serves values wrapped as {values}', async () => {
		const discovery = await v3.get('/v3/contacts/prospecting/filters');
		expect(discovery.body.availableFilters).toEqual([
			{ filterType: 'locations', requiresQuery: true },
			{ filterType: 'departments', requiresQuery: false },
			{ filterType: 'seniority', requiresQuery: false },
			{ filterType: 'countries', requiresQuery: false },
			{ filterType: 'existingDataPoints', requiresQuery: false },
		]);
		expect((await v3.get('/v3/contacts/prospecting/filters/departments')).body.values).toContain('Sales');
		expect((await v3.get('/v3/contacts/prospecting/filters/seniority')).body.values).toContainEqual({ id: 8, value: 'Vice President' });
		const points = (await v3.get('/v3/contacts/prospecting/filters/existingDataPoints')).body.values;
		expect(points).toEqual(expect.arrayContaining(['work_email', 'phone']));
		expect(points).not.toContain('work_phone');
		expect((await v3.get('/v3/contacts/prospecting/filters/countries')).body.values).toContainEqual({ name: 'Israel', code: 'IL' });
		expect((await v3.get('/v3/contacts/prospecting/filters/locations?query=Berlin')).body.values).toContainEqual(expect.objectContaining({ country: 'Germany', city: 'Berlin' }));
		expect400(await v3.get('/v3/contacts/prospecting/filters/locations'), 'query is required for filterType locations');
		expect400(await v3.get('/v3/contacts/prospecting/filters/locations?query=' + 'x'.repeat(257)), 'query must be shorter than or equal to 256 characters');
		expect400(await v3.get('/v3/contacts/prospecting/filters/skills'), /filterType must be one of the following values: locations, departments/);
	});

	it('discovers company filters and serves values wrapped as {values}', async () => {
		const discovery = await v3.get('/v3/companies/prospecting/filters');
		expect(discovery.body.availableFilters.map((f: any) => f.filterType).sort()).toEqual(['industriesLabels', 'intentTopics', 'locations', 'naics', 'names', 'revenues', 'sics', 'sizes', 'technologies']);
		const names = await v3.get('/v3/companies/prospecting/filters/names?query=acme');
		expect(names.body.values).toContainEqual({ id: v3.sandbox.v3.companyId(5000), name: 'Acme Labs', domain: 'acmelabs.example', logoUrl: expect.any(String) });
		expect((await v3.get('/v3/companies/prospecting/filters/technologies?query=sales')).body.values).toEqual(['Salesforce']);
		expect((await v3.get('/v3/companies/prospecting/filters/sizes')).body.values[0]).toEqual({ min: 1, max: 10 });
		expect((await v3.get('/v3/companies/prospecting/filters/sics')).body.values).toContainEqual({ code: '7372', description: 'Prepackaged Software' });
		expect((await v3.get('/v3/companies/prospecting/filters/intentTopics')).body.values).toContain('Zero Trust');
		expect400(await v3.get('/v3/companies/prospecting/filters/names'), 'query is required for filterType names');
		expect400(await v3.get('/v3/companies/prospecting/filters/technologies?query=a'), 'query must be longer than or equal to 2 characters');
	});
});

describe('POST /v3/contacts/buying-group', () => {
	it('groups scored persona contacts by company and charges per contact returned', async () => {
		const reply = await v3.post('/v3/contacts/buying-group', {
			companies: [
				{ clientReferenceId: 'by-domain', domain: 'acmelabs.example' },
				{ clientReferenceId: 'by-id', id: v3.sandbox.v3.companyId(5001) },
				{ clientReferenceId: 'nope', domain: 'unknown.example' },
			],
			personas: ['decision_maker', 'potential_champion'],
			contactsLimit: 2,
		});
		expect(reply.status).toBe(200);
		const [a, b, c] = reply.body.results;
		expect(a.clientReferenceId).toBe('by-domain');
		expect(a.companyId).toBe(v3.sandbox.v3.companyId(5000));
		expect(a.contacts.length).toBeGreaterThan(0);
		expect(a.contacts.length).toBeLessThanOrEqual(2);
		expect(a.contacts[0]).toMatchObject({ id: expect.stringMatching(/^v1\./), roles: [expect.stringMatching(/decision_maker|potential_champion/)], score: expect.any(Number), has: expect.any(Array), canReveal: expect.any(Array) });
		expect(b.companyId).toBe(v3.sandbox.v3.companyId(5001));
		expect(c).toEqual({ clientReferenceId: 'nope', error: { code: 'NOT_FOUND', message: 'Company not found' } });
		const returned = a.contacts.length + b.contacts.length;
		expect(reply.body.pagination).toEqual({ page: 0, size: 100, total: returned });
		expect(reply.body.billing).toEqual({ creditsCharged: returned, resultsReturned: returned });
	});

	it('takes at most 25 companies, exactly one identifier each, known personas and page size 10–100', async () => {
		const many = Array.from({ length: 26 }, (_, j) => ({ domain: v3.sandbox.fixtures.companies[j].domain }));
		expect400(await v3.post('/v3/contacts/buying-group', { companies: many }), 'companies must contain no more than 25 elements');
		expect((await v3.post('/v3/contacts/buying-group', { companies: many.slice(0, 25) })).status).toBe(200);
		expect400(await v3.post('/v3/contacts/buying-group', { companies: [{ domain: 'acmelabs.example', id: '5000' }] }), 'companies.0 must have exactly one of domain or id');
		expect400(await v3.post('/v3/contacts/buying-group', { companies: [{ domain: 'acmelabs.example' }], personas: ['champion'] }), /personas\.0 must be one of the following values/);
		expect400(await v3.post('/v3/contacts/buying-group', { companies: [{ domain: 'acmelabs.example' }], pagination: { page: 0, size: 5 } }), 'pagination.size must not be less than 10');
		expect400(await v3.post('/v3/contacts/buying-group', { companies: [{ name: 'Acme Labs' }] }), 'property companies.0.name should not exist');
		expect400(await v3.post('/v3/contacts/buying-group', { companies: [{ id: 'v1.AbCdEfGhIjKlMnOpQrStUvWxYz012345' }] }), 'Invalid company id: companies.0.id');
	});
});

describe('POST /v3/companies/website-visits', () => {
	const base = { domains: ['acmelabs.example'], startDate: '2026-07-01', endDate: '2026-09-30', pagination: { page: 0, size: 25 } };

	it('returns company previews with visit metrics, sorted and paginated, free of charge', async () => {
		const reply = await v3.post('/v3/companies/website-visits', { ...base, sort: { by: 'score', order: 'desc' } });
		expect(reply.status).toBe(200);
		expect(reply.body.results.length).toBeGreaterThan(0);
		const [first] = reply.body.results;
		expect(first).toMatchObject({ id: expect.stringMatching(/^v1\./), name: expect.any(String), domain: expect.any(String), has: expect.any(Array), canReveal: expect.any(Array), score: expect.any(Number), scoreBand: expect.stringMatching(/cold|warm|hot/), totalSessions: expect.any(Number), uniqueVisitors: expect.any(Number), avgSessionMinutes: expect.any(Number), daysVisited: expect.any(Number), highIntentPageviews: expect.any(Number), daysSinceLastVisit: expect.any(Number), lastVisit: expect.any(String), visitorCountry: expect.stringMatching(/^[A-Z]{2}$/) });
		const scores = reply.body.results.map((r: any) => r.score);
		expect(scores).toEqual([...scores].sort((a, b) => b - a));
		expect(reply.body.pagination).toEqual({ size: 25, page: 0, total: expect.any(Number) });
		expect(reply.body.billing).toEqual({ creditsCharged: 0, resultsReturned: reply.body.results.length });
		const hot = await v3.post('/v3/companies/website-visits', { ...base, filters: { scoreBands: ['hot'], visitorCountries: { include: ['US'] } } });
		expect(hot.body.results.every((r: any) => r.scoreBand === 'hot' && r.visitorCountry === 'US')).toBe(true);
	});

	it('takes page size 1–150, a range of at most 3 months, tracked domains only', async () => {
		expect400(await v3.post('/v3/companies/website-visits', { ...base, pagination: { page: 0, size: 0 } }), 'pagination.size must not be less than 1');
		expect400(await v3.post('/v3/companies/website-visits', { ...base, pagination: { page: 0, size: 151 } }), 'pagination.size must not be greater than 150');
		expect((await v3.post('/v3/companies/website-visits', { ...base, pagination: { page: 0, size: 150 } })).status).toBe(200);
		expect400(await v3.post('/v3/companies/website-visits', { ...base, startDate: '2026-01-01', endDate: '2026-04-02' }), 'Date range must not exceed 3 months (startDate to endDate)');
		expect((await v3.post('/v3/companies/website-visits', { ...base, startDate: '2026-01-01', endDate: '2026-04-01' })).status).toBe(200);
		expect400(await v3.post('/v3/companies/website-visits', { ...base, domains: ['google.com'] }), 'Domain google.com is not configured for tracking');
		expect400(await v3.post('/v3/companies/website-visits', { ...base, pagination: undefined }), 'pagination is required');
		expect400(await v3.post('/v3/companies/website-visits', { ...base, limit: 25 }), 'property limit should not exist');
		expect400(await v3.post('/v3/companies/website-visits', { ...base, filters: { visitorCountries: { include: ['United States'] } } }), /ISO 3166-1 alpha-2/);
		expect400(await v3.post('/v3/companies/website-visits', { ...base, domains: [] }), 'domains must contain at least 1 elements');
	});
});
