import type { IDataObject, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import { runNode } from '../../helpers/n8n';
import { useSandbox } from '../../helpers/sandbox';
import type { Person } from '../../helpers/types';

const ctx = useSandbox();

const SEARCH = 'POST /v3/contacts/search';
const ENRICH = 'POST /v3/contacts/enrich';
const SEARCH_AND_ENRICH = 'POST /v3/contacts/search-and-enrich';

const people = () => ctx.sandbox.fixtures.people as Person[];
const workEmail = (p: Person) => p.emailAddresses.find((e) => e.emailType === 'work')?.email as string;
const emails = (n: number) => Array.from({ length: n }, (_, i) => workEmail(people()[i % 200]));
const restrictedIds = () => new Set((ctx.sandbox.v3.restrictedPeople() as Person[]).map((p) => p.personId));
const bodies = (key: string) => ctx.sandbox.requestsTo(key).map((r: { body: IDataObject }) => r.body);
const paired = (item: INodeExecutionData) => (item.pairedItem as IPairedItemData).item;

const run = (operation: string, parameters: IDataObject, items: IDataObject[], continueOnFail = false) =>
	runNode({ credential: ctx.credential, typeVersion: 2, parameters: { resource: 'contact', operation, ...parameters }, items, continueOnFail });
const byEmail = (operation: string, list: string[], extra: IDataObject = {}, continueOnFail = false) =>
	run(operation, { identifyBy: 'email', email: '={{ $json.email }}', ...extra }, list.map((email) => ({ email })), continueOnFail);

describe('Contact → Search and Enrich', () => {
	it('enriches 250 contacts in 3 calls of at most 100, each result on its own item, in input order', async () => {
		const list = emails(250);
		const result = await byEmail('searchAndEnrich', list, { payOnlyForMatches: false, options: { sameIdentityOnce: false } });
		expect(result.error).toBeUndefined();
		expect(bodies(SEARCH_AND_ENRICH).map((b: IDataObject) => (b.contacts as unknown[]).length)).toEqual([100, 100, 50]);
		expect(result.items).toHaveLength(250);
		const restricted = restrictedIds();
		result.items.forEach((item, i) => {
			expect(paired(item)).toBe(i);
			const person = people()[i % 200];
			if (restricted.has(person.personId)) expect(item.json).toMatchObject({ found: false, email: list[i], error: { code: 'COMPLIANCE_RESTRICTED' } });
			else expect(item.json).toMatchObject({ found: true, email: list[i], firstName: person.firstName, lastName: person.lastName });
		});
	});

	it('makes 10 requests for 1,000 items', async () => {
		const result = await byEmail('searchAndEnrich', emails(1000), { payOnlyForMatches: false, options: { sameIdentityOnce: false } });
		expect(result.error).toBeUndefined();
		expect(ctx.sandbox.count(SEARCH_AND_ENRICH)).toBe(10);
		expect(result.items).toHaveLength(1000);
	});

	it('sends each entry with its own clientReferenceId, the reveal asked for, and only the options set', async () => {
		const list = emails(2);
		await byEmail('searchAndEnrich', list, { payOnlyForMatches: false, reveal: ['emails'], options: { includePartialProfiles: false } });
		const [body] = bodies(SEARCH_AND_ENRICH);
		expect(body).toEqual({ contacts: [expect.objectContaining({ email: list[0] }), expect.objectContaining({ email: list[1] })], reveal: ['emails'], options: { includePartialProfiles: false } });
		const references = (body.contacts as IDataObject[]).map((c) => c.clientReferenceId);
		expect(new Set(references).size).toBe(2);
	});

	it('gives a simplified contact by default, and Lusha’s result untouched with Simplify off', async () => {
		const list = emails(1);
		const simple = await byEmail('searchAndEnrich', list, { payOnlyForMatches: false });
		expect(simple.items[0].json).toMatchObject({ id: expect.stringMatching(/^v1\./), email: list[0], emails: expect.arrayContaining([list[0]]), jobTitle: expect.any(String), companyName: expect.any(String), linkedinUrl: expect.stringContaining('linkedin.com/in/'), found: true });
		expect(simple.items[0].json.billing).toEqual(expect.objectContaining({ creditsCharged: expect.any(Number), requestId: expect.any(String) }));
		const raw = await byEmail('searchAndEnrich', list, { payOnlyForMatches: false, simplify: false });
		const json = raw.items[0].json;
		expect(json.emails).toEqual(expect.arrayContaining([expect.objectContaining({ email: list[0], type: 'work' })]));
		expect(json).toHaveProperty('previousEmployment');
		expect(json).not.toHaveProperty('clientReferenceId');
	});

	it('returns every result to its own item even when Lusha answers in another order', async () => {
		ctx.sandbox.configure({ faults: { reverseV3Results: true } });
		const list = emails(30);
		const result = await byEmail('searchAndEnrich', list, { payOnlyForMatches: false });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.email)).toEqual(list);
	});

	it('reports an unknown contact as data: found false, its email and Lusha’s NOT_FOUND, the rest unaffected', async () => {
		const list = [emails(1)[0], 'nobody@unknown.example', emails(2)[1]];
		const result = await byEmail('searchAndEnrich', list, { payOnlyForMatches: false });
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => [i.json.found, i.json.email, (i.json.error as IDataObject | undefined)?.code])).toEqual([
			[true, list[0], undefined],
			[false, list[1], 'NOT_FOUND'],
			[true, list[2], undefined],
		]);
		expect(result.items[1].json.error).toEqual({ code: 'NOT_FOUND', message: expect.any(String) });
	});

	it('with On Item Error: Fail, stops at the contact Lusha did not find, naming the item', async () => {
		const list = [emails(1)[0], 'nobody@unknown.example'];
		const result = await byEmail('searchAndEnrich', list, { payOnlyForMatches: false, onItemError: 'fail' });
		expect(result.error?.message).toMatch(/NOT_FOUND, item 1/);
		const kept = await byEmail('searchAndEnrich', list, { payOnlyForMatches: false, onItemError: 'fail' }, true);
		expect(kept.items.map((i) => [paired(i), typeof i.json.error])).toEqual([
			[0, 'undefined'],
			[1, 'string'],
		]);
	});

	it('refuses a malformed email or LinkedIn URL, naming field and item, and sends nothing for it', async () => {
		const good = emails(2);
		const result = await run(
			'searchAndEnrich',
			{ identifyBy: 'any', email: '={{ $json.email ?? "" }}', linkedinUrl: '={{ $json.url ?? "" }}', payOnlyForMatches: false },
			[{ email: good[0] }, { email: 'not-an-email' }, { url: 'https://example.com/jane' }, {}, { email: good[1] }],
			true,
		);
		expect(result.items.map((i) => i.json.error ?? i.json.email)).toEqual([
			good[0],
			'Email is not an email address: "not-an-email" (item 1)',
			'LinkedIn URL is not a LinkedIn profile URL: "https://example.com/jane" (item 2)',
			'Contact has no identifier (item 3)',
			good[1],
		]);
		expect(bodies(SEARCH_AND_ENRICH).flatMap((b: IDataObject) => (b.contacts as IDataObject[]).map((c) => c.email))).toEqual(good);
	});

	it('without Continue On Fail, a bad item fails the node before anything is sent', async () => {
		const result = await byEmail('searchAndEnrich', [emails(1)[0], 'bad'], { payOnlyForMatches: false });
		expect(result.error?.message).toBe('Email is not an email address: "bad" (item 1)');
		expect(ctx.sandbox.count(SEARCH_AND_ENRICH)).toBe(0);
	});

	it('finds contacts by LinkedIn URL, by name and company, and by Lusha ID', async () => {
		const [a, b, c] = people();
		const companies = ctx.sandbox.fixtures.companies as Array<{ id: number; name: string; domain: string }>;
		const companyOf = (p: Person) => companies.find((x) => x.id === p.companyId) as { name: string; domain: string };
		const result = await run(
			'searchAndEnrich',
			{
				identifyBy: 'any',
				payOnlyForMatches: false,
				linkedinUrl: '={{ $json.url ?? "" }}',
				firstName: '={{ $json.first ?? "" }}',
				lastName: '={{ $json.last ?? "" }}',
				companyDomain: '={{ $json.domain ?? "" }}',
				contactId: '={{ $json.id ?? "" }}',
			},
			[{ url: a.socialLinks.linkedin }, { first: b.firstName, last: b.lastName, domain: `https://www.${companyOf(b).domain}/` }, { id: ctx.sandbox.v3.contactId(c) }],
		);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.lastName)).toEqual([a.lastName, b.lastName, c.lastName]);
		expect((bodies(SEARCH_AND_ENRICH)[0].contacts as IDataObject[])[1]).toMatchObject({ companyDomain: companyOf(b).domain });
	});

	it('fails the node with Lusha’s message when the plan refuses V3 (403), or gives each item an error item with Continue On Fail', async () => {
		ctx.sandbox.configure({ v3Enabled: false });
		const failed = await byEmail('searchAndEnrich', emails(3), { payOnlyForMatches: false });
		expect(failed.error?.message).toMatch(/403.*V3 API access is not enabled/);
		const each = await byEmail('searchAndEnrich', emails(3), { payOnlyForMatches: false }, true);
		expect(each.items.map((i) => [paired(i), String(i.json.error)])).toEqual([0, 1, 2].map((i) => [i, expect.stringMatching(/403/)]));
	});

	it('a key without API V3 access gets a hint that says what to do, on Lusha’s message or on a bare 403', async () => {
		ctx.sandbox.configure({ apiKeys: { 'v2-only-key': { v3Enabled: false } } });
		const noV3 = await runNode({ credential: { ...ctx.credential, apiKey: 'v2-only-key' }, typeVersion: 2, parameters: { resource: 'contact', operation: 'search', identifyBy: 'email', email: '={{ $json.email }}' }, items: [{ email: emails(1)[0] }] });
		expect(noV3.error?.message).toMatch(/403/);
		expect(noV3.error?.description).toMatch(/^This key has no access to Lusha API V3.*ask your Lusha admin to enable API V3.*version 1/);
		// Lusha's own wording for this 403 is not documented: a 403 without it on a /v3 path still names V3 access.
		ctx.sandbox.configure({ apiKeys: {}, faults: { routeFaults: [{ route: SEARCH, status: 403, message: 'Forbidden' }] } });
		const bare = await byEmail('search', emails(1));
		expect(bare.error?.message).toMatch(/403/);
		expect(bare.error?.description).toMatch(/API V3/);
	});

	it('Simplify keeps each result’s status, so a half-revealed contact does not look complete', async () => {
		const restricted = restrictedIds();
		const phoneless = new Set((ctx.sandbox.v3.peopleWithoutLushaPhone() as Person[]).map((p) => p.personId));
		const noPhone = people().find((p) => !restricted.has(p.personId) && phoneless.has(p.personId)) as Person;
		const full = people().find((p) => !restricted.has(p.personId) && !phoneless.has(p.personId)) as Person;
		const result = await byEmail('searchAndEnrich', [workEmail(noPhone), workEmail(full)], { payOnlyForMatches: false });
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ found: true, status: 'partial', statusDescription: expect.any(String), statusReason: 'missing_data_points', dataSource: 'lusha', missingDataPoints: ['phones'] });
		expect(result.items[0].json.phone).toBeUndefined();
		expect(result.items[1].json).toMatchObject({ found: true, status: 'complete', statusReason: null, missingDataPoints: [] });
	});

	it('the credit guard prices the account’s Data Waterfall, which runs on this call with no opt-out: Max Credits is never passed', async () => {
		// https://docs.lusha.com/api-reference/search-&-enrich/search-and-enrich-contacts.md: the waterfall runs here for the asked-for fields.
		ctx.sandbox.configure({ searchAndEnrichWaterfall: true });
		const restricted = restrictedIds();
		const phoneless = (ctx.sandbox.v3.peopleWithoutLushaPhone() as Person[]).filter((p) => !restricted.has(p.personId)).slice(0, 3);
		// Lusha's phone is 5 credits, the waterfall's (the sandbox account's pricing) 8: 3 contacts cost 1 + 3 × 8 = 25.
		const result = await byEmail('searchAndEnrich', phoneless.map(workEmail), { payOnlyForMatches: false, reveal: ['phones'], options: { maxCredits: 20 } });
		expect(result.error).toBeUndefined();
		const spent = ctx.sandbox.v3.ledger().reduce((n: number, e: { credits: number }) => n + e.credits, 0);
		expect(spent).toBeGreaterThan(0);
		expect(spent).toBeLessThanOrEqual(20);
		const sent = result.items.filter((i) => i.json.found === true);
		expect(sent.length).toBeGreaterThan(0);
		for (const item of sent) expect(item.json).toMatchObject({ dataSource: 'waterfall', phone: expect.any(String) });
		expect(result.items.filter((i) => (i.json.error as IDataObject | undefined)?.code === 'CREDIT_BUDGET')).toHaveLength(3 - sent.length);
		expect(3 - sent.length).toBeGreaterThan(0);
	});

	it('shows the credits the execution spent as a hint under the output', async () => {
		const result = await byEmail('searchAndEnrich', emails(30), { payOnlyForMatches: false, reveal: ['emails'] });
		const spent = ctx.sandbox.v3.ledger().reduce((n: number, e: { credits: number }) => n + e.credits, 0);
		expect(spent).toBeGreaterThan(0);
		const hints = result.run.data.resultData.runData.Lusha[0].hints ?? [];
		expect(hints.map((h) => h.message)).toContain(`This execution spent ${spent} Lusha credits (1 Lusha call).`);
	});
});

describe('Contact → Search and Enrich, Pay Only for Matches (default)', () => {
	it('searches, then reveals only the contacts that matched; unmatched items cost nothing', async () => {
		const list = [emails(1)[0], 'nobody@unknown.example', emails(3)[2]];
		const result = await byEmail('searchAndEnrich', list, { reveal: ['emails'] });
		expect(result.error).toBeUndefined();
		expect(ctx.sandbox.count(SEARCH_AND_ENRICH)).toBe(0);
		expect(bodies(SEARCH).map((b: IDataObject) => (b.contacts as IDataObject[]).length)).toEqual([3]);
		const [enrich] = bodies(ENRICH);
		expect(enrich).toEqual({ ids: [ctx.sandbox.v3.contactId(people()[0]), ctx.sandbox.v3.contactId(people()[2])], reveal: ['emails'], waterfallEnabled: false });
		expect(result.items.map((i) => [paired(i), i.json.found, i.json.email])).toEqual([
			[0, true, list[0]],
			[1, false, list[1]],
			[2, true, list[2]],
		]);
		expect(result.items[1].json.billing).toEqual(expect.objectContaining({ creditsCharged: expect.any(Number) }));
		expect(result.items[0].json.billing).toEqual({ creditsCharged: expect.any(Number), searchCreditsCharged: 1, enrichCreditsCharged: 2 });
	});

	it('asks each contact only for the fields it can reveal', async () => {
		const noPhone = ctx.sandbox.v3.peopleWithoutLushaPhone()[0] as Person;
		const withPhone = people()[0];
		const result = await byEmail('searchAndEnrich', [workEmail(withPhone), workEmail(noPhone)]);
		expect(result.error).toBeUndefined();
		const calls = bodies(ENRICH).map((b: IDataObject) => [b.reveal, b.ids]);
		expect(calls).toEqual(
			expect.arrayContaining([
				[['emails', 'phones'], [ctx.sandbox.v3.contactId(withPhone)]],
				[['emails'], [ctx.sandbox.v3.contactId(noPhone)]],
			]),
		);
		expect(result.items[0].json.phone).toEqual(expect.any(String));
		expect(result.items[1].json).not.toHaveProperty('phone');
	});
});

describe('Contact → Search', () => {
	it('previews 150 contacts in 2 calls with Lusha IDs, has and canReveal, and reveals nothing', async () => {
		const list = emails(150);
		const result = await byEmail('search', list);
		expect(result.error).toBeUndefined();
		expect(ctx.sandbox.count(SEARCH)).toBe(2);
		const found = result.items.filter((i) => i.json.found);
		expect(found.length).toBeGreaterThan(140);
		for (const item of found) {
			expect(item.json).toMatchObject({ id: expect.stringMatching(/^v1\./), has: expect.any(Array), canReveal: expect.any(Array) });
			expect(item.json).not.toHaveProperty('emails');
			expect(item.json).not.toHaveProperty('phones');
		}
		expect(result.items.map(paired)).toEqual(list.map((_, i) => i));
	});

	it('sends a signals filter inside `signals`, with Max Results per Signal', async () => {
		await byEmail('search', emails(2), { options: { signalTypes: ['promotion'], signalsStartDate: '2025-01-01T00:00:00.000Z', maxResultsPerSignal: 3 } });
		expect(bodies(SEARCH)[0]).toMatchObject({ signals: { types: ['promotion'], startDate: '2025-01-01', maxResultsPerSignal: 3 } });
	});

	it('feeds Enrich: its IDs reveal emails and phones, with the waterfall switched off when asked', async () => {
		const searched = await byEmail('search', emails(3));
		const ids = searched.items.map((i) => i.json.id as string);
		const result = await run('enrich', { waterfallEnabled: false }, ids.map((id) => ({ id })));
		expect(result.error).toBeUndefined();
		expect(bodies(ENRICH)).toEqual([{ ids, reveal: ['emails', 'phones'], waterfallEnabled: false }]);
		expect(result.items.map((i) => [i.json.id, i.json.found])).toEqual(ids.map((id) => [id, true]));
		expect(result.items[0].json).toMatchObject({ email: emails(1)[0], phone: expect.any(String), billing: { creditsCharged: expect.any(Number) } });
	});
});

describe('Contact → Enrich', () => {
	it('enriches 120 IDs in 2 calls; an item may list several IDs, each gets its own item', async () => {
		const ids = people()
			.slice(0, 120)
			.map((p) => ctx.sandbox.v3.contactId(p) as string);
		const items = [{ id: `${ids[0]}, ${ids[1]}` }, ...ids.slice(2).map((id) => ({ id }))];
		const result = await run('enrich', { reveal: ['emails'] }, items);
		expect(result.error).toBeUndefined();
		expect(bodies(ENRICH).map((b: IDataObject) => (b.ids as string[]).length)).toEqual([100, 20]);
		expect(result.items.map((i) => [paired(i), i.json.id])).toEqual(ids.map((id, n) => [Math.max(0, n - 1), id]));
	});

	it('uses the waterfall by default, and shows the third-party phone it found', async () => {
		const noPhone = ctx.sandbox.v3.peopleWithoutLushaPhone()[0] as Person;
		const result = await run('enrich', { reveal: ['phones'] }, [{ id: ctx.sandbox.v3.contactId(noPhone) }]);
		expect(result.error).toBeUndefined();
		expect(bodies(ENRICH)[0]).toMatchObject({ waterfallEnabled: true });
		expect(result.items[0].json.phone).toEqual(expect.any(String));
	});

	it('refuses an ID that is not a Lusha ID, naming the item, and sends nothing for it', async () => {
		const id = ctx.sandbox.v3.contactId(people()[0]);
		const result = await run('enrich', {}, [{ id }, { id: 'abc' }], true);
		expect(result.items.map((i) => i.json.error ?? i.json.id)).toEqual([id, 'Lusha Contact IDs holds "abc", which is not a Lusha ID (item 1)']);
		expect(bodies(ENRICH)).toEqual([expect.objectContaining({ ids: [id] })]);
	});

	it('gives an unknown legacy ID its own NOT_FOUND item with the ID asked for', async () => {
		const id = ctx.sandbox.v3.contactId(people()[0]);
		const result = await run('enrich', {}, [{ id: '999' }, { id }]);
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => [i.json.id, i.json.found, (i.json.error as IDataObject | undefined)?.code])).toEqual([
			['999', false, 'NOT_FOUND'],
			[id, true, undefined],
		]);
	});
});
