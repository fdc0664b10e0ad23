import type { IDataObject, INodeProperties, IPairedItemData } from 'n8n-workflow';

import { lushaVersion, runNode } from '../../helpers/n8n';
import { useSandbox } from '../../helpers/sandbox';

const ctx = useSandbox();

type Entity = 'contact' | 'company';
const PATH: Record<Entity, string> = { contact: 'POST /v3/contacts/prospecting', company: 'POST /v3/companies/prospecting' };

const prospect = (resource: Entity, parameters: IDataObject, extra: { items?: IDataObject[]; continueOnFail?: boolean } = {}) =>
	runNode({ credential: ctx.credential, typeVersion: 2, parameters: { resource, operation: 'prospect', ...parameters }, ...extra });

const bodies = (entity: Entity) => ctx.sandbox.requestsTo(PATH[entity]).map((r: { body: IDataObject }) => r.body);
const picked = (...values: string[]) => ({ values: values.map((value) => ({ value: { __rl: true, mode: 'list', value } })) });
const typed = (...values: string[]) => ({ values: values.map((value) => ({ value: { __rl: true, mode: 'name', value } })) });

describe('Contact → Prospect', () => {
	it('sends every filter the user picks in the shapes Lusha V3 takes, and Lusha accepts them', async () => {
		const result = await prospect('contact', {
			size: 25,
			contactFilters: {
				jobTitles: 'Manager, Director',
				seniorityIds: ['6', '7'],
				departments: ['Sales', 'Finance'],
				countries: ['US', 'de'],
				locations: picked(JSON.stringify({ country: 'Germany', countryIso2: 'DE', state: 'Berlin', city: 'Berlin', continent: 'Europe' })),
				existingDataPoints: ['work_email', 'phone'],
				existingDataPointsCondition: 'and',
				searchText: 'labs',
				signals: { types: ['promotion'], startDate: '2025-05-01T00:00:00.000Z' },
				score: { minScore: 10, maxScore: 90 },
				education: { schools: 'MIT, Technion', startYearGte: 2000 },
				geographicDetails: { rows: [{ country: 'United States', zipcode: '10001', distance: 25 }, { country: '', zipcode: '', distance: 0 }] },
			},
			contactExclusions: { departments: ['Legal'], emails: 'former@acme.com' },
			companyFilters: {
				sizes: [JSON.stringify({ min: 51, max: 200 }), JSON.stringify({ min: 201, max: 500 })],
				revenues: [JSON.stringify({ min: 1000001, max: 10000000 })],
				technologies: picked('Salesforce', 'HubSpot'),
				technologiesCondition: 'or',
				mainIndustriesIds: ['1'],
				subIndustriesIds: ['101'],
				industriesLabels: ['Technology, Information & Media'],
				foundedYear: { range: { min: 1990, max: 2020 } },
				businessModel: ['B2B'],
				companyType: ['Private Company', 'Public Company'],
				locations: typed('United States'),
				funding: { isIpo: false, rounds: { rows: [{ coverage: 'last_round', round: 'series_a' }] }, date: { coverage: 'last_funding', date: '2020-01-01' } },
			},
			companyExclusions: { domains: 'competitor.com' },
			prospectOptions: { includePartialProfiles: false, excludeDnc: true },
		});
		expect(result.error).toBeUndefined();
		expect(bodies('contact')).toEqual([
			{
				pagination: { page: 0, size: 25 },
				filters: {
					contacts: {
						include: {
							jobTitles: ['Manager', 'Director'],
							seniorityIds: [6, 7],
							departments: ['Sales', 'Finance'],
							countries: ['US', 'DE'],
							// countryIso2 is left out: Lusha matches locations by name (seen on the live API).
							locations: [{ continent: 'Europe', country: 'Germany', state: 'Berlin', city: 'Berlin' }],
							existingDataPoints: ['work_email', 'phone'],
							existingDataPointsCondition: 'and',
							searchText: 'labs',
							signals: { types: ['promotion'], startDate: '2025-05-01' },
							score: { minScore: 10, maxScore: 90 },
							education: { schools: ['MIT', 'Technion'], startYearGte: 2000 },
							geographicDetails: [{ country: 'United States', zipcode: '10001', distance: 25 }],
						},
						exclude: { departments: ['Legal'], emails: ['former@acme.com'] },
					},
					companies: {
						include: {
							// Lusha takes one merged range: 51–200 and 201–500 become 51–500.
							sizes: [{ min: 51, max: 500 }],
							revenues: [{ min: 1000001, max: 10000000 }],
							technologies: ['Salesforce', 'HubSpot'],
							technologiesCondition: 'or',
							mainIndustriesIds: [1],
							subIndustriesIds: [101],
							industriesLabels: ['Technology, Information & Media'],
							foundedYear: [{ min: 1990, max: 2020 }],
							businessModel: ['B2B'],
							companyType: ['Private Company', 'Public Company'],
							locations: [{ country: 'United States' }],
							funding: { isIpo: false, rounds: [{ coverage: 'last_round', round: 'series_a' }], date: { coverage: 'last_funding', date: '2020-01-01' } },
						},
						exclude: { domains: ['competitor.com'] },
					},
				},
				options: { includePartialProfiles: false, excludeDnc: true },
			},
		]);
	});

	it('returns one page of contacts, each with the requestId and the billing of its page', async () => {
		const result = await prospect('contact', { page: 1, size: 10, contactFilters: { departments: ['Sales', 'Marketing', 'Finance'] } });
		expect(result.error).toBeUndefined();
		expect(bodies('contact')[0].pagination).toEqual({ page: 1, size: 10 });
		expect(result.items).toHaveLength(10);
		for (const item of result.items) {
			expect(item.pairedItem).toEqual({ item: 0 });
			expect(item.json).toMatchObject({ id: expect.stringMatching(/^v1\./), requestId: expect.any(String), billing: { creditsCharged: expect.any(Number), resultsReturned: 10 } });
			expect((item.json.jobTitle as IDataObject).departments).toEqual(expect.arrayContaining([expect.stringMatching(/Sales|Marketing|Finance/)]));
		}
	});

	it('Return All follows every page until Lusha’s total, with no repeats', async () => {
		const result = await prospect('contact', { returnAll: true, size: 50 });
		expect(result.error).toBeUndefined();
		const calls = bodies('contact');
		const total = ctx.sandbox.fixtures.people.length - ctx.sandbox.v3.restrictedPeople().length;
		expect(calls.map((b: IDataObject) => (b.pagination as IDataObject).page).sort()).toEqual([0, 1, 2, 3]);
		expect(result.items).toHaveLength(total);
		expect(new Set(result.items.map((i) => i.json.id)).size).toBe(total);
		expect(result.run.data.resultData.runData.Lusha[0].hints ?? []).toEqual([]);
	});

	it('Return All stops at Lusha’s 1,000-page cap and says so under the output', async () => {
		// 1,001 pages (0–1,000) of 10 cannot reach 12,000 results. Paced at Lusha's 25 a second, this takes about 40 s.
		ctx.sandbox.configure({ syntheticProspects: 12_000 });
		const result = await prospect('contact', { returnAll: true, size: 10, contactFilters: { jobTitles: 'Manager' } });
		expect(result.error).toBeUndefined();
		const answered = ctx.sandbox.requestsTo(PATH.contact).filter((r: { statusCode: number }) => r.statusCode === 200);
		const pages = answered.map((r: { body: { pagination: { page: number } } }) => r.body.pagination.page);
		expect(new Set(pages).size).toBe(1001);
		expect(pages).toHaveLength(1001);
		expect(Math.max(...pages)).toBe(1000);
		expect(result.items).toHaveLength(10_010);
		expect(result.run.data.resultData.runData.Lusha[0].hints).toEqual([
			expect.objectContaining({ message: 'Lusha serves at most 1001 pages of one search, so item 0 stopped at 10,010 of 12,000 contacts. Narrow the filters to reach the rest.' }),
		]);
	}, 120_000);

	it('as Lusha (50 a page served, jobs, account windows, Premium quotas): Return All of 10,000 prospects gets every record exactly once and reports plain success', async () => {
		// Results per Page 100 is served as 50: 200 pages, paced at the account's 25 a second (about 8 s).
		ctx.sandbox.configure({ asLusha: true, syntheticProspects: 10_000 });
		const result = await prospect('contact', { returnAll: true, size: 100, contactFilters: { jobTitles: 'Manager' } });
		expect(result.error).toBeUndefined();
		const calls = ctx.sandbox.requestsTo(PATH.contact) as Array<{ statusCode: number; body: { pagination: { page: number; size: number } } }>;
		// A 429 of the account's 25 a second (arrival jitter on a busy machine) is retried by the transport; no other refusal.
		expect(calls.filter((r) => r.statusCode !== 200 && r.statusCode !== 429)).toEqual([]);
		const served = calls.filter((r) => r.statusCode === 200);
		expect(served.map((r) => r.body.pagination.page).sort((a, b) => a - b)).toEqual(Array.from({ length: 200 }, (_, page) => page));
		expect(result.items).toHaveLength(10_000);
		expect(new Set(result.items.map((i) => i.json.id)).size).toBe(10_000);
		expect(result.items.every((i) => (i.pairedItem as IPairedItemData).item === 0 && i.json.nextPage === undefined)).toBe(true);
		// Every credit spent is on an item: each result carries its page's billing.
		const kept = result.items.reduce((sum, i) => sum + Number((i.json.billing as IDataObject).creditsCharged) / Number((i.json.billing as IDataObject).resultsReturned), 0);
		expect(ctx.sandbox.state.creditsUsed).toBeGreaterThan(0);
		expect(kept).toBeCloseTo(ctx.sandbox.state.creditsUsed, 6);
		expect(result.run.data.resultData.runData.Lusha[0].hints ?? []).toEqual([]);
	}, 60_000);

	it('refuses a page size outside 10–100 before sending anything, naming the field and the item', async () => {
		const result = await prospect('contact', { size: 5, contactFilters: { jobTitles: 'Manager' } });
		expect(result.error?.message).toBe('Results per Page must be a whole number from 10 to 100, not 5 (item 0)');
		expect(ctx.sandbox.count(PATH.contact)).toBe(0);
	});

	it('with Continue On Fail, a bad item yields one error item and the other items still prospect', async () => {
		const result = await prospect('contact', { size: '={{ $json.size }}', contactFilters: { jobTitles: 'Manager' } }, { items: [{ size: 10 }, { size: 500 }, { size: 10 }], continueOnFail: true });
		expect(result.error).toBeUndefined();
		expect(ctx.sandbox.count(PATH.contact)).toBe(2);
		const failed = result.items.filter((i) => i.json.error);
		expect(failed).toHaveLength(1);
		expect(failed[0]).toMatchObject({ pairedItem: { item: 1 }, json: { error: 'Results per Page must be a whole number from 10 to 100, not 500 (item 1)' } });
		expect(result.items.filter((i) => !i.json.error).map((i) => (i.pairedItem as IPairedItemData).item)).toEqual([...Array(10).fill(0), ...Array(10).fill(2)]);
	});

	it('refuses a refinement filter with no base filter before sending, and says what to add', async () => {
		const result = await prospect('contact', { contactFilters: { score: { minScore: 50 }, existingDataPointsCondition: 'and' } });
		expect(result.error?.message).toBe('Contact Filters → Contact Score only narrows other filters, and none is set (item 0)');
		expect(result.error?.description).toContain('Job Titles');
		expect(ctx.sandbox.count(PATH.contact)).toBe(0);
	});

	it('refuses contact countries given as full names, which Lusha rejects', async () => {
		const result = await prospect('contact', { contactFilters: { countries: '={{ ["United States"] }}' } });
		expect(result.error?.message).toBe('Contact Filters → Country Names or IDs must hold ISO-2 country codes such as US, not "United States" (item 0)');
		expect(ctx.sandbox.count(PATH.contact)).toBe(0);
	});

	it('only returns people that match the filters', async () => {
		const result = await prospect('contact', { returnAll: true, size: 100, contactFilters: { countries: ['GB'] }, companyFilters: { mainIndustriesIds: ['1'] } });
		expect(result.error).toBeUndefined();
		expect(result.items.length).toBeGreaterThan(0);
		expect(result.items.every((i) => (i.json.location as IDataObject).country === 'United Kingdom')).toBe(true);
	});
});

describe('Company → Prospect', () => {
	it('sends the company filter set with its signals block, the country as a full name', async () => {
		const result = await prospect('company', {
			size: 10,
			companyFilters: {
				locations: typed('Germany'),
				searchText: 'labs',
				signals: {
					types: ['headcountIncrease3m', 'linkedinActivityIntent'],
					startDate: '2026-01-01',
					filterByLocation: { rows: [{ country: 'Germany', state: 'Berlin', startDate: '' }] },
					filterByDepartment: { rows: [{ department: 'Sales', startDate: '2026-02-01' }] },
					filterByIntentCategory: ['Technology'],
				},
			},
			companyExclusions: { companyType: ['Non Profit'] },
			prospectOptions: { includePartialProfiles: true },
		});
		expect(result.error).toBeUndefined();
		expect(bodies('company')).toEqual([
			{
				pagination: { page: 0, size: 10 },
				filters: {
					companies: {
						include: {
							locations: [{ country: 'Germany' }],
							searchText: 'labs',
							signals: {
								types: ['headcountIncrease3m', 'linkedinActivityIntent'],
								startDate: '2026-01-01',
								filterByLocation: [{ country: 'Germany', state: 'Berlin' }],
								filterByDepartment: [{ department: 'Sales', startDate: '2026-02-01' }],
								filterByIntentCategory: ['Technology'],
							},
						},
						exclude: { companyType: ['Non Profit'] },
					},
				},
				options: { includePartialProfiles: true },
			},
		]);
	});

	it('returns only companies in the picked location, each with billing', async () => {
		const result = await prospect('company', { returnAll: true, size: 10, companyFilters: { locations: typed('Germany') } });
		expect(result.error).toBeUndefined();
		expect(result.items.length).toBe(ctx.sandbox.fixtures.companies.filter((c: { location: IDataObject }) => c.location.country === 'Germany').length);
		expect(result.items.every((i) => (i.json.location as IDataObject).country === 'Germany' && (i.json.billing as IDataObject).creditsCharged !== undefined)).toBe(true);
	});

	it('sends an empty include when no company filter is set, as Lusha requires', async () => {
		const result = await prospect('company', { size: 10, contactFilters: { departments: ['Sales'] } });
		expect(result.error).toBeUndefined();
		expect(bodies('company')[0].filters).toEqual({ companies: { include: {} }, contacts: { include: { departments: ['Sales'] } } });
	});

	it('refuses a two-letter company country before sending: Lusha matches company locations by full name', async () => {
		const result = await prospect('company', { companyFilters: { locations: typed('US') } });
		expect(result.error?.message).toBe('Company Filters → Locations must name the country in full, not "US" (item 0)');
		expect(ctx.sandbox.count(PATH.company)).toBe(0);
	});

	it('refuses contact filters next to company technologies before sending', async () => {
		const result = await prospect('company', { companyFilters: { technologies: picked('Salesforce') }, contactFilters: { jobTitles: 'CTO' } });
		expect(result.error?.message).toBe('Contact Filters cannot be combined with Company Filters → Technologies (item 0)');
		expect(ctx.sandbox.count(PATH.company)).toBe(0);
	});
});

describe('Prospect fields in the editor', () => {
	const properties = lushaVersion(2).description.properties;
	const filterNames = (resource: Entity, name: string) =>
		((properties.find((p) => p.name === name && p.displayOptions?.show?.resource?.[0] === resource && p.displayOptions?.show?.operation?.[0] === 'prospect')?.options ?? []) as INodeProperties[]).map((o) => o.name);

	it('offers funding and industry labels only where Lusha takes them (contact prospecting)', () => {
		expect(filterNames('contact', 'companyFilters')).toEqual(expect.arrayContaining(['funding', 'industriesLabels', 'sicCodes', 'foundedYear']));
		expect(filterNames('contact', 'companyFilters')).not.toEqual(expect.arrayContaining(['signals']));
		expect(filterNames('company', 'companyFilters')).toEqual(expect.arrayContaining(['signals', 'searchText', 'sicCodes']));
		expect(filterNames('company', 'companyFilters')).not.toContain('funding');
		expect(filterNames('company', 'companyFilters')).not.toContain('industriesLabels');
	});

	it('offers Search Text and Signals only among the filters, never the exclusions', () => {
		expect(filterNames('contact', 'contactFilters')).toEqual(expect.arrayContaining(['searchText', 'signals']));
		expect(filterNames('contact', 'contactExclusions')).not.toContain('searchText');
		expect(filterNames('contact', 'contactExclusions')).not.toContain('signals');
		expect(filterNames('company', 'companyExclusions')).not.toContain('signals');
	});

	it('offers company prospecting only the contact filters Lusha accepts there', () => {
		expect(filterNames('company', 'contactFilters').sort()).toEqual(['departments', 'existingDataPoints', 'jobTitles', 'locations', 'seniorityIds', 'skills']);
	});
});
