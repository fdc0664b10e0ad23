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

describe('the Lusha node version 2 with Data Waterfall jobs in a real n8n workflow', () => {
	it('Enrich waits for a job and merges it; with no wait, Get Enrich Job finishes the contact later', async () => {
		await sandbox('POST', 'reset', {});
		await sandbox('POST', 'config', { waterfallJobWhenNeeded: true, waterfallJobStatuses: ['processing', 'complete'], waterfallJobRetryAfterMs: 200 });
		const credentialId = await createCredential('Lusha sandbox (V3 waterfall)');
		const people = (await sandbox('GET', 'v3')).body.people as Array<{ v3Id: string; lushaPhone: boolean; restricted: boolean }>;
		const usable = people.filter((p) => !p.restricted);
		const ids = [usable.find((p) => p.lushaPhone), usable.find((p) => !p.lushaPhone), usable.filter((p) => p.lushaPhone)[1]].map((p) => (p as { v3Id: string }).v3Id);
		const lusha = (id: string, name: string, x: number, parameters: Record<string, unknown>) => ({
			id,
			name,
			type: 'n8n-nodes-lusha-api.lusha',
			typeVersion: 2,
			position: [x, id === 'a' ? -150 : 150],
			parameters: { resource: 'contact', ...parameters },
			credentials: { lushaApi: { id: credentialId, name: 'Lusha sandbox (V3 waterfall)' } },
		});
		const workflowId = await createWorkflow({
			name: 'Enrich contacts through a Data Waterfall job (V3)',
			nodes: [
				{ id: 'w', name: 'Receive IDs', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: '0b1d5d7e-2222-4c3a-9d4e-000000000304', parameters: { httpMethod: 'POST', path: 'enrich-v3-waterfall', responseMode: 'onReceived', options: {} } },
				{ id: 's', name: 'One item per contact', type: 'n8n-nodes-base.splitOut', typeVersion: 1, position: [200, 0], parameters: { fieldToSplitOut: 'body.contacts', options: {} } },
				lusha('a', 'Enrich and wait', 400, { operation: 'enrich', options: {} }),
				lusha('b', 'Enrich without waiting', 400, { operation: 'enrich', options: { waitForWaterfall: 0 } }),
				lusha('c', 'Get Enrich Job', 600, { operation: 'getEnrichJob', options: { waitForWaterfall: 30 } }),
			],
			connections: {
				'Receive IDs': { main: [[{ node: 'One item per contact', type: 'main', index: 0 }]] },
				'One item per contact': {
					main: [
						[
							{ node: 'Enrich and wait', type: 'main', index: 0 },
							{ node: 'Enrich without waiting', type: 'main', index: 0 },
						],
					],
				},
				'Enrich without waiting': { main: [[{ node: 'Get Enrich Job', type: 'main', index: 0 }]] },
			},
		});
		expect((await api('POST', `/workflows/${workflowId}/activate`)).status).toBe(200);
		const url = `${state.n8nUrl}/webhook/enrich-v3-waterfall`;
		await waitFor(async () => (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"contacts":[]}' })).status !== 404, 'the webhook');
		await waitFor(async () => (await executions(workflowId)).length >= 1, 'the probe execution');

		const sent = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ contacts: ids.map((id) => ({ id })) }) });
		expect(sent.status).toBe(200);
		const run = await waitFor(async () => (await executions(workflowId)).find((e) => e.finished && e.data?.resultData?.runData?.['Get Enrich Job']?.[0]?.data?.main?.[0]?.length === ids.length), 'the finished job');
		const runData = run.data.resultData.runData;
		type Out = Array<{ json: Record<string, any>; pairedItem: { item: number } }>;
		const waited = runData['Enrich and wait'][0].data.main[0] as Out;
		expect(waited.map((item) => [item.pairedItem.item, item.json.id, item.json.found])).toEqual(ids.map((id, i) => [i, id, true]));
		expect(waited[1].json).toMatchObject({ phone: expect.any(String), waterfall: { status: 'complete' }, billing: { waterfallCreditsCharged: expect.any(Number) } });
		expect(waited[1].json.billing.waterfallCreditsCharged).toBeGreaterThan(0);

		const early = runData['Enrich without waiting'][0];
		expect((early.data.main[0] as Out)[1].json).toMatchObject({ id: ids[1], found: false, waterfall: { status: 'processing', jobId: expect.any(String) } });
		expect((early.hints ?? []).map((hint: { message: string }) => hint.message)).toContainEqual(expect.stringContaining('Get Enrich Job'));
		const finished = runData['Get Enrich Job'][0].data.main[0] as Out;
		expect(finished.map((item) => [item.pairedItem.item, item.json.id, item.json.found])).toEqual(ids.map((id, i) => [i, id, true]));
		expect(finished[1].json).toMatchObject({ phone: expect.any(String), waterfall: { status: 'complete' }, billing: { creditsCharged: expect.any(Number) } });
		await api('POST', `/workflows/${workflowId}/deactivate`);
		await sandbox('POST', 'reset', {});
	});
});
