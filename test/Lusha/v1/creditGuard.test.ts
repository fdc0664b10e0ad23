/** The credit guard where version 1 (Lusha API v2) can apply it: Person → Enrich and Company → Enrich. */
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { runNode } from '../../helpers/n8n';
import { useSandbox } from '../../helpers/sandbox';
import type { Person } from '../../helpers/types';

const ctx = useSandbox();

const emails = (n: number) => (ctx.sandbox.fixtures.people as Person[]).slice(0, n).map((p) => p.emailAddresses.find((e) => e.emailType === 'work')?.email as string);
const domains = (n: number) => (ctx.sandbox.fixtures.companies as Array<{ domain: string }>).slice(0, n).map((c) => c.domain);
const sentPeople = () => ctx.sandbox.requestsTo('POST /v2/person').flatMap((r: { body: { contacts: IDataObject[] } }) => r.body.contacts.map((c) => c.email));
const code = (item: INodeExecutionData) => (item.json.error as IDataObject | undefined)?.code;

const enrichPeople = (list: string[], options: INodeParameters, continueOnFail = false) =>
	runNode({
		credential: ctx.credential,
		typeVersion: 1,
		parameters: { resource: 'person', operation: 'enrich', identifyBy: 'email', email: '={{ $json.email }}', options },
		items: list.map((email) => ({ email })),
		continueOnFail,
	});

describe('Version 1: Max Credits per Execution', () => {
	it('prices a person at the worst case (an email and a phone) and sends only the people that fit', async () => {
		const list = emails(5);
		const result = await enrichPeople(list, { maxCredits: 13 });
		expect(result.error).toBeUndefined();
		expect(sentPeople()).toEqual(list.slice(0, 2));
		expect(result.items.map((i) => [i.json.found, code(i)])).toEqual([
			[true, undefined],
			[true, undefined],
			[false, 'CREDIT_BUDGET'],
			[false, 'CREDIT_BUDGET'],
			[false, 'CREDIT_BUDGET'],
		]);
		expect(result.items[2].json).toMatchObject({ email: list[2], error: { message: expect.stringContaining('Max Credits per Execution (13)') } });
	});

	it('counts 1 credit a person when only emails are asked for', async () => {
		const list = emails(5);
		const result = await enrichPeople(list, { maxCredits: 3, filterBy: 'emailAddresses' });
		expect(result.error).toBeUndefined();
		expect(sentPeople()).toEqual(list.slice(0, 3));
		expect(result.items.filter((i) => code(i) === 'CREDIT_BUDGET')).toHaveLength(2);
	});

	it('with On Not Found: Fail, a held-back person fails the node', async () => {
		const result = await enrichPeople(emails(3), { maxCredits: 6, onNotFound: 'fail' });
		expect(result.error?.message).toMatch(/CREDIT_BUDGET, item 1/);
	});

	it('holds back companies past the budget, at 1 credit a company', async () => {
		const list = domains(5);
		const result = await runNode({
			credential: ctx.credential,
			typeVersion: 1,
			parameters: { resource: 'company', operation: 'enrich', identifyBy: 'domain', domain: '={{ $json.domain }}', options: { maxCredits: 3 } },
			items: list.map((domain) => ({ domain })),
		});
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => code(i) ?? i.json.found)).toEqual([true, true, true, 'CREDIT_BUDGET', 'CREDIT_BUDGET']);
		expect(result.items[3].json).toMatchObject({ found: false, domain: list[3] });
	});
});

describe('Version 1: Same Identity Once', () => {
	it('keeps sending repeated identities unless the option is added, as saved workflows expect', async () => {
		const list = Array.from({ length: 10 }, () => emails(1)[0]);
		await enrichPeople(list, {});
		expect(sentPeople()).toHaveLength(10);
		ctx.sandbox.reset();
		const once = await enrichPeople(list, { sameIdentityOnce: true });
		// One person left to ask about: the single-person GET.
		expect(ctx.sandbox.count('GET /v2/person') + sentPeople().length).toBe(1);
		expect(once.items).toHaveLength(10);
		expect(once.items.map((i) => i.json.found)).toEqual(Array(10).fill(true));
	});
});

describe('Version 1: Stop When Remaining Credits Below', () => {
	it('reads the balance from /account/usage and holds back what could go below the floor', async () => {
		ctx.sandbox.configure({ creditsTotal: 100 });
		const result = await enrichPeople(emails(6), { stopBelowCredits: 97, filterBy: 'emailAddresses' });
		expect(result.error).toBeUndefined();
		expect(ctx.sandbox.count('GET /account/usage')).toBeGreaterThanOrEqual(1);
		expect(sentPeople()).toHaveLength(3);
		expect(result.items.slice(3).map((i) => code(i))).toEqual(['CREDIT_FLOOR', 'CREDIT_FLOOR', 'CREDIT_FLOOR']);
		expect((result.items[3].json.error as IDataObject).message).toMatch(/Lusha reports \d+ credits left/);
	});
});
