/** The sandbox's own contract: it must hold Lusha's webhook rules, or the trigger tests prove nothing. */
import { createHmac } from 'node:crypto';
import { request } from 'undici';

import { useSandbox } from '../helpers/sandbox';
import { startReceiver } from '../helpers/receiver';

const ctx = useSandbox();

async function call(method: 'GET' | 'POST' | 'PATCH', path: string, body?: unknown, apiKey = ctx.sandbox.apiKey) {
	const response = await request(`${ctx.sandbox.url}${path}`, {
		method,
		headers: { api_key: apiKey, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: response.statusCode, body: (await response.body.json()) as any };
}

const subscribe = (url: string, entityIds: string[]) =>
	call('POST', '/api/subscriptions', { defaults: { url, entityType: 'contact', signalTypes: ['promotion'] }, subscriptions: entityIds.map((entityId) => ({ entityId })) });

describe('Lusha sandbox', () => {
	it('refuses requests without the api_key header', async () => {
		const response = await call('GET', '/account/usage', undefined, '');
		expect(response).toEqual({ status: 401, body: { statusCode: 401, message: 'Invalid API key' } });
	});

	it('answers bulk requests over 100 with Lusha’s 400 shape', async () => {
		const contacts = Array.from({ length: 101 }, (_, i) => ({ contactId: String(i), email: `a${i}@x.example` }));
		const response = await call('POST', '/v2/person', { contacts });
		expect(response.status).toBe(400);
		expect(response.body).toEqual({ statusCode: 400, message: 'Validation failed', errors: ['contacts must contain no more than 100 elements'] });
	});

	it('creates subscriptions only after the URL echoes its challenge', async () => {
		const receiver = await startReceiver();
		try {
			const response = await subscribe(receiver.url, ['1000000', '1000001']);
			expect(response.status).toBe(201);
			expect(response.body).toMatchObject({ total: 2, successful: 2, failed: 0 });
			const [challenge] = receiver.received;
			expect(challenge.method).toBe('GET');
			expect(new URL(challenge.url, 'http://x').searchParams.get('challenge')).toMatch(/^[0-9a-f]{24}$/);
			expect(ctx.sandbox.subscriptions()).toHaveLength(2);
		} finally {
			await receiver.close();
		}
	});

	it('creates nothing when the URL answers the challenge wrongly', async () => {
		const receiver = await startReceiver(() => ({ status: 200, body: { challenge: 'something else' } }));
		try {
			const response = await subscribe(receiver.url, ['1000000', '1000001']);
			expect(response.body.successful).toBe(0);
			expect(response.body.results.map((r: any) => r.error.code)).toEqual(['WEBHOOK_VERIFICATION_FAILED', 'WEBHOOK_VERIFICATION_FAILED']);
			expect(ctx.sandbox.subscriptions()).toHaveLength(0);
		} finally {
			await receiver.close();
		}
	});

	it('signs deliveries with lowercase hex HMAC-SHA256 of "timestamp.body" and Lusha’s headers', async () => {
		const receiver = await startReceiver();
		try {
			await subscribe(receiver.url, ['1000000']);
			const [subscription] = ctx.sandbox.subscriptions();
			const result = await ctx.sandbox.deliver(subscription.id);
			expect(result.delivered).toBe(true);
			const delivery = receiver.received.find((r) => r.method === 'POST')!;
			const timestamp = delivery.headers['x-lusha-timestamp'] as string;
			expect(timestamp).toMatch(/^\d{10}$/);
			expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(5);
			const expected = createHmac('sha256', ctx.sandbox.secret).update(`${timestamp}.${delivery.body}`).digest('hex');
			expect(delivery.headers['x-lusha-signature']).toBe(expected);
			expect(delivery.headers['user-agent']).toBe('Lusha-Webhooks/1.0');
			expect(delivery.headers['content-type']).toBe('application/json');
			expect(JSON.parse(delivery.body)).toMatchObject({ type: 'promotion', entityType: 'contact', entityId: '1000000', subscriptionId: subscription.id });
		} finally {
			await receiver.close();
		}
	});

	it('retries a failing endpoint 3 times, then disables the subscription and logs every attempt', async () => {
		const receiver = await startReceiver();
		try {
			ctx.sandbox.configure({ deliveryRetryDelaysMs: [10, 20, 40] });
			await subscribe(receiver.url, ['1000000']);
			const [subscription] = ctx.sandbox.subscriptions();
			receiver.answerWith(() => ({ status: 500, body: { oops: true } }));
			const result = await ctx.sandbox.deliver(subscription.id);
			expect(result.delivered).toBe(false);
			expect(result.attempts).toHaveLength(4);
			const stored = (await call('GET', `/api/subscriptions/${subscription.id}`)).body;
			expect(stored).toMatchObject({ isActive: false, blockReason: 'Max retries exceeded' });
			expect(stored.blockedAt).toEqual(expect.any(String));
			const logs = (await call('GET', `/api/audit-logs?subscriptionId=${subscription.id}`)).body.data;
			expect(logs.map((l: any) => l.status).sort()).toEqual(['failed', 'failed', 'failed', 'permanent_failure']);
		} finally {
			await receiver.close();
		}
	});

	it('treats a 2xx without the documented acknowledgement as a failed delivery', async () => {
		const receiver = await startReceiver();
		try {
			ctx.sandbox.configure({ deliveryRetryDelaysMs: [5, 5, 5] });
			await subscribe(receiver.url, ['1000000']);
			receiver.answerWith(() => ({ status: 200, body: { ok: true } }));
			const result = await ctx.sandbox.deliver(ctx.sandbox.subscriptions()[0].id);
			expect(result.delivered).toBe(false);
		} finally {
			await receiver.close();
		}
	});

	it('rate-limits each endpoint at 25 requests a second with Lusha’s headers', async () => {
		const answers = await Promise.all(Array.from({ length: 30 }, () => call('GET', '/prospecting/filters/contacts/seniority')));
		const limited = answers.filter((a) => a.status === 429);
		expect(limited).toHaveLength(5);
		expect(ctx.sandbox.count('GET /prospecting/filters/contacts/seniority')).toBe(30);
	});
});
