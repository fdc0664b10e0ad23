import { api, createCredential, createWorkflow, executions, rest, sandbox, state, waitFor } from './client';

type Node = Record<string, unknown>;

/** A workflow started by a webhook, then the given Lusha nodes one after another; runs it once and returns each node's output. */
async function runChain(name: string, path: string, body: unknown, lushaNodes: Array<{ name: string; typeVersion: number; parameters: Record<string, unknown>; executeOnce?: boolean }>) {
	const credentialId = await createCredential(`Lusha sandbox (${name})`);
	const nodes: Node[] = [
		{ id: 'w', name: 'Start', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: `0b1d5d7e-3333-4c3a-9d4e-${String(Math.floor(Math.random() * 1e12)).padStart(12, '0')}`, parameters: { httpMethod: 'POST', path, responseMode: 'onReceived', options: {} } },
		...lushaNodes.map((node, index) => ({
			id: `l${index}`,
			name: node.name,
			type: 'n8n-nodes-lusha-api.lusha',
			typeVersion: node.typeVersion,
			position: [200 * (index + 1), 0],
			parameters: node.parameters,
			alwaysOutputData: true,
			...(node.executeOnce ? { executeOnce: true } : {}),
			credentials: { lushaApi: { id: credentialId, name: `Lusha sandbox (${name})` } },
		})),
	];
	const names = ['Start', ...lushaNodes.map((node) => node.name)];
	const connections = Object.fromEntries(names.slice(0, -1).map((from, i) => [from, { main: [[{ node: names[i + 1], type: 'main', index: 0 }]] }]));
	const workflowId = await createWorkflow({ name, nodes, connections });
	expect((await api('POST', `/workflows/${workflowId}/activate`)).status).toBe(200);
	const url = `${state.n8nUrl}/webhook/${path}`;
	await waitFor(async () => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).status === 200, 'the webhook');
	const last = names[names.length - 1];
	const run = await waitFor(async () => (await executions(workflowId)).find((e) => e.finished && e.data?.resultData?.runData?.[last]), `a finished run of "${name}"`);
	await api('POST', `/workflows/${workflowId}/deactivate`);
	const runData = run.data.resultData.runData as Record<string, Array<{ data?: { main: Array<Array<{ json: Record<string, any> }>> }; error?: unknown }>>;
	return Object.fromEntries(names.slice(1).map((node) => [node, { items: (runData[node]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json), error: runData[node]?.[0]?.error }]));
}

describe('the two versions of the Lusha node in real n8n', () => {
	beforeEach(async () => {
		await sandbox('POST', 'reset', {});
	});

	it('offers version 2 as the default for new nodes, keeps version 1, and both are AI-agent tools', async () => {
		const types = (await rest('GET', '/types/nodes.json')).body as Array<{ name: string; version: number | number[]; defaultVersion?: number }>;
		const lusha = types.filter((t) => t.name === 'n8n-nodes-lusha-api.lusha');
		const versions = lusha.flatMap((t) => (Array.isArray(t.version) ? t.version : [t.version])).sort();
		expect(versions).toEqual([1, 2]);
		expect(lusha.every((t) => t.defaultVersion === 2)).toBe(true);
		const tool = types.filter((t) => t.name === 'n8n-nodes-lusha-api.lushaTool');
		expect(tool.flatMap((t) => (Array.isArray(t.version) ? t.version : [t.version])).sort()).toEqual([1, 2]);
	});

	it('runs a saved version 1 workflow exactly as before (API v2 paths)', async () => {
		const person = ((await sandbox('GET', 'state')).body.people as Array<{ email: string; fullName: string }>)[3];
		const out = await runChain('Saved v1 workflow', 'saved-v1', { email: person.email }, [
			{ name: 'Enrich (v1)', typeVersion: 1, parameters: { resource: 'person', operation: 'enrich', identifyBy: 'email', email: '={{ $json.body.email }}', simplify: true, options: {} } },
			{ name: 'Usage (v1)', typeVersion: 1, executeOnce: true, parameters: { resource: 'account', operation: 'getUsage' } },
		]);
		expect(out['Enrich (v1)'].error).toBeUndefined();
		expect(out['Enrich (v1)'].items).toEqual([expect.objectContaining({ email: person.email, fullName: person.fullName })]);
		expect(out['Usage (v1)'].items).toHaveLength(1);
		const paths = ((await sandbox('GET', 'requests')).body as Array<{ key: string }>).map((r) => r.key);
		expect(paths).toEqual(expect.arrayContaining(['GET /v2/person', 'GET /account/usage']));
		expect(paths.some((key) => key.includes('/v3/'))).toBe(false);
	});

	it('runs every version 2 resource against API V3: contact, company, table, filter, webhook subscription, audit log, account', async () => {
		const people = (await sandbox('GET', 'state')).body.people as Array<{ email: string }>;
		const out = await runChain('Every v2 resource', 'every-v2', { email: people[5].email }, [
			{ name: 'Contact', typeVersion: 2, parameters: { resource: 'contact', operation: 'search', identifyBy: 'email', email: '={{ $json.body.email }}' } },
			{ name: 'Company', typeVersion: 2, executeOnce: true, parameters: { resource: 'company', operation: 'search', identifyBy: 'domain', domain: '={{ $json.companyDomain || $json.company?.domain || "acmelabs.example" }}' } },
			{ name: 'Filter', typeVersion: 2, executeOnce: true, parameters: { resource: 'filter', operation: 'getContactFilterValues', filterType: 'departments' } },
			{ name: 'Table', typeVersion: 2, executeOnce: true, parameters: { resource: 'table', operation: 'create', tableType: 'contacts', ownerEmail: 'owner@example.com', name: 'From n8n v2' } },
			{ name: 'Subscriptions', typeVersion: 2, executeOnce: true, parameters: { resource: 'subscription', operation: 'getMany', returnAll: true } },
			{ name: 'Audit Log', typeVersion: 2, executeOnce: true, parameters: { resource: 'auditLog', operation: 'getStats' } },
			{ name: 'Account', typeVersion: 2, executeOnce: true, parameters: { resource: 'account', operation: 'getUsage' } },
		]);
		for (const [node, result] of Object.entries(out)) {
			expect({ node, error: result.error }).toEqual({ node, error: undefined });
		}
		expect(out.Contact.items).toEqual([expect.objectContaining({ found: true })]);
		expect(out.Filter.items.length).toBeGreaterThan(0);
		expect(out.Table.items).toEqual([expect.objectContaining({ name: 'From n8n v2' })]);
		expect(out['Audit Log'].items).toHaveLength(1);
		expect(out.Account.items).toHaveLength(1);
		const paths = ((await sandbox('GET', 'requests')).body as Array<{ key: string }>).map((r) => r.key);
		expect(paths).toEqual(
			expect.arrayContaining([
				'POST /v3/contacts/search',
				'POST /v3/companies/search',
				'GET /v3/contacts/prospecting/filters/:filterType',
				'POST /v3/contacts/tables',
				'GET /api/subscriptions',
				'GET /api/audit-logs/stats',
				'GET /v3/account/usage',
			]),
		);
		expect(paths.some((key) => key.startsWith('GET /v2/') || key.startsWith('POST /v2/') || key === 'GET /account/usage')).toBe(false);
	});
});
