/** When the transport retries, waits or gives up, and which budget each request spends. */
import { PACES, accountOf, backoffMs, headerWaitMs, MAX_ATTEMPTS, paceBucket, retryDecision, windowWithMarginMs } from '../../../nodes/shared/transport/rateLimit';

describe('retryDecision', () => {
	it('retries 429, 499 and 5xx, and nothing else', () => {
		for (const status of [429, 499, 500, 502, 503]) expect(retryDecision(status, '', {}, 1).retry).toBe(true);
		for (const status of [400, 401, 402, 403, 404, 410, 412, 451]) expect(retryDecision(status, '', {}, 1).retry).toBe(false);
	});

	it('fails at once on a used-up daily quota or trial', () => {
		expect(retryDecision(429, 'Daily API quota limit exceeded. Limit 1000 calls per day', {}, 1)).toEqual({ retry: false, delayMs: 0 });
		expect(retryDecision(429, "You've reached your trial limit, please contact support for upgrade", {}, 1)).toEqual({ retry: false, delayMs: 0 });
	});

	it('waits as long as Lusha’s headers or message say, and gives up when that is over a minute', () => {
		expect(retryDecision(429, '', { 'ratelimit-reset': '3' }, 1)).toEqual({ retry: true, delayMs: 3000 });
		expect(retryDecision(429, '', { 'retry-after': '2' }, 1)).toEqual({ retry: true, delayMs: 2000 });
		expect(retryDecision(429, 'Hourly API rate limit exceeded. Limit: 100 calls per hour. Reset in 12 seconds', {}, 1)).toEqual({ retry: true, delayMs: 12000 });
		expect(retryDecision(429, 'Hourly API rate limit exceeded. Reset in 900 seconds', {}, 1).retry).toBe(false);
	});

	it('stops after the last attempt', () => {
		expect(retryDecision(503, '', {}, MAX_ATTEMPTS).retry).toBe(false);
	});

	it('backs off from about a second, doubling, to a one-minute cap', () => {
		for (let attempt = 1; attempt <= 10; attempt++) {
			const ceiling = Math.min(60_000, 1000 * 2 ** (attempt - 1));
			const delay = backoffMs(attempt);
			expect(delay).toBeGreaterThanOrEqual(ceiling / 2);
			expect(delay).toBeLessThanOrEqual(ceiling);
		}
	});

	it('reads a reset date as well as seconds', () => {
		const inFiveSeconds = new Date(Date.now() + 5000).toUTCString();
		expect(headerWaitMs({ 'retry-after': inFiveSeconds })).toBeGreaterThan(3000);
		expect(headerWaitMs({})).toBeUndefined();
	});
});

describe('paceBucket: the account-wide rates Lusha documents (https://docs.lusha.com/rate-limiting)', () => {
	const account = accountOf('https://api.lusha.com', 'key-1');

	it('gives all data endpoints of an account, both API versions, one budget of 25 a second', () => {
		expect(paceBucket(account, 'POST', '/v2/person')).toEqual({ key: `${account} data`, pace: { requests: 25, windowMs: 1000 } });
		const keys = [paceBucket(account, 'GET', '/v2/person'), paceBucket(account, 'POST', '/v3/contacts/enrich'), paceBucket(account, 'POST', '/v3/companies/prospecting'), paceBucket(account, 'POST', '/api/signals/contacts')].map((b) => b.key);
		expect(new Set(keys)).toEqual(new Set([`${account} data`]));
	});

	it('gives account usage, v2 and V3 together, 5 a minute', () => {
		expect(paceBucket(account, 'GET', '/account/usage')).toEqual({ key: `${account} account usage`, pace: { requests: 5, windowMs: 60_000 } });
		expect(paceBucket(account, 'GET', '/v3/account/usage').key).toBe(`${account} account usage`);
	});

	it('puts every webhook API path in one budget of 100 a minute', () => {
		const paths = ['/api/subscriptions', '/api/subscriptions/507f1f77bcf86cd799439011/test', '/api/subscriptions/delete', '/api/audit-logs', '/api/audit-logs/stats', '/api/account/secret', '/api/account/secret/regenerate'];
		const buckets = paths.map((path) => paceBucket(account, path.endsWith('secret') || path.includes('audit') ? 'GET' : 'POST', path));
		expect(new Set(buckets.map((b) => b.key)).size).toBe(1);
		expect(buckets[0].pace).toBe(PACES.webhookApi);
		expect(PACES.webhookApi).toEqual({ requests: 100, windowMs: 60_000 });
		expect(paceBucket(account, 'POST', '/api/signals/contacts').pace).toBe(PACES.endpoint);
	});

	it('keeps accounts apart, and never holds the API key itself', () => {
		const other = accountOf('https://api.lusha.com', 'key-2');
		expect(paceBucket(other, 'GET', '/api/audit-logs').key).not.toBe(paceBucket(account, 'GET', '/api/audit-logs').key);
		expect(account).not.toContain('key-1');
	});

	it('keeps a small margin on each window', () => {
		expect(windowWithMarginMs(1000)).toBe(1050);
		expect(windowWithMarginMs(60_000)).toBe(61_000);
	});
});
