/** The sandbox's own contract: it must hold Lusha's webhook rules, or the trigger tests prove nothing. */
import { createHmac } from 'node:crypto';
import { request } from 'undici';

import { useSandbox } from '../helpers/sandbox';
import { startReceiver, wellBehaved } from '../helpers/receiver';

const ctx = useSandbox();
const receivers: Array<Awaited<ReturnType<typeof startReceiver>>> = [];
afterEach(async () => {
	await Promise.all(receivers.splice(0).map((receiver) => receiver.close()));
});

/** A stand-in webhook endpoint for one test, closed after it. */
async function receiverFor(answer?: Parameters<typeof startReceiver>[0]) {
	const receiver = await startReceiver(answer);
	receivers.push(receiver);
	return receiver;
}

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
		const receiver = await receiverFor();
		const response = await subscribe(receiver.url, ['1000000', '1000001']);
		expect(response.status).toBe(201);
		expect(response.body).toMatchObject({ total: 2, successful: 2, failed: 0 });
		const [challenge] = receiver.received;
		expect(challenge.method).toBe('GET');
		expect(new URL(challenge.url, 'http://x').searchParams.get('challenge')).toMatch(/^[0-9a-f]{24}$/);
		expect(ctx.sandbox.subscriptions()).toHaveLength(2);
	});

	it('creates nothing when the URL answers the challenge wrongly', async () => {
		const receiver = await receiverFor(() => ({ status: 200, body: { challenge: 'something else' } }));
		const response = await subscribe(receiver.url, ['1000000', '1000001']);
		expect(response.body.successful).toBe(0);
		expect(response.body.results.map((r: any) => r.error.code)).toEqual(['WEBHOOK_VERIFICATION_FAILED', 'WEBHOOK_VERIFICATION_FAILED']);
		expect(ctx.sandbox.subscriptions()).toHaveLength(0);
	});

	it('signs deliveries with lowercase hex HMAC-SHA256 of "timestamp.body" and Lusha’s headers', async () => {
		const receiver = await receiverFor();
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
	});

	it('retries a failing endpoint 3 times, then disables the subscription and logs every attempt', async () => {
		const receiver = await receiverFor();
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
	});

	it('sends nothing to a disabled subscription, and delivers again once it is switched back on', async () => {
		const receiver = await receiverFor();
		ctx.sandbox.configure({ deliveryRetryDelaysMs: [5, 5, 5] });
		await subscribe(receiver.url, ['1000000']);
		const [subscription] = ctx.sandbox.subscriptions();
		receiver.answerWith(() => ({ status: 500, body: { oops: true } }));
		await ctx.sandbox.deliver(subscription.id);
		const posts = () => receiver.received.filter((r) => r.method === 'POST').length;
		expect(posts()).toBe(4);
		receiver.answerWith(wellBehaved);
		const skipped = await ctx.sandbox.deliver(subscription.id);
		expect(skipped).toMatchObject({ delivered: false, disabled: true, attempts: [] });
		expect(posts()).toBe(4);
		expect((await call('GET', `/api/audit-logs?subscriptionId=${subscription.id}`)).body.data).toHaveLength(4);
		await call('PATCH', `/api/subscriptions/${subscription.id}`, { isActive: true });
		expect((await ctx.sandbox.deliver(subscription.id)).delivered).toBe(true);
		expect(posts()).toBe(5);
	});

	it('keeps the signals it fired, delivered or not, dated the day they fired, and its signals API lists them by entity from startDate on', async () => {
		const receiver = await receiverFor();
		ctx.sandbox.configure({ deliveryRetryDelaysMs: [5, 5, 5] });
		await subscribe(receiver.url, ['1000000', '1000002']);
		const [first, second] = ctx.sandbox.subscriptions();
		const today = new Date().toISOString().slice(0, 10);
		const delivered = await ctx.sandbox.deliver(first.id);
		expect(delivered.payload.data.signalDate).toBe(today);
		receiver.answerWith(() => ({ status: 500, body: {} }));
		const failed = await ctx.sandbox.deliver(second.id);
		const skipped = await ctx.sandbox.deliver(second.id);
		expect([failed.delivered, skipped.disabled]).toEqual([false, true]);

		const read = async (startDate: string) =>
			(await call('POST', '/v3/contacts/signals', { ids: ['1000000', '1000002'], signalTypes: ['promotion'], startDate, maxResultsPerSignal: 100 })).body;
		const fromToday = await read(today);
		expect(fromToday.results.map((r: any) => r.promotion.length)).toEqual([1, 2]);
		expect(fromToday.results[1].promotion[0]).toMatchObject({ signalDate: today, newCompany: skipped.payload.data.currentCompanyName, currentDepartments: [expect.any(String)] });
		expect(fromToday.billing.creditsCharged).toBe(2);
		// A start date after the day they fired lists none of them.
		const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
		expect((await read(tomorrow)).results.map((r: any) => r.promotion.length)).toEqual([0, 0]);
		// A test delivery is no signal: it keeps the mock's date and is not listed.
		await call('POST', `/api/subscriptions/${first.id}/test`);
		expect((await read(today)).results[0].promotion).toHaveLength(1);
	});

	it('treats a 2xx without the documented acknowledgement as a failed delivery', async () => {
		const receiver = await receiverFor();
		ctx.sandbox.configure({ deliveryRetryDelaysMs: [5, 5, 5] });
		await subscribe(receiver.url, ['1000000']);
		receiver.answerWith(() => ({ status: 200, body: { ok: true } }));
		const result = await ctx.sandbox.deliver(ctx.sandbox.subscriptions()[0].id);
		expect(result.delivered).toBe(false);
	});

	it('rate-limits the webhook API at 100 calls a window for all its paths together', async () => {
		ctx.sandbox.configure({ webhookWindowMs: 2000 });
		const paths = ['/api/subscriptions', '/api/audit-logs', '/api/audit-logs/stats', '/api/account/secret'];
		const answers = await Promise.all(Array.from({ length: 101 }, (_, i) => call('GET', paths[i % paths.length])));
		expect(answers.filter((a) => a.status === 429)).toHaveLength(1);
		// Data endpoints keep their own budget.
		expect((await call('GET', '/prospecting/filters/contacts/seniority')).status).toBe(200);
	});

	it('rate-limits each endpoint at 25 requests a second with Lusha’s headers', async () => {
		const answers = await Promise.all(Array.from({ length: 30 }, () => call('GET', '/prospecting/filters/contacts/seniority')));
		const limited = answers.filter((a) => a.status === 429);
		expect(limited).toHaveLength(5);
		expect(ctx.sandbox.count('GET /prospecting/filters/contacts/seniority')).toBe(30);
	});
});

/** Requests the v2 spec does not allow are refused, as Lusha refuses them; the spec's own forms pass. */
describe('Lusha sandbox: v2 requests exactly as the spec says', () => {
	const person = () => ctx.sandbox.fixtures.people[0];
	const query = (params: Array<[string, string]>) => new URLSearchParams(params).toString();

	it('takes signals on GET /v2/person and GET /v2/company only repeated, never comma-joined', async () => {
		const email = person().emailAddresses[0].email;
		const repeated = await call('GET', `/v2/person?${query([['email', email], ['signals', 'promotion'], ['signals', 'companyChange']])}`);
		expect(repeated.status).toBe(200);
		const joined = await call('GET', `/v2/person?${query([['email', email], ['signals', 'promotion,companyChange']])}`);
		expect(joined.status).toBe(400);
		expect(joined.body.errors).toEqual(['each value in signals must be one of the following values: allSignals, promotion, companyChange']);
		expect((await call('GET', `/v2/person?${query([['email', email], ['signals[0]', 'promotion']])}`)).body.errors).toEqual(['property signals[0] should not exist']);
		expect((await call('GET', `/v2/company?${query([['domain', 'acmelabs.example'], ['signals', 'surgeInHiring'], ['signals', 'riskNews']])}`)).status).toBe(200);
		expect((await call('GET', `/v2/company?${query([['domain', 'acmelabs.example'], ['signals', 'surgeInHiring,riskNews']])}`)).status).toBe(400);
	});

	it('refuses a bulk contact with only a person ID or only a name, and a company without isCurrent', async () => {
		const bulk = (contact: object) => call('POST', '/v2/person', { contacts: [{ contactId: '0', ...contact }] });
		expect((await bulk({ personId: String(person().personId) })).body.errors).toEqual(['contacts.0 must have an email, a linkedinUrl, or a fullName with a company name or domain']);
		expect((await bulk({ fullName: person().fullName })).status).toBe(400);
		expect((await bulk({ fullName: person().fullName, companies: [{ name: 'Acme Labs' }] })).body.errors).toEqual(['contacts.0.companies.0.isCurrent is required']);
		expect((await bulk({ fullName: person().fullName, companies: [{ isCurrent: true }] })).body.errors).toContain('contacts.0.companies.0 must have a name or a domain');
		expect((await bulk({ fullName: person().fullName, companies: [{ name: 'Acme Labs', isCurrent: true }] })).status).toBe(200);
		expect((await bulk({ personId: String(person().personId), email: person().emailAddresses[0].email })).status).toBe(200);
	});

	it('answers GET /v2/person in the single shape (address, type, Mobile) and POST in the bulk shape (email, emailType)', async () => {
		const email = person().emailAddresses[0].email;
		const single = (await call('GET', `/v2/person?email=${encodeURIComponent(email)}`)).body.contact.data;
		expect(single.emailAddresses[0]).toMatchObject({ address: email, type: 'work' });
		expect(single.phoneNumbers[0].phoneType).toBe('Direct');
		const bulk = (await call('POST', '/v2/person', { contacts: [{ contactId: '7', email }] })).body.contacts['7'].data;
		expect(bulk.emailAddresses[0]).toMatchObject({ email, emailType: 'work' });
		expect(bulk.phoneNumbers[0].phoneType).toBe('direct');
	});

	it('needs both name and domain on each company of a contact signal search', async () => {
		const search = (companies: object[]) => call('POST', '/api/signals/contacts/search', { contacts: [{ id: '0', full_name: person().fullName, companies }], signals: ['promotion'] });
		expect((await search([{ name: 'Acme Labs', is_current: true }])).body.errors).toEqual(['contacts.0.companies.0.domain is required']);
		expect((await search([{ name: 'Acme Labs', domain: 'acmelabs.example', is_current: true }])).status).toBe(200);
	});

	it('refuses a hiring location with a state but no country', async () => {
		const filters = { include: { hiringByLocations: [{ state: 'California' }] } };
		const bulk = await call('POST', '/bulk/company/v2', { companies: [{ id: '0', domain: 'acmelabs.example' }], signals: ['surgeInHiringByLocation'], signalsFilters: filters });
		expect(bulk.body.errors).toEqual(['signalsFilters.include.hiringByLocations.0.country is required']);
		const signals = await call('POST', '/api/signals/companies', { companyIds: [5000], signals: ['surgeInHiringByLocation'], filters });
		expect(signals.status).toBe(400);
	});

	it('takes prospecting `signal` and technology objects, and refuses `signals` and technology strings', async () => {
		const search = (include: object) => call('POST', '/prospecting/company/search', { pages: { page: 0, size: 10 }, filters: { companies: { include } } });
		expect((await search({ signal: { names: ['surgeInHiring'] }, technologies: [{ name: 'Salesforce' }] })).status).toBe(200);
		expect((await search({ signals: { names: ['surgeInHiring'] } })).body.errors).toEqual(['property filters.companies.include.signals should not exist']);
		expect((await search({ technologies: ['Salesforce'] })).body.errors).toEqual(['filters.companies.include.technologies.0 must be an object']);
	});

	it('answers prospecting searches in the spec’s shape, under `data` as live Lusha does or under the spec’s keys', async () => {
		const search = () => call('POST', '/prospecting/contact/search', { pages: { page: 0, size: 10 }, filters: {} });
		const live = await search();
		expect(live.body.contacts).toBeUndefined();
		expect(live.body.data[0]).toMatchObject({ contactId: expect.any(String), name: expect.any(String), hasWorkEmail: true, hasCompanyEmployeesCount: true });
		ctx.sandbox.configure({ prospectingListKey: 'spec' });
		const spec = await search();
		expect(spec.body.data).toBeUndefined();
		expect(spec.body.contacts).toHaveLength(10);
		const companies = await call('POST', '/prospecting/company/search', { pages: { page: 0, size: 10 }, filters: { companies: {} } });
		expect(companies.body.companies[0]).toMatchObject({ id: expect.any(String), name: expect.any(String), hasCompanyRevenue: true });
	});

	it('holds lookalikes to 100 per list and a UUID session, and answers an unknown session with the spec’s 410', async () => {
		const emails = (n: number) => Array.from({ length: n }, (_, i) => `seed${i}@acme.example`);
		const lookalike = (body: object) => call('POST', '/v3/lookalike/contacts', body);
		expect((await lookalike({ seeds: { emails: emails(101) } })).body.errors).toEqual(['seeds.emails must contain no more than 100 elements']);
		expect((await lookalike({ seeds: { emails: emails(5) }, exclude: { contactIds: Array.from({ length: 101 }, (_, i) => i + 1) } })).status).toBe(400);
		expect((await lookalike({ seeds: { emails: emails(5) }, dedupeSessionId: 'session-1' })).body.errors).toEqual(['dedupeSessionId must be a UUID']);
		expect((await lookalike({ seeds: { names: ['x'] } })).body.errors).toContain('property seeds.names should not exist');
		const expired = await lookalike({ seeds: { emails: emails(5) }, dedupeSessionId: '58adaa77-7a6e-4c9b-8c2d-820a6538e613' });
		expect(expired).toEqual({ status: 410, body: { code: 'DEDUPE_SESSION_INVALID', message: expect.stringContaining('Generate a new request without dedupeSessionId') } });
		const found = await lookalike({ seeds: { emails: emails(5) }, limit: 2 });
		expect(found.body.results[0]).toMatchObject({ contactId: expect.any(String), company: { companyId: expect.any(String) } });
	});
});
