import type { IDataObject, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import { simplifyCompany } from '../../../nodes/Lusha/v2/helpers/simplify';
import { lushaVersion, runNode } from '../../helpers/n8n';
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

	it('Simplify keeps a result’s status fields when Lusha sends them, as for contacts', () => {
		// Documented for contact search-and-enrich results only; a company result that carries them keeps them too.
		const status = { status: 'partial', statusDescription: 'No data found for: competitors', statusReason: 'missing_data_points', dataSource: 'lusha', credits: 1, missingDataPoints: ['competitors'] };
		expect(simplifyCompany({ id: 'v1.x', name: 'Acme', ...status })).toEqual({ id: 'v1.x', name: 'Acme', ...status });
	});

	it('returns Lusha’s record untouched with Simplify off', async () => {
		const id = ctx.sandbox.v3.companyId(companies()[0]) as string;
		const result = await run('enrich', { simplify: false }, [{ id }]);
		expect(result.items[0].json).toMatchObject({ id, sicCodes: expect.any(Array), naicsCodes: expect.any(Array), employeeCount: expect.any(Object), found: true });
	});
});

/** 2.16 company ownership (https://docs.lusha.com/changelog/overview): fixtures 10–39 have a parent, 0–9 are independent. */
describe('Company ownership: directParent and ultimateParent (Lusha 2.16)', () => {
	const PARENTS = ['directParent', 'ultimateParent'];
	const idOf = (n: number) => ctx.sandbox.v3.companyId(companies()[n]) as string;
	const ref = { lushaCompanyId: expect.stringMatching(/^v1\./), name: expect.any(String), domain: expect.any(String), hqCountry: expect.any(String) };

	it('Reveal Extras offers both on Company → Enrich and on Company → Search and Enrich', () => {
		for (const operation of ['enrich', 'searchAndEnrich']) {
			const field = lushaVersion(2).description.properties.find((p) => p.name === 'reveal' && p.displayOptions?.show?.resource?.includes('company') && p.displayOptions?.show?.operation?.includes(operation));
			expect((field?.options as Array<{ value: string }> | undefined)?.map((o) => o.value)).toEqual(expect.arrayContaining([...PARENTS, 'competitors', 'intent']));
		}
	});

	it('Company → Enrich reveals them; Simplify keeps the parent, and null for an independent company; 1 credit per non-null field', async () => {
		const ids = [idOf(12), idOf(0)];
		const result = await run('enrich', { reveal: PARENTS }, ids.map((id) => ({ id })));
		expect(result.error).toBeUndefined();
		expect(bodies(ENRICH)).toEqual([{ ids, reveal: PARENTS }]);
		expect(result.items[0].json).toMatchObject({ id: ids[0], directParent: ref, ultimateParent: ref });
		expect(result.items[1].json).toMatchObject({ id: ids[1], directParent: null, ultimateParent: null });
		// reveal_company 1 each, plus 2 for the owned company's parents, nothing for the independent one's nulls.
		expect(result.items[0].json.billing).toMatchObject({ creditsCharged: 4 });
	});

	it('Company → Search and Enrich sends Reveal Extras in the one call and keeps what they return', async () => {
		const [owned, independent] = [companies()[35], companies()[1]];
		const result = await byDomain('searchAndEnrich', [owned.domain, independent.domain], { payOnlyForMatches: false, reveal: [...PARENTS, 'competitors'] });
		expect(result.error).toBeUndefined();
		expect(bodies(SEARCH_AND_ENRICH)[0]).toMatchObject({ reveal: [...PARENTS, 'competitors'] });
		expect(result.items[0].json).toMatchObject({ directParent: ref, ultimateParent: ref, competitors: expect.any(Array) });
		expect((result.items[0].json.directParent as IDataObject).lushaCompanyId).not.toBe((result.items[0].json.ultimateParent as IDataObject).lushaCompanyId);
		expect(result.items[1].json).toMatchObject({ directParent: null, ultimateParent: null });
	});

	it('Company → Search and Enrich with Pay Only for Matches reveals them in its enrich call', async () => {
		const result = await byDomain('searchAndEnrich', [companies()[20].domain], { reveal: PARENTS });
		expect(result.error).toBeUndefined();
		expect(bodies(ENRICH)).toEqual([{ ids: [idOf(20)], reveal: PARENTS }]);
		expect(result.items[0].json).toMatchObject({ found: true, directParent: ref, ultimateParent: ref });
	});

	it('the credit guard prices each parent at 1 credit: Enrich holds back what could pass Max Credits', async () => {
		// Worst case 3 a company (1 + 2 parents): 8 credits let 2 of 3 go.
		const ids = [idOf(10), idOf(11), idOf(13)];
		const result = await run('enrich', { reveal: PARENTS, options: { maxCredits: 8 } }, ids.map((id) => ({ id })));
		expect(bodies(ENRICH)).toEqual([{ ids: ids.slice(0, 2), reveal: PARENTS }]);
		expect(result.items.map((i) => (i.json.error as IDataObject | undefined)?.code)).toEqual([undefined, undefined, 'CREDIT_BUDGET']);
	});

	it('the credit guard prices Search and Enrich’s Reveal Extras: search fee + 1 per company + 1 per extra', async () => {
		// Worst case 1 (search, up to 25 found) + 3 a company: 7 credits let 2 of 3 go.
		const list = [companies()[14].domain, companies()[15].domain, companies()[16].domain];
		const result = await byDomain('searchAndEnrich', list, { payOnlyForMatches: false, reveal: PARENTS, options: { maxCredits: 7 } });
		expect((bodies(SEARCH_AND_ENRICH)[0].companies as unknown[]).length).toBe(2);
		expect(result.items.map((i) => (i.json.error as IDataObject | undefined)?.code)).toEqual([undefined, undefined, 'CREDIT_BUDGET']);
	});
});
