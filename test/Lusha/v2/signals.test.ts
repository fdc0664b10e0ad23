import type { IDataObject, IPairedItemData } from 'n8n-workflow';

import { runNode } from '../../helpers/n8n';
import { useSandbox } from '../../helpers/sandbox';

const ctx = useSandbox();

const CONTACTS = 'POST /v3/contacts/signals';
const COMPANIES = 'POST /v3/companies/signals';

const contactIds = (n: number): string[] => ctx.sandbox.fixtures.people.slice(0, n).map((p: unknown) => ctx.sandbox.v3.contactId(p) as string);
const signals = (resource: 'contact' | 'company', parameters: IDataObject, items: IDataObject[], continueOnFail = false) =>
	runNode({ credential: ctx.credential, typeVersion: 2, parameters: { resource, operation: 'getSignals', ...parameters }, items, continueOnFail });
const bodies = (key: string) => ctx.sandbox.requestsTo(key).map((r: { body: IDataObject }) => r.body);

describe('Contact → Get Signals', () => {
	it('reads the signals of 150 contacts in 2 calls, one item per contact, in input order', async () => {
		const ids = contactIds(150);
		const result = await signals('contact', { signalTypes: ['allSignals'] }, ids.map((id) => ({ id })));
		expect(result.error).toBeUndefined();
		const calls = bodies(CONTACTS);
		expect(calls.map((b: IDataObject) => (b.ids as string[]).length)).toEqual([100, 50]);
		expect(calls[0]).toEqual({ ids: ids.slice(0, 100), signalTypes: ['allSignals'] });
		const restricted = new Set((ctx.sandbox.v3.restrictedPeople() as unknown[]).map((p) => ctx.sandbox.v3.contactId(p)));
		expect(result.items).toHaveLength(150);
		result.items.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json.id).toBe(ids[i]);
			expect(item.json.billing).toEqual(expect.objectContaining({ creditsCharged: expect.any(Number) }));
			if (restricted.has(ids[i])) expect(item.json).toMatchObject({ found: false, error: { code: 'COMPLIANCE_RESTRICTED' } });
			else expect(item.json).toMatchObject({ found: true, promotion: expect.any(Array), companyChange: expect.any(Array), signalCount: expect.any(Number) });
		});
		expect(result.items.some((i) => (i.json.signalCount as number) > 0)).toBe(true);
	});

	it('chains Prospect → Get Signals with no expressions typed: the IDs default to each item’s id', async () => {
		const found = await runNode({ credential: ctx.credential, typeVersion: 2, parameters: { resource: 'contact', operation: 'prospect', size: 10, contactFilters: { jobTitles: 'Manager' } } });
		expect(found.items).toHaveLength(10);
		const result = await signals('contact', { signalTypes: ['allSignals'] }, found.items.map((i) => i.json));
		expect(result.error).toBeUndefined();
		expect(ctx.sandbox.count(CONTACTS)).toBe(1);
		expect(result.items.map((i) => i.json.id)).toEqual(found.items.map((i) => i.json.id));
	});

	it('sends Since and Max Results per Signal, and an item listing several IDs gets one item per ID', async () => {
		const ids = contactIds(3);
		const result = await signals('contact', { signalTypes: ['promotion', 'companyChange'], signalOptions: { startDate: '2025-01-01T00:00:00.000Z', maxResultsPerSignal: 5 } }, [{ id: `${ids[0]}, ${ids[1]}` }, { id: ids[2] }]);
		expect(result.error).toBeUndefined();
		expect(bodies(CONTACTS)).toEqual([{ ids, signalTypes: ['promotion', 'companyChange'], startDate: '2025-01-01', maxResultsPerSignal: 5 }]);
		expect(result.items.map((i) => [i.json.id, (i.pairedItem as IPairedItemData).item])).toEqual([
			[ids[0], 0],
			[ids[1], 0],
			[ids[2], 1],
		]);
	});

	it('items asking for different signal types go in separate calls', async () => {
		const ids = contactIds(4);
		const result = await signals('contact', { signalTypes: '={{ $json.types }}' }, ids.map((id, i) => ({ id, types: i % 2 ? ['promotion'] : ['companyChange'] })));
		expect(result.error).toBeUndefined();
		expect(bodies(CONTACTS).map((b: IDataObject) => [b.signalTypes, b.ids])).toEqual([
			[['companyChange'], [ids[0], ids[2]]],
			[['promotion'], [ids[1], ids[3]]],
		]);
		expect(result.items.map((i) => i.json.id)).toEqual(ids);
	});

	it('accepts legacy numeric IDs and returns each answer to its own item', async () => {
		const [first, second] = ctx.sandbox.fixtures.people as Array<{ personId: number }>;
		const result = await signals('contact', { signalTypes: ['allSignals'] }, [{ id: String(first.personId) }, { id: String(second.personId) }]);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.id)).toEqual([ctx.sandbox.v3.contactId(first), ctx.sandbox.v3.contactId(second)]);
	});

	it('refuses a value that is not a Lusha ID for its item, before sending; with Continue On Fail the others go', async () => {
		const ids = contactIds(2);
		const stopped = await signals('contact', { signalTypes: ['allSignals'] }, [{ id: ids[0] }, { id: 'jane@acme.com' }]);
		expect(stopped.error?.message).toBe('Lusha Contact IDs holds "jane@acme.com", which is not a Lusha ID (item 1)');
		expect(ctx.sandbox.count(CONTACTS)).toBe(0);

		const result = await signals('contact', { signalTypes: ['allSignals'] }, [{ id: ids[0] }, { id: 'jane@acme.com' }, { id: ids[1] }], true);
		expect(bodies(CONTACTS)).toEqual([{ ids, signalTypes: ['allSignals'] }]);
		expect(result.items).toHaveLength(3);
		expect(result.items[1]).toEqual({ json: expect.objectContaining({ error: expect.stringContaining('(item 1)') }), pairedItem: { item: 1 } });
	});

	it('refuses Max Results per Signal outside 1–100, naming the field and item', async () => {
		const result = await signals('contact', { signalTypes: ['allSignals'], signalOptions: { maxResultsPerSignal: 101 } }, [{ id: contactIds(1)[0] }]);
		expect(result.error?.message).toBe('Options → Max Results per Signal must be a whole number from 1 to 100, not 101 (item 0)');
		expect(ctx.sandbox.count(CONTACTS)).toBe(0);
	});

	it('On Item Error: Fail stops at a contact Lusha may not return', async () => {
		const [restricted] = ctx.sandbox.v3.restrictedPeople() as unknown[];
		const result = await signals('contact', { signalTypes: ['allSignals'], onItemError: 'fail' }, [{ id: contactIds(1)[0] }, { id: ctx.sandbox.v3.contactId(restricted) }]);
		expect(result.error?.message).toContain('COMPLIANCE_RESTRICTED, item 1');
	});
});

describe('Company → Get Signals', () => {
	it('sends signalTypes with LinkedIn activity intent and the intent-category filter, one item per company', async () => {
		const companies = ctx.sandbox.fixtures.companies.slice(0, 6) as Array<{ id: number }>;
		const ids = companies.map((c) => ctx.sandbox.v3.companyId(c) as string);
		const result = await signals(
			'company',
			{ signalTypes: ['linkedinActivityIntent', 'surgeInHiring'], signalOptions: { maxResultsPerSignal: 2, intentCategories: ['Technology', 'Business'] } },
			ids.map((id) => ({ id })),
		);
		expect(result.error).toBeUndefined();
		expect(bodies(COMPANIES)).toEqual([{ ids, signalTypes: ['linkedinActivityIntent', 'surgeInHiring'], maxResultsPerSignal: 2, filters: { include: { intentCategories: ['Technology', 'Business'] } } }]);
		expect(result.items.map((i) => i.json.id)).toEqual(ids);
		for (const item of result.items) {
			expect(item.json).toMatchObject({ found: true, companyName: expect.any(String), linkedinActivityIntent: expect.any(Array), surgeInHiring: expect.any(Array), billing: expect.any(Object) });
			const posts = item.json.linkedinActivityIntent as Array<{ intentTopics: Array<{ category: string }> }>;
			expect(posts.every((p) => p.intentTopics.some((t) => ['Technology', 'Business'].includes(t.category)))).toBe(true);
		}
	});

	it('an unknown company comes out as NOT_FOUND data; the others are unaffected', async () => {
		const known = ctx.sandbox.v3.companyId(ctx.sandbox.fixtures.companies[0]) as string;
		const result = await signals('company', { signalTypes: ['allSignals'] }, [{ id: '999999' }, { id: known }]);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ id: '999999', found: false, error: { code: 'NOT_FOUND' } });
		expect(result.items[1].json).toMatchObject({ id: known, found: true });
	});
});
