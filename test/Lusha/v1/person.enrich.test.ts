import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../helpers/n8n';
import { everythingRecorded, useSandbox } from '../../helpers/sandbox';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { workEmail } = require('../../sandbox/fixtures');

const ctx = useSandbox();

const byEmail = (items: IDataObject[], extra: IDataObject = {}, continueOnFail = false) =>
	runNode({
		credential: ctx.credential,
		parameters: { resource: 'person', operation: 'enrich', identifyBy: 'email', email: '={{ $json.email }}', ...extra },
		items,
		continueOnFail,
	});

const fixtureEmails = (n: number) => Array.from({ length: n }, (_, i) => ({ email: workEmail(ctx.sandbox.fixtures.people[i % 200]) as string }));

describe('Person → Enrich', () => {
	it('enriches 250 people with 3 bulk requests and keeps item order and pairing', async () => {
		const items = fixtureEmails(250);
		const result = await byEmail(items);
		expect(result.error).toBeUndefined();
		expect(ctx.sandbox.count('POST /v2/person')).toBe(3);
		expect(ctx.sandbox.count('GET /v2/person')).toBe(0);
		expect(ctx.sandbox.requestsTo('POST /v2/person').map((r: { body: { contacts: unknown[] } }) => r.body.contacts.length).sort()).toEqual([100, 100, 50]);
		expect(result.items).toHaveLength(250);
		result.items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json.email).toBe(items[index].email);
		});
		const first = result.items[0].json;
		const person = ctx.sandbox.fixtures.people[0];
		expect(first).toMatchObject({
			personId: person.personId,
			fullName: person.fullName,
			jobTitle: person.jobTitle.title,
			seniority: person.jobTitle.seniority,
			companyName: ctx.sandbox.fixtures.companies[0].name,
			companyDomain: ctx.sandbox.fixtures.companies[0].domain,
			phone: person.phoneNumbers[0].number,
			isCreditCharged: true,
		});
	});

	it('with On Not Found → Fail under Continue On Fail, a malformed item and a person not found each fail alone', async () => {
		const items = [...fixtureEmails(3), { email: 'not-an-email' }, { email: 'nobody@nowhere.example' }, ...fixtureEmails(2)];
		const result = await byEmail(items, { options: { onNotFound: 'fail' } }, true);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(7);
		expect(result.items.map((i) => i.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(result.items[3].json.error).toBe('Email is not an email address: "not-an-email" (item 3)');
		expect(result.items[4].json.error).toBe('Lusha found no person for nobody@nowhere.example (item 4)');
		expect(result.items[4].json.hint).toContain('No credit was charged');
		expect(result.items.filter((i) => i.json.error)).toHaveLength(2);
		expect(ctx.sandbox.requestsTo('POST /v2/person')[0].body.contacts).toHaveLength(6);
	});

	it('stops before spending a credit when an item has no identifier, naming the field and the item', async () => {
		const result = await byEmail([...fixtureEmails(2), { email: '' }]);
		expect(result.error?.message).toBe('Email is empty (item 2)');
		expect(result.error?.context?.itemIndex).toBe(2);
		expect(ctx.sandbox.state.requests).toHaveLength(0);
	});

	it('uses GET for a single person and gives the same record as bulk, with the company joined in', async () => {
		const [email] = fixtureEmails(1);
		const single = await byEmail([email], { simplify: false });
		const bulk = await byEmail([email, ...fixtureEmails(2).slice(1)], { simplify: false });
		expect(ctx.sandbox.count('GET /v2/person')).toBe(1);
		expect(ctx.sandbox.count('POST /v2/person')).toBe(1);
		const { emailAddresses: singleEmails, phoneNumbers: singlePhones, ...singleRest } = single.items[0].json;
		const { emailAddresses: bulkEmails, phoneNumbers: bulkPhones, ...bulkRest } = bulk.items[0].json;
		expect(singleRest).toEqual(bulkRest);
		expect((singleEmails as IDataObject[]).length).toBe((bulkEmails as IDataObject[]).length);
		expect((singlePhones as IDataObject[]).length).toBe((bulkPhones as IDataObject[]).length);
		expect((single.items[0].json.company as IDataObject).name).toBe(ctx.sandbox.fixtures.companies[0].name);
	});

	it('Simplify picks the work email and the mobile phone from the single (GET) and the bulk (POST) answer alike', async () => {
		// Person 3's private address comes first, and the single answer calls the parts `address`/`type` and `Mobile`.
		const person = ctx.sandbox.fixtures.people[3];
		expect(person.emailAddresses[0].emailType).toBe('private');
		const wanted = { email: workEmail(person), phone: person.phoneNumbers[0].number, phoneDoNotCall: false, found: true };
		const single = await byEmail([{ email: workEmail(person) }]);
		const bulk = await byEmail([{ email: workEmail(person) }, ...fixtureEmails(1)]);
		expect(ctx.sandbox.count('GET /v2/person')).toBe(1);
		expect(ctx.sandbox.count('POST /v2/person')).toBe(1);
		expect(single.items[0].json).toMatchObject(wanted);
		expect(bulk.items[0].json).toMatchObject(wanted);
		expect(single.items[0].json).toEqual(bulk.items[0].json);
	});

	it('sends signals on the single call as a repeated query parameter, as the spec’s array parameter is sent', async () => {
		const result = await byEmail(fixtureEmails(1), { options: { signals: ['promotion', 'companyChange'], signalsStartDate: '2025-01-01' } });
		expect(result.error).toBeUndefined();
		const [request] = ctx.sandbox.requestsTo('GET /v2/person');
		expect(request.statusCode).toBe(200);
		expect(request.query.signals).toEqual(['promotion', 'companyChange']);
		expect(result.items[0].json.promotion).toEqual(ctx.sandbox.fixtures.people[0].signals.promotion);
	});

	it('enriches people known only by Lusha person ID through the single call, which takes an ID alone, keeping order', async () => {
		const [p0, p1, p2] = ctx.sandbox.fixtures.people;
		const items = [{ personId: String(p0.personId) }, { email: workEmail(p1) }, { personId: String(p2.personId) }, { email: workEmail(p0) }];
		const result = await runNode({
			credential: ctx.credential,
			parameters: { resource: 'person', operation: 'enrich', identifyBy: 'any', personId: '={{ $json.personId }}', email: '={{ $json.email }}' },
			items,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.personId)).toEqual([p0.personId, p1.personId, p2.personId, p0.personId]);
		expect(result.items.map((i) => i.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		expect(ctx.sandbox.requestsTo('GET /v2/person').map((r: { query: IDataObject }) => r.query.personId).sort()).toEqual([String(p0.personId), String(p2.personId)]);
		expect(ctx.sandbox.requestsTo('POST /v2/person')[0].body.contacts).toEqual([
			{ contactId: '1', email: workEmail(p1) },
			{ contactId: '3', email: workEmail(p0) },
		]);
		expect(ctx.sandbox.state.requests.every((r: { statusCode: number }) => r.statusCode === 200)).toBe(true);
	});

	it('finds people by name and company, LinkedIn URL or person ID, and by whichever is filled', async () => {
		const [p0, p1, p2, p3] = ctx.sandbox.fixtures.people;
		const items = [
			{ firstName: p0.firstName, lastName: p0.lastName, companyDomain: ctx.sandbox.fixtures.companies[0].domain },
			{ linkedinUrl: p1.socialLinks.linkedin },
			{ personId: String(p2.personId) },
			{ email: p3.emailAddresses[0].email },
		];
		const result = await runNode({
			credential: ctx.credential,
			parameters: { resource: 'person', operation: 'enrich', identifyBy: 'any', personId: '={{ $json.personId }}', email: '={{ $json.email }}', linkedinUrl: '={{ $json.linkedinUrl }}', firstName: '={{ $json.firstName }}', lastName: '={{ $json.lastName }}', companyDomain: '={{ $json.companyDomain }}' },
			items,
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.personId)).toEqual([p0.personId, p1.personId, p2.personId, p3.personId]);
		const sent = ctx.sandbox.requestsTo('POST /v2/person')[0].body.contacts;
		expect(sent[0]).toEqual({ contactId: '0', fullName: `${p0.firstName} ${p0.lastName}`, companies: [{ domain: ctx.sandbox.fixtures.companies[0].domain, isCurrent: true }] });
	});

	it('names the missing name field', async () => {
		const result = await runNode({
			credential: ctx.credential,
			parameters: { resource: 'person', operation: 'enrich', identifyBy: 'nameAndCompany', firstName: 'Ava', lastName: '', companyName: '' },
		});
		expect(result.error?.message).toBe('Last Name, Company Name or Company Domain are empty (item 0)');
	});

	it('sends signals and options, and rejects a date that is not a date', async () => {
		const ok = await byEmail(fixtureEmails(2), { options: { signals: ['promotion'], signalsStartDate: '2025-01-01T00:00:00.000Z', refreshJobInfo: true } });
		expect(ok.error).toBeUndefined();
		expect(ctx.sandbox.requestsTo('POST /v2/person')[0].body.metadata).toEqual({ refreshJobInfo: true, signals: ['promotion'], signalsStartDate: '2025-01-01' });
		expect(ok.items[0].json.promotion).toEqual(ctx.sandbox.fixtures.people[0].signals.promotion);
		const bad = await byEmail(fixtureEmails(2), { options: { signalsStartDate: 'last tuesday' } });
		expect(bad.error?.message).toBe('Options → Signals Since must be a date like 2025-06-30, not "last tuesday" (item 0)');
	});

	it('says which plan-gated option caused a 403', async () => {
		const result = await byEmail(fixtureEmails(2), { options: { revealEmails: true } });
		expect(result.error?.message).toContain('does not support requesting individual datapoints');
		expect(result.error?.description).toContain('Reveal Emails and Reveal Phones need Lusha’s Unified Credits plan');
	});

	it('gives a person Lusha cannot find as one item with found: false, the identifiers sent and Lusha’s message, keeping the others', async () => {
		const items = [...fixtureEmails(2), { email: 'nobody@nowhere.example' }, ...fixtureEmails(3).slice(2)];
		const result = await byEmail(items);
		expect(result.error).toBeUndefined();
		expect(ctx.sandbox.count('POST /v2/person')).toBe(1);
		expect(result.items.map((i) => i.json.found)).toEqual([true, true, false, true]);
		expect(result.items[2]).toEqual({
			json: { found: false, email: 'nobody@nowhere.example', isCreditCharged: false, message: 'We could not find this contact' },
			pairedItem: { item: 2 },
		});
		expect(result.items[3].json.email).toBe(items[3].email);
	});

	it('gives found: false for a single person not found too, by name and company', async () => {
		const result = await runNode({
			credential: ctx.credential,
			parameters: { resource: 'person', operation: 'enrich', identifyBy: 'nameAndCompany', firstName: 'Nobody', lastName: 'Atall', companyDomain: 'https://www.acmelabs.example/team', simplify: false },
		});
		expect(result.error).toBeUndefined();
		expect(ctx.sandbox.count('GET /v2/person')).toBe(1);
		expect(ctx.sandbox.requestsTo('GET /v2/person')[0].query).toEqual({ firstName: 'Nobody', lastName: 'Atall', companyDomain: 'www.acmelabs.example' });
		expect(result.items[0].json).toEqual({ found: false, firstName: 'Nobody', lastName: 'Atall', companyDomain: 'www.acmelabs.example', isCreditCharged: false, message: 'We could not find this contact' });
	});

	it('with On Not Found → Fail, a person not found stops the node, on the single and the bulk call', async () => {
		const single = await byEmail([{ email: 'nobody@nowhere.example' }], { options: { onNotFound: 'fail' } });
		expect(single.error?.message).toBe('Lusha found no person for nobody@nowhere.example (item 0)');
		const bulk = await byEmail([...fixtureEmails(1), { email: 'nobody@nowhere.example' }], { options: { onNotFound: 'fail' } });
		expect(bulk.error?.message).toBe('Lusha found no person for nobody@nowhere.example (item 1)');
		expect(bulk.error?.context?.itemIndex).toBe(1);
	});

	it('still fails on real errors: a wrong key, a plan without the option, a used-up quota; Continue On Fail gives one error item each', async () => {
		const wrongKey = await runNode({ credential: { ...ctx.credential, apiKey: 'wrong-key-000' }, parameters: { resource: 'person', operation: 'enrich', identifyBy: 'email', email: '={{ $json.email }}' }, items: fixtureEmails(2) });
		expect(wrongKey.error?.message).toContain('Invalid API key');
		const plan = await byEmail(fixtureEmails(1), { options: { revealPhones: true } });
		expect(plan.error?.message).toContain('Lusha answered 403');
		ctx.sandbox.configure({ faults: { dailyQuotaExhausted: true } });
		const quota = await byEmail(fixtureEmails(3), {}, true);
		expect(quota.error).toBeUndefined();
		expect(quota.items.map((i) => i.json.httpCode)).toEqual(['429', '429', '429']);
		expect(quota.items.every((i) => String(i.json.error).includes('Daily API quota limit exceeded') && i.json.found === undefined)).toBe(true);
	});

	it('never puts the API key in output or errors', async () => {
		const ok = await byEmail(fixtureEmails(3));
		const failed = await byEmail([{ email: 'nobody@nowhere.example' }]);
		expect(everythingRecorded(ok.run)).not.toContain(ctx.sandbox.apiKey);
		expect(everythingRecorded(failed.run)).not.toContain(ctx.sandbox.apiKey);
	});
});
