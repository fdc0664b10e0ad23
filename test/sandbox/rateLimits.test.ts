/**
 * Lusha's limits as the live docs state them (rateLimits.js): per account, 25/s for all endpoints together,
 * account usage 5/min, webhook API 100/min (https://docs.lusha.com/rate-limiting); plan quotas per minute/hour/day
 * (https://docs.lusha.com/user-guide/lushas-api/all-there-is-to-know-about-lushas-api); the 429 texts
 * (https://docs.lusha.com/apis/v2/openapi/section/error-codes). Off by default.
 */
import { useV3, type Reply } from '../helpers/apiV3Client';

const v3 = useV3();
const V2_ROUTE = '/prospecting/filters/contacts/seniority';
const V3_ROUTE = '/v3/contacts/signals/types';
const NINE = ['x-rate-limit-minute', 'x-rate-limit-hourly', 'x-rate-limit-daily', 'x-minute-requests-left', 'x-hourly-requests-left', 'x-daily-requests-left', 'x-minute-usage', 'x-hourly-usage', 'x-daily-usage'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const get = (path: string, apiKey?: string) => v3.call('GET', path, undefined, apiKey);
async function sequential(n: number, path = V3_ROUTE, apiKey?: string) {
	const out: Reply[] = [];
	for (let i = 0; i < n; i++) out.push(await get(i % 2 ? path : V2_ROUTE, apiKey));
	return out;
}
const burst = (paths: string[], keys: Array<string | undefined> = [undefined]) => Promise.all(Array.from({ length: 30 }, (_, i) => get(paths[i % paths.length], keys[i % keys.length])));
const limited = (replies: Reply[]) => replies.filter((r) => r.status === 429);

describe('per-second limit', () => {
	it('is per route by default (older sandbox behaviour)', async () => {
		expect(limited(await burst([V2_ROUTE, V3_ROUTE]))).toHaveLength(0);
	});

	it('is one 25/s budget for all endpoints and all keys of an account with accountWideLimits', async () => {
		v3.sandbox.configure({ accountWideLimits: true, apiKeys: { 'second-key': {}, 'other-key': { account: 'other' } } });
		const shared = await burst([V2_ROUTE, V3_ROUTE], [undefined, 'second-key']);
		const refused = limited(shared);
		expect(refused).toHaveLength(5);
		expect(refused[0].body).toEqual({ statusCode: 429, message: 'Too many requests. Please wait before making another request.' });
		expect(refused[0].headers).toMatchObject({ 'retry-after': '1', 'ratelimit-reset': '1', 'ratelimit-remaining': '0' });
		for (const header of NINE) expect(refused[0].headers[header]).toMatch(/^\d+$/);
		// Another account has its own budget.
		expect(limited(await burst([V2_ROUTE, V3_ROUTE], ['other-key']))).toHaveLength(5);
		expect((await get(V3_ROUTE, 'unknown-key')).status).toBe(401);
	});
});

describe('account usage and webhook API', () => {
	it('shares 5 calls a minute between V2 and V3 account usage, per account', async () => {
		v3.sandbox.configure({ accountWideLimits: true });
		const statuses = [];
		for (const path of ['/account/usage', '/v3/account/usage', '/account/usage', '/v3/account/usage', '/account/usage', '/v3/account/usage']) statuses.push((await get(path)).status);
		expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
		const refused = await get('/v3/account/usage');
		expect(refused.headers['x-rate-limit-minute']).toBe('5');
		expect(refused.headers['x-minute-requests-left']).toBe('0');
		expect(Number(refused.headers['retry-after'])).toBeGreaterThan(55);
		expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
		// Data endpoints are not held back by it.
		expect((await get(V3_ROUTE)).status).toBe(200);
	});

	it('gives the webhook API its own 100 a minute, outside the plan quotas', async () => {
		v3.sandbox.configure({ accountWideLimits: true, plan: 'pro', rateLimitPerSecond: 0, webhookLimit: 60 });
		const replies = [];
		for (let i = 0; i < 61; i++) replies.push(await get('/api/subscriptions'));
		expect(limited(replies)).toHaveLength(1);
		expect(replies[0].headers['x-rate-limit-minute']).toBe('60');
		// 60 webhook calls spent none of Pro's 50 a minute.
		expect((await get(V3_ROUTE)).headers['x-minute-usage']).toBe('1');
	});
});

describe('plan quotas', () => {
	it('Pro: the 51st call in a minute is a 429 with the minute headers at 0', async () => {
		v3.sandbox.configure({ plan: 'pro', rateLimitPerSecond: 0 });
		const replies = await sequential(51);
		expect(replies.slice(0, 50).every((r) => r.status === 200)).toBe(true);
		const refused = replies[50];
		expect(refused.status).toBe(429);
		expect(refused.body.message).toBe('Too many requests. Please wait before making another request.');
		expect(refused.headers).toMatchObject({ 'x-rate-limit-minute': '50', 'x-minute-requests-left': '0', 'x-minute-usage': '50', 'x-rate-limit-hourly': '150', 'x-hourly-usage': '50', 'x-hourly-requests-left': '100', 'x-rate-limit-daily': '1500', 'x-daily-usage': '50' });
		expect(Number(refused.headers['retry-after'])).toBeGreaterThan(55);
		expect(refused.headers['ratelimit-reset']).toBe(refused.headers['retry-after']);
		// Every 2xx carries the nine headers too, V2 and V3 alike.
		for (const reply of [replies[0], replies[1]]) for (const header of NINE) expect(reply.headers[header]).toMatch(/^\d+$/);
		expect(replies[49].headers['x-minute-requests-left']).toBe('0');
	});

	it('Pro: the 151st call in an hour answers the hourly text with the seconds to reset', async () => {
		v3.sandbox.configure({ plan: 'pro', rateLimitPerSecond: 0, minuteMs: 150, hourMs: 60_000 });
		for (let minute = 0; minute < 3; minute++) {
			expect((await sequential(50)).every((r) => r.status === 200)).toBe(true);
			await sleep(170);
		}
		const refused = await get(V3_ROUTE);
		expect(refused.status).toBe(429);
		const seconds = Number(refused.headers['retry-after']);
		expect(seconds).toBeGreaterThan(50);
		expect(seconds).toBeLessThanOrEqual(60);
		expect(refused.body).toEqual({ statusCode: 429, message: `Hourly API rate limit exceeded. Limit: 150 calls per hour. Reset in ${seconds} seconds` });
		expect(refused.headers).toMatchObject({ 'x-hourly-requests-left': '0', 'x-hourly-usage': '150', 'ratelimit-reset': String(seconds) });
	});

	it('Starter: the 101st call in a day answers the daily text; a short day resets it', async () => {
		v3.sandbox.configure({ plan: 'starter', rateLimitPerSecond: 0, minuteMs: 100, dayMs: 3000 });
		const ok = [];
		for (const n of [40, 40, 20]) {
			ok.push(...(await sequential(n)));
			await sleep(120);
		}
		expect(ok.every((r) => r.status === 200)).toBe(true);
		// Starter has no hourly cap: the hourly headers report the daily limit.
		expect(ok[0].headers).toMatchObject({ 'x-rate-limit-minute': '40', 'x-rate-limit-hourly': '100', 'x-rate-limit-daily': '100' });
		const refused = await get(V3_ROUTE);
		expect(refused.status).toBe(429);
		expect(refused.body).toEqual({ statusCode: 429, message: 'Daily API quota limit exceeded. Limit 100 calls per day' });
		expect(refused.headers).toMatchObject({ 'x-daily-requests-left': '0', 'x-daily-usage': '100' });
		expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
		await sleep(3100);
		expect((await get(V3_ROUTE)).status).toBe(200);
	}, 15_000);

	it('Free: running out of the daily quota answers the trial text; windowScale shortens every window', async () => {
		v3.sandbox.configure({ plan: 'free', rateLimitPerSecond: 0, windowScale: 0.002 });
		// minute = 120 ms, day = 172.8 s
		for (const n of [40, 40, 20]) {
			expect((await sequential(n)).every((r) => r.status === 200)).toBe(true);
			await sleep(140);
		}
		const refused = await get(V3_ROUTE);
		expect(refused.body).toEqual({ statusCode: 429, message: "You've reached your trial limit, please contact support for upgrade" });
	});

	it('takes a plan per account, and the trial fault on any account', async () => {
		v3.sandbox.configure({ plan: 'scale', rateLimitPerSecond: 0, apiKeys: { 'pro-key': { account: 'pro-account' } }, accounts: { 'pro-account': { plan: 'pro' } } });
		expect((await get(V3_ROUTE)).headers['x-rate-limit-hourly']).toBe('5000');
		expect((await get(V3_ROUTE, 'pro-key')).headers['x-rate-limit-hourly']).toBe('150');
		v3.sandbox.configure({ faults: { trialLimitReached: true } });
		expect((await get(V3_ROUTE)).body.message).toBe("You've reached your trial limit, please contact support for upgrade");
	});

	it('asLusha: Premium quotas, account-wide', async () => {
		v3.sandbox.configure({ asLusha: true });
		const reply = await get(V3_ROUTE);
		expect(reply.headers).toMatchObject({ 'x-rate-limit-minute': '300', 'x-rate-limit-hourly': '1800', 'x-rate-limit-daily': '18000', 'x-minute-usage': '1' });
		// The call above counts too: 31 in the second, 25 allowed.
		expect(limited(await burst([V2_ROUTE, V3_ROUTE]))).toHaveLength(6);
	});
});

describe('quota faults under the live limits', () => {
	it('keep x-daily-requests-left 0 and name the plan’s daily limit', async () => {
		v3.sandbox.configure({ plan: 'pro', faults: { dailyQuotaExhausted: true } });
		const reply = await get(V3_ROUTE);
		expect(reply.status).toBe(429);
		expect(reply.body.message).toBe('Daily API quota limit exceeded. Limit 1500 calls per day');
		expect(reply.headers['x-daily-requests-left']).toBe('0');
		expect(reply.headers['x-rate-limit-daily']).toBe('1500');
	});
});
