import type { IDataObject, IPairedItemData } from 'n8n-workflow';

import { runNode } from '../../helpers/n8n';
import { useSandbox } from '../../helpers/sandbox';
import type { Person } from '../../helpers/types';

const ctx = useSandbox();


const CONTACTS = 'POST /v3/contacts/lookalike';
const COMPANIES = 'POST /v3/companies/lookalike';
const people = (): Person[] => ctx.sandbox.fixtures.people;
const emailItems = (n: number, from = 0) => people().slice(from, from + n).map((p) => ({ email: p.emailAddresses[0].email }));

const similar = (parameters: IDataObject, items: IDataObject[] = emailItems(5), continueOnFail = false) =>
	runNode({
		credential: ctx.credential,
		typeVersion: 2,
		parameters: { resource: 'contact', operation: 'findLookalikes', seedEmails: '={{ $json.email }}', ...parameters },
		items,
		continueOnFail,
	});
const bodies = (key: string) => ctx.sandbox.requestsTo(key).map((r: { body: IDataObject }) => r.body);

describe('Contact → Find Lookalikes', () => {
	it('puts the seeds of all incoming items into one search and pairs each result with them', async () => {
		const result = await similar({ limit: 10 });
		expect(result.error).toBeUndefined();
		expect(bodies(CONTACTS)).toEqual([{ seeds: { emails: emailItems(5).map((i) => i.email) }, limit: 10 }]);
		expect(result.items).toHaveLength(10);
		for (const item of result.items) {
			expect(item.pairedItem).toEqual([0, 1, 2, 3, 4].map((i) => ({ item: i })));
			expect(item.json).toMatchObject({ id: expect.stringMatching(/^v1\./), dedupeSessionId: expect.any(String), billing: { creditsCharged: 30, resultsReturned: 10 } });
		}
	});

	it('Return All follows dedupeSessionId until Lusha has no more, with no repeats', async () => {
		const result = await similar({ returnAll: true });
		expect(result.error).toBeUndefined();
		const calls = bodies(CONTACTS);
		expect(calls.length).toBeGreaterThan(1);
		expect(calls[0].dedupeSessionId).toBeUndefined();
		expect(calls.slice(1).every((b: IDataObject) => b.dedupeSessionId === result.items[0].json.dedupeSessionId)).toBe(true);
		expect(calls.every((b: IDataObject) => b.limit === 100)).toBe(true);
		expect(new Set(result.items.map((i) => i.json.id)).size).toBe(result.items.length);
	});

	it('sends Lusha IDs under `ids`, people under `contacts`, exclusions and Max Contacts per Company', async () => {
		const [a, b, c, d, e] = people();
		const company = ctx.sandbox.fixtures.companies.find((x: { id: number }) => x.id === c.companyId);
		const seedIds = [a, b, d, e].map((p) => ctx.sandbox.v3.contactId(p));
		const result = await similar(
			{
				seedEmails: '',
				seedIds: '={{ $json.id }}',
				seedPeople: { people: [{ firstName: c.firstName, lastName: c.lastName, companyName: '', companyDomain: company.domain }] },
				limit: 20,
				lookalikeOptions: { excludeEmails: people()[5].emailAddresses[0].email, maxContactsPerCompany: 1 },
			},
			seedIds.map((id) => ({ id })),
		);
		expect(result.error).toBeUndefined();
		expect(bodies(CONTACTS)).toEqual([
			{
				seeds: { ids: seedIds, contacts: [{ firstName: c.firstName, lastName: c.lastName, companyDomain: company.domain }] },
				exclude: { emails: [people()[5].emailAddresses[0].email] },
				limit: 20,
				maxContactsPerCompany: 1,
			},
		]);
		const companies = result.items.map((i) => (i.json.company as IDataObject).id);
		expect(new Set(companies).size).toBe(companies.length);
	});

	it('refuses more than 100 seeds before sending anything, naming the item that passed the cap', async () => {
		const items = Array.from({ length: 101 }, (_, i) => ({ email: `seed${i}@example.com` }));
		const result = await similar({}, items);
		expect(result.error?.message).toBe('Seeds pass 100 with this item (101 in all); Lusha takes at most 100 per search (item 100)');
		expect(ctx.sandbox.count(CONTACTS)).toBe(0);
	});

	it('with Continue On Fail, more than 100 seeds give one error item per input item', async () => {
		const items = Array.from({ length: 101 }, (_, i) => ({ email: `seed${i}@example.com` }));
		const result = await similar({}, items, true);
		expect(result.items).toHaveLength(101);
		expect(result.items.every((item, i) => item.json.error && (item.pairedItem as IPairedItemData).item === i)).toBe(true);
		expect(ctx.sandbox.count(CONTACTS)).toBe(0);
	});

	it('a malformed seed stops the node, naming field and item; with Continue On Fail the other seeds still go', async () => {
		const items = [...emailItems(5), { email: 'not-an-email' }];
		const failed = await similar({ limit: 5 }, items);
		expect(failed.error?.message).toBe('Seed Emails holds "not-an-email" is not an email address (item 5)');
		expect(ctx.sandbox.count(CONTACTS)).toBe(0);

		const result = await similar({ limit: 5 }, items, true);
		expect(bodies(CONTACTS)[0].seeds).toEqual({ emails: emailItems(5).map((i) => i.email) });
		expect(result.items.filter((i) => i.json.error)).toEqual([{ json: expect.objectContaining({ error: expect.stringContaining('(item 5)') }), pairedItem: { item: 5 } }]);
		expect(result.items.filter((i) => !i.json.error)).toHaveLength(5);
	});

	it('refuses more than 100 exclusions and a Max Contacts per Company above 20 before sending', async () => {
		const many = Array.from({ length: 101 }, (_, i) => `x${i}@example.com`).join(',');
		expect((await similar({ lookalikeOptions: { excludeEmails: many } })).error?.message).toBe('Options → Exclude lists 101 entries; Lusha takes at most 100 (item 0)');
		expect((await similar({ lookalikeOptions: { maxContactsPerCompany: 25 } })).error?.message).toBe('Options → Max Contacts per Company must be a whole number from 1 to 20, not 25 (item 0)');
		expect(ctx.sandbox.count(CONTACTS)).toBe(0);
	});

	it('refuses fewer than 5 unique seeds before sending anything, naming the field and the item', async () => {
		// Lusha counts unique identifiers across all seed fields: "Jane@…" and "jane@…" are one.
		const four = emailItems(4);
		const items = [...four, { email: four[0].email.toUpperCase() }];
		const result = await similar({}, items);
		expect(result.error?.message).toBe('Seeds hold 4 unique seeds in all; Lusha needs 5 to 100 per search (item 0)');
		expect(result.error?.description).toMatch(/at least 5/);
		expect(ctx.sandbox.count(CONTACTS)).toBe(0);

		const each = await similar({}, items, true);
		expect(each.items.map((i) => [(i.pairedItem as IPairedItemData).item, String(i.json.error)])).toEqual([0, 1, 2, 3, 4].map((i) => [i, expect.stringContaining('5 to 100')]));
		expect(ctx.sandbox.count(CONTACTS)).toBe(0);
	});

	it('what it sends passes Lusha’s seed rule (5–100 unique identifiers in total)', async () => {
		ctx.sandbox.configure({ lookalikeSeedRules: true });
		const [a] = people();
		const result = await similar({ seedIds: '={{ $json.id ?? "" }}', limit: 5 }, [...emailItems(4, 1), { id: ctx.sandbox.v3.contactId(a) }]);
		expect(result.error).toBeUndefined();
		expect(bodies(CONTACTS)[0].seeds).toEqual({ emails: emailItems(4, 1).map((i) => i.email), ids: [ctx.sandbox.v3.contactId(a)] });
		expect(result.items).toHaveLength(5);
	});

	it('refuses a seed person without a company before sending, naming the row and the item', async () => {
		const [a] = people();
		const result = await similar({ seedPeople: { people: [{ firstName: a.firstName, lastName: a.lastName, companyName: '', companyDomain: '' }] } }, emailItems(5));
		expect(result.error?.message).toBe('Seed People (Name and Company) → person 1 needs First Name, Last Name, and Company Name or Company Domain (item 0)');
		expect(ctx.sandbox.count(CONTACTS)).toBe(0);
	});

	it('asks for seeds when no item has any', async () => {
		const result = await similar({}, [{ email: '' }, {}]);
		expect(result.error?.message).toBe('Seeds are empty: fill at least one of Seed Emails, Seed LinkedIn URLs, Seed Lusha Contact IDs, Seed People (item 0)');
		expect(ctx.sandbox.count(CONTACTS)).toBe(0);
	});

	it('explains an expired session: Lusha’s 410 DEDUPE_SESSION_INVALID says to start a new one', async () => {
		const first = await similar({ limit: 5 });
		await fetch(`${ctx.sandbox.url}/__admin/expire-lookalike-sessions`, { method: 'POST' });
		const again = await similar({ limit: 5, lookalikeOptions: { dedupeSessionId: first.items[0].json.dedupeSessionId } });
		expect(again.error?.message).toContain('410');
		expect(again.error?.description).toContain('Clear Options → Session ID');
	});
});

describe('Company → Find Lookalikes', () => {
	it('finds lookalike companies from seed domains and exclusions', async () => {
		ctx.sandbox.configure({ lookalikeSeedRules: true });
		const all = ctx.sandbox.fixtures.companies as Array<{ domain: string }>;
		const seeds = all.slice(0, 5).map((x) => x.domain);
		const c = all[5];
		const result = await runNode({
			credential: ctx.credential,
			typeVersion: 2,
			parameters: { resource: 'company', operation: 'findLookalikes', seedDomains: seeds.join(', '), limit: 10, lookalikeOptions: { excludeDomains: c.domain } },
		});
		expect(result.error).toBeUndefined();
		expect(bodies(COMPANIES)).toEqual([{ seeds: { domains: seeds }, exclude: { domains: [c.domain] }, limit: 10 }]);
		expect(result.items).toHaveLength(10);
		expect(result.items.map((i) => i.json.domain)).not.toContain(c.domain);
		expect(result.items[0].json).toMatchObject({ id: expect.stringMatching(/^v1\./), name: expect.any(String), billing: { creditsCharged: 30 } });
	});

	it('refuses fewer than 5 unique seed companies before sending anything', async () => {
		const [a, b] = ctx.sandbox.fixtures.companies as Array<{ domain: string }>;
		const result = await runNode({
			credential: ctx.credential,
			typeVersion: 2,
			parameters: { resource: 'company', operation: 'findLookalikes', seedDomains: `${a.domain}, ${b.domain}, ${a.domain.toUpperCase()}` },
		});
		expect(result.error?.message).toBe('Seeds hold 2 unique seeds in all; Lusha needs 5 to 100 per search (item 0)');
		expect(ctx.sandbox.count(COMPANIES)).toBe(0);
	});
});
