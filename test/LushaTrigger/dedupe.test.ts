/**
 * Duplicate deliveries are remembered in the workflow's static data: they survive an n8n restart
 * and are shared by every n8n process serving the workflow. A "process" here is a fresh copy of the
 * node's modules; the store is the workflow's row in n8n's database.
 */
import { createHash } from 'crypto';
import type { IDataObject, INodeType } from 'n8n-workflow';

import type { DeliveryMemory } from '../../nodes/LushaTrigger/dedupe';
import { DEDUPE_MAX, beforeHorizon, deliveryKey, isFirstDelivery, rememberedCount } from '../../nodes/LushaTrigger/dedupe';
import type { WorkflowStore } from '../helpers/triggerHost';
import { startTriggerHost } from '../helpers/triggerHost';
import { useSandbox } from '../helpers/sandbox';
import { useShortMinuteWindows } from '../helpers/pacing';

const ctx = useSandbox({ secret: 'whsec_dedupe_test_secret_0006' });
useShortMinuteWindows(ctx, 1000);

/** The trigger as a newly started n8n process loads it: its own module state, nothing remembered in memory. */
function freshProcess(): INodeType {
	let nodeType: INodeType | undefined;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const { LushaTrigger } = require('../../nodes/LushaTrigger/LushaTrigger.node') as { LushaTrigger: new () => INodeType };
		nodeType = new LushaTrigger();
	});
	return nodeType as INodeType;
}

type Host = Awaited<ReturnType<typeof startTriggerHost>>;
const hosts: Host[] = [];
afterEach(async () => {
	await Promise.all(hosts.splice(0).map((h) => h.close()));
});
const parameters = { entityType: 'contact', entityIds: '1000000', signalTypes: ['allSignals'], options: {} };
async function processServing(store: WorkflowStore, recordsRun?: (item: IDataObject) => boolean | Promise<boolean>) {
	const host = await startTriggerHost({ credential: ctx.credential, parameters, store, nodeType: freshProcess(), recordsRun });
	hosts.push(host);
	return host;
}

describe('duplicate deliveries, remembered in the workflow’s static data', () => {
	it('after n8n restarts, a delivery it already ran is acknowledged with 201 and not run again', async () => {
		const store: WorkflowStore = { staticData: {} };
		const before = await processServing(store);
		await before.activate();
		const payload = ctx.sandbox.samplePayload(ctx.sandbox.subscriptions()[0]);
		expect((await ctx.sandbox.sendSigned(before.webhookUrl, payload)).statusCode).toBe(201);
		await before.close();

		const after = await processServing(store);
		after.serveRoutes();
		const reply = await ctx.sandbox.sendSigned(after.webhookUrl, payload);
		expect(reply.statusCode).toBe(201);
		expect(reply.body).toMatchObject({ received: true, webhookId: payload.id });
		expect(before.runs.length + after.runs.length).toBe(1);
	});

	it('two n8n processes serving one workflow run a delivery once, whichever gets each copy', async () => {
		const store: WorkflowStore = { staticData: {} };
		const first = await processServing(store);
		await first.activate();
		const second = await processServing(store);
		second.serveRoutes();
		const subscription = ctx.sandbox.subscriptions()[0];
		const payloads = Array.from({ length: 10 }, () => ctx.sandbox.samplePayload(subscription));
		for (const payload of payloads) {
			// Lusha's retries of one delivery come one after another; different deliveries interleave.
			for (const host of [first, second, first]) expect((await ctx.sandbox.sendSigned(host.webhookUrl, payload)).statusCode).toBe(201);
		}
		expect(first.runs.length + second.runs.length).toBe(10);
	});

	it('copies of one delivery arriving at the same moment in one process run once', async () => {
		const host = await processServing({ staticData: {} });
		await host.activate();
		const payload = ctx.sandbox.samplePayload(ctx.sandbox.subscriptions()[0]);
		const replies = await Promise.all(Array.from({ length: 5 }, async () => await ctx.sandbox.sendSigned(host.webhookUrl, payload)));
		expect(replies.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201]);
		expect(host.runs).toHaveLength(1);
	});

	it('a copy of a delivery already on record writes nothing to n8n’s database; a new delivery writes once', async () => {
		const host = await processServing({ staticData: {} });
		await host.activate();
		const payload = ctx.sandbox.samplePayload(ctx.sandbox.subscriptions()[0]);
		const before = host.staticDataWrites();
		expect((await ctx.sandbox.sendSigned(host.webhookUrl, payload)).statusCode).toBe(201);
		expect(host.staticDataWrites() - before).toBe(1);
		for (let i = 0; i < 3; i++) expect((await ctx.sandbox.sendSigned(host.webhookUrl, payload)).statusCode).toBe(201);
		expect(host.staticDataWrites() - before).toBe(1);
		expect(host.runs).toHaveLength(1);
	});

	it('when n8n cannot record the run, Lusha gets a 500 instead of a 201, and its retry runs once', async () => {
		let refusals = 1;
		// As n8n 2.x when SQLite's write lock times out: the execution insert fails once.
		const host = await processServing({ staticData: {} }, () => refusals-- <= 0);
		await host.activate();
		const result = await ctx.sandbox.deliver(ctx.sandbox.subscriptions()[0].id);
		expect(result.attempts.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 201]);
		expect(result.delivered).toBe(true);
		expect(host.runs.map((run) => run[0].deliveryId)).toEqual([result.payload.id]);
		expect((await ctx.sandbox.sendSigned(host.webhookUrl, result.payload)).statusCode).toBe(201);
		expect(host.runs).toHaveLength(1);
	});

	it('a delivery n8n could not record is not written back by another delivery being saved at the same time', async () => {
		let failing: IDataObject = {};
		let refused = false;
		const host = await processServing({ staticData: {} }, async (item) => {
			if (item.deliveryId !== failing.id || refused) return true;
			refused = true;
			// Still waiting for the write lock while another delivery is recorded and saved.
			await new Promise((resolve) => setTimeout(resolve, 300));
			return false;
		});
		await host.activate();
		failing = ctx.sandbox.samplePayload(ctx.sandbox.subscriptions()[0]);
		const other = ctx.sandbox.samplePayload(ctx.sandbox.subscriptions()[0]);
		const first = ctx.sandbox.sendSigned(host.webhookUrl, failing);
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect((await ctx.sandbox.sendSigned(host.webhookUrl, other)).statusCode).toBe(201);
		expect((await first).statusCode).toBe(500);
		expect((await ctx.sandbox.sendSigned(host.webhookUrl, failing)).statusCode).toBe(201);
		expect(host.runs.map((run) => run[0].deliveryId).sort()).toEqual([failing.id, other.id].sort());
	});

	it('keeps at most 10,000 deliveries for 48 hours, and refuses a replay older than what it still remembers', () => {
		const start = Date.UTC(2026, 0, 1);
		// 10,000 deliveries a second apart, remembered by version 0.1.0 (one object entry each, its key a "d" and 22 characters).
		const oldKey = (identity: string) => `d${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}`;
		const deliveries = Object.fromEntries(Array.from({ length: DEDUPE_MAX }, (_, i) => [oldKey(`id:${i}`), start / 1000 + i]));
		const memory: DeliveryMemory = { deliveries };
		const oldSize = JSON.stringify(memory).length;
		expect(isFirstDelivery(memory, 'bounds', deliveryKey(`id:${DEDUPE_MAX}`), start + DEDUPE_MAX * 1000)).toBe(true);
		expect(rememberedCount(memory)).toBe(DEDUPE_MAX);
		// Rewritten in the compact format: under half the size.
		expect(memory.deliveries).toBeUndefined();
		const newSize = JSON.stringify(memory).length;
		process.stdout.write(`[dedupe] 10,000 deliveries in static data: ${oldSize} characters as 0.1.0 kept them, ${newSize} now\n`);
		expect(newSize).toBeLessThan(oldSize / 2);
		// The oldest was forgotten to make room: a replay signed back then is refused, a fresh delivery is not.
		expect(beforeHorizon(memory, start)).toBe(true);
		expect(beforeHorizon(memory, start + (DEDUPE_MAX + 1) * 1000)).toBe(false);
		// What 0.1.0 remembered is still remembered.
		expect(isFirstDelivery(memory, 'bounds', deliveryKey('id:5000'), start + DEDUPE_MAX * 1000)).toBe(false);
		expect(isFirstDelivery(memory, 'bounds', deliveryKey(`id:${DEDUPE_MAX}`), start + DEDUPE_MAX * 1000)).toBe(false);
		const twoDaysLater = start + DEDUPE_MAX * 1000 + 48 * 3600 * 1000;
		expect(isFirstDelivery(memory, 'other', deliveryKey('id:new'), twoDaysLater)).toBe(true);
		expect(rememberedCount(memory)).toBe(1);
		expect(isFirstDelivery(memory, 'other', deliveryKey('id:new'), twoDaysLater + 1000)).toBe(false);
	});
});
