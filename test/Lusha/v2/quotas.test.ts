/**
 * Lusha's rate limits and plan quotas (https://docs.lusha.com/rate-limiting; plan quotas in the help centre:
 * https://docs.lusha.com/user-guide/lushas-api/all-there-is-to-know-about-lushas-api), with the sandbox's
 * account-wide windows on: one pace per account, and a used-up hourly or daily quota never loses paid work.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { runNode } from '../../helpers/n8n';
import { useSandbox } from '../../helpers/sandbox';
import type { Person } from '../../helpers/types';

const ctx = useSandbox();
const PROSPECT = 'POST /v3/contacts/prospecting';
const LOOKALIKE = 'POST /v3/contacts/lookalike';

type Recorded = { key: string; statusCode?: number; credits?: number; body: IDataObject };
const requests = (): Recorded[] => ctx.sandbox.state.requests;
const answered = (status: number) => requests().filter((r) => r.statusCode === status);
const hints = (result: { run: { data: { resultData: { runData: IDataObject } } } }) =>
	(((result.run.data.resultData.runData.Lusha as IDataObject[])[0].hints ?? []) as Array<{ message: string }>).map((h) => h.message);
const creditsOf = (items: INodeExecutionData[]) => {
	const byCall = new Map<string, number>();
	for (const item of items) {
		const billing = item.json.billing as IDataObject | undefined;
		if (billing?.requestId) byCall.set(String(billing.requestId), Number(billing.creditsCharged ?? 0));
	}
	return [...byCall.values()].reduce((a, b) => a + b, 0);
};

/** Credits of the pages kept: each result carries its page's billing. */
const pageCreditsOf = (items: INodeExecutionData[]) =>
	items.reduce((sum, item) => {
		const billing = item.json.billing as { creditsCharged: number; resultsReturned: number };
		return sum + billing.creditsCharged / billing.resultsReturned;
	}, 0);

const prospect = (parameters: IDataObject) =>
	runNode({ credential: ctx.credential, typeVersion: 2, parameters: { resource: 'contact', operation: 'prospect', contactFilters: { jobTitles: 'Manager' }, ...parameters } });

describe('one pace per account, for every endpoint together', () => {
	it('two operations on different endpoints at once stay within the account’s 25 a second: no 429', async () => {
		ctx.sandbox.configure({ accountWideLimits: true, pageSizeClamp: 10, syntheticProspects: 600 });
		const [contacts, companies] = await Promise.all([
			prospect({ returnAll: true, size: 10 }),
			runNode({ credential: ctx.credential, typeVersion: 2, parameters: { resource: 'company', operation: 'getWebsiteVisits', visitDomains: 'acmelabs.example', visitStartDate: '2026-01-01', visitEndDate: '2026-03-31', returnAll: true, visitOptions: { pageSize: 1 } } }),
		]);
		expect(contacts.error).toBeUndefined();
		expect(companies.error).toBeUndefined();
		expect(contacts.items).toHaveLength(600);
		// Paced per endpoint, the two would send 50 a second and about half would be refused. A few 429s can
		// still come from arrival jitter on this shared machine (requests leave a few ms after their turn).
		expect(answered(429).length).toBeLessThanOrEqual(requests().length / 10);
	});

	it('spreads the last requests of the plan’s minute window instead of running into its 429', async () => {
		// Pro: 50 a minute; the sandbox's minute is 3 s here, the node reads what is left from x-minute-requests-left.
		ctx.sandbox.configure({ plan: 'pro', minuteMs: 3000, planQuotas: { hour: 10_000, day: 10_000 }, pageSizeClamp: 10, syntheticProspects: 700 });
		const result = await prospect({ returnAll: true, size: 10 });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(700);
		expect(answered(429)).toHaveLength(0);
	});
});

describe('a used-up hourly quota keeps every paid result and says where to resume', () => {
	beforeEach(() => ctx.sandbox.configure({ plan: 'premium', planQuotas: { hour: 4 }, pageSizeClamp: 50, syntheticProspects: 500 }));

	it('Prospect Return All outputs the pages fetched, nextPage on the last item, and resumes from Start Page', async () => {
		const result = await prospect({ returnAll: true, size: 50 });
		expect(result.error).toBeUndefined();
		const served = requests().filter((r) => r.key === PROSPECT && r.statusCode === 200).map((r) => (r.body.pagination as IDataObject).page as number);
		const refused = requests().filter((r) => r.key === PROSPECT && r.statusCode === 429).map((r) => (r.body.pagination as IDataObject).page as number);
		expect(served).toHaveLength(4);
		expect(result.items).toHaveLength(4 * 50);
		// Items kept / items paid for = 1.
		expect(ctx.sandbox.state.creditsUsed).toBeGreaterThan(0);
		expect(pageCreditsOf(result.items)).toBeCloseTo(ctx.sandbox.state.creditsUsed, 6);
		const nextPage = Math.min(...refused.filter((page) => !served.includes(page)));
		expect(result.items[result.items.length - 1].json.nextPage).toBe(nextPage);
		expect(result.items.slice(0, -1).every((item) => item.json.nextPage === undefined)).toBe(true);
		const [hint] = hints(result);
		expect(hint).toMatch(/Lusha's hourly quota is used up; it resets at \d\d:\d\d UTC \(in about \d+ min\): item 0 kept the 200 contacts fetched so far\. To get the rest, run again with Start Page \d+/);

		ctx.sandbox.configure({ planQuotas: { hour: 1000 } });
		const resumed = await prospect({ returnAll: true, size: 50, startPage: nextPage });
		expect(resumed.error).toBeUndefined();
		const all = new Set([...result.items, ...resumed.items].map((i) => i.json.id));
		expect(all.size).toBe(500);
	});

	it('Enrich outputs what is done, and marks the rest RATE_LIMITED with billing 0 and a hint saying how many', async () => {
		ctx.sandbox.configure({ planQuotas: { hour: 1 } });
		const people = ctx.sandbox.fixtures.people as Person[];
		const items = people.map((person) => ({ id: ctx.sandbox.v3.contactId(person) as string }));
		const result = await runNode({ credential: ctx.credential, typeVersion: 2, parameters: { resource: 'contact', operation: 'enrich' }, items });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(200);
		const limited = result.items.filter((i) => (i.json.error as IDataObject | undefined)?.code === 'RATE_LIMITED');
		expect(limited).toHaveLength(100);
		for (const item of limited) {
			expect(item.json).toMatchObject({ found: false, billing: { creditsCharged: 0 }, error: { message: expect.stringMatching(/^Not sent: Lusha's hourly quota is used up; it resets at/) } });
		}
		expect(creditsOf(result.items)).toBe(ctx.sandbox.state.creditsUsed);
		expect(hints(result)).toEqual(expect.arrayContaining([expect.stringMatching(/^100 items were left undone \(error.code RATE_LIMITED\): Not sent: Lusha's hourly quota is used up; it resets at .*Run the undone items again after the quota resets\./)]));
	});

	it('Find Buying Group keeps the contacts of the pages fetched and says which pages are missing', async () => {
		ctx.sandbox.configure({ planQuotas: { hour: 2 }, buyingGroupExtraContacts: 60 });
		const domains = ctx.sandbox.fixtures.companies.slice(0, 3).map((c: { domain: string }) => ({ domain: c.domain }));
		const result = await runNode({ credential: ctx.credential, typeVersion: 2, parameters: { resource: 'contact', operation: 'findBuyingGroup', buyingGroupIdentifyBy: 'domain', buyingGroupDomain: '={{ $json.domain }}', contactsLimit: 60 }, items: domains });
		expect(result.error).toBeUndefined();
		// The first two pages (100 contacts by score) reached two of the three companies; the third comes out undone.
		const [found, undone] = [result.items.filter((i) => i.json.found), result.items.filter((i) => !i.json.found)];
		expect(found).toHaveLength(100);
		expect(new Set(found.map((i) => i.json.id)).size).toBe(100);
		expect(undone.map((i) => [(i.json.error as IDataObject).code, i.pairedItem])).toEqual([['RATE_LIMITED', { item: 2 }]]);
		expect(hints(result)).toEqual(expect.arrayContaining([expect.stringMatching(/^Lusha's hourly quota is used up; it resets at .*kept the 100 contacts fetched; pages from 2 were not fetched/)]));
	});

	it('Find Lookalikes Return All keeps the results fetched, names the session to resume with, and resumes it with no repeats', async () => {
		ctx.sandbox.configure({ planQuotas: { hour: 1 } });
		const seeds = (ctx.sandbox.fixtures.people as Person[]).slice(0, 5).map((p) => ({ email: p.emailAddresses[0].email }));
		const similar = (options: Record<string, string> = {}) =>
			runNode({ credential: ctx.credential, typeVersion: 2, parameters: { resource: 'contact', operation: 'findLookalikes', seedEmails: '={{ $json.email }}', returnAll: true, lookalikeOptions: options }, items: seeds });
		const result = await similar();
		expect(result.error).toBeUndefined();
		expect(requests().filter((r) => r.key === LOOKALIKE).map((r) => r.statusCode)).toEqual([200, 429]);
		// The first call's 100 results, all paid for, all kept.
		expect(result.items).toHaveLength(100);
		expect(ctx.sandbox.state.creditsUsed).toBeGreaterThan(0);
		expect((result.items[0].json.billing as IDataObject).creditsCharged).toBe(ctx.sandbox.state.creditsUsed);
		const session = result.items[0].json.dedupeSessionId as string;
		expect(result.items[99].json.resumeSessionId).toBe(session);
		expect(result.items.slice(0, -1).every((item) => item.json.resumeSessionId === undefined)).toBe(true);
		expect(hints(result)).toEqual([
			expect.stringMatching(new RegExp(`^Lusha's hourly quota is used up; it resets at \\d\\d:\\d\\d UTC \\(in about \\d+ min\\): the lookalike search kept the 100 contacts fetched so far\\. To get more, run again with Options → Session ID ${session}`)),
		]);

		ctx.sandbox.configure({ planQuotas: { hour: 1000 } });
		const resumed = await similar({ dedupeSessionId: session });
		expect(resumed.error).toBeUndefined();
		expect(resumed.items.length).toBeGreaterThan(0);
		const ids = [...result.items, ...resumed.items].map((i) => i.json.id);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('with nothing done, the node fails with Lusha’s message and a hint naming the quota and its reset', async () => {
		ctx.sandbox.configure({ faults: { dailyQuotaExhausted: true } });
		const result = await prospect({ returnAll: true, size: 50 });
		expect(result.error?.message).toContain('Daily API quota limit exceeded');
		expect(result.error?.description).toMatch(/^Lusha's daily quota is used up/);
	});
});

describe('as Lusha (50 a page served, jobs, account windows, Premium plan): a run that hits the hourly quota', () => {
	const QUOTA_HINT = "Lusha's hourly quota is used up; it resets at \\d\\d:\\d\\d UTC \\(in about \\d+ min\\)";

	it('Prospect Return All keeps every page paid for, puts nextPage on the last item, and a resumed run gets the rest', async () => {
		ctx.sandbox.configure({ asLusha: true, planQuotas: { hour: 20 }, syntheticProspects: 2_500 });
		const result = await prospect({ returnAll: true, size: 100 });
		expect(result.error).toBeUndefined();
		const served = requests().filter((r) => r.key === PROSPECT && r.statusCode === 200);
		expect(served).toHaveLength(20);
		expect(result.items).toHaveLength(20 * 50);
		expect(pageCreditsOf(result.items)).toBeCloseTo(ctx.sandbox.state.creditsUsed, 6);
		const nextPage = result.items[result.items.length - 1].json.nextPage as number;
		expect(typeof nextPage).toBe('number');
		expect(hints(result)).toEqual([expect.stringMatching(new RegExp(`^${QUOTA_HINT}: item 0 kept the 1,000 contacts fetched so far\\. To get the rest, run again with Start Page ${nextPage} `))]);

		ctx.sandbox.configure({ planQuotas: { hour: 1000 } });
		const resumed = await prospect({ returnAll: true, size: 100, startPage: nextPage });
		expect(resumed.error).toBeUndefined();
		expect(hints(resumed)).toEqual([]);
		expect(new Set([...result.items, ...resumed.items].map((i) => i.json.id)).size).toBe(2_500);
	});

	it('Enrich of 1,000 contacts with the waterfall keeps what is paid, marks the rest RATE_LIMITED, and says which quota and when it resets', async () => {
		// Polls wait 1 s, so the enrich calls go first: the quota lets 6 of the run's requests through.
		ctx.sandbox.configure({ asLusha: true, planQuotas: { hour: 6 }, waterfallJobRetryAfterMs: 1000 });
		const restricted = new Set((ctx.sandbox.v3.restrictedPeople() as Person[]).map((p) => p.personId));
		const pool = (ctx.sandbox.fixtures.people as Person[]).filter((p) => !restricted.has(p.personId));
		const who = Array.from({ length: 1000 }, (_, i) => pool[i % pool.length]);
		const result = await runNode({
			credential: ctx.credential,
			typeVersion: 2,
			parameters: { resource: 'contact', operation: 'enrich', options: { sameIdentityOnce: false } },
			items: who.map((p) => ({ id: ctx.sandbox.v3.contactId(p) as string })),
		});
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1000);
		const count = { done: 0, limited: 0, inJob: 0 };
		result.items.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			const error = item.json.error as IDataObject | undefined;
			const waterfall = item.json.waterfall as IDataObject | undefined;
			if (error?.code === 'RATE_LIMITED') {
				count.limited++;
				expect(item.json).toMatchObject({ found: false, billing: { creditsCharged: 0 }, error: { message: expect.stringMatching(new RegExp(`^Not sent: ${QUOTA_HINT}`)) } });
			} else if (waterfall && waterfall.status !== 'complete') {
				// Left to a job the quota kept the node from polling: not charged yet, and Get Enrich Job can finish it.
				count.inJob++;
				expect(item.json).toMatchObject({ found: false, waterfall: { status: 'processing', jobId: expect.any(String), reason: 'RATE_LIMITED', quota: expect.stringMatching(new RegExp(`^${QUOTA_HINT}$`)), message: expect.stringMatching(new RegExp(`^Not complete: ${QUOTA_HINT}, so the node could not ask Lusha about this job\\. Collect it with Contact → Get Enrich Job`)) } });
			} else {
				count.done++;
				expect(item.json).toMatchObject({ found: true, id: ctx.sandbox.v3.contactId(who[i]), firstName: who[i].firstName, email: expect.any(String) });
			}
		});
		expect(count.done).toBeGreaterThan(0);
		expect(count.limited).toBeGreaterThan(0);
		expect(count.limited % 100).toBe(0);
		// Items kept / items paid for: every credit spent is on the items of its call.
		const perCall = Array.from({ length: 10 }, (_, k) => Number((result.items[k * 100].json.billing as IDataObject).creditsCharged));
		expect(perCall.reduce((a, b) => a + b, 0)).toBe(ctx.sandbox.state.creditsUsed);
		expect(hints(result)).toEqual([
			`This execution spent ${ctx.sandbox.state.creditsUsed} Lusha credits (${10 - count.limited / 100} Lusha calls).`,
			expect.stringMatching(new RegExp(`^${count.limited} items were left undone \\(error.code RATE_LIMITED\\): Not sent: ${QUOTA_HINT}.*Run the undone items again after the quota resets\\.`)),
			...(count.inJob ? [expect.stringMatching(new RegExp(`^${count.inJob} contacts wait in Lusha's Data Waterfall jobs the node could not ask about: ${QUOTA_HINT}\\. After the reset, collect them with Contact → Get Enrich Job`))] : []),
		]);
	}, 60_000);
});

describe('version 1 (API v2) shares the transport and keeps its paid work too', () => {
	it('Person Enrich marks the batches a used-up hourly quota refused RATE_LIMITED and keeps the rest', async () => {
		ctx.sandbox.configure({ plan: 'premium', planQuotas: { hour: 1 } });
		const people = ctx.sandbox.fixtures.people as Person[];
		const items = people.map((person) => ({ email: person.emailAddresses[0].email }));
		const result = await runNode({ credential: ctx.credential, parameters: { resource: 'person', operation: 'enrich', identifyBy: 'email', email: '={{ $json.email }}' }, items });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(200);
		const limited = result.items.filter((i) => (i.json.error as IDataObject | undefined)?.code === 'RATE_LIMITED');
		expect(limited).toHaveLength(100);
		expect(hints(result)).toEqual(expect.arrayContaining([expect.stringMatching(/^100 items were left undone \(error.code RATE_LIMITED\): Not sent: Lusha's hourly quota is used up/)]));
	});

	it('Find Similar Contacts Return All keeps the results fetched and names the session to resume with', async () => {
		ctx.sandbox.configure({ plan: 'premium', planQuotas: { hour: 1 } });
		const seeds = (ctx.sandbox.fixtures.people as Person[]).slice(0, 5).map((p) => ({ email: p.emailAddresses[0].email }));
		const result = await runNode({ credential: ctx.credential, parameters: { resource: 'lookalike', operation: 'findSimilarContacts', seedEmails: '={{ $json.email }}', returnAll: true }, items: seeds });
		expect(result.error).toBeUndefined();
		expect(requests().filter((r) => r.key === 'POST /v3/lookalike/contacts').map((r) => r.statusCode)).toEqual([200, 429]);
		expect(result.items).toHaveLength(100);
		const session = result.items[0].json.dedupeSessionId as string;
		expect(result.items[99].json.resumeSessionId).toBe(session);
		expect(hints(result)[0]).toMatch(/hourly quota is used up.*the lookalike search kept the 100 contacts fetched so far\. To get more, run again with Options → Session ID /);
	});

	it('Search Contacts Return All keeps the pages fetched and names the page to resume from', async () => {
		ctx.sandbox.configure({ plan: 'premium', planQuotas: { hour: 3 }, syntheticProspects: 500 });
		const result = await runNode({ credential: ctx.credential, parameters: { resource: 'prospecting', operation: 'searchContacts', returnAll: true } });
		expect(result.error).toBeUndefined();
		expect(result.items.length).toBe(3 * 50);
		expect(typeof result.items[result.items.length - 1].json.nextPage).toBe('number');
		expect(hints(result)[0]).toMatch(/hourly quota is used up.*run again from page \d+/);
	});
});
