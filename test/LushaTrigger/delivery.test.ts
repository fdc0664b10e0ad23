import { createHmac, randomBytes } from 'node:crypto';
import { request } from 'undici';

import { verifySignature } from '../../nodes/LushaTrigger/signature';
import { startTriggerHost } from '../helpers/triggerHost';
import { useSandbox } from '../helpers/sandbox';
import { useShortMinuteWindows } from '../helpers/pacing';

const SECRET = 'whsec_delivery_test_secret_0002';
const ctx = useSandbox({ secret: SECRET });
useShortMinuteWindows(ctx, 1000);

let trigger: Awaited<ReturnType<typeof startTriggerHost>>;
let subscriptionId: string;

async function activate(options = {}, credential = ctx.credential) {
	trigger = await startTriggerHost({
		credential,
		parameters: { entityType: 'contact', entityIds: '1000000', signalTypes: ['allSignals'], subscriptionName: 'Champions', options },
	});
	await trigger.activate();
	subscriptionId = ctx.sandbox.subscriptions()[0].id;
}
afterEach(async () => trigger?.close());

const send = (tamper: Record<string, unknown>, payload = ctx.sandbox.samplePayload(ctx.sandbox.subscriptions()[0])) =>
	ctx.sandbox.sendSigned(trigger.webhookUrl, payload, tamper);

describe('Lusha Trigger deliveries', () => {
	it('answers Lusha’s challenge with exactly {"challenge":"X"} as JSON, and a GET without one with 400', async () => {
		await activate();
		const answer = await request(`${trigger.webhookUrl}?challenge=abc123xyz`);
		expect(answer.statusCode).toBe(200);
		expect(answer.headers['content-type']).toContain('application/json');
		expect(await answer.body.text()).toBe('{"challenge":"abc123xyz"}');
		const bare = await request(trigger.webhookUrl);
		expect(bare.statusCode).toBe(400);
		await bare.body.dump();
		expect(trigger.runs).toHaveLength(0);
	});

	it('acknowledges a signed delivery with 201 and Lusha’s body, then emits one flattened item', async () => {
		await activate();
		const before = Date.now();
		const result = await ctx.sandbox.deliver(subscriptionId);
		expect(result.delivered).toBe(true);
		const [attempt] = result.attempts;
		expect(attempt.statusCode).toBe(201);
		expect(attempt.headers['content-type']).toContain('application/json');
		expect(Object.keys(attempt.body)).toEqual(['received', 'timestamp', 'webhookId']);
		expect(attempt.body.received).toBe(true);
		expect(attempt.body.webhookId).toBe(result.payload.id);
		expect(Date.parse(attempt.body.timestamp)).toBeGreaterThanOrEqual(before - 1000);
		expect(new Date(attempt.body.timestamp).toISOString()).toBe(attempt.body.timestamp);

		expect(trigger.runs).toHaveLength(1);
		const [item] = trigger.runs[0];
		const payload = result.payload;
		expect(item).toMatchObject({
			signalType: payload.type,
			entityType: 'contact',
			entityId: '1000000',
			signalDate: payload.data.signalDate,
			creditsCharged: 1,
			deliveryId: payload.id,
			subscriptionId,
			currentCompanyName: payload.data.currentCompanyName,
			previousCompanyName: payload.data.previousCompanyName,
			raw: payload,
		});
	});

	it('passes the payload through untouched when Flatten Output is off', async () => {
		await activate({ flatten: false });
		const result = await ctx.sandbox.deliver(subscriptionId);
		expect(trigger.runs[0][0]).toEqual(result.payload);
	});

	it('accepts a signature computed over JSON.stringify of the parsed body, as Lusha’s docs compute it', async () => {
		await activate();
		const payload = ctx.sandbox.samplePayload(ctx.sandbox.subscriptions()[0]);
		const spaced = JSON.stringify(payload, null, 2);
		const reply = await send({ bodyText: spaced, signedBodyText: JSON.stringify(payload) }, payload);
		expect(reply.statusCode).toBe(201);
		expect(trigger.runs).toHaveLength(1);
	});

	const now = () => Math.floor(Date.now() / 1000);
	const rejected: Array<[string, () => Record<string, unknown>]> = [
		['a forged signature', () => ({ secret: 'whsec_somebody_else' })],
		['a tampered body', () => ({ bodyText: JSON.stringify({ id: 'x', type: 'promotion', data: { evil: true } }), signedBodyText: '{"id":"y"}' })],
		['a timestamp older than the 24-hour tolerance', () => ({ timestamp: now() - 25 * 3600 })],
		['a timestamp more than 24 hours in the future', () => ({ timestamp: now() + 25 * 3600 })],
		['a missing signature header', () => ({ headers: { 'x-lusha-signature': null } })],
		['a missing timestamp header', () => ({ headers: { 'x-lusha-timestamp': null } })],
		['a signature of the wrong length', () => ({ signature: 'abc123' })],
		['a non-hex signature', () => ({ signature: 'z'.repeat(64) })],
		['an uppercase-prefixed signature', () => ({ signature: `sha256=${'a'.repeat(57)}` })],
	];
	it.each(rejected)('answers %s with 401 and starts no run', async (_name, tamper) => {
		await activate();
		const reply = await send(tamper());
		expect(reply.statusCode).toBe(401);
		expect(reply.body.message).toMatch(/^Invalid Lusha signature/);
		expect(JSON.stringify(reply.body)).not.toContain(SECRET);
		expect(trigger.runs).toHaveLength(0);
	});

	it('accepts a timestamp in milliseconds', async () => {
		await activate();
		const reply = await send({ timestamp: Date.now() });
		expect(reply.statusCode).toBe(201);
	});

	it('starts one run for the same delivery sent 3 times, and acknowledges all 3', async () => {
		await activate();
		const payload = ctx.sandbox.samplePayload(ctx.sandbox.subscriptions()[0]);
		const replies = [await send({}, payload), await send({}, payload), await send({}, payload)];
		expect(replies.map((r) => r.statusCode)).toEqual([201, 201, 201]);
		expect(replies.every((r) => r.body.webhookId === payload.id)).toBe(true);
		expect(trigger.runs).toHaveLength(1);
	});

	it('runs every copy when Ignore Duplicate Deliveries is off', async () => {
		await activate({ ignoreDuplicates: false });
		const payload = ctx.sandbox.samplePayload(ctx.sandbox.subscriptions()[0]);
		await send({}, payload);
		await send({}, payload);
		expect(trigger.runs).toHaveLength(2);
	});

	it('answers a non-JSON body with 400 and starts no run', async () => {
		await activate();
		const reply = await send({ bodyText: 'not json at all' });
		expect(reply.statusCode).toBe(400);
		expect(trigger.runs).toHaveLength(0);
	});

	it('acknowledges a signed payload without id or type with 201 and runs it once, passed through and marked as a test', async () => {
		await activate();
		const payload = { hello: 'world', data: { personId: 1000000 } } as never;
		const replies = [await send({ timestamp: now() }, payload), await send({ timestamp: now() + 1 }, payload)];
		expect(replies.map((r) => [r.statusCode, r.body.received, r.body.webhookId])).toEqual([
			[201, true, null],
			[201, true, null],
		]);
		// The second copy is re-signed (a new timestamp), so it is a new delivery; the same signed copy again is not.
		expect(trigger.runs).toHaveLength(2);
		expect(trigger.runs[0][0]).toMatchObject({ hello: 'world', isTest: true, entityId: '1000000', raw: { hello: 'world' } });
		const ts = now() - 5;
		await send({ timestamp: ts }, payload);
		await send({ timestamp: ts }, payload);
		expect(trigger.runs).toHaveLength(3);
	});

	it('runs a test delivery from Subscription → Test once, marked as a test, and Lusha counts it delivered', async () => {
		await activate();
		const { runNode } = await import('../helpers/n8n');
		const result = await runNode({ credential: ctx.credential, parameters: { resource: 'subscription', operation: 'test', subscriptionId: { __rl: true, mode: 'id', value: subscriptionId }, mode: 'full' } });
		expect(result.items[0].json).toMatchObject({ isSuccess: true, flowCheckStatusCode: 201 });
		expect(trigger.runs).toHaveLength(1);
		expect(trigger.runs[0][0]).toMatchObject({ isTest: true, entityType: 'contact', signalType: expect.any(String), creditsCharged: 0 });
	});

	it('accepts a genuine retry signed 6 hours ago: the default tolerance covers Lusha’s retries', async () => {
		await activate();
		const reply = await send({ timestamp: now() - 6 * 3600 });
		expect(reply.statusCode).toBe(201);
		expect(trigger.runs).toHaveLength(1);
	});

	it('passes unknown signal types and extra fields through', async () => {
		await activate();
		const payload = { ...ctx.sandbox.samplePayload(ctx.sandbox.subscriptions()[0]), type: 'brandNewSignal', extra: { a: 1 } };
		const reply = await send({}, payload);
		expect(reply.statusCode).toBe(201);
		expect(trigger.runs[0][0]).toMatchObject({ signalType: 'brandNewSignal', raw: { extra: { a: 1 } } });
	});

	it('accepts an opt-out notice, which has no id or type, acknowledges it, and outputs ISO-8601 dates', async () => {
		await activate();
		const optOut = { contactId: '1000000', fullName: 'Ava Adler', contactOptOutDate: '2026-04-22 14:32:11.412', contactExposureDate: '2025-08-03 09:15:47', datapoints: [{ datapointId: '+14155550199', datapointType: 'phone' }, { datapointId: 'ava@acme.example', datapointType: 'email' }], partnerClientId: null };
		const reply = await send({}, optOut as never);
		expect(reply.statusCode).toBe(201);
		expect(reply.body).toMatchObject({ received: true, webhookId: null });
		expect(trigger.runs[0][0]).toMatchObject({
			signalType: 'optOut',
			contactId: '1000000',
			fullName: 'Ava Adler',
			contactOptOutDate: '2026-04-22T14:32:11.412Z',
			contactExposureDate: '2025-08-03T09:15:47.000Z',
			datapoints: optOut.datapoints,
			emails: ['ava@acme.example'],
			phones: ['+14155550199'],
		});
		// Re-signed by a retry, it is still the same opt-out: one run.
		await send({ timestamp: now() - 30 }, optOut as never);
		expect(trigger.runs).toHaveLength(1);
	});

	it('verifies with the secret it read from Lusha, and re-reads it after Lusha rotated it', async () => {
		await activate();
		ctx.sandbox.secret = 'whsec_rotated_secret_0003';
		const reply = await send({});
		expect(reply.statusCode).toBe(201);
		ctx.sandbox.secret = SECRET;
	});

	it('accepts a delivery signed with a just-rotated secret right after forged ones, without refusing it', async () => {
		await activate();
		const forged = await Promise.all([send({ secret: 'whsec_forger' }), send({ secret: 'whsec_forger' })]);
		expect(forged.map((r) => r.statusCode)).toEqual([401, 401]);
		ctx.sandbox.secret = 'whsec_rotated_secret_0004';
		const started = Date.now();
		const genuine = await send({});
		expect(genuine.statusCode).toBe(201);
		expect(Date.now() - started).toBeLessThan(1000);
		expect(trigger.runs).toHaveLength(1);
		ctx.sandbox.secret = SECRET;
	});

	it('a flood of forged deliveries makes at most 5 quick secret re-reads, then one every 3 seconds', async () => {
		await activate();
		const before = ctx.sandbox.count('GET /api/account/secret');
		for (let i = 0; i < 40; i++) await send({ secret: 'whsec_forger' });
		expect(ctx.sandbox.count('GET /api/account/secret') - before).toBeLessThanOrEqual(6);
	});

	it('uses the credential’s secret when set', async () => {
		await activate({}, { ...ctx.credential, webhookSecret: 'whsec_from_credential' });
		expect((await send({ secret: 'whsec_from_credential' })).statusCode).toBe(201);
		expect((await send({ secret: SECRET })).statusCode).toBe(401);
	});

	it('survives 3,000 random header and body mutations: none accepted, none crashing', async () => {
		await activate();
		const base = ctx.sandbox.samplePayload(ctx.sandbox.subscriptions()[0]);
		const text = JSON.stringify(base);
		const ts = String(now());
		const good = createHmac('sha256', SECRET).update(`${ts}.${text}`).digest('hex');
		const flip = (s: string) => {
			const i = Math.floor(Math.random() * s.length);
			// Printable ASCII only: HTTP clients refuse control characters in headers before they are sent.
			const replacement = String.fromCharCode(32 + ((s.charCodeAt(i) - 32 + 1 + Math.floor(Math.random() * 93)) % 95));
			return s.slice(0, i) + replacement + s.slice(i + 1);
		};
		const mutations = [
			() => ({ signature: flip(good) }),
			() => ({ signature: good, bodyText: flip(text), signedBodyText: text, timestamp: ts }),
			() => ({ signature: good, timestamp: flip(ts) }),
			() => ({ signature: randomBytes(Math.floor(Math.random() * 80)).toString('hex') }),
			() => ({ signature: randomBytes(40).toString('base64') }),
			() => ({ headers: { 'x-lusha-timestamp': randomBytes(6).toString('hex') } }),
			() => ({ bodyText: randomBytes(64).toString('latin1') }),
			() => ({ signature: good.toUpperCase(), timestamp: ts }),
			() => ({ signature: ` ${good}x`, timestamp: ts }),
		];
		const counts: Record<number, number> = {};
		for (let i = 0; i < 3000; i++) {
			const reply = await send(mutations[i % mutations.length]());
			counts[reply.statusCode] = (counts[reply.statusCode] ?? 0) + 1;
		}
		expect(counts[201]).toBeUndefined();
		expect(counts[500]).toBeUndefined();
		expect(counts[0]).toBeUndefined();
		expect(trigger.runs).toHaveLength(0);
		// Still healthy afterwards.
		expect((await send({})).statusCode).toBe(201);
	});

	it('never throws on malformed signature input', () => {
		const odd: unknown[] = [undefined, '', 'x', ['a', 'b'], '0'.repeat(63), '0'.repeat(65), '\u00e9'.repeat(64), '0'.repeat(32) + '\u00e9'.repeat(16)];
		for (const signature of odd) {
			for (const timestamp of odd) {
				expect(() => verifySignature({ signature: signature as string, timestamp: timestamp as string, rawBody: Buffer.from('{}'), parsedBody: {} }, SECRET, 300)).not.toThrow();
			}
		}
	});
});
