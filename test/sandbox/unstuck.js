// @ts-check
'use strict';
/**
 * A double of Unstuck's Signals API (Unstuck's Signals API documentation), served by the
 * sandbox under /unstuck: `POST /unstuck/signals` with the documented rules.
 *   - `Authorization: Bearer <key>`.
 *   - Required: `signal_type` (enabled in the workspace: lowercase, underscored), `source`,
 *     `occurred_at` (an ISO 8601 timestamp with a time and a zone, not a bare date), `identity` with at
 *     least one of `email`, `linkedin_url`, `company_domain`. Optional `event_name`, `context` (object).
 *   - Identity values are strings (a null is refused rather than guessed at: leave the key out).
 *   - Idempotent on (signal_type, source, identity, occurred_at), or on `idempotency_key` when one is
 *     sent: the same event twice is one capture (the second answer repeats the first).
 *   - 500 events a minute per workspace.
 * Unstuck documents no error body, so the double's is its own: `{ error: { code, message, details } }`.
 */
const { createHash, randomBytes } = require('node:crypto');

const UNSTUCK_API_KEY = 'unstuck-sandbox-key-0123456789';
/** What the example workflow maps Lusha's signals to, declared as custom signals in the workspace. */
const ENABLED_SIGNAL_TYPES = ['job_promotion', 'job_change', 'financial_event', 'hiring_surge', 'headcount_growth', 'website_traffic_surge', 'it_spend_increase', 'lusha_signal'];
const PER_MINUTE = 500;
const IDENTITY_KEYS = ['email', 'linkedin_url', 'company_domain'];
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

const filled = (value) => typeof value === 'string' && value.trim() !== '';

function validate(body, enabled) {
	const problems = [];
	if (!body || typeof body !== 'object' || Array.isArray(body)) return ['the body must be a JSON object'];
	if (!filled(body.signal_type)) problems.push('signal_type is required');
	else if (!enabled.includes(body.signal_type)) problems.push(`signal_type "${body.signal_type}" is not a signal type enabled in this workspace`);
	if (!filled(body.source)) problems.push('source is required');
	if (!filled(body.occurred_at)) problems.push('occurred_at is required');
	else if (!ISO_TIMESTAMP.test(body.occurred_at) || Number.isNaN(Date.parse(body.occurred_at))) problems.push(`occurred_at must be an ISO 8601 timestamp, not "${body.occurred_at}"`);
	const identity = body.identity;
	if (!identity || typeof identity !== 'object' || Array.isArray(identity)) problems.push('identity is required');
	else {
		if (!IDENTITY_KEYS.some((key) => filled(identity[key]))) problems.push('identity needs at least one of email, linkedin_url, company_domain');
		for (const [key, value] of Object.entries(identity)) if (typeof value !== 'string') problems.push(`identity.${key} must be a string, not ${JSON.stringify(value)}`);
		if (filled(identity.email) && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(identity.email)) problems.push(`identity.email is not an email address: "${identity.email}"`);
		if (filled(identity.linkedin_url) && !/^https?:\/\/([a-z]+\.)?linkedin\.com\//i.test(identity.linkedin_url)) problems.push(`identity.linkedin_url is not a LinkedIn URL: "${identity.linkedin_url}"`);
		if (filled(identity.company_domain) && !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(identity.company_domain)) problems.push(`identity.company_domain must be a bare domain such as company.com, not "${identity.company_domain}"`);
	}
	if (body.event_name !== undefined && body.event_name !== null && typeof body.event_name !== 'string') problems.push('event_name must be a string');
	if (body.context !== undefined && body.context !== null && (typeof body.context !== 'object' || Array.isArray(body.context))) problems.push('context must be an object');
	if (body.idempotency_key !== undefined && !filled(body.idempotency_key)) problems.push('idempotency_key must be a non-empty string');
	return problems;
}

/** The documented idempotency tuple, with the identity's keys in a fixed order. */
function eventKey(body) {
	if (filled(body.idempotency_key)) return `key:${body.idempotency_key}`;
	const identity = Object.fromEntries(Object.keys(body.identity).sort().map((k) => [k, body.identity[k]]));
	return `event:${JSON.stringify([body.signal_type, body.source, identity, body.occurred_at])}`;
}

function createUnstuck({ apiKey = UNSTUCK_API_KEY } = {}) {
	const state = {
		enabledSignalTypes: [...ENABLED_SIGNAL_TYPES],
		autoqualify: true,
		/** Accepted signals, one per distinct event. */
		captures: /** @type {Array<{ id: string, key: string, body: any, response: any, at: number }>} */ ([]),
		/** Every request, accepted or not, without its Authorization header. */
		requests: /** @type {Array<{ method: string, path: string, statusCode: number, body: unknown, at: number }>} */ ([]),
		arrivals: /** @type {number[]} */ ([]),
	};
	const byKey = new Map();

	function reset() {
		Object.assign(state, { enabledSignalTypes: [...ENABLED_SIGNAL_TYPES], autoqualify: true, captures: [], requests: [], arrivals: [] });
		byKey.clear();
	}

	function answer(method, path, headers, text) {
		let body;
		const error = (statusCode, code, message, details) => ({ statusCode, body: { error: { code, message, ...(details ? { details } : {}) } } });
		const result = (() => {
			if (method !== 'POST' || path !== '/unstuck/signals') return error(404, 'not_found', `No route ${method} ${path}`);
			const auth = String(headers.authorization ?? '');
			if (!/^Bearer /.test(auth)) return error(401, 'unauthorized', 'Send your API key as "Authorization: Bearer <UNSTUCK_API_KEY>"');
			if (auth.slice('Bearer '.length).trim() !== apiKey) return error(401, 'unauthorized', 'Invalid API key');
			const now = Date.now();
			state.arrivals = state.arrivals.filter((t) => t > now - 60_000);
			if (state.arrivals.length >= PER_MINUTE) return error(429, 'rate_limited', `More than ${PER_MINUTE} events per minute for this workspace`);
			state.arrivals.push(now);
			if (!String(headers['content-type'] ?? '').includes('application/json')) return error(415, 'unsupported_media_type', 'Content-Type must be application/json');
			try {
				body = JSON.parse(text);
			} catch {
				return error(400, 'invalid_json', 'The body is not valid JSON');
			}
			const problems = validate(body, state.enabledSignalTypes);
			if (problems.length) return error(422, 'validation_error', problems[0], problems);
			const key = eventKey(body);
			const seen = byKey.get(key);
			if (seen) return { statusCode: 200, body: seen.response };
			const identity = body.identity;
			const recordKey = identity.email ?? identity.linkedin_url ?? identity.company_domain;
			const score = (salt) => 40 + (parseInt(createHash('sha256').update(`${salt}:${recordKey}`).digest('hex').slice(0, 6), 16) % 60);
			const response = {
				signal_capture_id: `sig_capture_${randomBytes(6).toString('hex')}`,
				matched_record_id: `lead_${createHash('sha256').update(String(recordKey)).digest('hex').slice(0, 10)}`,
				qualification: state.autoqualify
					? { icp_code: 'Mid-market SaaS', icp_score: score('icp'), persona_code: filled(identity.title) ? identity.title : null, persona_score: filled(identity.title) ? score('persona') : null }
					: { icp_code: null, icp_score: null, persona_code: null, persona_score: null },
			};
			const capture = { id: response.signal_capture_id, key, body, response, at: now };
			byKey.set(key, capture);
			state.captures.push(capture);
			return { statusCode: 201, body: response };
		})();
		state.requests.push({ method, path, statusCode: result.statusCode, body: body ?? text, at: Date.now() });
		if (state.requests.length > 1000) state.requests.shift();
		return result;
	}

	return { state, reset, answer, apiKey };
}

module.exports = { createUnstuck, UNSTUCK_API_KEY, ENABLED_SIGNAL_TYPES };
