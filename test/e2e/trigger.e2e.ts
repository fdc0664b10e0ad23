import { randomUUID } from 'node:crypto';

import { api, createCredential, createWorkflow, executions, sandbox, state, waitFor } from './client';

const ENTITY_IDS = Array.from({ length: 30 }, (_, i) => String(1000000 + i));

function triggerWorkflow(name: string, webhookId: string, credentialId: string, entityIds: string[], after?: Record<string, unknown>) {
	const trigger = {
		id: 't',
		name: 'Lusha Trigger',
		type: 'n8n-nodes-lusha-api.lushaTrigger',
		typeVersion: 1,
		position: [0, 0],
		webhookId,
		parameters: { entityType: 'contact', entityIds: entityIds.join('\n'), signalTypes: ['allSignals'], subscriptionName: name, options: {} },
		credentials: { lushaApi: { id: credentialId, name: 'Lusha sandbox (trigger)' } },
	};
	return {
		name,
		nodes: after ? [trigger, after] : [trigger],
		connections: after ? { 'Lusha Trigger': { main: [[{ node: after.name, type: 'main', index: 0 }]] } } : {},
	};
}

const subscriptionsAt = async (url: string) => ((await sandbox('GET', 'state')).body.subscriptions as Array<{ id: string; url: string; entityId: string }>).filter((s) => s.url === url);

describe('the Lusha Trigger in real n8n', () => {
	let credentialId: string;
	let workflowId: string;
	const webhookId = '3f1e2d4c-5b6a-4789-8abc-000000000030';
	const webhookUrl = () => `${state.n8nUrl}/webhook/${webhookId}/webhook`;

	beforeAll(async () => {
		await sandbox('POST', 'reset', {});
		credentialId = await createCredential('Lusha sandbox (trigger)');
		workflowId = await createWorkflow(triggerWorkflow('Champions', webhookId, credentialId, ENTITY_IDS));
	});

	it('activating through the API answers Lusha’s challenge and creates 30 subscriptions at the production URL', async () => {
		expect((await api('POST', `/workflows/${workflowId}/activate`)).status).toBe(200);
		// n8n 2.x activates asynchronously: wait for the subscriptions rather than trusting `active: true`.
		const created = await waitFor(async () => {
			const found = await subscriptionsAt(webhookUrl());
			return found.length === 30 && found;
		}, '30 subscriptions');
		expect(created.map((s) => s.entityId).sort()).toEqual(ENTITY_IDS);
		const { challenges } = (await sandbox('GET', 'state')).body;
		expect(challenges.filter((c: { url: string; ok: boolean }) => c.url === webhookUrl() && c.ok)).toHaveLength(2);
	});

	it('acknowledges a signed delivery with 201 and Lusha’s body, and records an execution with the flattened signal', async () => {
		const [subscription] = await subscriptionsAt(webhookUrl());
		const result = (await sandbox('POST', 'deliver', { subscriptionId: subscription.id })).body;
		expect(result.delivered).toBe(true);
		const [attempt] = result.attempts;
		expect(attempt.statusCode).toBe(201);
		expect(attempt.headers['content-type']).toContain('application/json');
		expect(Object.keys(attempt.body)).toEqual(['received', 'timestamp', 'webhookId']);
		expect(attempt.body).toMatchObject({ received: true, webhookId: result.payload.id });
		const run = await waitFor(async () => (await executions(workflowId)).find((e) => e.data?.resultData?.runData?.['Lusha Trigger']?.[0]?.data?.main?.[0]?.[0]?.json?.deliveryId === result.payload.id), 'the execution');
		const item = run.data.resultData.runData['Lusha Trigger'][0].data.main[0][0].json;
		expect(item).toMatchObject({ signalType: result.payload.type, entityType: 'contact', entityId: subscription.entityId, creditsCharged: 1, subscriptionId: subscription.id });
		expect(JSON.stringify(run.data)).not.toContain(state.secret);
	});

	it('answers a forged delivery with 401 and records no execution', async () => {
		const [, subscription] = await subscriptionsAt(webhookUrl());
		const before = (await executions(workflowId)).length;
		const result = (await sandbox('POST', 'deliver', { subscriptionId: subscription.id, tamper: { secret: 'whsec_forged' } })).body;
		expect(result.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([401, 401, 401, 401]);
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(await executions(workflowId)).toHaveLength(before);
	});

	it('records one execution for the same delivery sent 3 times', async () => {
		const subscription = (await subscriptionsAt(webhookUrl()))[2];
		const payload = { id: randomUUID(), type: 'promotion', entityType: 'contact', entityId: subscription.entityId, subscriptionId: subscription.id, data: { personId: Number(subscription.entityId), currentTitle: 'VP Sales', signalDate: '2026-11-01' }, timestamp: new Date().toISOString(), billing: { creditsCharged: 1 } };
		for (let i = 0; i < 3; i++) {
			const result = (await sandbox('POST', 'deliver', { subscriptionId: subscription.id, payload })).body;
			expect(result.attempts[0].statusCode).toBe(201);
		}
		await new Promise((resolve) => setTimeout(resolve, 1500));
		const runs = (await executions(workflowId)).filter((e) => e.data?.resultData?.runData?.['Lusha Trigger']?.[0]?.data?.main?.[0]?.[0]?.json?.deliveryId === payload.id);
		expect(runs).toHaveLength(1);
	});

	it('acknowledges in under a second while the workflow behind it takes 20 seconds', async () => {
		const slowHook = '3f1e2d4c-5b6a-4789-8abc-000000000020';
		const wait = { id: 'w', name: 'Take 20 seconds', type: 'n8n-nodes-base.wait', typeVersion: 1.1, position: [220, 0], webhookId: randomUUID(), parameters: { amount: 20, unit: 'seconds' } };
		const slowId = await createWorkflow(triggerWorkflow('Slow follow-up', slowHook, credentialId, ['1000100'], wait));
		expect((await api('POST', `/workflows/${slowId}/activate`)).status).toBe(200);
		const slowUrl = `${state.n8nUrl}/webhook/${slowHook}/webhook`;
		const [subscription] = await waitFor(async () => {
			const found = await subscriptionsAt(slowUrl);
			return found.length === 1 && found;
		}, 'the slow subscription');
		const result = (await sandbox('POST', 'deliver', { subscriptionId: subscription.id })).body;
		expect(result.attempts[0].statusCode).toBe(201);
		expect(result.attempts[0].durationMs).toBeLessThan(1000);
		await api('POST', `/workflows/${slowId}/deactivate`);
		await waitFor(async () => (await subscriptionsAt(slowUrl)).length === 0, 'the slow subscription to go');
	});

	it('deactivation deletes all 30 subscriptions', async () => {
		expect((await api('POST', `/workflows/${workflowId}/deactivate`)).status).toBe(200);
		await waitFor(async () => (await subscriptionsAt(webhookUrl())).length === 0, 'the subscriptions to be deleted');
	});
});
