import { api, createCredential, createWorkflow, executions, sandbox, state, waitFor } from './client';

describe('the Lusha node version 2 (API V3) in a real n8n workflow', () => {
	it('searches and enriches 150 contacts in 2 bulk calls within a credit budget, with the spend as a hint', async () => {
		await sandbox('POST', 'reset', {});
		const credentialId = await createCredential('Lusha sandbox (V3 enrich)');
		const people = ((await sandbox('GET', 'state')).body.people as Array<{ email: string }>).slice(0, 150);
		const emails = [...people.map((p) => p.email), 'nobody@unknown.example'];
		const workflowId = await createWorkflow({
			name: 'Search and enrich 150 contacts (V3)',
			nodes: [
				{ id: 'w', name: 'Receive list', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: '0b1d5d7e-2222-4c3a-9d4e-000000000303', parameters: { httpMethod: 'POST', path: 'enrich-v3', responseMode: 'onReceived', options: {} } },
				{ id: 's', name: 'One item per contact', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [200, 0], parameters: { fieldToSplitOut: 'body.people', options: {} } },
				{
					id: 'l',
					name: 'Lusha',
					type: 'n8n-nodes-lusha-api.lusha',
					typeVersion: 2,
					position: [400, 0],
					parameters: { resource: 'contact', operation: 'searchAndEnrich', identifyBy: 'email', email: '={{ $json.email }}', reveal: ['emails'], payOnlyForMatches: false, options: { maxCredits: 100000 } },
					credentials: { lushaApi: { id: credentialId, name: 'Lusha sandbox (V3 enrich)' } },
				},
			],
			connections: { 'Receive list': { main: [[{ node: 'One item per contact', type: 'main', index: 0 }]] }, 'One item per contact': { main: [[{ node: 'Lusha', type: 'main', index: 0 }]] } },
		});
		expect((await api('POST', `/workflows/${workflowId}/activate`)).status).toBe(200);
		const url = `${state.n8nUrl}/webhook/enrich-v3`;
		await waitFor(async () => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"probe":true}' })).status !== 404, 'the webhook');
		await waitFor(async () => (await executions(workflowId)).length >= 1, 'the probe execution');
		const before = (await sandbox('GET', 'counts')).body['POST /v3/contacts/search-and-enrich'] ?? 0;

		const sent = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ people: emails.map((email) => ({ email })) }) });
		expect(sent.status).toBe(200);
		const run = await waitFor(async () => (await executions(workflowId)).find((e) => e.finished && e.data?.resultData?.runData?.Lusha?.[0]?.data?.main?.[0]?.length === emails.length), 'the enriched items');
		const task = run.data.resultData.runData.Lusha[0];
		const output = task.data.main[0] as Array<{ json: { email: string; found: boolean; error?: { code: string } }; pairedItem: { item: number } }>;
		expect(output.map((item) => item.json.email)).toEqual(emails);
		expect(output.map((item) => item.pairedItem.item)).toEqual(emails.map((_, i) => i));
		expect(output[emails.length - 1].json).toMatchObject({ found: false, error: { code: 'NOT_FOUND' } });
		expect(((await sandbox('GET', 'counts')).body['POST /v3/contacts/search-and-enrich'] ?? 0) - before).toBe(2);
		expect((task.hints ?? []).map((hint: { message: string }) => hint.message)).toContainEqual(expect.stringMatching(/^This execution spent \d+ Lusha credits \(2 Lusha calls\)\.$/));
		await api('POST', `/workflows/${workflowId}/deactivate`);
	});

	it('Prospect Return All gets every contact when Lusha serves 50 a page, whatever size is asked', async () => {
		await sandbox('POST', 'reset', {});
		// As Lusha: at most 50 a page (https://docs.lusha.com/faq/api), reported in pagination.size.
		await sandbox('POST', 'config', { pageSizeClamp: 50, syntheticProspects: 480 });
		const credentialId = await createCredential('Lusha sandbox (V3 prospect)');
		const workflowId = await createWorkflow({
			name: 'Prospect every manager (V3, served 50 a page)',
			nodes: [
				{ id: 'w', name: 'Start', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: '0b1d5d7e-2222-4c3a-9d4e-000000000304', parameters: { httpMethod: 'POST', path: 'prospect-v3', responseMode: 'onReceived', options: {} } },
				{
					id: 'l',
					name: 'Lusha',
					type: 'n8n-nodes-lusha-api.lusha',
					typeVersion: 2,
					position: [200, 0],
					parameters: { resource: 'contact', operation: 'prospect', returnAll: true, size: 100, contactFilters: { jobTitles: 'Manager' } },
					credentials: { lushaApi: { id: credentialId, name: 'Lusha sandbox (V3 prospect)' } },
				},
			],
			connections: { Start: { main: [[{ node: 'Lusha', type: 'main', index: 0 }]] } },
		});
		expect((await api('POST', `/workflows/${workflowId}/activate`)).status).toBe(200);
		const url = `${state.n8nUrl}/webhook/prospect-v3`;
		await waitFor(async () => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status !== 404, 'the webhook');
		const run = await waitFor(async () => (await executions(workflowId)).find((e) => e.finished && e.data?.resultData?.runData?.Lusha?.[0]?.data?.main?.[0]?.length), 'the prospected items');
		const output = run.data.resultData.runData.Lusha[0].data.main[0] as Array<{ json: { id: string; nextPage?: number } }>;
		expect(output).toHaveLength(480);
		expect(new Set(output.map((item) => item.json.id)).size).toBe(480);
		expect(output.some((item) => item.json.nextPage !== undefined)).toBe(false);
		const requests = (await sandbox('GET', 'requests')).body as Array<{ key: string; statusCode: number; body: { pagination: { page: number; size: number } } }>;
		const pages = requests.filter((r) => r.key === 'POST /v3/contacts/prospecting' && r.statusCode === 200).map((r) => r.body.pagination.page);
		expect(pages.sort((a, b) => a - b)).toEqual(Array.from({ length: Math.ceil(480 / 50) }, (_, i) => i));
		await api('POST', `/workflows/${workflowId}/deactivate`);
		await sandbox('POST', 'reset', {});
	});
});
