import { runNode } from '../../helpers/n8n';
import { useSandbox } from '../../helpers/sandbox';

const ctx = useSandbox();
const usage = () => runNode({ credential: ctx.credential, typeVersion: 2, parameters: { resource: 'account', operation: 'getUsage' } });

// Lusha allows 5 usage calls a minute: this file makes 2.
describe('Account → Get Usage (V3)', () => {
	it('returns credits, rate limits, plan and pricing from GET /v3/account/usage, spending no credits', async () => {
		const before = ctx.sandbox.v3.balance();
		const result = await usage();
		expect(result.error).toBeUndefined();
		expect(ctx.sandbox.state.requests.map((r: { method: string; path: string }) => `${r.method} ${r.path}`)).toEqual(['GET /v3/account/usage']);
		expect(result.items).toEqual([
			{
				json: expect.objectContaining({
					credits: { total: expect.any(Number), used: expect.any(Number), remaining: expect.any(Number) },
					rateLimits: expect.objectContaining({ daily: expect.objectContaining({ limit: expect.any(Number), remaining: expect.any(Number) }) }),
					plan: expect.objectContaining({ category: expect.any(String) }),
					pricing: expect.objectContaining({ lookalikeContact: { credits: 3, perQuantity: 1 } }),
				}),
				pairedItem: { item: 0 },
			},
		]);
		expect(ctx.sandbox.v3.balance()).toBe(before);
	});

	it('reads the answer the same way when Lusha wraps it in `usage`, as it was seen live', async () => {
		ctx.sandbox.configure({ accountUsageWrapped: true });
		const result = await usage();
		expect(result.error).toBeUndefined();
		expect(result.items[0].json).toEqual(expect.objectContaining({ credits: expect.objectContaining({ remaining: expect.any(Number) }), plan: expect.any(Object) }));
		expect(result.items[0].json.usage).toBeUndefined();
	});
});
