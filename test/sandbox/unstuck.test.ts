/** The Unstuck Signals API double the Unstuck example runs against: it must hold Unstuck's documented rules. */
import { useSandbox } from '../helpers/sandbox';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { UNSTUCK_API_KEY } = require('./unstuck');

const ctx = useSandbox();

const signal = {
	signal_type: 'job_promotion',
	source: 'lusha',
	event_name: 'promotion',
	occurred_at: '2026-09-21T00:00:00.000Z',
	identity: { email: 'ava.adler0@acmelabs.example', title: 'VP Sales' },
	context: { personId: 1000000, currentTitle: 'VP Sales' },
};

async function send(body: unknown, authorization = `Bearer ${UNSTUCK_API_KEY}`, contentType = 'application/json') {
	const response = await fetch(`${ctx.sandbox.url}/unstuck/signals`, { method: 'POST', headers: { authorization, 'content-type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) });
	return { status: response.status, body: (await response.json()) as any };
}

const captures = async () => ((await (await fetch(`${ctx.sandbox.url}/__admin/unstuck`)).json()) as { captures: Array<{ body: unknown }> }).captures;

describe('the Unstuck Signals API double', () => {
	it('captures a valid signal and answers with the capture, the matched record and the qualification', async () => {
		const { status, body } = await send(signal);
		expect(status).toBe(201);
		expect(body).toEqual({
			signal_capture_id: expect.stringMatching(/^sig_capture_/),
			matched_record_id: expect.stringMatching(/^lead_/),
			qualification: { icp_code: expect.any(String), icp_score: expect.any(Number), persona_code: 'VP Sales', persona_score: expect.any(Number) },
		});
		expect(await captures()).toEqual([expect.objectContaining({ body: signal })]);
	});

	it.each([
		['no Authorization header', ''],
		['a key that is not the workspace’s', 'Bearer wrong-key'],
		['the key without "Bearer"', UNSTUCK_API_KEY],
	])('refuses %s with 401', async (_case, authorization) => {
		expect((await send(signal, authorization)).status).toBe(401);
		expect(await captures()).toEqual([]);
	});

	it.each([
		['signal_type is required', { ...signal, signal_type: undefined }],
		['signal_type "promotion" is not a signal type enabled in this workspace', { ...signal, signal_type: 'promotion' }],
		['source is required', { ...signal, source: '' }],
		['occurred_at is required', { ...signal, occurred_at: undefined }],
		['occurred_at must be an ISO 8601 timestamp, not "2026-09-21"', { ...signal, occurred_at: '2026-09-21' }],
		['occurred_at must be an ISO 8601 timestamp, not "21/09/2026"', { ...signal, occurred_at: '21/09/2026' }],
		['identity is required', { ...signal, identity: undefined }],
		['identity needs at least one of email, linkedin_url, company_domain', { ...signal, identity: { first_name: 'Ava', title: 'VP Sales' } }],
		['identity.email must be a string, not null', { ...signal, identity: { email: null, company_domain: 'acmelabs.example' } }],
		['identity.company_domain must be a bare domain such as company.com, not "https://acmelabs.example"', { ...signal, identity: { company_domain: 'https://acmelabs.example' } }],
		['context must be an object', { ...signal, context: ['a'] }],
	])('refuses a signal with 422: %s', async (message, body) => {
		const answer = await send(body);
		expect(answer.status).toBe(422);
		expect(answer.body.error).toMatchObject({ code: 'validation_error', message });
		expect(await captures()).toEqual([]);
	});

	it('accepts a company domain or a LinkedIn URL alone as the identity', async () => {
		expect((await send({ ...signal, identity: { company_domain: 'acmelabs.example' } })).status).toBe(201);
		expect((await send({ ...signal, identity: { linkedin_url: 'https://www.linkedin.com/in/ava-adler-0' } })).status).toBe(201);
	});

	it('captures the same event once: same type, source, identity and time, or the same idempotency key', async () => {
		const first = await send(signal);
		const again = await send({ ...signal, identity: { title: 'VP Sales', email: 'ava.adler0@acmelabs.example' }, context: { other: true } });
		expect(again).toEqual({ status: 200, body: first.body });
		const keyed = { ...signal, idempotency_key: 'lusha-delivery-1' };
		const firstKeyed = await send(keyed);
		expect(firstKeyed.status).toBe(201);
		expect(await send({ ...keyed, occurred_at: '2026-09-22T00:00:00Z' })).toEqual({ status: 200, body: firstKeyed.body });
		expect(await captures()).toHaveLength(2);
	});

	it('refuses a body that is not JSON', async () => {
		expect((await send('{not json')).status).toBe(400);
		expect((await send(signal, `Bearer ${UNSTUCK_API_KEY}`, 'text/plain')).status).toBe(415);
	});
});
