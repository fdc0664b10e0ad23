import { api, createCredential, createWorkflow, executions, sandbox, state, waitFor } from './client';

describe('the Lusha node in a real n8n workflow', () => {
	it('enriches 250 people in 3 bulk requests, keeping their order', async () => {
		await sandbox('POST', 'reset', {});
		const credentialId = await createCredential('Lusha sandbox (enrich)');
		const people = ((await sandbox('GET', 'state')).body.people as Array<{ email: string }>).slice(0, 200);
		const emails = Array.from({ length: 250 }, (_, i) => people[i % people.length].email);
		const workflowId = await createWorkflow({
			name: 'Enrich 250 people',
			nodes: [
				{ id: 'w', name: 'Receive list', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: '0b1d5d7e-2222-4c3a-9d4e-000000000250', parameters: { httpMethod: 'POST', path: 'enrich-250', responseMode: 'onReceived', options: {} } },
				{ id: 's', name: 'One item per person', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [200, 0], parameters: { fieldToSplitOut: 'body.people', options: {} } },
				{
					id: 'l',
					name: 'Lusha',
					type: 'n8n-nodes-lusha-api.lusha',
					typeVersion: 1,
					position: [400, 0],
					parameters: { resource: 'person', operation: 'enrich', identifyBy: 'email', email: '={{ $json.email }}', simplify: true, options: {} },
					credentials: { lushaApi: { id: credentialId, name: 'Lusha sandbox (enrich)' } },
				},
			],
			connections: { 'Receive list': { main: [[{ node: 'One item per person', type: 'main', index: 0 }]] }, 'One item per person': { main: [[{ node: 'Lusha', type: 'main', index: 0 }]] } },
		});
		expect((await api('POST', `/workflows/${workflowId}/activate`)).status).toBe(200);
		const url = `${state.n8nUrl}/webhook/enrich-250`;
		await waitFor(async () => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"probe":true}' })).status !== 404, 'the webhook');
		// The probe above ran the workflow once with no people; start from a clean count.
		await waitFor(async () => (await executions(workflowId)).length >= 1, 'the probe execution');
		const before = (await sandbox('GET', 'counts')).body['POST /v2/person'] ?? 0;

		const sent = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ people: emails.map((email) => ({ email })) }) });
		expect(sent.status).toBe(200);
		const run = await waitFor(async () => (await executions(workflowId)).find((e) => e.finished && e.data?.resultData?.runData?.Lusha?.[0]?.data?.main?.[0]?.length === 250), '250 enriched items');
		const output = run.data.resultData.runData.Lusha[0].data.main[0] as Array<{ json: { email: string }; pairedItem: { item: number } }>;
		expect(output.map((item) => item.json.email)).toEqual(emails);
		expect(output.map((item) => item.pairedItem.item)).toEqual(emails.map((_, i) => i));
		expect(((await sandbox('GET', 'counts')).body['POST /v2/person'] ?? 0) - before).toBe(3);
		await api('POST', `/workflows/${workflowId}/deactivate`);
	});
});
