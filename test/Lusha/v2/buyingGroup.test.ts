import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../helpers/n8n';
import { useSandbox } from '../../helpers/sandbox';

const ctx = useSandbox();
const ROUTE = 'POST /v3/contacts/buying-group';

interface Company {
	id: number;
	domain: string;
	fqdn: string;
}

const companies = (): Company[] => ctx.sandbox.fixtures.companies;
const domainItems = (count: number) => Array.from({ length: count }, (_, i) => ({ domain: companies()[i % 50].domain }));

const buyingGroup = (parameters: IDataObject, items: IDataObject[], continueOnFail = false) =>
	runNode({
		credential: ctx.credential,
		typeVersion: 2,
		parameters: { resource: 'contact', operation: 'findBuyingGroup', buyingGroupIdentifyBy: 'domain', buyingGroupDomain: '={{ $json.domain }}', ...parameters },
		items,
		continueOnFail,
	});

const calls = () => ctx.sandbox.requestsTo(ROUTE).map((r: { body: IDataObject }) => r.body);

describe('Contact → Find Buying Group', () => {
	it('finds the buying group of 60 companies in 3 calls, one item per contact paired with its company’s item', async () => {
		const items = domainItems(60);
		const result = await buyingGroup({}, items);
		expect(result.error).toBeUndefined();
		expect(calls().map((b: IDataObject) => (b.companies as unknown[]).length)).toEqual([25, 25, 10]);
		expect(calls()[0]).toMatchObject({ contactsLimit: 60, pagination: { page: 0, size: 100 } });
		expect(calls()[0].personas).toBeUndefined();
		// Every person at one fixture company is compliance-restricted: it yields one NO_CONTACTS item.
		const [contacts, empty] = [result.items.filter((i) => i.json.found), result.items.filter((i) => !i.json.found)];
		expect(empty.map((i) => [(i.json.error as IDataObject).code, i.pairedItem])).toEqual([
			['NO_CONTACTS', { item: 47 }],
		]);
		expect(contacts.length).toBeGreaterThan(60);
		for (const item of contacts) {
			const company = companies()[(item.pairedItem as { item: number }).item % 50];
			expect(item.json).toMatchObject({ found: true, company: { domain: company.fqdn } });
			expect((item.json.roles as string[]).length).toBeGreaterThan(0);
			expect(item.json.score).toBeGreaterThanOrEqual(0);
			expect(item.json.score).toBeLessThanOrEqual(1);
		}
		const pairedItems = result.items.map((i) => (i.pairedItem as { item: number }).item);
		expect(pairedItems).toEqual([...pairedItems].sort((a, b) => a - b));
	});

	it('walks every page of a large buying group with Return All', async () => {
		ctx.sandbox.configure({ buyingGroupExtraContacts: 60 });
		const result = await buyingGroup({ contactsLimit: 60 }, domainItems(3));
		expect(result.error).toBeUndefined();
		expect(calls().map((b: IDataObject) => b.pagination)).toEqual([
			{ page: 0, size: 100 },
			{ page: 1, size: 100 },
		]);
		const perCompany = [0, 1, 2].map((i) => result.items.filter((item) => (item.pairedItem as { item: number }).item === i).length);
		expect(perCompany).toEqual([60, 60, 60]);
		expect(new Set(result.items.map((i) => i.json.id)).size).toBe(180);
	});

	it('stops at the Limit without asking for contacts past it', async () => {
		const result = await buyingGroup({ returnAll: false, limit: 30 }, domainItems(60));
		expect(result.items).toHaveLength(30);
		expect(calls()).toHaveLength(1);
		expect(calls()[0].pagination).toEqual({ page: 0, size: 30 });

		ctx.sandbox.reset();
		const across = await buyingGroup({ returnAll: false, limit: 150 }, domainItems(60));
		expect(across.items.filter((i) => i.json.found)).toHaveLength(150);
		expect(calls().map((b: IDataObject) => [(b.companies as unknown[]).length, b.pagination])).toEqual([
			[25, { page: 0, size: 100 }],
			[25, { page: 0, size: 150 - across.items.filter((i) => (i.pairedItem as { item: number }).item < 25 && i.json.found).length }],
		]);
	});

	it('asks only for the chosen personas, and labels each contact with its role', async () => {
		const result = await buyingGroup({ personas: ['decision_maker'], contactsLimit: 2 }, domainItems(10));
		expect(calls()[0]).toMatchObject({ personas: ['decision_maker'], contactsLimit: 2 });
		const found = result.items.filter((i) => i.json.found);
		expect(found.length).toBeGreaterThan(0);
		expect(found.every((i) => (i.json.roles as string[]).includes('decision_maker'))).toBe(true);
	});

	it('takes Lusha company IDs, by default the incoming item’s id', async () => {
		const ids = companies().slice(0, 2).map((c) => ctx.sandbox.v3.companyId(c));
		const result = await buyingGroup({ buyingGroupIdentifyBy: 'id' }, ids.map((id: string) => ({ id })));
		expect(calls()[0].companies).toEqual([
			{ clientReferenceId: '0', id: ids[0] },
			{ clientReferenceId: '1', id: ids[1] },
		]);
		expect(result.items.every((i) => i.json.company && (i.json.company as IDataObject).id === ids[(i.pairedItem as { item: number }).item])).toBe(true);
	});

	it('gives a company Lusha cannot find, or where it finds nobody, one item with its error', async () => {
		const result = await buyingGroup({ personas: ['decision_maker'] }, [{ domain: companies()[0].domain }, { domain: 'nobody-here.example' }, ...domainItems(50).slice(1)]);
		const forItem = (index: number) => result.items.filter((i) => (i.pairedItem as { item: number }).item === index);
		expect(forItem(1)).toEqual([{ json: expect.objectContaining({ company: { domain: 'nobody-here.example' }, found: false, error: { code: 'NOT_FOUND', message: 'Company not found' } }), pairedItem: { item: 1 } }]);
		const empty = result.items.filter((i) => (i.json.error as IDataObject | undefined)?.code === 'NO_CONTACTS');
		expect(empty.length).toBeGreaterThan(0);
		for (const item of empty) expect(forItem((item.pairedItem as { item: number }).item)).toHaveLength(1);
	});

	it('refuses an item that is not a domain before any call, or gives it an error item under Continue On Fail', async () => {
		const items = [{ domain: companies()[0].domain }, { domain: 'not a domain' }];
		const failed = await buyingGroup({}, items);
		expect(failed.error?.message).toBe('Company Domain is not a domain: "not a domain" (item 1)');
		expect(calls()).toHaveLength(0);

		const partial = await buyingGroup({}, items, true);
		expect(partial.items.filter((i) => (i.pairedItem as { item: number }).item === 1)).toEqual([
			{ json: expect.objectContaining({ error: 'Company Domain is not a domain: "not a domain" (item 1)' }), pairedItem: { item: 1 } },
		]);
		expect(calls()[0].companies).toHaveLength(1);
	});

	it('says what the run cost on every contact', async () => {
		const result = await buyingGroup({}, domainItems(2));
		const credits = ctx.sandbox.v3.ledger().reduce((sum: number, e: { credits: number }) => sum + e.credits, 0);
		expect(credits).toBe(result.items.length);
		expect((result.items[0].json.billing as IDataObject).creditsCharged).toBe(result.items.length);
	});
});
