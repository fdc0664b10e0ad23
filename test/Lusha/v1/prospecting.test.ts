import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../helpers/n8n';
import { useSandbox } from '../../helpers/sandbox';

const ctx = useSandbox();

const search = (operation: string, parameters: IDataObject) =>
	runNode({ credential: ctx.credential, parameters: { resource: 'prospecting', operation, ...parameters } });

describe('Prospecting', () => {
	it('Search Contacts with Return All walks every page; each result carries the requestId', async () => {
		ctx.sandbox.configure({ syntheticProspects: 230 });
		const result = await search('searchContacts', { returnAll: true });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(230);
		expect(new Set(result.items.map((i) => i.json.contactId)).size).toBe(230);
		expect(ctx.sandbox.count('POST /prospecting/contact/search')).toBe(5);
		const sizes = ctx.sandbox.requestsTo('POST /prospecting/contact/search').map((r: { body: { pages: IDataObject } }) => r.body.pages);
		expect(sizes.every((p: IDataObject) => p.size === 50)).toBe(true);
		expect(result.items.every((i) => typeof i.json.requestId === 'string')).toBe(true);
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	it('Search Contacts stops at the limit', async () => {
		ctx.sandbox.configure({ syntheticProspects: 500 });
		const result = await search('searchContacts', { returnAll: false, limit: 70 });
		expect(result.items).toHaveLength(70);
		expect(ctx.sandbox.count('POST /prospecting/contact/search')).toBe(2);
	});

	it('sends the filters picked from Lusha’s lists in the shapes the spec names', async () => {
		const result = await search('searchContacts', {
			returnAll: true,
			contactFilters: {
				departments: ['Sales'],
				seniority: ['6'],
				existingDataPoints: ['work_email'],
				countries: ['United States'],
				locations: { values: [{ value: { __rl: true, mode: 'list', value: JSON.stringify({ country: 'Germany', city: 'Berlin' }) } }] },
				jobTitles: 'Manager, Director',
				signals: ['promotion'],
				signalsStartDate: '2025-05-01',
			},
			excludeContacts: { departments: ['Legal'] },
			companyFilters: {
				technologies: { values: [{ value: { __rl: true, mode: 'list', value: 'Salesforce' } }] },
				sizes: [JSON.stringify({ min: 51, max: 200 })],
				mainIndustriesIds: ['1'],
				employeesInLinkedInMin: 10,
			},
			searchOptions: { includePartialContact: false },
		});
		expect(result.error).toBeUndefined();
		const body = ctx.sandbox.requestsTo('POST /prospecting/contact/search')[0].body;
		expect(body.includePartialContact).toBe(false);
		expect(body.filters.contacts.include).toEqual({
			departments: ['Sales'],
			seniority: [6],
			existing_data_points: ['work_email'],
			locations: [{ country: 'United States' }, { country: 'Germany', city: 'Berlin' }],
			jobTitles: ['Manager', 'Director'],
			signal: { names: ['promotion'], startDate: '2025-05-01' },
		});
		expect(body.filters.contacts.exclude).toEqual({ departments: ['Legal'] });
		expect(body.filters.companies.include).toEqual({ technologies: [{ name: 'Salesforce' }], sizes: [{ min: 51, max: 200 }], mainIndustriesIds: [1], employeesInLinkedIn: { min: 10 } });
	});

	it('reads results under the spec’s `contacts`/`companies` keys as well as the live `data` key', async () => {
		ctx.sandbox.configure({ prospectingListKey: 'spec' });
		const contacts = await search('searchContacts', { returnAll: false, limit: 20 });
		const companies = await search('searchCompanies', { returnAll: false, limit: 20, companyFilters: {} });
		expect(contacts.items).toHaveLength(20);
		expect(companies.items).toHaveLength(20);
		expect(contacts.items[0].json).toMatchObject({ contactId: expect.any(String), name: expect.any(String), requestId: expect.any(String) });
		expect(companies.items[0].json).toMatchObject({ id: expect.any(String), name: expect.any(String), requestId: expect.any(String) });
	});

	it('returns only what the filters match', async () => {
		const result = await search('searchContacts', { returnAll: true, contactFilters: { jobTitles: 'Manager' } });
		expect(result.items.length).toBeGreaterThan(0);
		expect(result.items.every((i) => String(i.json.jobTitle).includes('Manager'))).toBe(true);
	});

	it('chains Search → Enrich across two node runs with no expressions typed', async () => {
		const found = await search('searchContacts', { returnAll: false, limit: 30, contactFilters: { departments: ['Sales', 'Marketing'] } });
		expect(found.items.length).toBeGreaterThan(0);
		const enriched = await runNode({
			credential: ctx.credential,
			parameters: { resource: 'prospecting', operation: 'enrichContacts', requestId: '={{ $json.requestId }}', contactIds: '={{ $json.contactId }}' },
			items: found.items.map((i) => i.json),
		});
		expect(enriched.error).toBeUndefined();
		expect(enriched.items).toHaveLength(found.items.length);
		expect(ctx.sandbox.count('POST /prospecting/contact/enrich')).toBe(1);
		enriched.items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(String(item.json.personId)).toBe(found.items[index].json.contactId);
			expect(item.json.email).toMatch(/@/);
		});
	});

	it('Enrich Companies batches by requestId and respects Lusha’s 50 cap', async () => {
		ctx.sandbox.configure({ syntheticProspects: 130, companyEnrichCap: 50 });
		const found = await search('searchCompanies', { returnAll: true, companyFilters: {} });
		expect(found.items).toHaveLength(130);
		const enriched = await runNode({
			credential: ctx.credential,
			parameters: { resource: 'prospecting', operation: 'enrichCompanies', requestId: '={{ $json.requestId }}', companyIds: '={{ $json.id }}', simplify: false },
			items: found.items.map((i) => i.json),
		});
		expect(enriched.error).toBeUndefined();
		expect(enriched.items).toHaveLength(130);
		const bodies = ctx.sandbox.requestsTo('POST /prospecting/company/enrich').filter((r: { statusCode: number }) => r.statusCode === 200);
		expect(bodies.every((r: { body: { companiesIds: unknown[] } }) => r.body.companiesIds.length <= 50)).toBe(true);
		expect(enriched.items.map((i) => i.json.id)).toEqual(found.items.map((i) => i.json.id));
	});

	it('asks for the search when the request ID is missing', async () => {
		const result = await runNode({ credential: ctx.credential, parameters: { resource: 'prospecting', operation: 'enrichContacts', requestId: '={{ $json.requestId }}', contactIds: '={{ $json.contactId }}' }, items: [{ contactId: '1' }] });
		expect(result.error?.message).toBe('Request ID is empty (item 0)');
		expect(result.error?.description).toContain('Prospecting → Search Contacts');
	});
});
