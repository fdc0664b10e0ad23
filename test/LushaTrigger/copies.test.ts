/**
 * Copies of one delivery in flight at the same time, in one n8n process: one is handed to n8n, the
 * others wait for its outcome (a duplicate when n8n recorded it; the next copy runs when it could not).
 */
import type { IDataObject } from 'n8n-workflow';

import { EARLIER_COPY_WAIT_MS } from '../../nodes/LushaTrigger/copies';
import { startTriggerHost } from '../helpers/triggerHost';
import { useSandbox } from '../helpers/sandbox';
import { useShortMinuteWindows } from '../helpers/pacing';

const ctx = useSandbox({ secret: 'whsec_copies_test_secret_0011' });
useShortMinuteWindows(ctx, 1000);

type Host = Awaited<ReturnType<typeof startTriggerHost>>;
let host: Host;
afterEach(async () => host?.close());

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A process whose n8n takes `recordingMs` to record each run, and records it when `records` says so. */
async function processRecording(recordingMs: number, records: (item: IDataObject) => boolean = () => true) {
	host = await startTriggerHost({
		credential: ctx.credential,
		parameters: { entityType: 'contact', entityIds: '1000000', signalTypes: ['allSignals'], options: {} },
		recordsRun: async (item) => {
			await pause(recordingMs);
			return records(item);
		},
	});
	await host.activate();
	return ctx.sandbox.samplePayload(ctx.sandbox.subscriptions()[0]);
}

describe('copies of one delivery at the same time', () => {
	it('a copy arriving while the first is being recorded waits for it, and is acknowledged as a duplicate: one run', async () => {
		const payload = await processRecording(300);
		const first = ctx.sandbox.sendSigned(host.webhookUrl, payload);
		await pause(50);
		const copy = await ctx.sandbox.sendSigned(host.webhookUrl, payload);
		expect(copy.statusCode).toBe(201);
		expect(copy.body).toMatchObject({ received: true, webhookId: payload.id });
		expect((await first).statusCode).toBe(201);
		expect(host.runs).toHaveLength(1);
	});

	it('when n8n could not record the first copy, the copy that waited runs instead: one run, nothing lost', async () => {
		let refusals = 1;
		const payload = await processRecording(300, () => refusals-- <= 0);
		const first = ctx.sandbox.sendSigned(host.webhookUrl, payload);
		await pause(50);
		const copy = await ctx.sandbox.sendSigned(host.webhookUrl, payload);
		expect((await first).statusCode).toBe(500);
		expect(copy.statusCode).toBe(201);
		expect(host.runs.map((run) => run[0].deliveryId)).toEqual([payload.id]);
	});

	it(`a copy still waiting after ${EARLIER_COPY_WAIT_MS / 1000} s gets 503 with Retry-After, and Lusha's next try is a duplicate`, async () => {
		const payload = await processRecording(EARLIER_COPY_WAIT_MS + 1000);
		const first = ctx.sandbox.sendSigned(host.webhookUrl, payload);
		await pause(50);
		const copy = await ctx.sandbox.sendSigned(host.webhookUrl, payload);
		expect(copy.statusCode).toBe(503);
		expect(copy.headers['retry-after']).toBe('30');
		expect(copy.body).toMatchObject({ message: expect.stringContaining('still being recorded') });
		expect((await first).statusCode).toBe(201);
		expect((await ctx.sandbox.sendSigned(host.webhookUrl, payload)).statusCode).toBe(201);
		expect(host.runs).toHaveLength(1);
	}, 20_000);
});
