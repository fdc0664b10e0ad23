import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../harness/n8n';
import { everythingRecorded, useSandbox } from '../helpers/sandbox';

const ctx = useSandbox();

const byEmail = (items: IDataObject[], extra: IDataObject = {}, continueOnFail = false) =>
	runNode({
		credential: ctx.credential,
		parameters: { resource: 'person', operation: 'enrich', identifyBy: 'email', email: '={{ $json.email }}', ...extra },
		items,
		continueOnFail,
	});

const fixtureEmails = (n: number) => Array.from({ length: n }, (_, i) => ({ email: ctx.sandbox.fixtures.people[i % 200].emailAddresses[0].email as string }));

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

	it('under Continue On Fail, a malformed item and a person not found each fail alone', async () => {
		const items = [...fixtureEmails(3), { email: 'not-an-email' }, { email: 'nobody@nowhere.example' }, ...fixtureEmails(2)];
		const result = await byEmail(items, {}, true);
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

	it('uses GET for a single person and gives the same fields as bulk', async () => {
		const [email] = fixtureEmails(1);
		const single = await byEmail([email], { simplify: false });
		const bulk = await byEmail([email, ...fixtureEmails(2).slice(1)], { simplify: false });
		expect(ctx.sandbox.count('GET /v2/person')).toBe(1);
		expect(ctx.sandbox.count('POST /v2/person')).toBe(1);
		expect(single.items[0].json).toEqual(bulk.items[0].json);
		expect((single.items[0].json.company as IDataObject).name).toBe(ctx.sandbox.fixtures.companies[0].name);
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

	it('never puts the API key in output or errors', async () => {
		const ok = await byEmail(fixtureEmails(3));
		const failed = await byEmail([{ email: 'nobody@nowhere.example' }]);
		expect(everythingRecorded(ok.run)).not.toContain(ctx.sandbox.apiKey);
		expect(everythingRecorded(failed.run)).not.toContain(ctx.sandbox.apiKey);
	});
});
