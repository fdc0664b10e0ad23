// @ts-check
'use strict';
/**
 * Lusha's rate limits as the live docs state them, used by server.js when config.accountWideLimits or config.plan
 * is set (otherwise server.js keeps its older per-route windows).
 *  - Per ACCOUNT, not per key; 25 requests/s for all endpoints together; GET /account/usage 5/min; the webhook API
 *    (/api/subscriptions and related) 100/min: https://docs.lusha.com/rate-limiting
 *  - Plan quotas per minute / hour / day: https://docs.lusha.com/user-guide/lushas-api/all-there-is-to-know-about-lushas-api
 *  - x-rate-limit-* headers: https://docs.lusha.com/apis/v2/openapi/section/rate-limiting
 *  - The 429 texts: https://docs.lusha.com/apis/v2/openapi/section/error-codes
 *
 * Sandbox choices (not in the docs): windows slide; a 429 does not use up quota; plan quotas count every data-API
 * request (V2 and V3, account usage included) but not the webhook API, which has only its own 100/min; V2 and V3
 * account usage share one 5/min bucket; a plan without an hourly cap reports its daily limit in the hourly headers;
 * on the Free plan the daily quota answers the trial text.
 */

/** @type {Record<string, { minute: number, hour: number | null, day: number }>} */
const PLANS = {
	free: { minute: 40, hour: null, day: 100 },
	starter: { minute: 40, hour: null, day: 100 },
	pro: { minute: 50, hour: 150, day: 1500 },
	premium: { minute: 300, hour: 1800, day: 18_000 },
	scale: { minute: 300, hour: 5000, day: 50_000 },
	legacy: { minute: 300, hour: 600, day: 6000 },
};

const MESSAGES = {
	burst: 'Too many requests. Please wait before making another request.',
	trial: "You've reached your trial limit, please contact support for upgrade",
	daily: (limit) => `Daily API quota limit exceeded. Limit ${limit} calls per day`,
	hourly: (limit, seconds) => `Hourly API rate limit exceeded. Limit: ${limit} calls per hour. Reset in ${seconds} seconds`,
};

const USAGE_ROUTES = new Set(['GET /account/usage', 'GET /v3/account/usage']);
const WEBHOOK_ROUTE = /^\w+ \/api\/(subscriptions|audit-logs|account\/secret)(\/|$)/;

function createAccountLimits(sandbox) {
	/** bucket name → arrival times (ms, ascending) of the requests it let through. */
	const arrivals = new Map();

	function windows() {
		const c = sandbox.config;
		const scale = Number(c.windowScale ?? 1);
		return { minute: c.minuteMs ?? 60_000 * scale, hour: c.hourMs ?? 3_600_000 * scale, day: c.dayMs ?? 86_400_000 * scale };
	}

	/** The plan's quotas, or (no plan) the per-second limit stretched to a minute and hour, and config.dailyLimit. */
	function quotas(account) {
		const c = sandbox.config;
		const name = c.accounts?.[account]?.plan ?? c.plan;
		const plan = name ? PLANS[String(name).toLowerCase()] : undefined;
		if (name && !plan) throw new Error(`Unknown plan ${name}; one of ${Object.keys(PLANS).join(', ')}`);
		// config.planQuotas ({ minute?, hour?, day? }) overrides the plan's numbers, so a test can reach a quota in a few calls.
		if (plan) return { name: String(name).toLowerCase(), minute: plan.minute, hour: plan.hour, day: plan.day, ...c.planQuotas };
		const perSecond = c.rateLimitPerSecond;
		return { name: undefined, minute: perSecond > 0 ? perSecond * 60 : null, hour: perSecond > 0 ? perSecond * 3600 : null, day: c.dailyLimit };
	}

	const list = (bucket) => {
		if (!arrivals.has(bucket)) arrivals.set(bucket, []);
		return arrivals.get(bucket);
	};
	/** Arrivals within the last `windowMs`, and when the oldest of them leaves the window (seconds, at least 1). */
	function within(bucket, windowMs, now) {
		const times = list(bucket);
		let n = 0;
		let oldest = now;
		for (let i = times.length - 1; i >= 0 && times[i] > now - windowMs; i--) {
			n++;
			oldest = times[i];
		}
		return { used: n, resetSeconds: Math.max(1, Math.ceil((oldest + windowMs - now) / 1000)) };
	}

	/** The short-window limit a route spends: account usage's 5, the webhook API's 100, or everyone's 25 a second. */
	function burstWindow(key, account) {
		const c = sandbox.config;
		const shared = Boolean(c.accountWideLimits);
		if (USAGE_ROUTES.has(key)) return { group: 'usage', bucket: `${account}|${shared ? 'usage' : key}`, windowMs: c.usageWindowMs, limit: c.usageLimit };
		if (WEBHOOK_ROUTE.test(key)) return { group: 'webhook', bucket: `${account}|webhook`, windowMs: c.webhookWindowMs, limit: c.webhookLimit };
		return { group: 'data', bucket: `${account}|${shared ? 'all' : key}`, windowMs: 1000, limit: c.rateLimitPerSecond };
	}

	/**
	 * Checks one arriving request of `account` on route `key` and records it unless it is refused.
	 * @returns {{ limited: boolean, message?: string, resetSeconds?: number, limit?: number, windowMs?: number }}
	 */
	function check(key, account) {
		const now = Date.now();
		const w = windows();
		const q = quotas(account);
		const burst = burstWindow(key, account);
		const quotaBucket = `${account}|quota`;
		const counted = burst.group !== 'webhook';
		// Longest window first: its message is the one that tells the caller to stop.
		if (counted && q.day > 0) {
			const day = within(quotaBucket, w.day, now);
			if (day.used >= q.day) return { limited: true, message: q.name === 'free' ? MESSAGES.trial : MESSAGES.daily(q.day), resetSeconds: day.resetSeconds, limit: q.day, windowMs: w.day };
		}
		if (counted && q.hour && q.name) {
			const hour = within(quotaBucket, w.hour, now);
			if (hour.used >= q.hour) return { limited: true, message: MESSAGES.hourly(q.hour, hour.resetSeconds), resetSeconds: hour.resetSeconds, limit: q.hour, windowMs: w.hour };
		}
		if (counted && q.minute && q.name) {
			const minute = within(quotaBucket, w.minute, now);
			if (minute.used >= q.minute) return { limited: true, message: MESSAGES.burst, resetSeconds: minute.resetSeconds, limit: q.minute, windowMs: w.minute };
		}
		if (burst.limit > 0) {
			const short = within(burst.bucket, burst.windowMs, now);
			if (short.used >= burst.limit) return { limited: true, message: MESSAGES.burst, resetSeconds: short.resetSeconds, limit: burst.limit, windowMs: burst.windowMs };
		}
		list(burst.bucket).push(now);
		if (counted) list(quotaBucket).push(now);
		prune(now, w.day);
		return { limited: false };
	}

	function prune(now, dayMs) {
		const keep = Math.max(dayMs, 60_000 * 60);
		for (const times of arrivals.values()) {
			let drop = 0;
			while (drop < times.length && times[drop] <= now - keep) drop++;
			if (drop) times.splice(0, drop);
		}
	}

	/** The nine x-* headers for `account` after this request; for a refused one also ratelimit-* and retry-after. */
	function headers(key, account, verdict) {
		const now = Date.now();
		const w = windows();
		const q = quotas(account);
		const burst = burstWindow(key, account);
		const quotaBucket = `${account}|quota`;
		/** @type {Record<string, string>} */
		const out = {};
		const trio = (name, limit, used) => {
			out[`x-rate-limit-${name === 'hour' ? 'hourly' : name === 'day' ? 'daily' : 'minute'}`] = String(limit);
			out[`x-${name === 'hour' ? 'hourly' : name === 'day' ? 'daily' : 'minute'}-requests-left`] = String(Math.max(0, limit - used));
			out[`x-${name === 'hour' ? 'hourly' : name === 'day' ? 'daily' : 'minute'}-usage`] = String(used);
		};
		// The minute trio reports the route's own minute-scale limit where it has one (account usage, webhook API).
		if (burst.group === 'data') trio('minute', q.minute ?? 0, within(quotaBucket, w.minute, now).used);
		else trio('minute', Math.round((burst.limit * 60_000) / burst.windowMs), within(burst.bucket, burst.windowMs, now).used);
		trio('hour', q.hour ?? q.day, within(quotaBucket, w.hour, now).used);
		trio('day', q.day, within(quotaBucket, w.day, now).used);
		if (verdict?.limited) {
			out['ratelimit-limit'] = String(verdict.limit);
			out['ratelimit-remaining'] = '0';
			out['ratelimit-reset'] = String(verdict.resetSeconds);
			out['retry-after'] = String(verdict.resetSeconds);
		}
		return out;
	}

	/** GET /v3/account/usage `rateLimits` for `account`: the same numbers as the headers. */
	function snapshot(account) {
		const now = Date.now();
		const w = windows();
		const q = quotas(account);
		const quotaBucket = `${account}|quota`;
		const tier = (limit, windowMs) => {
			if (!limit) return null;
			const used = within(quotaBucket, windowMs, now).used;
			return { limit, used, remaining: Math.max(0, limit - used), resetsAt: new Date(Math.floor(now / windowMs) * windowMs + windowMs).toISOString() };
		};
		return { daily: tier(q.day, w.day), hourly: tier(q.hour, w.hour), minute: tier(q.minute, w.minute) };
	}

	return { check, headers, snapshot, reset: () => arrivals.clear(), PLANS };
}

module.exports = { createAccountLimits, PLANS, RATE_LIMIT_MESSAGES: MESSAGES };
