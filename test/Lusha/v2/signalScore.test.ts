import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../helpers/n8n';
import { useSandbox } from '../../helpers/sandbox';
import type { Person } from '../../helpers/types';

const ctx = useSandbox();

interface Company {
	id: number;
	domain: string;
	name: string;
}

const companies = (): Company[] => ctx.sandbox.fixtures.companies;
const people = (): Person[] => ctx.sandbox.fixtures.people;
const companyAt = (id: number) => companies().find((c) => c.id === id) as Company;

const score = (resource: 'contact' | 'company', parameters: IDataObject, items: IDataObject[], continueOnFail = false) =>
	runNode({ credential: ctx.credential, typeVersion: 2, parameters: { resource, operation: 'getSignalScore', ...parameters }, items, continueOnFail });

const byDomain = { identifyBy: 'domain', domain: '={{ $json.domain }}' };

describe('Company → Get Signal Score', () => {
	it('scores 250 companies in 3 calls of at most 100, each score back on its own item', async () => {
		const items = Array.from({ length: 250 }, (_, i) => ({ domain: companies()[(i * 7) % 50].domain }));
		const result = await score('company', byDomain, items);
		expect(result.error).toBeUndefined();
		const calls = ctx.sandbox.requestsTo('POST /v3/companies/signal-score');
		expect(calls.map((c: { body: { companies: unknown[] } }) => c.body.companies.length)).toEqual([100, 100, 50]);
		expect(result.items).toHaveLength(250);
		result.items.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json.domain).toBe(`www.${items[i].domain}`);
		});
		const scored = result.items.filter((i) => !i.json.noScore);
		for (const { json } of scored) {
			expect(json.signalScore).toBeGreaterThanOrEqual(0);
			expect(json.signalScore).toBeLessThanOrEqual(1);
			expect(Array.isArray(json.signalTypes)).toBe(true);
			expect(typeof json.noActiveSignals).toBe('boolean');
		}
	});

	it('keeps NO_SCORE as data: signalScore null and noScore true, even with On Item Error set to Fail', async () => {
		const unscored = companyAt(5024);
		const scoredCompany = companyAt(5001);
		const result = await score('company', { ...byDomain, onItemError: 'fail' }, [{ domain: scoredCompany.domain }, { domain: unscored.domain }]);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ found: true, noScore: false, name: scoredCompany.name });
		expect(result.items[1].json).toMatchObject({ found: true, noScore: true, signalScore: null, signalTypes: [], name: unscored.name });
		expect(result.items[1].json.error).toBeUndefined();
	});

	it('says which companies have no active signal', async () => {
		const quiet = companyAt(5046);
		const result = await score('company', { identifyBy: 'id', companyId: ctx.sandbox.v3.companyId(quiet) }, [{}]);
		expect(result.items[0].json).toMatchObject({ signalScore: 0, signalTypes: [], noActiveSignals: true });
	});

	it('puts a company Lusha cannot find out as its own item, or stops at it with On Item Error set to Fail', async () => {
		const items = [{ domain: companies()[0].domain }, { domain: 'nobody-here.example' }];
		const output = await score('company', byDomain, items);
		expect(output.items[1].json).toMatchObject({ domain: 'nobody-here.example', found: false, error: { code: 'NOT_FOUND' } });

		const failing = await score('company', { ...byDomain, onItemError: 'fail' }, items);
		expect(failing.error?.message).toBe('Company not found (NOT_FOUND, item 1)');
	});

	it('charges only scored companies, and says so on every item', async () => {
		const result = await score('company', byDomain, [{ domain: companies()[0].domain }, { domain: companyAt(5049).domain }, { domain: 'nobody-here.example' }]);
		expect(result.items.map((i) => (i.json.billing as IDataObject).creditsCharged)).toEqual([1, 1, 1]);
		expect(ctx.sandbox.v3.ledger().reduce((sum: number, e: { credits: number }) => sum + e.credits, 0)).toBe(1);
	});

	it('refuses an item that is not a domain before any call', async () => {
		const result = await score('company', byDomain, [{ domain: 'not a domain' }]);
		expect(result.error?.message).toBe('Domain is not a domain: "not a domain" (item 0)');
		expect(ctx.sandbox.count('POST /v3/companies/signal-score')).toBe(0);
	});
});

describe('Contact → Get Signal Score', () => {
	const workEmail = (p: Person) => (p.emailAddresses.find((e) => e.emailType === 'work') ?? p.emailAddresses[0]).email;

	it('scores contacts given by ID, email, LinkedIn URL or name and company, in one call', async () => {
		const [a, b, c, d] = people();
		const items = [
			{ contactId: ctx.sandbox.v3.contactId(a) },
			{ email: workEmail(b) },
			{ linkedinUrl: c.socialLinks.linkedin },
			{ firstName: d.firstName, lastName: d.lastName, companyDomain: companyAt(d.companyId).domain },
		];
		const result = await score(
			'contact',
			{ identifyBy: 'any', contactId: '={{ $json.contactId }}', email: '={{ $json.email }}', linkedinUrl: '={{ $json.linkedinUrl }}', firstName: '={{ $json.firstName }}', lastName: '={{ $json.lastName }}', companyDomain: '={{ $json.companyDomain }}' },
			items,
		);
		expect(result.error).toBeUndefined();
		expect(ctx.sandbox.count('POST /v3/contacts/signal-score')).toBe(1);
		expect(result.items.map((i) => i.json.id)).toEqual([a, b, c, d].map((p) => ctx.sandbox.v3.contactId(p)));
		for (const { json } of result.items) expect(json).toEqual(expect.objectContaining({ signalScore: expect.any(Number), signalTypes: expect.any(Array), noActiveSignals: expect.any(Boolean), found: true }));
	});

	it('retries Lusha’s documented 502 on contact scores with backoff, then scores', async () => {
		ctx.sandbox.configure({ faults: { signalScore502Burst: 2 } });
		const person = people()[1];
		const result = await score('contact', { identifyBy: 'email', email: workEmail(person) }, [{}]);
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toMatchObject({ id: ctx.sandbox.v3.contactId(person), found: true });
		expect(ctx.sandbox.requestsTo('POST /v3/contacts/signal-score').map((r: { statusCode: number }) => r.statusCode)).toEqual([502, 502, 200]);
	});

	it('keeps a contact without a score as data', async () => {
		const person = ctx.sandbox.v3.noScorePeople()[0];
		const result = await score('contact', { identifyBy: 'id', contactId: ctx.sandbox.v3.contactId(person) }, [{}]);
		expect(result.items[0].json).toMatchObject({ found: true, noScore: true, signalScore: null, fullName: person.fullName });
	});
});
