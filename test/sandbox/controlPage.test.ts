/** The sandbox a newcomer drives: its control page, `npm run signal`, and deliveries about the subscribed entity. */
import { Writable } from 'node:stream';

import { useSandbox } from '../helpers/sandbox';
import { startReceiver } from '../helpers/receiver';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { main: signal } = require('../../scripts/signal');

const ctx = useSandbox();

async function lusha(method: string, path: string, body?: unknown) {
	const response = await fetch(`${ctx.sandbox.url}${path}`, { method, headers: { api_key: ctx.sandbox.apiKey, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
	return { status: response.status, body: (await response.json()) as any };
}

async function admin(method: string, action: string, body?: unknown) {
	const response = await fetch(`${ctx.sandbox.url}/__admin/${action}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
	return { status: response.status, body: (await response.json()) as any };
}

const subscribe = (url: string, entityType: string, entityIds: string[], signalTypes?: string[]) =>
	lusha('POST', '/api/subscriptions', { defaults: { url, entityType, ...(signalTypes ? { signalTypes } : {}) }, subscriptions: entityIds.map((entityId) => ({ entityId })) });

/** Runs `npm run signal` in-process and returns its exit code and what it printed. */
async function runSignal(args: string[]) {
	let printed = '';
	const out = new Writable({ write: (chunk, _encoding, done) => ((printed += chunk), done()) });
	const code = await signal([...args, '--sandbox', ctx.sandbox.url], out);
	return { code, printed };
}

describe('the sandbox control page', () => {
	it('is served at the sandbox root as a page with the subscriptions, deliveries and API calls', async () => {
		const response = await fetch(`${ctx.sandbox.url}/`);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toContain('text/html');
		const html = await response.text();
		for (const text of ['Subscriptions', 'Send signal', 'Recent deliveries', 'Recent API calls', 'Credits charged']) expect(html).toContain(text);
		expect(html).not.toContain(ctx.sandbox.secret as string);
	});

	it('lists subscriptions with entity, types, target URL and the types each can be sent, and never the secret', async () => {
		const receiver = await startReceiver();
		try {
			await subscribe(receiver.url, 'contact', ['1000000'], ['promotion']);
			await subscribe(receiver.url, 'company', ['5001']);
			const { body } = await admin('GET', 'subscriptions');
			expect(body.map((s: any) => [s.entityType, s.entityId, s.url, s.isActive])).toEqual([
				['company', '5001', receiver.url, true],
				['contact', '1000000', receiver.url, true],
			]);
			expect(body[1].sendableSignalTypes).toEqual(['promotion']);
			expect(body[0].sendableSignalTypes).toEqual(expect.arrayContaining(['surgeInHiring', 'financialEventsNews', 'headcountDecrease3m']));
			expect(body[0].sendableSignalTypes).not.toContain('allSignals');
			expect(JSON.stringify(body)).not.toContain(ctx.sandbox.secret as string);
		} finally {
			await receiver.close();
		}
	});

	it('"Send signal" delivers a signed signal of the chosen type and returns the endpoint’s answer', async () => {
		const receiver = await startReceiver();
		try {
			const [created] = (await subscribe(receiver.url, 'company', ['5003'])).body.results;
			const { status, body } = await admin('POST', 'send-signal', { subscriptionId: created.subscription.id, signalType: 'financialEventsNews' });
			expect(status).toBe(200);
			expect(body).toMatchObject({ delivered: true, signalType: 'financialEventsNews', answer: { statusCode: 201, body: { received: true, webhookId: body.deliveryId } } });
			const delivered = receiver.received.find((r) => r.method === 'POST') as { headers: Record<string, string>; body: string };
			expect(delivered.headers['x-lusha-signature']).toMatch(/^[0-9a-f]{64}$/);
			expect(JSON.parse(delivered.body)).toMatchObject({ type: 'financialEventsNews', entityType: 'company', entityId: '5003', data: { companyId: '5003', domain: 'deltalabs.example' } });
		} finally {
			await receiver.close();
		}
	});

	it('shows an error answer, the retries and the disabled subscription when the endpoint refuses', async () => {
		ctx.sandbox.configure({ deliveryRetryDelaysMs: [1, 1, 1] });
		const receiver = await startReceiver();
		try {
			const [created] = (await subscribe(receiver.url, 'contact', ['1000004'], ['promotion'])).body.results;
			receiver.answerWith(() => ({ status: 401, body: { message: 'Invalid Lusha signature' } }));
			const { body } = await admin('POST', 'send-signal', { subscriptionId: created.subscription.id });
			expect(body).toMatchObject({ delivered: false, answer: { statusCode: 401, body: { message: 'Invalid Lusha signature' } } });
			expect(body.attempts).toHaveLength(4);
			const again = await admin('POST', 'send-signal', { subscriptionId: created.subscription.id });
			expect(again.status).toBe(409);
			expect(again.body.message).toContain('disabled');
		} finally {
			await receiver.close();
		}
	});

	it('refuses a signal type the subscription does not watch, naming the ones it does', async () => {
		const receiver = await startReceiver();
		try {
			const [created] = (await subscribe(receiver.url, 'contact', ['1000000'], ['promotion'])).body.results;
			const { status, body } = await admin('POST', 'send-signal', { subscriptionId: created.subscription.id, signalType: 'companyChange' });
			expect(status).toBe(400);
			expect(body.message).toContain('does not watch companyChange; it watches promotion');
			expect(receiver.received.filter((r) => r.method === 'POST')).toHaveLength(0);
		} finally {
			await receiver.close();
		}
	});

	it('logs deliveries with the credit charged, and API calls with the credits each spent', async () => {
		const receiver = await startReceiver();
		try {
			const [created] = (await subscribe(receiver.url, 'contact', ['1000000'], ['promotion'])).body.results;
			await admin('POST', 'deliver', { subscriptionId: created.subscription.id });
			await lusha('GET', '/v2/person?personId=1000001');
			await lusha('GET', '/v2/person?email=nobody%40nowhere.example');
			const { body } = await admin('GET', 'log');
			expect(body.deliveries[0]).toMatchObject({ signalType: 'promotion', entityType: 'contact', entityId: '1000000', url: receiver.url, delivered: true, statusCode: 201, creditsCharged: 1 });
			expect(body.apiCalls.slice(0, 3).map((c: any) => [c.method, c.path, c.statusCode, c.creditsCharged])).toEqual([
				['GET', '/v2/person', 200, 0],
				['GET', '/v2/person', 200, 1],
				['POST', '/api/subscriptions', 201, 0],
			]);
			expect(body.creditsUsed).toBe(1);
		} finally {
			await receiver.close();
		}
	});
});

describe('npm run signal', () => {
	it('sends the type asked for to the newest active subscription that watches it and prints the answer', async () => {
		const receiver = await startReceiver();
		try {
			await subscribe(receiver.url, 'company', ['5001']);
			await subscribe(receiver.url, 'contact', ['1000004'], ['promotion', 'companyChange']);
			const { code, printed } = await runSignal(['--type', 'promotion']);
			expect(code).toBe(0);
			expect(printed).toContain('Sent promotion for contact 1000004');
			expect(printed).toMatch(/answer: HTTP 201 \{"received":true/);
			const payload = JSON.parse((receiver.received.find((r) => r.method === 'POST') as { body: string }).body);
			expect(payload).toMatchObject({ type: 'promotion', entityId: '1000004', data: { personId: 1000004 } });
		} finally {
			await receiver.close();
		}
	});

	it('says what to click when nothing watches the type', async () => {
		const { code, printed } = await runSignal(['--type', 'promotion']);
		expect(code).toBe(1);
		expect(printed).toContain('No active subscription that watches promotion');
		expect(printed).toContain('"Execute step"');
	});

	it('says how to start the sandbox when none is running', async () => {
		let printed = '';
		const out = new Writable({ write: (chunk, _encoding, done) => ((printed += chunk), done()) });
		const code = await signal(['--type', 'promotion', '--sandbox', 'http://127.0.0.1:9'], out);
		expect(code).toBe(1);
		expect(printed).toContain('No Lusha sandbox at http://127.0.0.1:9');
	});
});

describe('sandbox deliveries are about the subscribed entity', () => {
	const deliveredFor = async (entityType: string, entityId: string, signalType?: string) => {
		const receiver = await startReceiver();
		try {
			const [created] = (await subscribe(receiver.url, entityType, [entityId])).body.results;
			await admin('POST', 'deliver', { subscriptionId: created.subscription.id, tamper: signalType ? { signalType } : {} });
			return JSON.parse((receiver.received.find((r) => r.method === 'POST') as { body: string }).body);
		} finally {
			await receiver.close();
		}
	};

	it.each([['1000002'], ['1000001'], ['4158887495']])('a contact delivery for %s carries that person’s ID', async (entityId) => {
		const payload = await deliveredFor('contact', entityId, 'promotion');
		expect(payload.entityId).toBe(entityId);
		expect(payload.data.personId).toBe(Number(entityId));
		expect(payload.data.currentDepartments[0]).toEqual({ id: expect.any(Number), value: expect.any(String) });
	});

	it.each([
		['peopleNews', ['companyId', 'companyName', 'domain', 'eventType', 'articleUrl']],
		['headcountDecrease3m', ['signalDate', 'baselineEmployeesCount', 'newEmployeesCount', 'changeRatePercent']],
		['surgeInHiringByDepartment', ['department', 'signalDate', 'newJobsPostedLast4Weeks', 'changeRatePercent']],
		['itSpendIncrease', ['signalDate', 'estimatedAnnualItSpend', 'changeRatePercent']],
	])('a company %s delivery has that type’s fields, about the subscribed company', async (signalType, fields) => {
		const payload = await deliveredFor('company', '5002', signalType as string);
		expect(payload).toMatchObject({ type: signalType, entityId: '5002' });
		for (const field of fields as string[]) expect(payload.data[field]).toBeDefined();
		if ('companyId' in payload.data) expect(payload.data.companyId).toBe('5002');
		if (/Decrease/.test(signalType as string)) expect(payload.data.changeRatePercent).toBeLessThan(0);
	});

	it('a company the fixtures do not hold still gets its own ID in the data', async () => {
		const payload = await deliveredFor('company', '33222678', 'riskNews');
		expect(payload.data.companyId).toBe('33222678');
	});
});
