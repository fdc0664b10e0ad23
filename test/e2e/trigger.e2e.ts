import { randomUUID } from 'node:crypto';

import { api, createCredential, createWorkflow, executions, lushaTriggerNode, rest, sandbox, state, waitFor } from './client';

const ENTITY_IDS = Array.from({ length: 30 }, (_, i) => String(1000000 + i));

function triggerWorkflow(name: string, webhookId: string, credentialId: string, entityIds: string[], after?: Record<string, unknown>) {
	const trigger = lushaTriggerNode(webhookId, { id: credentialId, name: 'Lusha sandbox (trigger)' }, entityIds, name);
	return {
		name,
		nodes: after ? [trigger, after] : [trigger],
		connections: after ? { 'Lusha Trigger': { main: [[{ node: after.name, type: 'main', index: 0 }]] } } : {},
	};
}

/**
 * Activates a workflow and returns the activation error the builder sees, or undefined when it
 * activated: n8n 2.x answers the call at once and reports the outcome in the workflow's publication
 * status (what the editor shows); n8n 1.x answers the activate call with the error.
 */
async function activationError(workflowId: string): Promise<string | undefined> {
	const activated = await api('POST', `/workflows/${workflowId}/activate`);
	if (activated.status !== 200) return String(activated.body?.message ?? activated.status);
	if (!state.n8nVersion?.startsWith('2.')) return undefined;
	const settled = await waitFor(async () => {
		const status = (await rest('GET', `/rest/workflows/${workflowId}/publication-status`)).body?.data;
		return status && status.status !== 'in_progress' && status.status !== 'not_published' && status;
	}, 'the publication to settle', 150_000);
	return settled.status === 'published' ? undefined : settled.triggers.map((t: { errorMessage?: string }) => t.errorMessage).join('; ');
}

const deliveryIdIn = (execution: { data: any }) => execution.data?.resultData?.runData?.['Lusha Trigger']?.[0]?.data?.main?.[0]?.[0]?.json?.deliveryId as string | undefined;

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
		const run = await waitFor(async () => (await executions(workflowId)).find((e) => deliveryIdIn(e) === result.payload.id), 'the execution');
		const item = run.data.resultData.runData['Lusha Trigger'][0].data.main[0][0].json;
		expect(item).toMatchObject({ signalType: result.payload.type, entityType: 'contact', entityId: subscription.entityId, creditsCharged: 1, subscriptionId: subscription.id });
		expect(JSON.stringify(run.data)).not.toContain(state.secret);
	});

	it('answers a forged delivery with 401 and records no execution', async () => {
		const [, subscription] = await subscriptionsAt(webhookUrl());
		// Lusha disables the subscription after 4 refusals; the trigger's check may switch it back on and start a run saying so (isNotice).
		const runs = async () => (await executions(workflowId)).filter((e) => !e.data?.resultData?.runData?.['Lusha Trigger']?.[0]?.data?.main?.[0]?.[0]?.json?.isNotice);
		const before = (await runs()).length;
		const result = (await sandbox('POST', 'deliver', { subscriptionId: subscription.id, tamper: { secret: 'whsec_forged' } })).body;
		expect(result.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([401, 401, 401, 401]);
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(await runs()).toHaveLength(before);
	});

	it('records one execution for the same delivery sent 3 times', async () => {
		const subscription = (await subscriptionsAt(webhookUrl()))[2];
		const payload = { id: randomUUID(), type: 'promotion', entityType: 'contact', entityId: subscription.entityId, subscriptionId: subscription.id, data: { personId: Number(subscription.entityId), currentTitle: 'VP Sales', signalDate: '2026-11-01' }, timestamp: new Date().toISOString(), billing: { creditsCharged: 1 } };
		for (let i = 0; i < 3; i++) {
			const result = (await sandbox('POST', 'deliver', { subscriptionId: subscription.id, payload })).body;
			expect(result.attempts[0].statusCode).toBe(201);
		}
		await new Promise((resolve) => setTimeout(resolve, 1500));
		const runs = (await executions(workflowId)).filter((e) => deliveryIdIn(e) === payload.id);
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

	it('when a later call is refused (403 “Maximum subscriptions limit reached”), the builder sees that reason, after n8n’s retries, and nothing is left', async () => {
		const hook = '3f1e2d4c-5b6a-4789-8abc-000000000403';
		const url = `${state.n8nUrl}/webhook/${hook}/webhook`;
		const existing = ((await sandbox('GET', 'state')).body.subscriptions as unknown[]).length;
		await sandbox('POST', 'config', { maxSubscriptions: existing + 30 });
		try {
			const id = await createWorkflow(triggerWorkflow('Too many', hook, credentialId, Array.from({ length: 60 }, (_, i) => String(1000200 + i))));
			const error = await activationError(id);
			expect(error).toContain('Lusha did not create the subscriptions: Lusha answered 403: Maximum subscriptions limit reached for your account');
			expect(error).not.toMatch(/verification failed|deadline/i);
			expect(await subscriptionsAt(url)).toHaveLength(0);
			await api('POST', `/workflows/${id}/deactivate`);
			expect(await subscriptionsAt(url)).toHaveLength(0);
		} finally {
			await sandbox('POST', 'config', { maxSubscriptions: 10_000 });
		}
	});

	it('when Lusha answers each call in 6 s and 500 on every try from the second call on, the builder sees Lusha’s 500 inside n8n’s deadline, and nothing is left', async () => {
		const hook = '3f1e2d4c-5b6a-4789-8abc-000000000500';
		const url = `${state.n8nUrl}/webhook/${hook}/webhook`;
		const id = await createWorkflow(triggerWorkflow('Lusha down', hook, credentialId, Array.from({ length: 60 }, (_, i) => String(1000300 + i))));
		await sandbox('POST', 'config', { latencyMs: 6000, faults: { routeFaults: [{ route: 'POST /api/subscriptions', pass: 1, status: 500, message: 'Internal server error' }] } });
		try {
			const started = Date.now();
			const error = await activationError(id);
			process.stdout.write(`[e2e] activation against a failing Lusha settled after ${((Date.now() - started) / 1000).toFixed(1)} s: ${error}\n`);
			expect(error).toMatch(/Lusha did not create the subscriptions: Lusha answered 500( \(after \d+ attempts\))?: Internal server error/);
			expect(error).not.toMatch(/deadline/i);
		} finally {
			await sandbox('POST', 'config', { latencyMs: 0, faults: { routeFaults: [] } });
		}
		expect(await subscriptionsAt(url)).toHaveLength(0);
		await api('POST', `/workflows/${id}/deactivate`);
		// Nothing left behind after n8n is done with it either.
		await new Promise((resolve) => setTimeout(resolve, 3000));
		expect(await subscriptionsAt(url)).toHaveLength(0);
	});

	it('deactivation deletes all 30 subscriptions', async () => {
		expect((await api('POST', `/workflows/${workflowId}/deactivate`)).status).toBe(200);
		await waitFor(async () => (await subscriptionsAt(webhookUrl())).length === 0, 'the subscriptions to be deleted');
	});
});
