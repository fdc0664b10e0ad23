import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import type { LushaV2 } from '../../../nodes/Lusha/v2/LushaV2.node';
import { CATALOGUES } from '../../../nodes/Lusha/v2/families/prospecting/catalogues';
import { loadOptionsContext, lushaVersion, runNode } from '../../helpers/n8n';
import { useSandbox } from '../../helpers/sandbox';

const ctx = useSandbox();
const node = lushaVersion(2) as LushaV2;

const run = (operation: string, parameters: IDataObject = {}, extra: { items?: IDataObject[]; continueOnFail?: boolean } = {}) =>
	runNode({ credential: ctx.credential, typeVersion: 2, parameters: { resource: 'filter', operation, ...parameters }, ...extra });

const VALUE_OPERATIONS: Record<string, string> = {
	'/v3/contacts/prospecting/filters': 'getContactFilterValues',
	'/v3/companies/prospecting/filters': 'getCompanyFilterValues',
	'/v3/companies/signals/filters': 'getCompanySignalFilterValues',
};
/** A search text each searched catalogue has answers for in the sandbox. */
const QUERY: Record<string, string> = { locations: 'germ', names: 'acme', technologies: 'sales', hiringByLocations: 'germ' };

describe('Filter resource', () => {
	it.each([
		['getContactFilterTypes', '/v3/contacts/prospecting/filters'],
		['getCompanyFilterTypes', '/v3/companies/prospecting/filters'],
		['getCompanySignalFilterTypes', '/v3/companies/signals/filters'],
	])('%s lists the filter types, one item each, saying which need a query', async (operation, path) => {
		const result = await run(operation);
		expect(result.error).toBeUndefined();
		expect(ctx.sandbox.state.requests.map((r: IDataObject) => r.path)).toEqual([path]);
		const listed = result.items.map((i) => i.json);
		expect(listed.length).toBeGreaterThan(0);
		// Every type Lusha lists is one the Filter Values operation offers, with the same query rule.
		for (const entry of listed) {
			expect(CATALOGUES).toContainEqual(expect.objectContaining({ base: path, filterType: entry.filterType, requiresQuery: entry.requiresQuery }));
		}
		expect(result.items[0].pairedItem).toEqual({ item: 0 });
	});

	it.each(CATALOGUES.map((c) => [`${c.base}/${c.filterType}`, c]))('lists the values of %s, one item each', async (_name, entry) => {
		const result = await run(VALUE_OPERATIONS[entry.base], { filterType: entry.filterType, query: QUERY[entry.filterType] ?? '' });
		expect(result.error).toBeUndefined();
		expect(result.items.length).toBeGreaterThan(0);
		const [request] = ctx.sandbox.state.requests;
		expect(request.path).toBe(`${entry.base}/${entry.filterType}`);
		// The query goes only where Lusha requires it: intentCategories answers 400 to one.
		expect(request.query).toEqual(entry.requiresQuery ? { query: QUERY[entry.filterType] } : {});
		for (const item of result.items) expect(typeof item.json).toBe('object');
	});

	it('shows plain-text values as { value }', async () => {
		const result = await run('getContactFilterValues', { filterType: 'departments' });
		expect(result.items.map((i) => i.json)).toContainEqual({ value: 'Sales' });
	});

	it('asks for a query of at least 2 characters on the searched types, naming the item, and sends nothing', async () => {
		const result = await run('getCompanyFilterValues', { filterType: 'names', query: '={{ $json.q }}' }, { items: [{ q: 'acme' }, { q: 'a' }], continueOnFail: true });
		expect(result.items.filter((i) => i.json.error)).toEqual([{ json: expect.objectContaining({ error: 'Query must be 2 to 256 characters long, not 1 (item 1)' }), pairedItem: { item: 1 } }]);
		expect(ctx.sandbox.count('GET /v3/companies/prospecting/filters/:filterType')).toBe(1);
		expect(result.items.filter((i) => !i.json.error).every((i) => String(i.json.name).toLowerCase().includes('acme'))).toBe(true);
	});

	it.each([
		['getContactSignalTypes', '/v3/contacts/signals/types', ['allSignals', 'promotion', 'companyChange']],
		['getCompanySignalTypes', '/v3/companies/signals/types', ['allSignals', 'linkedinActivityIntent', 'surgeInHiring']],
	])('%s lists the signal types, one item each', async (operation, path, some) => {
		const result = await run(operation);
		expect(result.error).toBeUndefined();
		expect(ctx.sandbox.state.requests[0].path).toBe(path);
		expect(result.items.map((i) => i.json.signalType)).toEqual(expect.arrayContaining(some as string[]));
	});

	it('every Filter operation of the dropdown runs', () => {
		const operation = node.description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.[0] === 'filter');
		expect((operation?.options ?? []).map((o) => (o as { value: string }).value).sort()).toEqual(
			['getCompanyFilterTypes', 'getCompanyFilterValues', 'getCompanySignalFilterTypes', 'getCompanySignalFilterValues', 'getCompanySignalTypes', 'getContactFilterTypes', 'getContactFilterValues', 'getContactSignalTypes'].sort(),
		);
	});
});

describe('V3 dropdowns and pickers in the editor', () => {
	type Method = keyof typeof node.methods.loadOptions;
	const load = async (method: string, parameters: IDataObject = {}) =>
		await node.methods.loadOptions[method as Method].call(loadOptionsContext(ctx.credential, { resource: 'contact', operation: 'prospect', ...parameters }, 'parameters.x', 2) as unknown as ILoadOptionsFunctions);
	const search = async (method: string, text: string) =>
		(await (node.methods.listSearch as Record<string, (this: ILoadOptionsFunctions, filter?: string) => Promise<INodeListSearchResult>>)[method].call(
			loadOptionsContext(ctx.credential, { resource: 'contact', operation: 'prospect' }, 'parameters.x', 2) as unknown as ILoadOptionsFunctions,
			text,
		)).results;

	it('every dropdown and picker a prospecting or signal field names exists', () => {
		const named = new Set<string>();
		const walk = (value: unknown) => {
			if (Array.isArray(value)) value.forEach(walk);
			else if (value && typeof value === 'object') {
				const record = value as IDataObject;
				const typeOptions = record.typeOptions as IDataObject | undefined;
				if (typeOptions?.loadOptionsMethod) named.add(`loadOptions:${typeOptions.loadOptionsMethod as string}`);
				if (typeOptions?.searchListMethod) named.add(`listSearch:${typeOptions.searchListMethod as string}`);
				Object.values(record).forEach(walk);
			}
		};
		walk(node.description.properties);
		for (const name of named) {
			const [kind, method] = name.split(':');
			expect([name, typeof (node.methods as unknown as Record<string, Record<string, unknown>>)[kind][method]]).toEqual([name, 'function']);
		}
		expect(named.size).toBeGreaterThan(15);
	});

	it('seniority dropdown gives integers, countries ISO-2 codes, sizes merged ranges', async () => {
		const seniority = await load('getContactSeniorities');
		expect(seniority).toContainEqual({ name: 'Vice President', value: 8 });
		expect(seniority.every((o) => typeof o.value === 'number')).toBe(true);
		const countries = await load('getContactCountries');
		expect(countries).toContainEqual({ name: 'United States', value: 'US', description: 'US' });
		expect(countries.every((o) => /^[A-Z]{2}$/.test(String(o.value)))).toBe(true);
		expect(await load('getCompanySizes')).toContainEqual({ name: '51–200 employees', value: JSON.stringify({ min: 51, max: 200 }) });
		expect(await load('getCompanySizes')).toContainEqual({ name: '10,001+ employees', value: JSON.stringify({ min: 10001 }) });
		expect((await load('getContactDataPoints')).map((o) => o.value)).not.toContain('work_phone');
		expect(await load('getCompanySics')).toContainEqual({ name: '7372 – Prepackaged Software', value: '7372' });
	});

	it('industry dropdowns: 17 main industries without IDs 2, 4 and 20, and 132 sub-industries named with their industry', async () => {
		const main = await load('getCompanyMainIndustries');
		expect(main).toHaveLength(17);
		expect(main.map((o) => o.value)).not.toEqual(expect.arrayContaining([2]));
		expect(main.map((o) => o.value).filter((v) => [2, 4, 20].includes(v as number))).toEqual([]);
		const subs = await load('getCompanySubIndustries');
		expect(subs).toHaveLength(132);
		expect(subs).toContainEqual({ name: 'Technology, Information & Media › Software Development', value: 101 });
		expect((await load('getCompanyIndustryLabels')).map((o) => o.value)).toContain('Financial Services');
	});

	it('signal filter dropdowns load from the company signal catalogues', async () => {
		expect((await load('getIntentCategories')).map((o) => o.value)).toContain('Technology');
		expect((await load('getNewsEventTypes')).map((o) => o.value)).toContain('Funding Round');
		expect((await load('getHiringDepartments')).map((o) => o.value)).toContain('Engineering & Technical');
	});

	it('signal types load live, All Signals first, and fall back to the catalogue when Signals are not on the plan', async () => {
		const company = await load('getCompanySignalTypes');
		expect(company[0]).toEqual({ name: 'All Signals', value: 'allSignals' });
		expect(company.map((o) => o.value)).toContain('linkedinActivityIntent');
		expect(ctx.sandbox.state.requests.map((r: IDataObject) => r.path)).toEqual(['/v3/companies/signals/types']);
		ctx.sandbox.configure({ v3Enabled: false });
		expect((await load('getContactSignalTypes')).map((o) => o.value)).toEqual(['allSignals', 'companyChange', 'promotion']);
	});

	it('pickers search Lusha as the user types, with ?query=, and wait for 2 characters', async () => {
		expect(await search('searchCompanyNames', 'a')).toEqual([]);
		expect(ctx.sandbox.state.requests).toHaveLength(0);
		const names = await search('searchCompanyNames', 'acme');
		expect(names.length).toBeGreaterThan(0);
		expect(names.every((r) => r.name.toLowerCase().includes('acme'))).toBe(true);
		expect(ctx.sandbox.state.requests[0].query).toEqual({ query: 'acme' });
		const locations = await search('searchContactLocations', 'berlin');
		expect(locations).toContainEqual({ name: 'Berlin, Germany, Europe', value: JSON.stringify({ continent: 'Europe', countryGrouping: 'EMEA', country: 'Germany', state: 'Berlin', city: 'Berlin' }) });
		expect(locations.every((r) => !String(r.value).includes('countryIso2'))).toBe(true);
		expect((await search('searchTechnologies', 'sales')).map((r) => r.value)).toEqual(['Salesforce']);
		expect((await search('searchCompanyLocations', 'germ')).map((r) => JSON.parse(String(r.value)).country)).toContain('Germany');
	});
});
