import { runNode } from '../harness/n8n';
import { everythingRecorded, useSandbox } from '../helpers/sandbox';

const ctx = useSandbox();
const USAGE = 'GET /account/usage';
const getUsage = () => runNode({ credential: ctx.credential, parameters: { resource: 'account', operation: 'getUsage' } });

describe('transport: retries, errors and secrets', () => {
	it('rides out a 429 storm and the call still succeeds', async () => {
		ctx.sandbox.configure({ faults: { tooManyRequestsBurst: 3, tooManyRequestsResetSeconds: 0 } });
		const result = await getUsage();
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.buckets).toEqual([{ bucket: 'credits', used: 0, total: 100000, remaining: 100000 }]);
		expect(ctx.sandbox.count(USAGE)).toBe(4);
	});

	it('fails at once, with Lusha’s message, when the daily quota is used up', async () => {
		ctx.sandbox.configure({ faults: { dailyQuotaExhausted: true } });
		const result = await getUsage();
		expect(result.error?.message).toContain('Daily API quota limit exceeded');
		expect(result.error?.description).toMatch(/quota .* used up/);
		expect(ctx.sandbox.count(USAGE)).toBe(1);
	});

	it('retries a burst of 5xx answers and succeeds', async () => {
		ctx.sandbox.configure({ faults: { serverErrorBurst: 2 } });
		const result = await getUsage();
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(1);
		expect(ctx.sandbox.count(USAGE)).toBe(3);
	});

	it('does not retry a 400 and shows Lusha’s validation message', async () => {
		ctx.sandbox.configure({ faults: { badRequestBurst: 1 } });
		const result = await getUsage();
		expect(result.error?.message).toBe('Lusha answered 400: Validation failed: limit must not be greater than 100');
		expect(result.error?.description).toMatch(/malformed/);
		expect(ctx.sandbox.count(USAGE)).toBe(1);
	});

	it('does not retry a wrong key, and says how to fix it', async () => {
		const result = await runNode({
			credential: { ...ctx.credential, apiKey: 'wrong-key-abcdef' },
			parameters: { resource: 'account', operation: 'getUsage' },
		});
		expect(result.error?.message).toContain('Invalid API key');
		expect(result.error?.description).toMatch(/API key is invalid/);
		expect(ctx.sandbox.count(USAGE)).toBe(1);
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
