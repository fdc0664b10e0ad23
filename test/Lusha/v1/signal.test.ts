import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../helpers/n8n';
import { useSandbox } from '../../helpers/sandbox';

const ctx = useSandbox();
const signal = (operation: string, parameters: IDataObject, items?: IDataObject[], continueOnFail = false) =>
	runNode({ credential: ctx.credential, parameters: { resource: 'signal', operation, ...parameters }, items, continueOnFail });

describe('Signals', () => {
	it('Get Options lists the signal types and filters for companies', async () => {
		const result = await signal('getOptions', { entityType: 'company' });
		expect(result.items[0].json).toMatchObject({ objectType: 'company', signals: expect.arrayContaining(['allSignals', 'surgeInHiring']) });
		expect((result.items[0].json.filterOptions as IDataObject).newsEventTypes).toContain('Funding Round');
	});

	it('Get for Contacts batches 150 items into 2 calls and gives one item per person with its signals and the credits charged', async () => {
		const items = Array.from({ length: 150 }, (_, i) => ({ personId: 1000000 + (i % 200) }));
		const result = await signal('getForContacts', { contactIds: '={{ $json.personId }}', signalTypes: ['promotion', 'companyChange'], options: { startDate: '2025-01-01' } }, items);
		expect(result.error).toBeUndefined();
		expect(ctx.sandbox.count('POST /api/signals/contacts')).toBe(2);
		expect(result.items).toHaveLength(150);
		const first = result.items[0].json;
		expect(first).toMatchObject({ personId: 1000000, promotion: ctx.sandbox.fixtures.people[0].signals.promotion, signalCount: 1, startDate: '2025-01-01' });
		expect(first.batchCreditsCharged).toEqual(expect.any(Number));
		expect(ctx.sandbox.requestsTo('POST /api/signals/contacts')[0].body).toMatchObject({ contactIds: expect.arrayContaining([1000000]), signals: ['promotion', 'companyChange'], startDate: '2025-01-01' });
	});

	it('rejects contact IDs that are not numbers, naming the field and the item', async () => {
		const result = await signal('getForContacts', { contactIds: '={{ $json.personId }}', signalTypes: ['promotion'] }, [{ personId: 1000000 }, { personId: 'ava@acme.com' }]);
		expect(result.error?.message).toBe('Contact IDs must contain whole-number Lusha IDs, but has "ava@acme.com" (item 1)');
		expect(ctx.sandbox.state.requests).toHaveLength(0);
	});

	it('Search Contacts sends Lusha’s snake_case fields, the company with its name and domain, and maps answers back to items', async () => {
		const [p0, p1] = ctx.sandbox.fixtures.people;
		const c1 = ctx.sandbox.fixtures.companies[1];
		const items = [{ email: p0.emailAddresses[0].email }, { fullName: p1.fullName, companyName: c1.name, companyDomain: `https://${c1.domain}/` }, { email: 'ghost@nowhere.example' }];
		const result = await signal(
			'searchContacts',
			{ email: '={{ $json.email }}', fullName: '={{ $json.fullName }}', companyName: '={{ $json.companyName }}', companyDomain: '={{ $json.companyDomain }}', signalTypes: ['allSignals'] },
			items,
			true,
		);
		const body = ctx.sandbox.requestsTo('POST /api/signals/contacts/search')[0].body;
		expect(body.contacts[1]).toEqual({ id: '1', full_name: p1.fullName, companies: [{ name: c1.name, domain: c1.domain, is_current: true }] });
		expect(result.items.map((i) => i.json.personId ?? i.json.error)).toEqual([p0.personId, p1.personId, 'Lusha found no contact for ghost@nowhere.example (item 2)']);
	});

	it('Search Contacts asks for the company domain with a full name, as Lusha needs both, and sends nothing', async () => {
		const [, p1] = ctx.sandbox.fixtures.people;
		const result = await signal('searchContacts', { fullName: p1.fullName, companyName: ctx.sandbox.fixtures.companies[1].name, signalTypes: ['promotion'] });
		expect(result.error?.message).toBe('Company Domain is empty (item 0)');
		expect(result.error?.description).toContain('both the company name and its domain');
		expect(ctx.sandbox.state.requests).toHaveLength(0);
	});

	it('Get for Companies refuses a hiring location with a state but no country, and sends nothing', async () => {
		const result = await signal('getForCompanies', { companyIds: '5000', signalTypes: ['surgeInHiringByLocation'], options: { filters: { hiringByLocations: { location: [{ state: 'Bavaria' }] } } } });
		expect(result.error?.message).toBe('Options → Signal Filters → Hiring Locations has State "Bavaria" but no Country (item 0)');
		expect(ctx.sandbox.state.requests).toHaveLength(0);
	});

	it('Get for Companies passes the news and hiring sub-filters', async () => {
		const result = await signal('getForCompanies', { companyIds: '5000, 5001', signalTypes: ['surgeInHiring', 'riskNews'], options: { maxResultsPerSignal: 5, filters: { newsEventTypes: ['Lawsuit Filed'] } } });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.companyId)).toEqual([5000, 5001]);
		expect(result.items[0].json.surgeInHiring).toHaveLength(1);
		expect(ctx.sandbox.requestsTo('POST /api/signals/companies')[0].body).toMatchObject({ companyIds: [5000, 5001], maxResultsPerSignal: 5, filters: { include: { newsEventTypes: ['Lawsuit Filed'] } } });
	});

	it('Search Companies finds companies by domain or name', async () => {
		const [c0, c1] = ctx.sandbox.fixtures.companies;
		const result = await signal('searchCompanies', { domain: '={{ $json.domain }}', companyName: '={{ $json.name }}', signalTypes: ['allSignals'] }, [{ domain: c0.domain }, { name: c1.name }]);
		expect(result.items.map((i) => i.json.companyName)).toEqual([c0.name, c1.name]);
	});

	it('says Signals are an add-on when the plan lacks them', async () => {
		ctx.sandbox.configure({ signalsOnPlan: false });
		const result = await signal('getOptions', { entityType: 'contact' });
		expect(result.error?.description).toContain('Signals are a Lusha add-on');
	});
});
