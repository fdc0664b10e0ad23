/**
 * A version-2 Lusha node dropped after the Lusha Trigger, with nothing filled in but the operation,
 * runs in real n8n: its Lusha Contact IDs default picks the trigger's `personId`.
 */
import { api, createCredential, createWorkflow, executions, sandbox, waitFor } from './client';

const WEBHOOK_ID = '3d4c2b1a-0f9e-4d8c-b7a6-000000000a71';

describe('a new Lusha node after the trigger, with its defaults', () => {
	let workflowId: string;

	afterAll(async () => {
		if (workflowId) await api('POST', `/workflows/${workflowId}/deactivate`);
	});

	it('Contact → Enrich enriches the person of a delivered signal', async () => {
		await sandbox('POST', 'reset', {});
		const credentialId = await createCredential('Lusha sandbox (after trigger)');
		const credentials = { lushaApi: { id: credentialId, name: 'Lusha sandbox (after trigger)' } };
		workflowId = await createWorkflow({
			name: 'New Lusha node after the trigger',
			nodes: [
				{
					id: 't',
					name: 'Lusha Trigger',
					type: 'n8n-nodes-lusha-api.lushaTrigger',
					typeVersion: 1,
					position: [0, 0],
					webhookId: WEBHOOK_ID,
					parameters: { entityType: 'contact', entityIds: '1000002', signalTypes: ['promotion'], options: {} },
					credentials,
				},
				// As dropped from the panel: version 2, Contact → Enrich, nothing else set.
				{ id: 'l', name: 'Lusha', type: 'n8n-nodes-lusha-api.lusha', typeVersion: 2, position: [220, 0], parameters: { resource: 'contact', operation: 'enrich' }, credentials },
			],
			connections: { 'Lusha Trigger': { main: [[{ node: 'Lusha', type: 'main', index: 0 }]] } },
		});
		expect((await api('POST', `/workflows/${workflowId}/activate`)).status).toBe(200);
		await waitFor(async () => ((await sandbox('GET', 'subscriptions')).body as Array<{ url: string }>).some((s) => s.url.includes(WEBHOOK_ID)), 'the subscription');
		const sent = await sandbox('POST', 'send-signal', { signalType: 'promotion', entityId: '1000002' });
		expect(sent.body.answer.statusCode).toBe(201);
		const run = await waitFor(async () => (await executions(workflowId)).find((r) => r.finished || r.status === 'error'), 'the run');
		expect(run.data.resultData.error).toBeUndefined();
		const [item] = run.data.resultData.runData.Lusha[0].data.main[0];
		expect(item.json).toMatchObject({ found: expect.any(Boolean) });
		const calls = (await sandbox('GET', 'log')).body.apiCalls as Array<{ path: string; statusCode: number }>;
		expect(calls.find((c) => c.path === '/v3/contacts/enrich')).toMatchObject({ statusCode: 200 });
	});
});
