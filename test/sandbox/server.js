// @ts-check
'use strict';
/**
 * The Lusha sandbox: a real HTTP server on loopback that answers like api.lusha.com, counts every
 * request per endpoint, enforces Lusha's limits and can inject faults. Tests and `npm run sandbox`
 * both start it through `startSandbox`.
 */
const http = require('node:http');
const { buildFixtures, prng } = require('./fixtures');
const { createDataRoutes, HttpError } = require('./dataRoutes');
const { createWebhookRoutes } = require('./webhookRoutes');
const { createControlPage } = require('./controlPage');
const { createUnstuck } = require('./unstuck');
const { createV3Routes, V3_DEFAULT_CONFIG, AS_LUSHA_PRESET } = require('./apiV3');
const { createAccountLimits } = require('./rateLimits');

const DEFAULT_API_KEY = 'sandbox-api-key-0123456789';

const DEFAULT_CONFIG = {
	latencyMs: 0,
	/** Lusha's documented general limit, per endpoint. */
	rateLimitPerSecond: 25,
	/** Account usage: 5 calls per minute. The window is configurable so tests need not wait a minute. */
	usageLimit: 5,
	usageWindowMs: 60_000,
	/** The webhook API (subscriptions, audit logs, secret): 100 calls a minute per account, all its paths together. */
	webhookLimit: 100,
	webhookWindowMs: 60_000,
	dailyLimit: 100_000,
	creditsTotal: 100_000,
	unifiedCredits: false,
	signalsOnPlan: true,
	requireHttps: false,
	maxSubscriptions: 10_000,
	failEntityIds: /** @type {string[]} */ ([]),
	companyBulkCap: 0,
	companyEnrichCap: 0,
	syntheticProspects: 0,
	/** Where prospecting searches put their results: `data` as the live API does, or `spec` for the spec's `contacts`/`companies`. */
	prospectingListKey: 'data',
	lookalikePool: 120,
	challengeTimeoutMs: 5_000,
	deliveryTimeoutMs: 10_000,
	deliveryRetryDelaysMs: [200, 400, 800],
	/**
	 * Lusha's live rules (switches documented in apiV3/index.js and README.md). `asLusha: true` in a config patch
	 * applies AS_LUSHA_PRESET first. Rate limits: accountWideLimits / plan switch to rateLimits.js (per account, plan
	 * quotas); windowScale or minuteMs / hourMs / dayMs shorten its windows; apiKeys / accounts add keys and accounts.
	 */
	asLusha: false,
	accountWideLimits: false,
	plan: /** @type {string | null} */ (null),
	windowScale: 1,
	minuteMs: /** @type {number | null} */ (null),
	hourMs: /** @type {number | null} */ (null),
	dayMs: /** @type {number | null} */ (null),
	/** Overrides the plan's quotas: { minute?, hour?, day? } (with plan set), so a test reaches one in a few calls. */
	planQuotas: /** @type {{ minute?: number, hour?: number, day?: number } | null} */ (null),
	/** More API keys: { [key]: { account?: string (default: the sandbox key's account), v3Enabled?: boolean } }. */
	apiKeys: /** @type {Record<string, { account?: string, v3Enabled?: boolean }>} */ ({}),
	/** Per-account settings: { [name]: { plan?: string, v3Enabled?: boolean } }; the sandbox key's account is 'default'. */
	accounts: /** @type {Record<string, { plan?: string, v3Enabled?: boolean }>} */ ({}),
	/** V3 (test/sandbox/apiV3/index.js): creditsBalance, Tables limits, waterfall, tracked domains. */
	...V3_DEFAULT_CONFIG,
	faults: {
		serverErrorRate: 0,
		serverErrorBurst: 0,
		tooManyRequestsBurst: 0,
		tooManyRequestsResetSeconds: 1,
		/** Next N requests get Lusha's 400 validation answer. */
		badRequestBurst: 0,
		dailyQuotaExhausted: false,
		/** Every request answers Lusha's trial-limit 429. */
		trialLimitReached: false,
		/** Routes answered with 404, e.g. one of the two bulk-company paths. */
		disabledRoutes: /** @type {string[]} */ ([]),
		/** Next N POST /v3/contacts/signal-score calls answer 502 (identity provider unavailable). */
		signalScore502Burst: 0,
		/**
		 * Scripted faults for one route: after `pass` calls go through, the next `times` (all when
		 * omitted) answer `status` — before the work, or after it when `afterWork` (Lusha did it, the
		 * answer was lost; status 0 drops the connection). `delayMs` slows each matching call.
		 * @type {Array<{ route: string, pass?: number, times?: number, status?: number, message?: string, afterWork?: boolean, delayMs?: number, seen?: number }>}
		 */
		routeFaults: [],
	},
};

function matchRoute(routes, method, pathname) {
	const exact = `${method} ${pathname}`;
	if (routes[exact]) return { key: exact, handler: routes[exact], params: {} };
	for (const [key, handler] of Object.entries(routes)) {
		const [routeMethod, template] = key.split(' ');
		if (routeMethod !== method || !template.includes(':')) continue;
		const names = [];
		const pattern = new RegExp(`^${template.replace(/:([a-zA-Z]+)/g, (_, name) => (names.push(name), '([^/]+)'))}$`);
		const match = pattern.exec(pathname);
		if (match) return { key, handler, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(match[i + 1])])) };
	}
	return undefined;
}

function parseQuery(searchParams) {
	const query = {};
	for (const key of new Set(searchParams.keys())) {
		const all = searchParams.getAll(key);
		query[key] = all.length > 1 ? all : all[0];
	}
	return query;
}

async function readBody(req) {
	const chunks = [];
	for await (const chunk of req) chunks.push(chunk);
	return Buffer.concat(chunks).toString('utf8');
}

/**
 * @param {{ port?: number, host?: string, apiKey?: string, secret?: string | null, config?: object, quiet?: boolean, asLusha?: boolean }} [options]
 */
async function startSandbox(options = {}) {
	const apiKey = options.apiKey ?? DEFAULT_API_KEY;
	const sandbox = {
		fixtures: buildFixtures(),
		config: structuredClone(DEFAULT_CONFIG),
		state: {
			secret: /** @type {string | null} */ (null),
			subscriptions: new Map(),
			auditLog: [],
			/** Every signal fired at a subscription, delivered or not: what the signals API adds to the fixtures. */
			firedSignals: /** @type {Array<{ entityType: string, entityId: string, type: string, data: Record<string, unknown>, firedAt: string }>} */ ([]),
			challenges: [],
			creditsUsed: 0,
			counts: /** @type {Record<string, number>} */ ({}),
			requests: /** @type {Array<{ key: string, method: string, path: string, query: object, body: unknown, headers: object, statusCode?: number }>} */ ([]),
			arrivals: new Map(),
			totalRequests: 0,
		},
	};
	/** The account an API key belongs to (undefined for an unknown key). */
	sandbox.accountOf = (/** @type {unknown} */ key) => {
		if (typeof key !== 'string') return undefined;
		const entry = sandbox.config.apiKeys?.[key];
		if (key !== apiKey && !entry) return undefined;
		return entry?.account ?? 'default';
	};
	/** Whether a key may call /v3/*: the key, then its account, then config.v3Enabled. */
	sandbox.v3Allowed = (/** @type {unknown} */ key) => {
		const entry = typeof key === 'string' ? sandbox.config.apiKeys?.[key] : undefined;
		const account = sandbox.accountOf(key);
		const flag = entry?.v3Enabled ?? (account !== undefined ? sandbox.config.accounts?.[account]?.v3Enabled : undefined) ?? sandbox.config.v3Enabled;
		return flag !== false;
	};
	const accountLimits = createAccountLimits(sandbox);
	/** Plan quotas for GET /v3/account/usage when the live limits are on (undefined otherwise). */
	sandbox.rateLimitSnapshot = (/** @type {unknown} */ key) => {
		const account = sandbox.accountOf(key);
		return (sandbox.config.accountWideLimits || sandbox.config.plan) && account !== undefined ? accountLimits.snapshot(account) : undefined;
	};
	const dataRoutes = createDataRoutes(sandbox);
	const webhooks = createWebhookRoutes(sandbox);
	const v3 = createV3Routes(sandbox);
	// The control page (GET /) and the Unstuck double (/unstuck/*) live beside the Lusha routes.
	const control = createControlPage(sandbox, webhooks);
	const unstuck = createUnstuck();
	const routes = { ...dataRoutes, ...webhooks.routes, ...v3 };
	delete routes._expireLookalikeSessions;
	let random = prng(7);

	const configure = (patch = {}) => {
		const { faults, ...rest } = /** @type {any} */ (patch);
		// The preset first, so a switch given beside it wins.
		if (rest.asLusha === true) Object.assign(sandbox.config, structuredClone(AS_LUSHA_PRESET));
		Object.assign(sandbox.config, rest);
		if (faults) Object.assign(sandbox.config.faults, faults);
		return sandbox.config;
	};
	const reset = () => {
		// In place: the route modules hold this object.
		for (const key of Object.keys(sandbox.config)) delete sandbox.config[key];
		Object.assign(sandbox.config, structuredClone(DEFAULT_CONFIG));
		Object.assign(sandbox.state, { subscriptions: new Map(), auditLog: [], firedSignals: [], challenges: [], creditsUsed: 0, counts: {}, requests: [], arrivals: new Map(), totalRequests: 0 });
		control.reset();
		unstuck.reset();
		sandbox.state.secret = options.secret === undefined ? webhooks.newSecret() : options.secret;
		dataRoutes._expireLookalikeSessions();
		v3._reset();
		accountLimits.reset();
		random = prng(7);
		if (options.asLusha) configure({ asLusha: true });
		if (options.config) configure(options.config);
	};
	reset();

	/** Which of Lusha's limits a route spends: its own 25 a second, account usage's 5, or the webhook API's shared 100. */
	function rateWindow(key) {
		const { config } = sandbox;
		if (key === 'GET /account/usage' || key === 'GET /v3/account/usage') return { bucket: key, windowMs: config.usageWindowMs, limit: config.usageLimit };
		if (/^\w+ \/api\/(subscriptions|audit-logs|account\/secret)(\/|$)/.test(key)) return { bucket: 'webhook API', windowMs: config.webhookWindowMs, limit: config.webhookLimit };
		return { bucket: key, windowMs: 1000, limit: config.rateLimitPerSecond };
	}

	function rateLimited(key) {
		const { bucket, windowMs, limit } = rateWindow(key);
		const now = Date.now();
		const recent = (sandbox.state.arrivals.get(bucket) ?? []).filter((t) => t > now - windowMs);
		const limited = limit > 0 && recent.length >= limit;
		if (!limited) recent.push(now);
		sandbox.state.arrivals.set(bucket, recent);
		const resetSeconds = recent.length ? Math.max(0, Math.ceil((recent[0] + windowMs - now) / 1000)) : 0;
		return { limited, limit, windowMs, remaining: Math.max(0, limit - recent.length), resetSeconds };
	}

	function rateHeaders(window) {
		const daily = sandbox.config.dailyLimit;
		const perWindow =
			window.limit > 0
				? { 'x-rate-limit-minute': String(Math.round((window.limit * 60_000) / window.windowMs)), 'ratelimit-limit': String(window.limit), 'ratelimit-remaining': String(window.remaining), 'ratelimit-reset': String(window.resetSeconds) }
				: {};
		return {
			...perWindow,
			'x-rate-limit-daily': String(daily),
			'x-daily-requests-left': String(Math.max(0, daily - sandbox.state.totalRequests)),
			'x-daily-usage': String(sandbox.state.totalRequests),
		};
	}

	async function handle(req, res) {
		const url = new URL(req.url ?? '/', 'http://sandbox.local');
		const method = req.method ?? 'GET';
		const text = await readBody(req);
		const send = (statusCode, body, headers = {}) => {
			res.writeHead(statusCode, { 'content-type': 'application/json; charset=utf-8', ...headers });
			res.end(body === undefined ? '' : JSON.stringify(body));
			return statusCode;
		};
		const fail = (statusCode, message, errors, headers) => send(statusCode, { statusCode, message, ...(errors ? { errors } : {}) }, headers);

		if (method === 'GET' && url.pathname === '/') {
			res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
			res.end(control.html());
			return 200;
		}
		if (url.pathname.startsWith('/unstuck/')) {
			const answer = unstuck.answer(method, url.pathname, req.headers, text);
			return send(answer.statusCode, answer.body);
		}
		if (url.pathname.startsWith('/__admin/')) return admin(method, url.pathname, text, send);

		const route = matchRoute(routes, method, url.pathname);
		if (!route) return fail(404, `Cannot ${method} ${url.pathname}`);
		let body = {};
		if (text) {
			try {
				body = JSON.parse(text);
			} catch {
				return fail(400, 'Validation failed', ['Request body must be valid JSON']);
			}
		}
		const record = { key: route.key, method, path: url.pathname, query: parseQuery(url.searchParams), body, headers: req.headers, at: Date.now() };
		sandbox.state.requests.push(record);
		if (sandbox.state.requests.length > 50_000) sandbox.state.requests.shift();
		sandbox.state.counts[route.key] = (sandbox.state.counts[route.key] ?? 0) + 1;
		sandbox.state.totalRequests++;

		const { faults, latencyMs } = sandbox.config;
		const given = req.headers.api_key;
		const account = sandbox.accountOf(given);
		// Lusha's live limits (per account, plan quotas: rateLimits.js) or the older per-route windows.
		const liveLimits = Boolean(sandbox.config.accountWideLimits || sandbox.config.plan);
		// Like Lusha: the rate limit is checked as a request arrives; the latency is the work after it.
		const verdict = liveLimits && account !== undefined ? accountLimits.check(route.key, account) : undefined;
		const window = liveLimits ? { limited: Boolean(verdict?.limited), limit: 0, windowMs: 1000, remaining: 0, resetSeconds: 0 } : rateLimited(route.key);
		if (latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, latencyMs));

		const creditsBefore = sandbox.state.creditsUsed;
		/** `forced` headers (a fault's) win over the computed rate headers. */
		const finish = (statusCode, payload, headers, forced = {}) => {
			record.statusCode = statusCode;
			record.credits = sandbox.state.creditsUsed - creditsBefore;
			if (verdict) return send(statusCode, payload, { ...headers, ...accountLimits.headers(route.key, /** @type {string} */ (account), verdict), ...forced });
			return send(statusCode, payload, v3._isV3Route(route.key) ? { ...headers, ...v3._rateHeaders(route.key), ...forced } : { ...headers, ...forced });
		};
		if (!given || account === undefined) return finish(401, { statusCode: 401, message: 'Invalid API key' });
		if (faults.disabledRoutes.includes(route.key) || faults.disabledRoutes.includes(`${method} ${url.pathname}`)) {
			return finish(404, { statusCode: 404, message: `Cannot ${method} ${url.pathname}` });
		}
		if (faults.trialLimitReached) {
			return finish(429, { statusCode: 429, message: "You've reached your trial limit, please contact support for upgrade" }, {}, { 'x-daily-requests-left': '0' });
		}
		if (faults.dailyQuotaExhausted) {
			const daily = verdict ? accountLimits.snapshot(/** @type {string} */ (account)).daily?.limit ?? sandbox.config.dailyLimit : sandbox.config.dailyLimit;
			return finish(429, { statusCode: 429, message: `Daily API quota limit exceeded. Limit ${daily} calls per day` }, {}, { 'x-daily-requests-left': '0' });
		}
		if (faults.tooManyRequestsBurst > 0) {
			faults.tooManyRequestsBurst--;
			return finish(429, { statusCode: 429, message: 'Too many requests. Please wait before making another request.' }, { 'ratelimit-remaining': '0', 'ratelimit-reset': String(faults.tooManyRequestsResetSeconds) });
		}
		if (faults.badRequestBurst > 0) {
			faults.badRequestBurst--;
			return finish(400, { statusCode: 400, message: 'Validation failed', errors: ['limit must not be greater than 100'] });
		}
		if (faults.serverErrorBurst > 0 || (faults.serverErrorRate > 0 && random() < faults.serverErrorRate)) {
			if (faults.serverErrorBurst > 0) faults.serverErrorBurst--;
			return finish(503, { statusCode: 503, message: 'Service temporarily unavailable' });
		}
		if (verdict?.limited) return finish(429, { statusCode: 429, message: verdict.message });
		if (window.limited) {
			return finish(429, { statusCode: 429, message: 'Too many requests. Please wait before making another request.' }, rateHeaders(window));
		}
		const fault = routeFault(route.key);
		if (fault?.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
		const failWith = (/** @type {any} */ rule) => {
			if (rule.status === 0) {
				record.statusCode = 0;
				req.socket.destroy();
				return 0;
			}
			return finish(rule.status, { statusCode: rule.status, message: rule.message ?? (rule.status >= 500 ? 'Internal server error' : 'Request failed') });
		};
		if (fault?.status !== undefined && !fault.afterWork) return failWith(fault);
		try {
			const result = await route.handler({ query: record.query, body, params: route.params, headers: req.headers });
			if (fault?.status !== undefined) return failWith(fault);
			const wrapped = result && typeof result === 'object' && 'statusCode' in result && 'body' in result && Object.keys(result).length === 2;
			return finish(wrapped ? result.statusCode : 200, wrapped ? result.body : result, rateHeaders(window));
		} catch (error) {
			if (error instanceof HttpError) {
				const payload = { statusCode: error.statusCode, message: error.message, ...(error.errors ? { errors: error.errors } : {}), ...(error.code ? { code: error.code } : {}) };
				return finish(error.statusCode, payload, rateHeaders(window));
			}
			return finish(500, { statusCode: 500, message: `Sandbox error: ${error.message}` });
		}
	}

	/** The scripted fault (faults.routeFaults) this call of a route gets, if any. */
	function routeFault(key) {
		for (const rule of sandbox.config.faults.routeFaults) {
			if (rule.route !== key) continue;
			rule.seen = (rule.seen ?? 0) + 1;
			const nth = rule.seen - (rule.pass ?? 0);
			if (nth >= 1 && (rule.times === undefined || nth <= rule.times)) return rule;
		}
		return undefined;
	}

	async function admin(method, pathname, text, send) {
		const body = text ? JSON.parse(text) : {};
		const action = `${method} ${pathname.slice('/__admin'.length)}`;
		switch (action) {
			case 'GET /counts':
				return send(200, sandbox.state.counts);
			case 'GET /requests':
				return send(200, sandbox.state.requests.map(({ key, method, path, query, body, statusCode, at }) => ({ key, method, path, query, body, statusCode, at })));
			case 'GET /state':
				return send(200, {
					secret: sandbox.state.secret,
					subscriptions: [...sandbox.state.subscriptions.values()],
					challenges: sandbox.state.challenges,
					auditLog: sandbox.state.auditLog,
					creditsUsed: sandbox.state.creditsUsed,
					people: sandbox.fixtures.people.map((p) => ({ personId: p.personId, email: p.emailAddresses.find((e) => e.emailType === 'work').email, fullName: p.fullName })),
				});
			case 'GET /v3':
				return send(200, v3._admin());
			case 'POST /config':
				return send(200, configure(body));
			case 'POST /reset':
				reset();
				return send(200, { reset: true });
			case 'POST /deliver':
				return send(200, control.recordDelivery(await webhooks.deliver(body.subscriptionId, body.payload, body.tamper ?? {}), sandbox.state.subscriptions.get(body.subscriptionId), 'admin API'));
			case 'GET /unstuck':
				return send(200, { captures: unstuck.state.captures, requests: unstuck.state.requests, enabledSignalTypes: unstuck.state.enabledSignalTypes, apiKey: unstuck.apiKey });
			case 'POST /expire-lookalike-sessions':
				dataRoutes._expireLookalikeSessions();
				v3._expireLookalikeSessions();
				return send(200, { expired: true });
			default: {
				const handled = await control.admin(action, body);
				return handled ? send(handled.statusCode, handled.body) : send(404, { message: `No admin action ${action}` });
			}
		}
	}

	const server = http.createServer((req, res) => {
		handle(req, res).catch((error) => {
			if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ statusCode: 500, message: String(error) }));
		});
	});
	server.keepAliveTimeout = 65_000;
	await new Promise((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve(undefined)));
	const address = /** @type {import('node:net').AddressInfo} */ (server.address());
	const url = `http://${options.host ?? '127.0.0.1'}:${address.port}`;

	return {
		url,
		apiKey,
		fixtures: sandbox.fixtures,
		state: sandbox.state,
		get config() {
			return sandbox.config;
		},
		get secret() {
			return sandbox.state.secret;
		},
		set secret(value) {
			sandbox.state.secret = value;
		},
		configure,
		reset,
		count: (key) => sandbox.state.counts[key] ?? 0,
		requestsTo: (key) => sandbox.state.requests.filter((r) => r.key === key),
		subscriptions: () => [...sandbox.state.subscriptions.values()],
		deliver: webhooks.deliver,
		/** V3 fixture helpers: contactId(person), companyId(company), decode…, prices, balance(), tables(); see v3/index.js. */
		v3: v3._helpers,
		sendSigned: webhooks.sendSigned,
		samplePayload: webhooks.samplePayload,
		optOutPayload: webhooks.optOutPayload,
		close: () =>
			new Promise((resolve) => {
				server.closeAllConnections?.();
				server.close(() => resolve(undefined));
			}),
	};
}

module.exports = { startSandbox, DEFAULT_API_KEY };
