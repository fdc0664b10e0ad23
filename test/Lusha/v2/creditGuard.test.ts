import type { IDataObject, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import { runNode } from '../../helpers/n8n';
import { useSandbox } from '../../helpers/sandbox';
import type { Person } from '../../helpers/types';

const ctx = useSandbox();

const SEARCH = 'POST /v3/contacts/search';
const ENRICH = 'POST /v3/contacts/enrich';
const SEARCH_AND_ENRICH = 'POST /v3/contacts/search-and-enrich';
const USAGE = 'GET /v3/account/usage';

interface Request {
	body: IDataObject;
	statusCode?: number;
	credits?: number;
}
const people = () => ctx.sandbox.fixtures.people as Person[];
const workEmail = (p: Person) => p.emailAddresses.find((e) => e.emailType === 'work')?.email as string;
/** `n` distinct emails: the sandbox's 200 people first, then addresses Lusha does not know. */
const distinctEmails = (n: number) => Array.from({ length: n }, (_, i) => (i < 200 ? workEmail(people()[i]) : `nobody${i}@unknown.example`));
const requests = (key: string) => ctx.sandbox.requestsTo(key) as Request[];
const spent = () => (ctx.sandbox.v3.ledger() as Array<{ credits: number }>).reduce((n, e) => n + e.credits, 0);
const code = (item: INodeExecutionData) => (item.json.error as IDataObject | undefined)?.code;
const hints = (result: Awaited<ReturnType<typeof runNode>>) => (result.run.data.resultData.runData.Lusha[0].hints ?? []).map((h) => h.message);

const searchAndEnrich = (list: string[], parameters: IDataObject = {}, continueOnFail = false) =>
	runNode({
		credential: ctx.credential,
		typeVersion: 2,
		parameters: { resource: 'contact', operation: 'searchAndEnrich', identifyBy: 'email', email: '={{ $json.email }}', reveal: ['emails'], ...parameters },
		items: list.map((email) => ({ email })),
		continueOnFail,
	});

describe('Max Credits per Execution', () => {
	it('with a budget of 50 credits and 250 items, sends only the calls that fit; the rest come out as CREDIT_BUDGET items', async () => {
		const list = distinctEmails(250);
		const result = await searchAndEnrich(list, { payOnlyForMatches: false, options: { maxCredits: 50 } });
		expect(result.error).toBeUndefined();
		expect(spent()).toBeLessThanOrEqual(50);
		const sent = requests(SEARCH_AND_ENRICH).flatMap((r) => (r.body.contacts as IDataObject[]).map((c) => c.email));
		expect(sent.length).toBeGreaterThan(0);
		expect(sent.length).toBeLessThan(250);
		expect(result.items).toHaveLength(250);
		result.items.forEach((item, i) => {
			expect((item.pairedItem as IPairedItemData).item).toBe(i);
			if (sent.includes(list[i])) expect(code(item)).not.toBe('CREDIT_BUDGET');
			else expect(item.json).toMatchObject({ found: false, email: list[i], error: { code: 'CREDIT_BUDGET', message: expect.stringContaining('Max Credits per Execution (50)') } });
		});
		expect(hints(result)).toContainEqual(expect.stringContaining(`${250 - sent.length} items were left undone (error.code CREDIT_BUDGET)`));
	});

	it('with Pay Only for Matches, prices each reveal exactly: on a re-run, contacts already revealed are free and still go through', async () => {
		const list = distinctEmails(60);
		await searchAndEnrich(list.slice(0, 40), { payOnlyForMatches: false });
		const worstCase = await searchAndEnrich(list, { payOnlyForMatches: false, options: { maxCredits: 12 } });
		expect(worstCase.items.filter((i) => code(i) === 'CREDIT_BUDGET').length).toBeGreaterThan(45);
		const before = spent();
		const exact = await searchAndEnrich(list, { options: { maxCredits: 12 } });
		expect(exact.error).toBeUndefined();
		expect(spent() - before).toBeLessThanOrEqual(12);
		const refused = exact.items.filter((i) => code(i) === 'CREDIT_BUDGET');
		expect(refused.length).toBeGreaterThan(0);
		expect(refused.length).toBeLessThan(20);
		exact.items.slice(0, 40).forEach((item) => expect(code(item)).not.toBe('CREDIT_BUDGET'));
	});

	it('refuses everything, spending nothing, when no entry fits the budget', async () => {
		const result = await searchAndEnrich(distinctEmails(3), { payOnlyForMatches: false, reveal: ['phones'], options: { maxCredits: 5 } });
		expect(result.error).toBeUndefined();
		expect(ctx.sandbox.count(SEARCH_AND_ENRICH)).toBe(0);
		expect(result.items.map(code)).toEqual(['CREDIT_BUDGET', 'CREDIT_BUDGET', 'CREDIT_BUDGET']);
	});
});

describe('Pay Only for Matches', () => {
	it('on 1,000 items with 30% unmatched, charges nothing for the unmatched ones', async () => {
		const list = Array.from({ length: 1000 }, (_, i) => (i % 10 < 3 ? `nobody${i}@unknown.example` : workEmail(people()[i % 200])));
		const result = await searchAndEnrich(list, { options: { sameIdentityOnce: false } });
		expect(result.error).toBeUndefined();
		const enriched = new Set(requests(ENRICH).flatMap((r) => r.body.ids as string[]));
		const unmatched = result.items.filter((_, i) => list[i].endsWith('@unknown.example'));
		expect(unmatched).toHaveLength(300);
		for (const item of unmatched) {
			expect(item.json).toMatchObject({ found: false, error: { code: 'NOT_FOUND' } });
			expect(enriched.has(item.json.id as string)).toBe(false);
		}
		// The search charges only results it found: the unmatched 300 add nothing to it either.
		const searchCredits = requests(SEARCH).reduce((n, r) => n + (r.credits ?? 0), 0);
		const found = requests(SEARCH).reduce((n, r) => n + (r.body.contacts as unknown[]).length, 0) - 300;
		expect(searchCredits).toBeLessThanOrEqual(Math.ceil(found / 25) + requests(SEARCH).length);
	});
});

describe('Same Identity Once', () => {
	it('sends 100 items holding 10 distinct identities as one call of 10 entries, and answers every item', async () => {
		const ten = distinctEmails(10);
		const list = Array.from({ length: 100 }, (_, i) => ten[i % 10]);
		const result = await searchAndEnrich(list, { payOnlyForMatches: false });
		expect(result.error).toBeUndefined();
		expect(requests(SEARCH_AND_ENRICH).map((r) => (r.body.contacts as unknown[]).length)).toEqual([10]);
		expect(result.items).toHaveLength(100);
		result.items.forEach((item, i) => {
			expect((item.pairedItem as IPairedItemData).item).toBe(i);
			expect(item.json.email).toBe(list[i]);
		});
	});

	it('sends every item when turned off', async () => {
		const list = Array.from({ length: 20 }, () => distinctEmails(1)[0]);
		await searchAndEnrich(list, { payOnlyForMatches: false, options: { sameIdentityOnce: false } });
		expect(requests(SEARCH_AND_ENRICH).map((r) => (r.body.contacts as unknown[]).length)).toEqual([20]);
	});
});

describe('Running out of credits (402)', () => {
	it('a 402 at call 3 of 5 keeps the items of calls 1–2 and says what is left undone', async () => {
		ctx.sandbox.configure({ faults: { routeFaults: [{ route: SEARCH_AND_ENRICH, pass: 2, status: 402, message: 'Insufficient credits for this operation' }] } });
		const list = distinctEmails(500);
		const result = await searchAndEnrich(list, { payOnlyForMatches: false });
		expect(result.error).toBeUndefined();
		const calls = requests(SEARCH_AND_ENRICH);
		const answered = new Set(calls.filter((r) => r.statusCode === 200).flatMap((r) => (r.body.contacts as IDataObject[]).map((c) => c.email)));
		expect(answered.size).toBe(200);
		expect(result.items).toHaveLength(500);
		result.items.forEach((item, i) => {
			if (answered.has(list[i])) expect(code(item)).not.toBe('INSUFFICIENT_CREDITS');
			else expect(item.json).toMatchObject({ found: false, email: list[i], error: { code: 'INSUFFICIENT_CREDITS', message: expect.stringContaining('402') } });
		});
		expect(hints(result)).toContainEqual(expect.stringContaining('300 items were left undone (error.code INSUFFICIENT_CREDITS)'));
	});

	it('when the balance runs out mid-run, keeps what was paid for', async () => {
		ctx.sandbox.configure({ creditsBalance: 150 });
		const result = await searchAndEnrich(distinctEmails(200), { payOnlyForMatches: false });
		expect(result.error).toBeUndefined();
		expect(requests(SEARCH_AND_ENRICH).map((r) => r.statusCode).sort()).toEqual([200, 402]);
		expect(result.items.filter((i) => i.json.found === true).length).toBeGreaterThan(90);
		expect(result.items.filter((i) => code(i) === 'INSUFFICIENT_CREDITS')).toHaveLength(100);
	});

	it('a 402 before anything was done fails the node with Lusha’s message and hint', async () => {
		ctx.sandbox.configure({ creditsBalance: 0 });
		const result = await searchAndEnrich(distinctEmails(3), { payOnlyForMatches: false });
		expect(result.error?.message).toMatch(/402.*Insufficient credits/);
		expect(result.error?.description).toMatch(/out of credits/);
		const each = await searchAndEnrich(distinctEmails(3), { payOnlyForMatches: false }, true);
		expect(each.items.map((i) => String(i.json.error))).toEqual([0, 1, 2].map(() => expect.stringMatching(/402/)));
	});
});

describe('Stop When Remaining Credits Below', () => {
	it('reads the balance, spends down to the floor, and holds back the rest saying how many credits are left', async () => {
		ctx.sandbox.configure({ creditsBalance: 1000 });
		const result = await searchAndEnrich(distinctEmails(150), { payOnlyForMatches: false, options: { stopBelowCredits: 970 } });
		expect(result.error).toBeUndefined();
		expect(ctx.sandbox.v3.balance()).toBeGreaterThanOrEqual(970);
		expect(ctx.sandbox.count(USAGE)).toBeGreaterThanOrEqual(1);
		expect(ctx.sandbox.count(USAGE)).toBeLessThanOrEqual(2);
		const held = result.items.filter((i) => code(i) === 'CREDIT_FLOOR');
		expect(held.length).toBeGreaterThan(0);
		expect(held[0].json.error).toMatchObject({ message: expect.stringMatching(/Lusha reports \d+ credits left.*970/) });
		expect(result.items.filter((i) => i.json.found === true).length).toBeGreaterThan(0);
	});

	it('sends nothing when the account is already below the floor', async () => {
		ctx.sandbox.configure({ creditsBalance: 400 });
		const result = await searchAndEnrich(distinctEmails(5), { options: { stopBelowCredits: 500 } });
		expect(result.error).toBeUndefined();
		expect(ctx.sandbox.count(SEARCH) + ctx.sandbox.count(SEARCH_AND_ENRICH) + ctx.sandbox.count(ENRICH)).toBe(0);
		expect(result.items.map((i) => (i.json.error as IDataObject).message)).toEqual(Array(5).fill(expect.stringContaining('Lusha reports 400 credits left')));
	});
});

describe('Credits on every item', () => {
	it('every item carries the credits of its call, and the execution total is a hint', async () => {
		const list = [...distinctEmails(3), 'nobody@unknown.example'];
		const result = await searchAndEnrich(list, { payOnlyForMatches: false });
		for (const item of result.items) expect(item.json.billing).toEqual(expect.objectContaining({ creditsCharged: spent() }));
		expect(hints(result)).toContain(`This execution spent ${spent()} Lusha credits (1 Lusha call).`);
	});
});
