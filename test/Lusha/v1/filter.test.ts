import type { ILoadOptionsFunctions } from 'n8n-workflow';

import type { LushaV1 } from '../../../nodes/Lusha/v1/LushaV1.node';
import { FILTER_ENDPOINTS } from '../../../nodes/Lusha/v1/helpers/filterEndpoints';
import { loadOptionsContext, lushaVersion, runNode } from '../../helpers/n8n';
import { useSandbox } from '../../helpers/sandbox';

const ctx = useSandbox();
const node = lushaVersion(1) as LushaV1;

describe('Filter lists', () => {
	it.each(FILTER_ENDPOINTS.map((f) => [f.value, f]))('%s returns Lusha’s list, one item per entry', async (_name, endpoint) => {
		const result = await runNode({
			credential: ctx.credential,
			parameters: { resource: 'filter', operation: endpoint.value, ...(endpoint.searchable ? { searchText: 'a' } : {}) },
		});
		expect(result.error).toBeUndefined();
		expect(result.items.length).toBeGreaterThan(0);
		const [request] = ctx.sandbox.state.requests;
		expect(request.path).toBe(endpoint.path);
		expect(request.method).toBe(endpoint.searchable ? 'POST' : 'GET');
		if (endpoint.searchable) expect(request.body).toEqual({ text: 'a' });
	});

	it('every filter list is an operation in the dropdown', () => {
		const operation = node.description.properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.[0] === 'filter');
		expect((operation?.options ?? []).map((o) => (o as { value: string }).value)).toEqual(FILTER_ENDPOINTS.map((f) => f.value));
		expect(FILTER_ENDPOINTS.filter((f) => f.entity === 'contact')).toHaveLength(5);
		expect(FILTER_ENDPOINTS.filter((f) => f.entity === 'company')).toHaveLength(9);
	});

	it('asks for search text on the text-search lists, naming the item', async () => {
		const result = await runNode({ credential: ctx.credential, parameters: { resource: 'filter', operation: 'companyNames', searchText: '  ' } });
		expect(result.error?.message).toBe('Search Text is empty (item 0)');
		expect(ctx.sandbox.state.requests).toHaveLength(0);
	});
});

describe('Dropdowns and pickers in the editor', () => {
	const load = (method: keyof typeof node.methods.loadOptions, parameters = {}) =>
		node.methods.loadOptions[method].call(loadOptionsContext(ctx.credential, parameters) as unknown as ILoadOptionsFunctions);

	it('loads prospecting dropdowns from Lusha’s filter lists', async () => {
		expect(await load('getContactSeniority')).toContainEqual({ name: 'Vice president', value: 8 });
		expect(await load('getCompanySizes')).toContainEqual({ name: '51–200 employees', value: JSON.stringify({ min: 51, max: 200 }) });
		expect(await load('getCompanySubIndustries')).toContainEqual({ name: 'Technology, Information & Media › Software Development', value: 101 });
		expect((await load('getContactDepartments')).map((o) => o.value)).toContain('Sales');
	});

	it('loads signal types live, All Signals first, and falls back to the catalogue when Signals are not on the plan', async () => {
		const live = await load('getSignalTypes', { entityType: 'company' });
		expect(live[0]).toEqual({ name: 'All Signals', value: 'allSignals' });
		expect(live.map((o) => o.value)).toContain('surgeInHiringByLocation');
		ctx.sandbox.configure({ signalsOnPlan: false });
		const fallback = await load('getSignalTypes', { entityType: 'contact' });
		expect(fallback.map((o) => o.value)).toEqual(['allSignals', 'companyChange', 'promotion']);
	});

	it('searches company names and locations as the user types', async () => {
		const context = loadOptionsContext(ctx.credential, {}) as unknown as ILoadOptionsFunctions;
		const names = await node.methods.listSearch.searchCompanyNames.call(context, 'acme l');
		expect(names.results).toEqual([
			{ name: 'Acme Labs', value: 'Acme Labs', description: 'www.acmelabs.example' },
			{ name: 'Acme Logistics', value: 'Acme Logistics', description: 'www.acmelogistics.example' },
		]);
		const places = await node.methods.listSearch.searchContactLocations.call(context, 'berlin');
		expect(JSON.parse(String(places.results[0].value))).toMatchObject({ city: 'Berlin', country: 'Germany' });
		expect((await node.methods.listSearch.searchTechnologies.call(context, '')).results).toEqual([]);
	});
});
