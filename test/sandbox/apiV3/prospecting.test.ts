/** V3 prospecting: pagination limits, every filter rule the live API enforces, results and pricing. */
import { expect400, useV3 } from '../../helpers/apiV3Client';

const v3 = useV3();
const page = { page: 0, size: 10 };
const contacts = (body: Record<string, unknown>) => v3.post('/v3/contacts/prospecting', { pagination: page, ...body });
const companies = (body: Record<string, unknown>) => v3.post('/v3/companies/prospecting', { pagination: page, ...body });

describe('POST /v3/contacts/prospecting', () => {
	it('returns previews, pagination {page,size,total} and charges api_search per 25 results', async () => {
		const people = v3.sandbox.fixtures.people;
		const expected = people.filter((p: any) => p.jobTitle.departments.includes('Sales') && p.location.countryIso2 === 'US');
		const reply = await contacts({ filters: { contacts: { include: { departments: ['Sales'], countries: ['US'] } } } });
		expect(reply.status).toBe(200);
		expect(reply.body.pagination).toEqual({ page: 0, size: 10, total: expected.length });
		expect(reply.body.results.map((r: any) => r.id)).toEqual(expected.slice(0, 10).map((p: any) => v3.sandbox.v3.contactId(p)));
		expect(reply.body.results[0]).toMatchObject({ firstName: expect.any(String), jobTitle: { departments: ['Sales'] }, has: expect.any(Array), canReveal: expect.any(Array) });
		expect(reply.body.billing).toEqual({ creditsCharged: 1, resultsReturned: reply.body.results.length });

		const big = await v3.post('/v3/contacts/prospecting', { pagination: { page: 0, size: 100 }, filters: { contacts: { include: { seniorityIds: [4, 5, 6, 7, 8, 9, 10] } } } });
		expect(big.body.results).toHaveLength(100);
		expect(big.body.billing.creditsCharged).toBe(4);
	});

	it('takes pagination.size 10–100 and page ≤ 1000, without clamping', async () => {
		const filters = { contacts: { include: { departments: ['Sales'] } } };
		expect400(await v3.post('/v3/contacts/prospecting', { pagination: { page: 0, size: 9 }, filters }), 'pagination.size must not be less than 10');
		expect400(await v3.post('/v3/contacts/prospecting', { pagination: { page: 0, size: 101 }, filters }), 'pagination.size must not be greater than 100');
		expect400(await v3.post('/v3/contacts/prospecting', { pagination: { page: 1001, size: 10 }, filters }), 'pagination.page must not be greater than 1000');
		expect((await v3.post('/v3/contacts/prospecting', { pagination: { page: 1000, size: 100 }, filters })).status).toBe(200);
		expect400(await v3.post('/v3/contacts/prospecting', { pagination: { size: 10 }, filters }), 'pagination.page is required');
		expect400(await v3.post('/v3/contacts/prospecting', { pages: { page: 0, size: 10 }, filters }), 'property pages should not exist');
		expect400(await v3.post('/v3/contacts/prospecting', { filters }), 'pagination is required');
	});

	it('keeps searchText and signals inside filters.contacts.include', async () => {
		expect400(await contacts({ searchText: 'Ava', filters: {} }), 'property searchText should not exist');
		expect400(await contacts({ signals: { types: ['promotion'] }, filters: {} }), 'property signals should not exist');
		expect400(await contacts({ filters: { searchText: 'Ava' } }), 'property filters.searchText should not exist');
		expect400(await contacts({ filters: { companies: { include: { searchText: 'Acme' } } } }), 'property filters.companies.include.searchText should not exist');
		const ok = await contacts({ filters: { contacts: { include: { searchText: 'Ava', signals: { types: ['promotion'], startDate: '2025-01-01' } } } } });
		expect(ok.status).toBe(200);
		expect(ok.body.results.length).toBeGreaterThan(0);
		expect(ok.body.results.every((r: any) => r.firstName === 'Ava' || r.jobTitle.title.includes('Ava'))).toBe(true);
		// api_search 1 + one matched signal type per result
		expect(ok.body.billing.creditsCharged).toBe(1 + ok.body.results.length);
	});

	it('takes contact countries as ISO-2 codes only', async () => {
		expect400(await contacts({ filters: { contacts: { include: { countries: ['United States'] } } } }), /filters\.contacts\.include\.countries\.0 must be an ISO 3166-1 alpha-2 country code/);
		const gb = await contacts({ filters: { contacts: { include: { countries: ['GB'] } } } });
		expect(gb.body.results.length).toBe(10);
		expect(gb.body.results.every((r: any) => r.location.country === 'United Kingdom')).toBe(true);
	});

	it('rejects unknown nested keys: sicsCodes, company countries, filters.contacts.include.foo', async () => {
		expect400(await contacts({ filters: { companies: { include: { sicsCodes: ['7372'] } } } }), 'property filters.companies.include.sicsCodes should not exist');
		expect400(await contacts({ filters: { companies: { include: { countries: ['US'] } } } }), 'property filters.companies.include.countries should not exist');
		expect400(await contacts({ filters: { contacts: { include: { foo: 1 } } } }), 'property filters.contacts.include.foo should not exist');
		expect400(await contacts({ filters: { contacts: { include: { seniority: [4] } } } }), 'property filters.contacts.include.seniority should not exist');
		expect((await contacts({ filters: { companies: { include: { sicCodes: ['7372'] } } } })).status).toBe(200);
	});

	it('takes seniorityIds as integers', async () => {
		expect400(await contacts({ filters: { contacts: { include: { seniorityIds: ['8'] } } } }), 'filters.contacts.include.seniorityIds.0 must be an integer number');
		const reply = await contacts({ filters: { contacts: { include: { seniorityIds: [8] } } } });
		expect(reply.body.results.length).toBeGreaterThan(0);
		expect(reply.body.results.every((r: any) => r.jobTitle.seniority === 'Vice President')).toBe(true);
	});

	it('accepts existingDataPoints work_email and phone but rejects the spec example work_phone', async () => {
		expect400(await contacts({ filters: { contacts: { include: { existingDataPoints: ['work_phone'] } } } }), /filters\.contacts\.include\.existingDataPoints\.0 must be one of the following values/);
		const reply = await contacts({ filters: { contacts: { include: { existingDataPoints: ['work_email', 'phone'], existingDataPointsCondition: 'and' } } } });
		expect(reply.status).toBe(200);
		expect(reply.body.pagination.total).toBe(v3.sandbox.fixtures.people.filter((_p: any, i: number) => i % 10 !== 5 && i % 50 !== 47).length);
	});

	it('takes range filters as one merged element [{min, max}]', async () => {
		expect400(await contacts({ filters: { companies: { include: { foundedYear: [{ min: 1990 }, { max: 2000 }] } } } }), /filters\.companies\.include\.foundedYear must be one merged range element/);
		expect400(await contacts({ filters: { companies: { include: { sizes: [{ min: 1, max: 10 }, { min: 11, max: 50 }] } } } }), /sizes must be one merged range element/);
		const reply = await contacts({ filters: { companies: { include: { foundedYear: [{ min: 1990, max: 1995 }] } } } });
		expect(reply.status).toBe(200);
		expect(reply.body.pagination.total).toBeGreaterThan(0);
	});

	it('needs a base filter for score, education and job-change refinements', async () => {
		for (const refine of [{ score: { minScore: 50 } }, { education: { schools: ['MIT'] } }, { jobChangedAfterDate: '2025-01-01' }]) {
			const key = Object.keys(refine)[0];
			expect400(await contacts({ filters: { contacts: { include: refine } } }), `filters.contacts.include.${key} is a refinement filter and must be combined with a base filter (e.g. jobTitles)`);
			expect((await contacts({ filters: { contacts: { include: { jobTitles: ['Sales'], ...refine } } } })).status).toBe(200);
		}
	});

	it('accepts a company countryIso2 location on contacts/prospecting but matches nothing', async () => {
		const reply = await contacts({ filters: { companies: { include: { locations: [{ countryIso2: 'US' }] } } } });
		expect(reply.status).toBe(200);
		expect(reply.body.pagination.total).toBe(0);
		const byName = await contacts({ filters: { companies: { include: { locations: [{ country: 'United States' }] } } } });
		expect(byName.body.pagination.total).toBeGreaterThan(0);
	});

	it('knows 17 main industries: IDs 2, 4 and 20 do not exist', async () => {
		for (const id of [2, 4, 20]) expect((await contacts({ filters: { companies: { include: { mainIndustriesIds: [id] } } } })).body.pagination.total).toBe(0);
		expect((await contacts({ filters: { companies: { include: { mainIndustriesIds: [1] } } } })).body.pagination.total).toBeGreaterThan(0);
		const catalogue = await v3.get('/v3/companies/prospecting/filters/industriesLabels');
		expect(catalogue.body.values).toHaveLength(17);
		expect(catalogue.body.values.flatMap((m: any) => m.subIndustries)).toHaveLength(132);
		expect(catalogue.body.values.map((m: any) => m.mainIndustryId)).not.toEqual(expect.arrayContaining([2]));
	});

	it('accepts funding and industriesLabels here', async () => {
		const reply = await contacts({ filters: { companies: { include: { funding: { isIpo: false }, industriesLabels: ['Financial Services'] } } } });
		expect(reply.status).toBe(200);
		expect(reply.body.pagination.total).toBeGreaterThan(0);
	});

	it('rejects arbitrary contact ids in filters and persists to a table with tableWrite', async () => {
		expect400(await contacts({ filters: { contacts: { include: { ids: ['x'] } } } }), 'Invalid contact id: filters.contacts.include.ids.0');
		const created = await v3.post('/v3/contacts/tables', { name: 'prospects', owner: { email: 'user@example.com' } });
		const tableId = created.body.data.tableId;
		const reply = await contacts({ filters: { contacts: { include: { departments: ['Sales'] } } }, tableId });
		expect(reply.body.tableWrite).toEqual({ tableId, added: 10, alreadyPresent: 0, columnsCreated: 0, rowsProcessed: 10, rowsCharged: 10, rowsAlreadyPaidInTable: 0, creditsCharged: 0 });
		const again = await contacts({ filters: { contacts: { include: { departments: ['Sales'] } } }, tableId });
		expect(again.body.tableWrite).toMatchObject({ added: 0, alreadyPresent: 10, rowsAlreadyPaidInTable: 10, rowsCharged: 0 });
	});
});

describe('POST /v3/companies/prospecting', () => {
	it('requires filters.companies.include and returns company previews', async () => {
		expect400(await companies({ filters: {} }), 'filters.companies is required');
		expect400(await companies({ filters: { companies: {} } }), 'filters.companies.include is required');
		const reply = await companies({ filters: { companies: { include: { locations: [{ country: 'Israel' }] } } } });
		expect(reply.status).toBe(200);
		expect(reply.body.results.every((r: any) => r.location.country === 'Israel')).toBe(true);
		expect(reply.body.pagination.total).toBe(10);
		expect(reply.body.billing).toEqual({ creditsCharged: 1, resultsReturned: 10 });
	});

	it('rejects locations[].countryIso2, funding and industriesLabels', async () => {
		expect400(await companies({ filters: { companies: { include: { locations: [{ countryIso2: 'US' }] } } } }), 'property filters.companies.include.locations.0.countryIso2 should not exist');
		expect400(await companies({ filters: { companies: { include: { funding: { isIpo: true } } } } }), 'property filters.companies.include.funding should not exist');
		expect400(await companies({ filters: { companies: { include: { industriesLabels: ['Retail'] } } } }), 'property filters.companies.include.industriesLabels should not exist');
	});

	it('supports searchText and signals on companies, but not together with contact filters', async () => {
		const reply = await companies({ filters: { companies: { include: { signals: { types: ['linkedinActivityIntent'], startDate: '2026-01-01' } } } } });
		expect(reply.status).toBe(200);
		expect(reply.body.results.length).toBeGreaterThan(0);
		expect(reply.body.results.every((r: any) => r.signalTypes.includes('linkedinActivityIntent'))).toBe(true);
		expect(reply.body.billing.creditsCharged).toBe(1 + reply.body.results.length);
		expect400(await companies({ filters: { companies: { include: { searchText: 'Acme' } }, contacts: { include: { departments: ['Sales'] } } } }), /filters\.contacts cannot be combined with company searchText/);
		expect400(await companies({ filters: { companies: { include: { names: ['Acme'] } }, contacts: { include: { existingDataPoints: ['work_phone'] } } } }), /existingDataPoints\.0 must be one of/);
	});

	it('applies the same range and pagination rules', async () => {
		expect400(await companies({ filters: { companies: { include: { revenues: [{ min: 1 }, { min: 5 }] } } } }), /revenues must be one merged range element/);
		expect400(await v3.post('/v3/companies/prospecting', { pagination: { page: 0, size: 5 }, filters: { companies: { include: {} } } }), 'pagination.size must not be less than 10');
	});
});
