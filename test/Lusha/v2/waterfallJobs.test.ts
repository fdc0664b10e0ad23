/**
 * Contact → Enrich with Lusha's asynchronous Data Waterfall jobs, and Contact → Get Enrich Job
 * (https://docs.lusha.com/api-reference/enrich/get-contacts-enrich-job). The sandbox leaves a contact whose
 * phone needs the waterfall to a job (waterfallJobWhenNeeded) and answers the polls in the configured order.
 */
import type { IDataObject, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import { runNode } from '../../helpers/n8n';
import { useSandbox } from '../../helpers/sandbox';
import type { Person } from '../../helpers/types';

const ctx = useSandbox();

const ENRICH = 'POST /v3/contacts/enrich';
const POLL = 'GET /v3/contacts/jobs/:jobId';

const people = () => ctx.sandbox.fixtures.people as Person[];
const idOf = (p: Person) => ctx.sandbox.v3.contactId(p) as string;
/** Two contacts with a phone in Lusha's own data around one whose phone only the waterfall finds. */
const batch = () => {
	const noPhone = ctx.sandbox.v3.peopleWithoutLushaPhone()[0] as Person;
	const withPhone = people().filter((p) => p.personId !== noPhone.personId && !ctx.sandbox.v3.peopleWithoutLushaPhone().includes(p) && !ctx.sandbox.v3.restrictedPeople().includes(p));
	return [withPhone[0], noPhone, withPhone[1]].map(idOf);
};
const paired = (item: INodeExecutionData) => (item.pairedItem as IPairedItemData).item;
const spent = () => (ctx.sandbox.v3.ledger() as Array<{ credits: number }>).reduce((n, e) => n + e.credits, 0);
const hints = (result: Awaited<ReturnType<typeof runNode>>) => (result.run.data.resultData.runData.Lusha[0].hints ?? []).map((h) => h.message);
const jobs = (statuses: Array<string | number>, extra: IDataObject = {}) => ctx.sandbox.configure({ waterfallJobWhenNeeded: true, waterfallJobStatuses: statuses, waterfallJobRetryAfterMs: 50, ...extra });

const run = (operation: string, parameters: IDataObject, items: IDataObject[], continueOnFail = false) =>
	runNode({ credential: ctx.credential, typeVersion: 2, parameters: { resource: 'contact', operation, ...parameters }, items, continueOnFail });
const enrich = (ids: string[], parameters: IDataObject = {}) => run('enrich', parameters, ids.map((id) => ({ id })));

describe('Contact → Enrich with a Data Waterfall job', () => {
	it('waits out processing twice, merges the completed contact into its own item by id, and bills the job', async () => {
		jobs(['processing', 'processing', 'complete']);
		const ids = batch();
		const result = await enrich(ids);
		expect(result.error).toBeUndefined();
		expect(ctx.sandbox.count(POLL)).toBe(3);
		expect(result.items.map((i) => [paired(i), i.json.id, i.json.found])).toEqual(ids.map((id, i) => [i, id, true]));
		const jobId = (ctx.sandbox.requestsTo(POLL)[0].path as string).split('/').pop();
		expect(result.items[1].json).toMatchObject({ phone: expect.any(String), email: expect.any(String), waterfall: { status: 'complete', jobId } });
		// Billing: the enrich call's charge plus the job's, on every item of the call; the hint shows the total.
		const [enrichCharge, jobCharge] = (ctx.sandbox.v3.ledger() as Array<{ credits: number }>).map((e) => e.credits);
		expect(jobCharge).toBeGreaterThan(0);
		for (const item of result.items) {
			expect(item.json.billing).toMatchObject({ creditsCharged: enrichCharge + jobCharge, enrichCreditsCharged: enrichCharge, waterfallCreditsCharged: jobCharge });
		}
		expect(hints(result)).toContain(`This execution spent ${spent()} Lusha credits (1 Lusha call).`);
	});

	it('keeps polling through a 503 (the transport retries it) and merges the job', async () => {
		jobs(['processing', 503, 'complete']);
		const result = await enrich(batch());
		expect(result.error).toBeUndefined();
		expect(ctx.sandbox.requestsTo(POLL).map((r: { statusCode: number }) => r.statusCode)).toEqual([200, 503, 200]);
		expect(result.items[1].json).toMatchObject({ found: true, phone: expect.any(String), waterfall: { status: 'complete' } });
	});

	it.each([
		['expired', ['processing', 'expired'], 2],
		['failed', ['failed'], 1],
		['not_found', ['processing', 404], 2],
	])('when the job ends %s, stops polling; the contact keeps what Enrich returned and says so', async (status, statuses, polls) => {
		jobs(statuses);
		const ids = batch();
		const result = await enrich(ids, { options: { waitForWaterfall: 30 } });
		expect(result.error).toBeUndefined();
		expect(ctx.sandbox.count(POLL)).toBe(polls);
		expect(result.items.map(paired)).toEqual([0, 1, 2]);
		expect(result.items.map((i) => i.json.found)).toEqual([true, false, true]);
		const unfinished = result.items[1].json;
		expect(unfinished).toMatchObject({ id: ids[1], waterfall: { status, jobId: expect.any(String), message: expect.stringContaining('Enrich') } });
		// Not a false NOT_FOUND: Lusha had the contact, its waterfall did not finish.
		expect(unfinished).not.toHaveProperty('error');
		expect(unfinished).not.toHaveProperty('phone');
		expect(hints(result)).toContainEqual(expect.stringContaining(`1 contact's Data Waterfall job ended ${status}`));
		expect(spent()).toBe((result.items[0].json.billing as IDataObject).creditsCharged);
	});
});

describe('as Lusha: 1,000 contacts enriched with the Data Waterfall', () => {
	it('every contact comes back to its own item with its data, part of each batch through a job, and every credit counted', async () => {
		// The sandbox's 196 unrestricted contacts, repeated to 1,000 items; Same Identity Once off, so all 1,000 are sent.
		ctx.sandbox.configure({ asLusha: true, waterfallJobStatuses: ['processing', 'complete'], waterfallJobRetryAfterMs: 20 });
		const restricted = new Set((ctx.sandbox.v3.restrictedPeople() as Person[]).map((p) => p.personId));
		const phoneless = new Set((ctx.sandbox.v3.peopleWithoutLushaPhone() as Person[]).map((p) => p.personId));
		const pool = people().filter((p) => !restricted.has(p.personId));
		const who = Array.from({ length: 1000 }, (_, i) => pool[i % pool.length]);
		const result = await enrich(who.map(idOf), { options: { sameIdentityOnce: false } });
		expect(result.error).toBeUndefined();

		const calls = ctx.sandbox.requestsTo(ENRICH) as Array<{ statusCode: number; body: { ids: string[] } }>;
		expect(calls.filter((c) => c.statusCode === 200).map((c) => c.body.ids.length)).toEqual(Array.from({ length: 10 }, () => 100));
		// Each call left its phoneless contacts to a job, polled twice (processing, then complete).
		// (A 429 of the account's 25 a second, from arrival jitter on a busy machine, is retried by the transport.)
		const polls = (ctx.sandbox.requestsTo(POLL) as Array<{ path: string; statusCode: number }>).filter((r) => r.statusCode === 200);
		const jobIds = polls.map((r) => r.path.split('/').pop());
		expect(jobIds).toHaveLength(20);
		expect(new Set(jobIds).size).toBe(10);

		expect(result.items).toHaveLength(1000);
		let viaJob = 0;
		result.items.forEach((item, i) => {
			const person = who[i];
			expect([paired(item), item.json.id, item.json.found]).toEqual([i, idOf(person), true]);
			expect(item.json).toMatchObject({ firstName: person.firstName, lastName: person.lastName, email: expect.any(String), phone: expect.any(String) });
			if (phoneless.has(person.personId)) {
				viaJob++;
				expect(item.json.waterfall).toMatchObject({ status: 'complete', jobId: expect.any(String) });
			} else expect(item.json.waterfall).toBeUndefined();
		});
		expect(viaJob).toBeGreaterThan(0);

		// Billing: every item of a call carries the call's charge plus its job's; the ten calls add up to what was spent.
		const perCall = Array.from({ length: 10 }, (_, k) => result.items[k * 100].json.billing as IDataObject);
		perCall.forEach((billing, k) => {
			expect(result.items.slice(k * 100, k * 100 + 100).every((item) => JSON.stringify(item.json.billing) === JSON.stringify(billing))).toBe(true);
			expect(billing.creditsCharged).toBe(Number(billing.enrichCreditsCharged) + Number(billing.waterfallCreditsCharged));
		});
		expect(perCall.reduce((sum, b) => sum + Number(b.creditsCharged), 0)).toBe(spent());
		expect(perCall.reduce((sum, b) => sum + Number(b.waterfallCreditsCharged), 0)).toBeGreaterThan(0);
		expect(hints(result)).toEqual([`This execution spent ${spent()} Lusha credits (10 Lusha calls).`]);
	}, 60_000);
});

describe('Wait for Waterfall running out, then Contact → Get Enrich Job', () => {
	it('outputs the unfinished contact with waterfall {status, jobId}; Get Enrich Job reports processing, then finishes it', async () => {
		jobs([...Array(12).fill('processing'), 'complete'], { waterfallJobRetryAfterMs: 200 });
		const ids = batch();
		const enriched = await enrich(ids, { options: { waitForWaterfall: 1 } });
		expect(enriched.error).toBeUndefined();
		const polled = ctx.sandbox.count(POLL);
		expect(polled).toBeGreaterThan(0);
		expect(polled).toBeLessThan(12);
		const pending = enriched.items[1].json;
		expect(pending).toMatchObject({ id: ids[1], found: false, waterfall: { status: 'processing', jobId: expect.any(String), pending: ['emails', 'phones'] } });
		expect(String((pending.waterfall as IDataObject).message)).toMatch(/Get Enrich Job/);
		expect(hints(enriched)).toContainEqual(expect.stringMatching(/1 contact is still in Lusha's Data Waterfall.*Get Enrich Job/));
		const enrichCharge = spent();

		// Still processing: the items come back with the job's status, nothing charged.
		const input = enriched.items.map((i) => i.json);
		const early = await run('getEnrichJob', { options: { waitForWaterfall: 0 } }, input);
		expect(early.error).toBeUndefined();
		expect(ctx.sandbox.count(POLL)).toBe(polled + 1);
		expect(early.items.map(paired)).toEqual([0, 1, 2]);
		expect(early.items[1].json).toMatchObject({ id: ids[1], found: false, waterfall: { status: 'processing', jobId: (pending.waterfall as IDataObject).jobId } });
		expect(early.items[0].json).toEqual(input[0]);

		const finished = await run('getEnrichJob', {}, input);
		expect(finished.error).toBeUndefined();
		expect(finished.items.map(paired)).toEqual([0, 1, 2]);
		expect(finished.items[0].json).toEqual(input[0]);
		expect(finished.items[2].json).toEqual(input[2]);
		const jobCharge = spent() - enrichCharge;
		expect(jobCharge).toBeGreaterThan(0);
		expect(finished.items[1].json).toMatchObject({
			id: ids[1],
			found: true,
			phone: expect.any(String),
			email: expect.any(String),
			waterfall: { status: 'complete', jobId: (pending.waterfall as IDataObject).jobId },
			billing: { creditsCharged: jobCharge },
		});
		expect(finished.items[1].json).not.toHaveProperty('phones.0.number');
		expect(hints(finished)).toContainEqual(expect.stringContaining(`This execution spent ${jobCharge} Lusha credit`));
	});

	it('given only a Job ID, outputs one item per contact of the job (Lusha’s record with Simplify off)', async () => {
		jobs(['complete'], { waterfallJobWhenNeeded: false, waterfallJobEvery: 2 });
		const ids = people()
			.slice(0, 4)
			.map(idOf);
		const enriched = await enrich(ids, { reveal: ['emails'], options: { waitForWaterfall: 0 } });
		const jobId = (enriched.items[1].json.waterfall as IDataObject).jobId as string;
		expect(ctx.sandbox.count(POLL)).toBe(0);
		const result = await run('getEnrichJob', { jobId, simplify: false }, [{}]);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => [paired(i), i.json.id, i.json.found])).toEqual([
			[0, ids[1], true],
			[0, ids[3], true],
		]);
		expect(result.items[0].json.emails).toEqual(expect.arrayContaining([expect.objectContaining({ email: expect.any(String) })]));
	});

	it('refuses an empty Job ID on an item that is not an Enrich output, naming the field and item', async () => {
		const result = await run('getEnrichJob', {}, [{ email: 'jane@example.com' }]);
		expect(result.error?.message).toMatch(/Job ID.*item 0/);
		expect(ctx.sandbox.count(POLL)).toBe(0);
		const kept = await run('getEnrichJob', {}, [{ email: 'jane@example.com' }, { found: true, id: 'v1.x' }], true);
		expect(kept.items.map((i) => [paired(i), i.json.error ?? i.json.id])).toEqual([
			[0, 'Job ID is empty (item 0)'],
			[1, 'v1.x'],
		]);
	});
});

describe('the credit guard with Data Waterfall jobs', () => {
	const twoCalls = (a: string, b: string, options: IDataObject) =>
		run('enrich', { reveal: '={{ $json.reveal }}', options }, [
			{ id: a, reveal: ['emails', 'phones'] },
			{ id: b, reveal: ['phones'] },
		]);

	it('counts the job’s credits in Max Credits per Execution: the next call no longer fits', async () => {
		jobs(['complete']);
		const [withPhone, noPhone] = [batch()[0], batch()[1]];
		const result = await twoCalls(noPhone, withPhone, { maxCredits: 13 });
		expect(result.error).toBeUndefined();
		expect(ctx.sandbox.count(POLL)).toBe(1);
		expect(result.items[0].json).toMatchObject({ found: true, phone: expect.any(String) });
		expect(result.items[1].json).toMatchObject({ found: false, error: { code: 'CREDIT_BUDGET', message: expect.stringContaining(`${spent()} spent or reserved`) } });
		expect(spent()).toBeLessThanOrEqual(13);
	});

	it('holds the worst case of a job still running when Wait for Waterfall runs out', async () => {
		jobs(['processing']);
		const [withPhone, noPhone] = [batch()[0], batch()[1]];
		const result = await twoCalls(noPhone, withPhone, { maxCredits: 13, waitForWaterfall: 0 });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ found: false, waterfall: { status: 'processing' } });
		expect(result.items[1].json).toMatchObject({ found: false, error: { code: 'CREDIT_BUDGET' } });
		expect(ctx.sandbox.count(ENRICH)).toBe(1);
	});

	it('prices the worst case at the waterfall’s own rates, read from the account', async () => {
		jobs(['complete']);
		const noPhone = batch()[1];
		// Lusha's own price of an email and a phone is 6; the waterfall's (the sandbox's account pricing) is 10.
		const result = await enrich([noPhone], { options: { maxCredits: 9 } });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ found: false, error: { code: 'CREDIT_BUDGET' } });
		expect(ctx.sandbox.count(ENRICH)).toBe(0);
		expect(spent()).toBe(0);
	});
});
