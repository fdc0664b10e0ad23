import { runNode } from '../../helpers/n8n';
import { startTriggerHost } from '../../helpers/triggerHost';
import { useShortMinuteWindows } from '../../helpers/pacing';
import { everythingRecorded, useSandbox } from '../../helpers/sandbox';

const ctx = useSandbox();
const DEPARTMENTS = 'GET /prospecting/filters/contacts/departments';
const getDepartments = () => runNode({ credential: ctx.credential, parameters: { resource: 'filter', operation: 'contactDepartments' } });
const answered = (status: number) => ctx.sandbox.state.requests.filter((r: { statusCode?: number }) => r.statusCode === status);

describe('transport: retries, errors and secrets', () => {
	it('rides out a 429 storm and the call still succeeds', async () => {
		ctx.sandbox.configure({ faults: { tooManyRequestsBurst: 3, tooManyRequestsResetSeconds: 0 } });
		const result = await getDepartments();
		expect(result.error).toBeUndefined();
		expect(result.items.map((i) => i.json.value)).toContain('Sales');
		expect(ctx.sandbox.count(DEPARTMENTS)).toBe(4);
	});

	it('fails at once, with Lusha’s message, when the daily quota is used up', async () => {
		ctx.sandbox.configure({ faults: { dailyQuotaExhausted: true } });
		const result = await getDepartments();
		expect(result.error?.message).toContain('Daily API quota limit exceeded');
		expect(result.error?.description).toMatch(/quota .* used up/);
		expect(ctx.sandbox.count(DEPARTMENTS)).toBe(1);
	});

	it('retries a burst of 5xx answers and succeeds', async () => {
		ctx.sandbox.configure({ faults: { serverErrorBurst: 2 } });
		const result = await getDepartments();
		expect(result.error).toBeUndefined();
		expect(ctx.sandbox.count(DEPARTMENTS)).toBe(3);
	});

	it('does not retry a 400 and shows Lusha’s validation message', async () => {
		ctx.sandbox.configure({ faults: { badRequestBurst: 1 } });
		const result = await getDepartments();
		expect(result.error?.message).toBe('Lusha answered 400: Validation failed: limit must not be greater than 100');
		expect(result.error?.description).toMatch(/malformed/);
		expect(ctx.sandbox.count(DEPARTMENTS)).toBe(1);
	});

	it('does not retry a wrong key, and says how to fix it', async () => {
		const result = await runNode({
			credential: { ...ctx.credential, apiKey: 'wrong-key-abcdef' },
			parameters: { resource: 'account', operation: 'getUsage' },
		});
		expect(result.error?.message).toContain('Invalid API key');
		expect(result.error?.description).toMatch(/API key is invalid/);
		expect(ctx.sandbox.count('GET /account/usage')).toBe(1);
	});

	it('never shows the API key in any error n8n records', async () => {
		const secretKey = 'secret-key-that-must-not-leak';
		const failures = [
			await runNode({ credential: { ...ctx.credential, apiKey: secretKey }, parameters: { resource: 'account', operation: 'getUsage' } }),
			await runNode({ credential: { apiKey: secretKey, baseUrl: 'http://127.0.0.1:9' }, parameters: { resource: 'account', operation: 'getUsage' } }),
		];
		for (const failure of failures) {
			expect(failure.error).toBeDefined();
			expect(everythingRecorded(failure.error)).not.toContain(secretKey);
			expect(everythingRecorded(failure.run.data.resultData)).not.toContain(secretKey);
		}
		expect(failures[1].error?.message).toMatch(/Could not reach Lusha at http:\/\/127\.0\.0\.1:9/);
	});
});

describe('transport: each endpoint at the rate Lusha documents', () => {
	useShortMinuteWindows(ctx, 2000);

	it('Get Usage for 7 items waits for account usage’s 5-a-window budget instead of being refused', async () => {
		const result = await runNode({ credential: ctx.credential, parameters: { resource: 'account', operation: 'getUsage' }, items: Array.from({ length: 7 }, () => ({})) });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(7);
		const arrivals = ctx.sandbox.requestsTo('GET /account/usage').map((r: { at: number; statusCode: number }) => r);
		expect(arrivals.map((r: { statusCode: number }) => r.statusCode)).toEqual([200, 200, 200, 200, 200, 200, 200]);
		expect(arrivals[5].at - arrivals[0].at).toBeGreaterThanOrEqual(2000);
	});

	it('the action node and the trigger share one webhook API budget, so neither is refused', async () => {
		const trigger = await startTriggerHost({
			credential: ctx.credential,
			parameters: { entityType: 'contact', entityIds: Array.from({ length: 50 }, (_, i) => String(1000000 + i)).join('\n'), signalTypes: ['promotion'], subscriptionName: 'Shared budget', options: {} },
		});
		try {
			const items = Array.from({ length: 60 }, () => ({}));
			const [stats, logs] = await Promise.all([
				runNode({ credential: ctx.credential, parameters: { resource: 'auditLog', operation: 'getStats' }, items }),
				runNode({ credential: ctx.credential, parameters: { resource: 'auditLog', operation: 'getMany', returnAll: false, limit: 5 }, items }),
				trigger.activate(),
			]);
			expect(stats.error).toBeUndefined();
			expect(logs.error).toBeUndefined();
			expect(ctx.sandbox.subscriptions()).toHaveLength(50);
			const webhookCalls = ctx.sandbox.state.requests.filter((r: { path: string }) => r.path.startsWith('/api/'));
			expect(webhookCalls.length).toBeGreaterThan(100);
			expect(answered(429)).toHaveLength(0);
		} finally {
			await trigger.deactivate();
			await trigger.close();
		}
	});
});
