import fs from 'node:fs';
import path from 'node:path';

import { api, createCredential, createWorkflow, executions, sandbox, state, waitFor } from './client';
import type { WorkflowNode } from '../helpers/types';


const OWNER = 'user@example.com';

/**
 * The Monday account-scoring example, run for real: the schedule becomes a webhook (so the test can
 * start it), the Lusha nodes get the sandbox credential, and the table comes from the request.
 */
function accountScoringWorkflow(credentialId: string) {
	const example = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../examples/monday-account-scoring.json'), 'utf8'));
	const nodes = example.nodes as WorkflowNode[];
	const trigger = nodes.find((node) => node.type === 'n8n-nodes-base.scheduleTrigger') as WorkflowNode;
	const connections = { ...example.connections, Start: example.connections[trigger.name] };
	delete connections[trigger.name];
	const webhook: WorkflowNode = {
		id: trigger.id,
		name: 'Start',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: trigger.position,
		webhookId: '5c0a8e2e-7f61-4d3a-a7c4-000000000714',
		parameters: { httpMethod: 'POST', path: 'account-scoring', responseMode: 'onReceived', options: {} },
	};
	const lushaNodes = nodes
		.filter((node) => node !== trigger)
		.map((node) => (node.type === 'n8n-nodes-lusha-api.lusha' ? { ...node, credentials: { lushaApi: { id: credentialId, name: 'Lusha sandbox (scoring)' } } } : node));
	const table = lushaNodes.find((node) => node.parameters.resource === 'table') as WorkflowNode;
	table.parameters = { ...table.parameters, ownerEmail: OWNER, tableId: { __rl: true, mode: 'id', value: "={{ $('Start').first().json.body.tableId }}" } };
	return { name: 'Monday account scoring (e2e)', nodes: [webhook, ...lushaNodes], connections, settings: example.settings };
}

async function createTable(name: string): Promise<string> {
	const response = await fetch(`${state.sandboxUrl}/v3/contacts/tables`, {
		method: 'POST',
		headers: { api_key: state.sandboxApiKey, 'content-type': 'application/json' },
		body: JSON.stringify({ name, owner: { email: OWNER } }),
	});
	const body = (await response.json()) as { data: { tableId: string } };
	return body.data.tableId;
}

const outputOf = (run: any, node: string) => (run.data.resultData.runData[node]?.[0]?.data?.main?.[0] ?? []) as Array<{ json: Record<string, any> }>;

describe('the Monday account-scoring workflow in real n8n', () => {
	it('prospects companies, scores them, finds the buying group of those above 0.7 and saves it to a Table', async () => {
		await sandbox('POST', 'reset', {});
		const credentialId = await createCredential('Lusha sandbox (scoring)');
		const workflowId = await createWorkflow(accountScoringWorkflow(credentialId));
		expect((await api('POST', `/workflows/${workflowId}/activate`)).status).toBe(200);
		const url = `${state.n8nUrl}/webhook/account-scoring`;
		// The probe runs the workflow once without a table: it stops at the last node, before any table exists.
		await waitFor(async () => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status !== 404, 'the webhook');
		await waitFor(async () => (await executions(workflowId)).some((e) => e.finished || e.status === 'error'), 'the probe execution');
		await sandbox('POST', 'reset', {});
		const probeIds = new Set((await executions(workflowId)).map((e) => e.id));

		const tableId = await createTable('SDR hot accounts');
		const sent = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tableId }) });
		expect(sent.status).toBe(200);
		const run = await waitFor(async () => (await executions(workflowId)).find((e) => !probeIds.has(e.id) && (e.finished || e.status === 'error')), 'the scoring run');
		expect(run.data.resultData.error).toBeUndefined();
		expect(run.status).toBe('success');

		const accounts = outputOf(run, 'Find target accounts');
		const scored = outputOf(run, 'Score accounts by signals');
		const hot = outputOf(run, 'Hot accounts (above 0.7)');
		const people = outputOf(run, 'People found');
		const saved = outputOf(run, 'Add to the SDR table');
		expect(accounts.length).toBeGreaterThan(0);
		expect(scored.map((i) => i.json.id)).toEqual(accounts.map((i) => i.json.id));
		expect(hot.length).toBeGreaterThan(0);
		expect(hot.length).toBeLessThan(scored.length);
		expect(hot.every((i) => i.json.signalScore > 0.7)).toBe(true);
		expect(people.length).toBeGreaterThan(0);
		expect(people.every((i) => (i.json.roles as string[]).some((role) => role === 'decision_maker' || role === 'potential_champion'))).toBe(true);
		expect(saved.map((i) => i.json.status)).toEqual(people.map(() => 'inTable'));

		const v3 = (await sandbox('GET', 'v3')).body as { tables: Array<{ tableId: string; entityIds: string[] }> };
		const table = v3.tables.find((t) => t.tableId === tableId);
		expect(new Set(table?.entityIds)).toEqual(new Set(people.map((i) => i.json.id)));

		const counts = (await sandbox('GET', 'counts')).body as Record<string, number>;
		expect(counts['POST /v3/companies/signal-score']).toBe(Math.ceil(accounts.length / 100));
		expect(counts['POST /v3/contacts/buying-group']).toBe(Math.ceil(hot.length / 25));
		expect(counts['POST /v3/contacts/tables/:tableId/entities']).toBe(Math.ceil(people.length / 500));
		await api('POST', `/workflows/${workflowId}/deactivate`);
	});
});
