import type { IDataObject } from 'n8n-workflow';
import type { ILoadOptionsFunctions } from 'n8n-workflow';

import type { LushaV1 } from '../../../nodes/Lusha/v1/LushaV1.node';
import { loadOptionsContext, lushaVersion, runNode } from '../../helpers/n8n';
import type { startReceiver } from '../../helpers/receiver';
import { startReceiver as receiver } from '../../helpers/receiver';
import { everythingRecorded, useSandbox } from '../../helpers/sandbox';
import { PACES } from '../../../nodes/shared/transport/rateLimit';
import { useShortMinuteWindows } from '../../helpers/pacing';

const ctx = useSandbox();
useShortMinuteWindows(ctx, 1000);
const afterTest: Array<() => void> = [];
afterEach(() => afterTest.splice(0).forEach((undo) => undo()));
let endpoint: Awaited<ReturnType<typeof startReceiver>>;
beforeEach(async () => {
	endpoint = await receiver();
});
afterEach(async () => endpoint.close());

const run = (parameters: Record<string, unknown>, items?: IDataObject[], continueOnFail = false) =>
	runNode({ credential: ctx.credential, parameters: { resource: 'subscription', ...parameters }, items, continueOnFail });

const people = (n: number) => Array.from({ length: n }, (_, i) => ({ personId: 1000000 + i }));
const createFromItems = (items: IDataObject[], url = endpoint.url) =>
	run({ operation: 'create', entityType: 'contact', entityIds: '={{ $json.personId }}', signalTypes: ['promotion'], url, name: 'Champions' }, items);

async function seedSubscriptions(n: number) {
	const result = await createFromItems(people(n));
	expect(result.error).toBeUndefined();
	return result.items.map((item) => item.json.subscriptionId as string);
}

describe('Subscription operations', () => {
	it('creates 60 subscriptions from 60 items in 3 calls, after the URL passes Lusha’s challenge, in item order', async () => {
		const result = await createFromItems(people(60));
		expect(result.error).toBeUndefined();
		expect(ctx.sandbox.count('POST /api/subscriptions')).toBe(3);
		expect(endpoint.received.filter((r) => r.method === 'GET' && r.url.includes('challenge='))).toHaveLength(3);
		expect(result.items).toHaveLength(60);
		result.items.forEach((item, index) => {
			expect(item.pairedItem).toEqual({ item: index });
			expect(item.json).toMatchObject({ success: true, entityId: String(1000000 + index), entityType: 'contact', subscription: { url: endpoint.url, signalTypes: ['promotion'], name: 'Champions' } });
			expect(item.json.subscriptionId).toMatch(/^[0-9a-f]{24}$/);
		});
	});

	it('reports a duplicate per entity without failing the others', async () => {
		await createFromItems(people(2));
		const result = await createFromItems(people(3));
		expect(result.items.map((i) => i.json.success)).toEqual([false, false, true]);
		expect(result.items[0].json).toMatchObject({ errorCode: 'DUPLICATE_SUBSCRIPTION', entityId: '1000000' });
	});

	it('reports every entity’s own outcome when one call of several fails: under Continue On Fail its 25 get error items, the other 35 are created', async () => {
		ctx.sandbox.configure({ faults: { routeFaults: [{ route: 'POST /api/subscriptions', pass: 1, times: 1, status: 403, message: 'Maximum subscriptions limit reached for your account' }] } });
		const result = await run({ operation: 'create', entityType: 'contact', entityIds: '={{ $json.personId }}', signalTypes: ['promotion'], url: endpoint.url, name: 'Champions' }, people(60), true);
		expect(result.items).toHaveLength(60);
		result.items.forEach((item, index) => expect(item.pairedItem).toEqual({ item: index }));
		const failed = result.items.filter((item) => item.json.error !== undefined);
		expect(failed).toHaveLength(25);
		expect(String(failed[0].json.error)).toContain('Maximum subscriptions limit reached');
		const created = result.items.filter((item) => item.json.success === true);
		expect(created).toHaveLength(35);
		expect(ctx.sandbox.subscriptions()).toHaveLength(35);
	});

	it('without Continue On Fail, a failed call stops the node with Lusha’s reason and the item it came from', async () => {
		ctx.sandbox.configure({ faults: { routeFaults: [{ route: 'POST /api/subscriptions', status: 403, message: 'Maximum subscriptions limit reached for your account' }] } });
		const result = await createFromItems(people(3));
		expect(result.error?.message).toContain('Lusha answered 403: Maximum subscriptions limit reached for your account');
	});

	it('fails clearly, creating nothing, when the URL does not answer the challenge', async () => {
		endpoint.answerWith(() => ({ status: 404, body: { message: 'not here' } }));
		const result = await createFromItems(people(3));
		expect(result.error?.message).toMatch(/^Lusha could not verify the webhook URL .*answered 404/);
		expect(result.error?.description).toContain('{"challenge":"X"}');
		expect(ctx.sandbox.subscriptions()).toHaveLength(0);
	});

	it('names the item whose entity IDs are empty', async () => {
		const result = await createFromItems([{ personId: 1000000 }, { personId: '' }]);
		expect(result.error?.message).toBe('Entity IDs is empty (item 1)');
		expect(ctx.sandbox.count('POST /api/subscriptions')).toBe(0);
	});

	it('lists subscriptions in the picker by name, entity and signals, 100 a page, searchable', async () => {
		await seedSubscriptions(130);
		const context = loadOptionsContext(ctx.credential, {}) as unknown as ILoadOptionsFunctions;
		const { searchSubscriptions } = (lushaVersion(1) as LushaV1).methods.listSearch;
		const first = await searchSubscriptions.call(context);
		expect(first.results).toHaveLength(100);
		expect(first.results[0].name).toMatch(/^Champions — contact 10001\d\d \(promotion\)$/);
		const second = await searchSubscriptions.call(context, undefined, first.paginationToken as string);
		expect(second.results).toHaveLength(30);
		expect(second.paginationToken).toBeUndefined();
		const found = await searchSubscriptions.call(context, 'contact 1000042');
		expect(found.results.map((r) => r.name)).toEqual(['Champions — contact 1000042 (promotion)']);
	});

	it('gets one subscription by ID', async () => {
		const [id] = await seedSubscriptions(1);
		const result = await run({ operation: 'get', subscriptionId: { __rl: true, mode: 'id', value: id } });
		expect(result.items[0].json).toMatchObject({ id, entityId: '1000000', isActive: true });
	});

	it('Get Many with Return All walks 230 subscriptions and returns each once', async () => {
		await seedSubscriptions(230);
		const result = await run({ operation: 'getMany', returnAll: true });
		expect(result.items).toHaveLength(230);
		expect(new Set(result.items.map((i) => i.json.id)).size).toBe(230);
		expect(ctx.sandbox.count('GET /api/subscriptions')).toBe(3);
	});

	it('Get Many with a limit stops there', async () => {
		await seedSubscriptions(30);
		const result = await run({ operation: 'getMany', returnAll: false, limit: 12 });
		expect(result.items).toHaveLength(12);
	});

	it('Update re-enables a subscription Lusha disabled after failed deliveries, and clears its block reason', async () => {
		const [id] = await seedSubscriptions(1);
		ctx.sandbox.configure({ deliveryRetryDelaysMs: [1, 1, 1] });
		endpoint.answerWith(() => ({ status: 500 }));
		await ctx.sandbox.deliver(id);
		expect(ctx.sandbox.state.subscriptions.get(id)).toMatchObject({ isActive: false, blockReason: 'Max retries exceeded' });
		const result = await run({ operation: 'update', subscriptionId: { __rl: true, mode: 'id', value: id }, updateFields: { isActive: true } });
		expect(result.items[0].json).toMatchObject({ id, isActive: true, blockReason: null, blockedAt: null });
	});

	it('Update with Regenerate shows the new secret once, under a field marked as such', async () => {
		const [id] = await seedSubscriptions(1);
		const result = await run({ operation: 'update', subscriptionId: { __rl: true, mode: 'id', value: id }, updateFields: { name: 'Renamed' }, regenerateSecret: true });
		expect(result.items[0].json).toMatchObject({ name: 'Renamed', newWebhookSecret: ctx.sandbox.secret });
		expect(result.items[0].json.newWebhookSecretNotice).toContain('Shown once');
	});

	it('deletes 30 IDs, 2 unknown, with one result each and no failure', async () => {
		const ids = await seedSubscriptions(28);
		const items = [...ids, 'aaaaaaaaaaaaaaaaaaaaaaaa', 'bbbbbbbbbbbbbbbbbbbbbbbb'].map((subscriptionId) => ({ subscriptionId }));
		const result = await run({ operation: 'delete', subscriptionIds: '={{ $json.subscriptionId }}' }, items);
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(30);
		expect(result.items.filter((i) => i.json.deleted)).toHaveLength(28);
		expect(result.items.filter((i) => i.json.errorCode === 'NOT_FOUND').map((i) => i.pairedItem)).toEqual([{ item: 28 }, { item: 29 }]);
		expect(ctx.sandbox.count('POST /api/subscriptions/delete')).toBe(2);
		expect(ctx.sandbox.subscriptions()).toHaveLength(0);
	});

	it('Test returns the flow check, flattened', async () => {
		const [id] = await seedSubscriptions(1);
		const result = await run({ operation: 'test', subscriptionId: { __rl: true, mode: 'id', value: id }, mode: 'direct' });
		expect(result.items[0].json).toMatchObject({ subscriptionId: id, mode: 'direct', isSuccess: true, flowCheckSuccess: true, flowCheckStatusCode: 201 });
		expect(result.items[0].json.flowCheckDurationMs).toEqual(expect.any(Number));
	});
});

describe('Audit log and account operations', () => {
	async function deliveries() {
		const [good, bad] = await seedSubscriptions(2);
		ctx.sandbox.configure({ deliveryRetryDelaysMs: [1, 1, 1] });
		await ctx.sandbox.deliver(good);
		endpoint.answerWith(() => ({ status: 503 }));
		await ctx.sandbox.deliver(bad);
		return { good, bad };
	}

	it('filters audit logs by status', async () => {
		const { bad } = await deliveries();
		const failed = await runNode({ credential: ctx.credential, parameters: { resource: 'auditLog', operation: 'getMany', returnAll: true, filters: { status: 'failed' } } });
		expect(failed.items).toHaveLength(3);
		expect(failed.items.every((i) => i.json.status === 'failed' && i.json.subscriptionId === bad)).toBe(true);
		const permanent = await runNode({ credential: ctx.credential, parameters: { resource: 'auditLog', operation: 'getMany', returnAll: true, filters: { status: 'permanent_failure' } } });
		expect(permanent.items).toHaveLength(1);
	});

	it('gives the delivery stats with a numeric success rate', async () => {
		await deliveries();
		const result = await runNode({ credential: ctx.credential, parameters: { resource: 'auditLog', operation: 'getStats' } });
		expect(result.items[0].json).toEqual({ total: 5, success: 1, failed: 4, successRate: '20.00%', successRatePercent: 20 });
	});

	it('survives the 5-calls-a-minute usage limit across 7 calls in one execution', async () => {
		ctx.sandbox.configure({ usageWindowMs: 3000 });
		const documented = PACES.accountUsage.windowMs;
		PACES.accountUsage.windowMs = 3000;
		afterTest.push(() => (PACES.accountUsage.windowMs = documented));
		const result = await runNode({ credential: ctx.credential, parameters: { resource: 'account', operation: 'getUsage' }, items: Array.from({ length: 7 }, () => ({})) });
		expect(result.error).toBeUndefined();
		expect(result.items).toHaveLength(7);
		const answers = ctx.sandbox.requestsTo('GET /account/usage').map((r: { statusCode: number }) => r.statusCode);
		// The 5th answer says no calls are left until the window resets; the 6th waits for it rather than failing.
		expect(answers.filter((status: number) => status === 200)).toHaveLength(7);
		expect(answers.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
	});

	it('gets the webhook secret, says how to create one when there is none, and regenerates it', async () => {
		const secret = ctx.sandbox.secret;
		const got = await runNode({ credential: ctx.credential, parameters: { resource: 'account', operation: 'getWebhookSecret' } });
		expect(got.items[0].json).toEqual({ webhookSecret: secret });

		ctx.sandbox.secret = null;
		const missing = await runNode({ credential: ctx.credential, parameters: { resource: 'account', operation: 'getWebhookSecret' } });
		expect(missing.error?.message).toBe('This Lusha account has no webhook secret yet');
		expect(missing.error?.description).toContain('Regenerate Webhook Secret');

		const regenerated = await runNode({ credential: ctx.credential, parameters: { resource: 'account', operation: 'regenerateWebhookSecret' } });
		expect(regenerated.items[0].json.newWebhookSecret).toBe(ctx.sandbox.secret);
		expect(ctx.sandbox.secret).toMatch(/^whsec_/);
	});

	it('keeps the webhook secret out of errors and logs', async () => {
		const secret = ctx.sandbox.secret;
		const credential = { ...ctx.credential, webhookSecret: secret };
		ctx.sandbox.configure({ faults: { badRequestBurst: 1 } });
		const failed = await runNode({ credential, parameters: { resource: 'account', operation: 'getUsage' } });
		expect(failed.error).toBeDefined();
		expect(everythingRecorded(failed.error)).not.toContain(secret);
		const audit = await runNode({ credential, parameters: { resource: 'auditLog', operation: 'getStats' } });
		expect(everythingRecorded(audit.items)).not.toContain(secret);
	});
});
