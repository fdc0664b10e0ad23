import { startTriggerHost } from '../helpers/triggerHost';
import { useSandbox } from '../helpers/sandbox';
import { useShortMinuteWindows } from '../helpers/pacing';

const SECRET = 'whsec_lifecycle_test_secret_0001';
const ctx = useSandbox({ secret: SECRET });
useShortMinuteWindows(ctx, 1000);

const personIds = (n: number, from = 0) => Array.from({ length: n }, (_, i) => String(1000000 + from + i));
const params = (ids: string[], extra = {}) => ({ entityType: 'contact', entityIds: ids.join('\n'), signalTypes: ['promotion', 'companyChange'], subscriptionName: 'Champions', options: {}, ...extra });

async function host(ids: string[], mode: 'trigger' | 'manual' = 'trigger', credential = ctx.credential) {
	const trigger = await startTriggerHost({ credential, parameters: params(ids), mode });
	hosts.push(trigger);
	return trigger;
}
const hosts: Array<Awaited<ReturnType<typeof startTriggerHost>>> = [];
afterEach(async () => {
	await Promise.all(hosts.splice(0).map((h) => h.close()));
});

describe('Lusha Trigger lifecycle', () => {
	it('activating with 60 entity IDs makes 3 create calls, answers the challenge and stores 60 subscriptions', async () => {
		const trigger = await host(personIds(60));
		expect(await trigger.activate()).toBe(true);
		expect(ctx.sandbox.count('POST /api/subscriptions')).toBe(3);
		expect(ctx.sandbox.state.challenges.length).toBe(3);
		expect(ctx.sandbox.state.challenges.every((c: { ok: boolean; url: string }) => c.ok && c.url === trigger.webhookUrl)).toBe(true);
		const subscriptions = ctx.sandbox.subscriptions();
		expect(subscriptions).toHaveLength(60);
		expect(new Set(subscriptions.map((s: { entityId: string }) => s.entityId))).toEqual(new Set(personIds(60)));
		expect(subscriptions.every((s: { url: string; signalTypes: string[]; name: string }) => s.url === trigger.webhookUrl && s.name === 'Champions' && s.signalTypes.join() === 'promotion,companyChange')).toBe(true);
		expect(trigger.staticData().subscriptionIds).toHaveLength(60);
		expect(JSON.stringify(trigger.staticData())).not.toContain(SECRET);
	});

	it('rolls back the first chunk when the second fails, and names the entity and Lusha’s reason', async () => {
		ctx.sandbox.configure({ failEntityIds: ['1000030'] });
		const trigger = await host(personIds(60));
		await expect(trigger.activate()).rejects.toThrow('Lusha did not create the subscriptions: VALIDATION_ERROR for 1000030: Entity 1000030 cannot be watched');
		expect(ctx.sandbox.count('POST /api/subscriptions')).toBe(2);
		expect(ctx.sandbox.subscriptions()).toHaveLength(0);
		expect(trigger.staticData().subscriptionIds ?? []).toHaveLength(0);
	});

	it('fails activation with the URL problem when the webhook does not answer the challenge', async () => {
		const trigger = await host(personIds(3));
		// As behind a proxy that does not forward to n8n: the challenge gets a 404.
		trigger.setRoutesLive(false);
		await expect(trigger.activate()).rejects.toMatchObject({
			message: expect.stringMatching(/WEBHOOK_VERIFICATION_FAILED for 1000000, 1000001, 1000002: .*answered 404/),
			description: expect.stringContaining('public HTTPS address'),
		});
		expect(ctx.sandbox.subscriptions()).toHaveLength(0);
	});

	it('at n8n’s start, switches back on the subscriptions Lusha disabled after failed deliveries, creating nothing', async () => {
		const trigger = await host(personIds(4));
		await trigger.activate();
		const subscriptions = ctx.sandbox.subscriptions();
		for (const s of subscriptions.slice(0, 3)) Object.assign(ctx.sandbox.state.subscriptions.get(s.id), { isActive: false, blockReason: 'Max retries exceeded', blockedAt: new Date().toISOString() });
		const creates = ctx.sandbox.count('POST /api/subscriptions');
		expect(await trigger.activate([], 'init')).toBe(false);
		expect(ctx.sandbox.subscriptions().every((s: { isActive: boolean; blockedAt: string | null }) => s.isActive && s.blockedAt === null)).toBe(true);
		expect(ctx.sandbox.count('POST /api/subscriptions')).toBe(creates);
		expect(ctx.sandbox.count('PATCH /api/subscriptions/:id')).toBe(3);
	});

	it('at n8n’s start, keeps the subscriptions when Lusha answers 500 (n8n would delete and re-create them otherwise)', async () => {
		const trigger = await host(personIds(3));
		await trigger.activate();
		ctx.sandbox.configure({ faults: { routeFaults: [{ route: 'GET /api/subscriptions', status: 500, message: 'Internal server error' }] } });
		expect(await trigger.activate([], 'init')).toBe(false);
		expect(ctx.sandbox.subscriptions()).toHaveLength(3);
		expect(trigger.staticData().subscriptionIds).toHaveLength(3);
		expect(ctx.sandbox.count('POST /api/subscriptions/delete')).toBe(0);
	}, 90_000);

	it('deactivation deletes every subscription it created', async () => {
		const trigger = await host(personIds(30));
		await trigger.activate();
		expect(ctx.sandbox.subscriptions()).toHaveLength(30);
		await trigger.deactivate();
		expect(ctx.sandbox.subscriptions()).toHaveLength(0);
		expect(ctx.sandbox.count('POST /api/subscriptions/delete')).toBe(2);
		expect(trigger.staticData().subscriptionIds).toEqual([]);
	});

	it('deactivation still deletes every subscription after a delivery saved the static data without their IDs', async () => {
		const trigger = await host(personIds(30));
		await trigger.activate();
		expect(ctx.sandbox.subscriptions()).toHaveLength(30);
		// A delivery that arrived mid-activation was handled with the static data as it was before the
		// IDs were stored; n8n saves static data whole, so its save leaves only the delivery memory.
		trigger.store.staticData = { 'node:Lusha Trigger': { deliveries: { 'f3b87e05-0000': Date.now() } } };
		expect(trigger.staticData().subscriptionIds).toBeUndefined();
		await trigger.deactivate();
		expect(ctx.sandbox.subscriptions()).toHaveLength(0);
	});

	it('deactivation counts subscriptions already deleted in Lusha as done', async () => {
		const trigger = await host(personIds(3));
		await trigger.activate();
		ctx.sandbox.state.subscriptions.clear();
		await expect(trigger.deactivate()).resolves.toBeUndefined();
		expect(trigger.staticData().subscriptionIds).toEqual([]);
	});

	it('re-activation with the same settings creates nothing, and re-enables a subscription Lusha disabled', async () => {
		const trigger = await host(personIds(5));
		await trigger.activate();
		const [victim] = ctx.sandbox.subscriptions();
		ctx.sandbox.configure({ deliveryRetryDelaysMs: [1, 1, 1] });
		const failed = await ctx.sandbox.deliver(victim.id, undefined, { secret: 'whsec_wrong' });
		expect(failed.delivered).toBe(false);
		expect(ctx.sandbox.state.subscriptions.get(victim.id)).toMatchObject({ isActive: false, blockReason: 'Max retries exceeded' });

		expect(await trigger.activate()).toBe(false);
		expect(ctx.sandbox.count('POST /api/subscriptions')).toBe(1);
		expect(ctx.sandbox.state.subscriptions.get(victim.id)).toMatchObject({ isActive: true, blockReason: null, blockedAt: null });
	});

	it('re-activation after the entity list changed replaces the subscriptions', async () => {
		const trigger = await host(personIds(5));
		await trigger.activate();
		trigger.setParameters(params(personIds(4, 10)));
		expect(await trigger.activate()).toBe(true);
		const entityIds = ctx.sandbox.subscriptions().map((s: { entityId: string }) => s.entityId).sort();
		expect(entityIds).toEqual(personIds(4, 10));
	});

	it('“Listen for test event” subscribes the test URL and removes it when listening ends', async () => {
		const trigger = await host(personIds(2), 'manual');
		await trigger.activate();
		expect(trigger.webhookUrl).toContain('/webhook-test/');
		expect(ctx.sandbox.subscriptions().every((s: { url: string }) => s.url === trigger.webhookUrl)).toBe(true);
		await trigger.deactivate();
		expect(ctx.sandbox.subscriptions()).toHaveLength(0);
	});

	it('takes the secret from the credential when set, without asking Lusha', async () => {
		const trigger = await host(personIds(1), 'trigger', { ...ctx.credential, webhookSecret: SECRET });
		await trigger.activate();
		expect(ctx.sandbox.count('GET /api/account/secret')).toBe(0);
	});

	it('reads the secret from Lusha when the credential has none', async () => {
		const trigger = await host(personIds(1));
		await trigger.activate();
		expect(ctx.sandbox.count('GET /api/account/secret')).toBeLessThanOrEqual(1);
		const delivery = await ctx.sandbox.deliver(ctx.sandbox.subscriptions()[0].id);
		expect(delivery.delivered).toBe(true);
	});

	it('fails activation with instructions when the account has no secret, and creates nothing', async () => {
		ctx.sandbox.secret = null;
		const trigger = await host(personIds(2));
		await expect(trigger.activate()).rejects.toMatchObject({
			message: expect.stringContaining('has no webhook secret'),
			description: expect.stringContaining('Regenerate Webhook Secret'),
		});
		expect(ctx.sandbox.count('POST /api/subscriptions')).toBe(0);
		expect(ctx.sandbox.count('POST /api/account/secret/regenerate')).toBe(0);
	});

	it('refuses an empty entity list with a message naming the field', async () => {
		const trigger = await host([]);
		await expect(trigger.activate()).rejects.toThrow('Entity IDs is empty');
	});
});
