import type { IDataObject, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import { runNode } from '../../helpers/n8n';
import { useSandbox } from '../../helpers/sandbox';

const ctx = useSandbox();

const SEARCH = 'POST /v3/companies/search';
const ENRICH = 'POST /v3/companies/enrich';
const SEARCH_AND_ENRICH = 'POST /v3/companies/search-and-enrich';

interface Company {
	id: number;
	name: string;
	domain: string;
}
const companies = () => ctx.sandbox.fixtures.companies as Company[];
const domains = (n: number) => Array.from({ length: n }, (_, i) => companies()[i % 50].domain);
const bodies = (key: string) => ctx.sandbox.requestsTo(key).map((r: { body: IDataObject }) => r.body);
const paired = (item: INodeExecutionData) => (item.pairedItem as IPairedItemData).item;

const run = (operation: string, parameters: IDataObject, items: IDataObject[], continueOnFail = false) =>
	runNode({ credential: ctx.credential, typeVersion: 2, parameters: { resource: 'company', operation, ...parameters }, items, continueOnFail });
const byDomain = (operation: string, list: string[], extra: IDataObject = {}, continueOnFail = false) =>
	run(operation, { identifyBy: 'domain', domain: '={{ $json.domain }}', ...extra }, list.map((domain) => ({ domain })), continueOnFail);

describe('Company → Search and Enrich', () => {
	it('enriches 120 companies in 2 calls, in input order, with a simplified record', async () => {
		const list = domains(120);
		const result = await byDomain('searchAndEnrich', list, { payOnlyForMatches: false, options: { sameIdentityOnce: false } });
		expect(result.error).toBeUndefined();
		expect(bodies(SEARCH_AND_ENRICH).map((b: IDataObject) => (b.companies as unknown[]).length)).toEqual([100, 20]);
		expect(result.items.map(paired)).toEqual(list.map((_, i) => i));
		result.items.forEach((item, i) => expect(item.json).toMatchObject({ found: true, name: companies()[i % 50].name, id: expect.stringMatching(/^v1\./) }));
		expect(result.items[0].json).toMatchObject({ industry: expect.any(String), employees: expect.any(Number), country: expect.any(String), linkedinUrl: expect.stringContaining('linkedin.com/company') });
	});

	it('sends the bare domain Lusha matches on, whatever URL the item holds', async () => {
		const [company] = companies();
		const result = await byDomain('searchAndEnrich', [`https://www.${company.domain}/about?x=1`], { payOnlyForMatches: false });
		expect(result.error).toBeUndefined();
		expect((bodies(SEARCH_AND_ENRICH)[0].companies as IDataObject[])[0]).toMatchObject({ domain: company.domain });
	});

	it('reports an unknown company as data, and refuses a malformed domain before calling', async () => {
		const result = await byDomain('searchAndEnrich', [domains(1)[0], 'unknown-company.example', 'not a domain'], { payOnlyForMatches: false }, true);
		expect(result.items.map((i) => [paired(i), i.json.found, (i.json.error as IDataObject | undefined)?.code ?? i.json.error])).toEqual([
			[0, true, undefined],
			[1, false, 'NOT_FOUND'],
			[2, undefined, 'Domain is not a domain: "not a domain" (item 2)'],
		]);
		expect(result.items[1].json).toMatchObject({ domain: 'unknown-company.example' });
	});

	it('with Pay Only for Matches (default) searches, then enriches only the companies that matched', async () => {
		const list = [domains(1)[0], 'unknown-company.example'];
		const result = await byDomain('searchAndEnrich', list);
		expect(result.error).toBeUndefined();
		expect(ctx.sandbox.count(SEARCH)).toBe(1);
		expect(bodies(ENRICH)).toEqual([{ ids: [ctx.sandbox.v3.companyId(companies()[0])] }]);
		expect(result.items.map((i) => [i.json.found, i.json.name ?? i.json.domain])).toEqual([
			[true, companies()[0].name],
			[false, 'unknown-company.example'],
		]);
	});
});

describe('Company → Search', () => {
	it('previews companies by name, domain and Lusha ID, with has and canReveal', async () => {
		const [a, b, c] = companies();
		const result = await run(
			'search',
			{ identifyBy: 'any', domain: '={{ $json.domain ?? "" }}', companyName: '={{ $json.name ?? "" }}', companyId: '={{ $json.id ?? "" }}' },
			[{ name: a.name }, { domain: b.domain }, { id: String(c.id) }],
		);
		expect(result.error).toBeUndefined();
		expect(bodies(SEARCH)[0].companies).toEqual([
			expect.objectContaining({ name: a.name }),
			expect.objectContaining({ domain: b.domain }),
			expect.objectContaining({ id: String(c.id) }),
		]);
		expect(result.items.map((i) => i.json.name)).toEqual([a.name, b.name, c.name]);
		expect(result.items[0].json).toMatchObject({ has: expect.any(Array), canReveal: expect.any(Array), found: true });
	});

	it('filters by signals without Max Results per Signal, which Lusha ignores for companies', async () => {
		await byDomain('search', domains(3), { options: { signalTypes: ['allSignals'] } });
		expect(bodies(SEARCH)[0].signals).toEqual({ types: ['allSignals'] });
	});
});

describe('Company → Enrich', () => {
	it('reveals the extras asked for, each company’s on its own item', async () => {
		const ids = companies()
			.slice(0, 4)
			.map((c) => ctx.sandbox.v3.companyId(c) as string);
		const result = await run('enrich', { reveal: ['employeesByDepartment', 'competitors', 'monthlyWebsiteTraffic'] }, ids.map((id) => ({ id })));
		expect(result.error).toBeUndefined();
		expect(bodies(ENRICH)).toEqual([{ ids, reveal: ['employeesByDepartment', 'competitors', 'monthlyWebsiteTraffic'] }]);
		expect(result.items.map((i) => i.json.id)).toEqual(ids);
		expect(result.items[0].json).toMatchObject({ employeesByDepartment: expect.any(Array), competitors: expect.any(Array), billing: { creditsCharged: expect.any(Number) } });
	});

	it('returns Lusha’s record untouched with Simplify off', async () => {
		const id = ctx.sandbox.v3.companyId(companies()[0]) as string;
		const result = await run('enrich', { simplify: false }, [{ id }]);
		expect(result.items[0].json).toMatchObject({ id, sicCodes: expect.any(Array), naicsCodes: expect.any(Array), employeeCount: expect.any(Object), found: true });
	});
});
