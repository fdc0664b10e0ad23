// @ts-check
'use strict';
/**
 * The sandbox's webhook side, as Lusha runs it: subscriptions that must pass a challenge to be
 * created, an account secret, signed deliveries retried 3 times before the subscription is
 * disabled, and an audit log of every attempt.
 */
const { createHmac, randomBytes, randomUUID } = require('node:crypto');
const { request } = require('undici');
const { HttpError } = require('./dataRoutes');
const { signalData } = require('./signalSamples');

const MAX_URL = 2048;
const MAX_NAME = 100;

/** The date fields a signal's type uses (see signalSamples.js), set to today's date (UTC). */
function datedToday(data) {
	const today = new Date().toISOString().slice(0, 10);
	const dated = { ...data };
	for (const field of ['signalDate', 'articlePublishedDate', 'eventEffectiveDate', 'activityPublicationDate']) if (field in dated) dated[field] = today;
	return dated;
}

function signDelivery(secret, timestamp, bodyText) {
	return createHmac('sha256', secret).update(`${timestamp}.${bodyText}`).digest('hex');
}

function createWebhookRoutes(sandbox) {
	const { state, config } = sandbox;
	let sequence = 0;

	const newSecret = () => `whsec_${randomBytes(24).toString('hex')}`;
	const objectId = () => (Date.now().toString(16).slice(-8) + randomBytes(8).toString('hex')).slice(0, 24);
	/** What Lusha shows of a subscription: everything but the sandbox's own bookkeeping (keys starting with _). */
	const publicView = (sub) => Object.fromEntries(Object.entries(sub).filter(([key]) => !key.startsWith('_')));
	/** The account's own ID, which Lusha puts in the opt-out subscription's entityId. */
	const ACCOUNT_ID = '431705';

	async function answersChallenge(url) {
		const challenge = randomBytes(12).toString('hex');
		const target = new URL(url);
		target.searchParams.set('challenge', challenge);
		try {
			const response = await request(target, { method: 'GET', headersTimeout: config.challengeTimeoutMs, bodyTimeout: config.challengeTimeoutMs });
			const text = await response.body.text();
			state.challenges.push({ url, statusCode: response.statusCode, ok: false });
			const type = String(response.headers['content-type'] ?? '');
			if (response.statusCode !== 200) return `the URL answered ${response.statusCode}`;
			if (!type.includes('application/json')) return `the URL answered with content type "${type}", not application/json`;
			const body = JSON.parse(text);
			if (body?.challenge !== challenge) return 'the URL did not echo the challenge';
			state.challenges[state.challenges.length - 1].ok = true;
			return undefined;
		} catch (error) {
			state.challenges.push({ url, statusCode: 0, ok: false });
			return `the URL could not be reached (${error.code ?? error.message})`;
		}
	}

	function checkUrl(url, field) {
		if (typeof url !== 'string' || url.length === 0) return `${field} is required`;
		if (url.length > MAX_URL) return `${field} must be shorter than or equal to ${MAX_URL} characters`;
		let parsed;
		try {
			parsed = new URL(url);
		} catch {
			return `${field} must be a URL address`;
		}
		if (config.requireHttps && parsed.protocol !== 'https:') return `${field} must use HTTPS`;
		return undefined;
	}

	function requireSecret() {
		if (!state.secret) throw new HttpError(400, 'Account secret not found. Please generate one first.');
	}

	async function createSubscriptions({ body }) {
		const defaults = body.defaults ?? {};
		const items = body.subscriptions;
		const errors = [];
		const urlProblem = checkUrl(defaults.url, 'defaults.url');
		if (urlProblem) errors.push(urlProblem);
		if (!Array.isArray(items) || items.length === 0) errors.push('subscriptions must contain at least 1 elements');
		else if (items.length > 25) errors.push('subscriptions must contain no more than 25 elements');
		if (body.name !== undefined && String(body.name).length > MAX_NAME) errors.push(`name must be shorter than or equal to ${MAX_NAME} characters`);
		(items ?? []).forEach((item, i) => {
			if (!item?.entityId) errors.push(`subscriptions.${i}.entityId is required`);
			const type = item?.entityType ?? defaults.entityType;
			if (type !== 'contact' && type !== 'company') errors.push(`subscriptions.${i}.entityType must be one of: contact, company`);
		});
		if (errors.length) throw new HttpError(400, 'Validation failed', errors);
		requireSecret();
		const active = [...state.subscriptions.values()].length;
		if (active + items.length > config.maxSubscriptions) throw new HttpError(403, 'Maximum subscriptions limit reached for your account');

		// Lusha validates the URL once, before creating anything.
		const challengeProblem = await answersChallenge(defaults.url);
		if (challengeProblem) {
			const error = { code: 'WEBHOOK_VERIFICATION_FAILED', message: `Webhook URL verification failed: ${challengeProblem}` };
			return { statusCode: 201, body: { total: items.length, successful: 0, failed: items.length, results: items.map((_, index) => ({ index, success: false, error })) } };
		}

		const results = items.map((item, index) => {
			const entityType = item.entityType ?? defaults.entityType;
			const entityId = String(item.entityId);
			const url = defaults.url;
			if (config.failEntityIds.includes(entityId)) {
				return { index, success: false, error: { code: 'VALIDATION_ERROR', message: `Entity ${entityId} cannot be watched` } };
			}
			// Lusha keeps one subscription per entity per account, whatever the URL.
			const duplicate = [...state.subscriptions.values()].some((s) => !s._optOut && s.entityType === entityType && s.entityId === entityId);
			if (duplicate) return { index, success: false, error: { code: 'DUPLICATE_SUBSCRIPTION', message: `Subscription already exists for entity type '${entityType}' with entity ID '${entityId}'` } };
			const now = new Date().toISOString();
			const subscription = {
				id: objectId(),
				entityType,
				entityId,
				signalTypes: item.signalTypes ?? defaults.signalTypes ?? ['allSignals'],
				url,
				name: item.name ?? body.name ?? `Subscription ${entityType} ${entityId}`,
				isActive: true,
				blockReason: null,
				blockedAt: null,
				createdAt: now,
				updatedAt: now,
				_seq: ++sequence,
				_failures: 0,
			};
			state.subscriptions.set(subscription.id, subscription);
			return { index, success: true, subscription: publicView(subscription) };
		});
		const successful = results.filter((r) => r.success).length;
		return { statusCode: 201, body: { total: items.length, successful, failed: items.length - successful, results } };
	}

	function listSubscriptions({ query }) {
		const limit = query.limit === undefined ? 10 : Number(query.limit);
		const offset = query.offset === undefined ? 0 : Number(query.offset);
		if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new HttpError(400, 'Validation failed', ['limit must not be greater than 100']);
		if (!Number.isInteger(offset) || offset < 0) throw new HttpError(400, 'Validation failed', ['offset must not be less than 0']);
		const all = [...state.subscriptions.values()].sort((a, b) => b._seq - a._seq);
		const data = all.slice(offset, offset + limit).map(publicView);
		return { data, pagination: { total: all.length, limit, offset, hasMore: offset + data.length < all.length } };
	}

	function findSubscription(id) {
		const subscription = state.subscriptions.get(id);
		if (!subscription) throw new HttpError(404, 'Subscription not found');
		return subscription;
	}

	const getSubscription = ({ params }) => publicView(findSubscription(params.id));

	async function updateSubscription({ params, body }) {
		const subscription = findSubscription(params.id);
		const errors = [];
		if (body.url !== undefined) {
			const problem = checkUrl(body.url, 'url');
			if (problem) errors.push(problem);
		}
		if (body.name !== undefined && String(body.name).length > MAX_NAME) errors.push(`name must be shorter than or equal to ${MAX_NAME} characters`);
		if (body.isActive !== undefined && typeof body.isActive !== 'boolean') errors.push('isActive must be a boolean value');
		if (body.signalTypes !== undefined && !Array.isArray(body.signalTypes)) errors.push('signalTypes must be an array');
		if (errors.length) throw new HttpError(400, 'Validation failed', errors);
		if (body.url !== undefined && body.url !== subscription.url) {
			const problem = await answersChallenge(body.url);
			if (problem) throw new HttpError(400, `Webhook URL verification failed: ${problem}`);
			subscription.url = body.url;
		}
		if (body.name !== undefined) subscription.name = body.name;
		if (body.signalTypes !== undefined) subscription.signalTypes = body.signalTypes;
		if (body.isActive !== undefined) {
			subscription.isActive = body.isActive;
			if (body.isActive) {
				subscription.blockReason = null;
				subscription.blockedAt = null;
				subscription._failures = 0;
			}
		}
		subscription.updatedAt = new Date().toISOString();
		const response = publicView(subscription);
		if (body.regenerateSecret === true) {
			state.secret = newSecret();
			response.secret = state.secret;
		}
		return response;
	}

	function deleteSubscriptions({ body }) {
		const ids = body.ids;
		if (!Array.isArray(ids) || ids.length === 0) throw new HttpError(400, 'Validation failed', ['ids must contain at least 1 elements']);
		if (ids.length > 25) throw new HttpError(400, 'Validation failed', ['ids must contain no more than 25 elements']);
		const unique = [...new Set(ids.map(String))];
		const results = unique.map((id, index) => {
			const subscription = state.subscriptions.get(id);
			if (!subscription) return { index, success: false, error: { code: 'NOT_FOUND', message: `Subscription ${id} not found` } };
			state.subscriptions.delete(id);
			const { entityType, entityId, name } = subscription;
			return { index, success: true, subscription: { id, entityType, entityId, name } };
		});
		const successful = results.filter((r) => r.success).length;
		return { total: unique.length, successful, failed: unique.length - successful, results };
	}

	/** POST /api/subscriptions/opt-out (V3): one per account, for contacts, challenged like any subscription. */
	async function createOptOutSubscription({ body }) {
		const errors = Object.keys(body).filter((key) => !['entityType', 'url', 'name'].includes(key)).map((key) => `property ${key} should not exist`);
		if (body.entityType !== 'contact') errors.push('entityType must be one of the following values: contact');
		const urlProblem = checkUrl(body.url, 'url');
		if (urlProblem) errors.push(urlProblem);
		if (body.name !== undefined && String(body.name).length > MAX_NAME) errors.push(`name must be shorter than or equal to ${MAX_NAME} characters`);
		if (errors.length) throw new HttpError(400, 'Validation failed', errors);
		requireSecret();
		if ([...state.subscriptions.values()].some((s) => s._optOut)) throw new HttpError(403, 'An opt-out subscription already exists for this account');
		const challengeProblem = await answersChallenge(body.url);
		if (challengeProblem) {
			const error = new HttpError(400, `Webhook URL verification failed: ${challengeProblem}`);
			error.code = 'WEBHOOK_VERIFICATION_FAILED';
			throw error;
		}
		const now = new Date().toISOString();
		const subscription = {
			id: objectId(),
			entityType: 'contact',
			entityId: ACCOUNT_ID,
			signalTypes: ['optOut'],
			url: body.url,
			name: body.name ?? 'Account opt-out webhook',
			isActive: true,
			blockReason: null,
			blockedAt: null,
			createdAt: now,
			updatedAt: now,
			_seq: ++sequence,
			_failures: 0,
			_optOut: true,
		};
		state.subscriptions.set(subscription.id, subscription);
		return { statusCode: 201, body: publicView(subscription) };
	}

	async function testSubscription({ params, query }) {
		const subscription = findSubscription(params.id);
		const mode = query.mode ?? 'full';
		if (!['direct', 'kafka', 'full'].includes(mode)) throw new HttpError(400, 'Validation failed', ['mode must be one of: direct, kafka, full']);
		const sample = samplePayload(subscription, { test: true });
		// A test delivery carries the mock signal without Lusha's envelope: no id, no type.
		const payload = subscription._optOut ? sample : { entityType: subscription.entityType, signalType: sample.type, data: sample.data };
		let flowCheck = { success: true, statusCode: 200, durationMs: 0 };
		if (mode !== 'kafka') {
			const started = Date.now();
			const attempt = await sendSigned(subscription.url, payload, {});
			flowCheck = { success: attempt.accepted, statusCode: attempt.statusCode, durationMs: Date.now() - started };
		}
		return {
			subscriptionId: subscription.id,
			subscriptionName: subscription.name,
			url: subscription.url,
			mode,
			flowCheck,
			testPayload: payload,
			isSuccess: flowCheck.success,
			timestamp: new Date().toISOString(),
		};
	}

	function auditLogs({ query }) {
		const limit = query.limit === undefined ? 50 : Number(query.limit);
		const offset = query.offset === undefined ? 0 : Number(query.offset);
		if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new HttpError(400, 'Validation failed', ['limit must not be greater than 100']);
		if (query.status !== undefined && !['success', 'failed', 'permanent_failure'].includes(query.status)) {
			throw new HttpError(400, 'Validation failed', ['status must be one of: success, failed, permanent_failure']);
		}
		const matching = state.auditLog
			.filter((entry) => (!query.subscriptionId || entry.subscriptionId === query.subscriptionId) && (!query.status || entry.status === query.status))
			.slice()
			.reverse();
		const data = matching.slice(offset, offset + limit);
		return { data, pagination: { total: matching.length, limit, offset, hasMore: offset + data.length < matching.length } };
	}

	function auditStats({ query }) {
		const entries = state.auditLog.filter((entry) => !query.subscriptionId || entry.subscriptionId === query.subscriptionId);
		const success = entries.filter((e) => e.status === 'success').length;
		const failed = entries.length - success;
		const rate = entries.length ? (success / entries.length) * 100 : 0;
		return { total: entries.length, success, failed, successRate: `${rate.toFixed(2)}%` };
	}

	function getSecret() {
		if (!state.secret) throw new HttpError(404, 'Account secret not found. Please generate one first.');
		return { secret: state.secret };
	}

	function regenerateSecret() {
		state.secret = newSecret();
		return { secret: state.secret };
	}

	// ------------------------------------------------------------------ deliveries
	/** What Lusha sends when a contact opts out (OptOutWebhookPayload): no envelope, dates as "YYYY-MM-DD hh:mm:ss.sss" UTC. */
	function optOutPayload(personId) {
		const people = sandbox.fixtures.people;
		const person = people.find((p) => String(p.personId) === String(personId)) ?? people[Math.floor(Math.random() * people.length)];
		const utc = (date) => date.toISOString().replace('T', ' ').replace('Z', '');
		const email = person.emailAddresses?.[0]?.email;
		const phone = person.phoneNumbers?.[0]?.number;
		return {
			contactId: String(person.personId),
			fullName: person.fullName,
			companyName: sandbox.fixtures.companies.find((c) => c.id === person.companyId)?.name ?? null,
			jobTitle: person.jobTitle?.title ?? null,
			linkedinUrl: person.socialLinks?.linkedin ?? null,
			contactOptOutDate: utc(new Date()),
			contactExposureDate: utc(new Date(Date.now() - 200 * 86_400_000)).slice(0, 19),
			datapoints: [...(email ? [{ datapointId: email, datapointType: 'email' }] : []), ...(phone ? [{ datapointId: phone, datapointType: 'phone' }] : [])],
			partnerClientId: null,
		};
	}

	function samplePayload(subscription, { signalType, test } = {}) {
		if (subscription._optOut) return optOutPayload();
		const type = signalType ?? (subscription.signalTypes.find((t) => t !== 'allSignals') ?? (subscription.entityType === 'contact' ? 'promotion' : 'surgeInHiring'));
		const sample = signalData(sandbox.fixtures, subscription.entityType, subscription.entityId, type);
		// A real signal is news: Lusha dates it the day it found it. A test delivery keeps the mock's date.
		const data = test ? sample : datedToday(sample);
		return {
			id: test ? `test-${randomUUID()}` : randomUUID(),
			type,
			entityType: subscription.entityType,
			entityId: subscription.entityId,
			subscriptionId: subscription.id,
			data,
			timestamp: new Date().toISOString(),
			billing: { creditsCharged: test ? 0 : 1 },
		};
	}

	/** One signed POST, as Lusha sends it. `tamper` lets tests forge what an attacker would. */
	async function sendSigned(url, payload, tamper = {}) {
		const bodyText = tamper.bodyText ?? JSON.stringify(payload);
		const timestamp = String(tamper.timestamp ?? Math.floor(Date.now() / 1000));
		const signature = tamper.signature ?? signDelivery(tamper.secret ?? state.secret ?? '', timestamp, tamper.signedBodyText ?? bodyText);
		const headers = { 'content-type': 'application/json', 'user-agent': 'Lusha-Webhooks/1.0', 'x-lusha-timestamp': timestamp, 'x-lusha-signature': signature, ...(tamper.headers ?? {}) };
		for (const [name, value] of Object.entries(headers)) if (value === null) delete headers[name];
		const started = Date.now();
		try {
			const response = await request(url, { method: 'POST', headers, body: bodyText, headersTimeout: config.deliveryTimeoutMs, bodyTimeout: config.deliveryTimeoutMs });
			const text = await response.body.text();
			let json;
			try {
				json = JSON.parse(text);
			} catch {
				json = undefined;
			}
			// Lusha counts a delivery as received only with a 2xx and the documented acknowledgement.
			const accepted = response.statusCode >= 200 && response.statusCode < 300 && json?.received === true && 'webhookId' in (json ?? {});
			return { accepted, statusCode: response.statusCode, body: json ?? text, headers: response.headers, durationMs: Date.now() - started };
		} catch (error) {
			return { accepted: false, statusCode: 0, body: String(error.code ?? error.message), headers: {}, durationMs: Date.now() - started };
		}
	}

	/**
	 * Delivers a payload to a subscription with Lusha's policy: up to 3 retries with backoff, then
	 * the subscription is disabled (https://docs.lusha.com/apis/openapi/webhooks). Every attempt lands
	 * in the audit log; a disabled subscription is not delivered to at all.
	 */
	async function deliver(subscriptionId, payload, tamper = {}) {
		const subscription = findSubscription(subscriptionId);
		const body = payload ?? samplePayload(subscription, { signalType: tamper.signalType });
		// The signal happened whatever becomes of its delivery: the signals API lists it (apiV3/signals.js).
		if (!subscription._optOut && typeof body?.type === 'string' && body.data && typeof body.data === 'object') {
			state.firedSignals.push({ entityType: subscription.entityType, entityId: String(subscription.entityId), type: body.type, data: body.data, firedAt: new Date().toISOString() });
		}
		// A disabled subscription gets nothing: the signal still happened (the signals API lists it), but no one is told.
		if (!subscription.isActive) return { delivered: false, disabled: true, payload: body, attempts: [] };
		const attempts = [];
		for (let attempt = 0; attempt <= config.deliveryRetryDelaysMs.length; attempt++) {
			if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, config.deliveryRetryDelaysMs[attempt - 1]));
			const result = await sendSigned(subscription.url, body, tamper);
			attempts.push(result);
			const last = attempt === config.deliveryRetryDelaysMs.length;
			state.auditLog.push({
				id: randomUUID(),
				subscriptionId: subscription.id,
				payloadId: body.id ?? null,
				status: result.accepted ? 'success' : last ? 'permanent_failure' : 'failed',
				statusCode: result.statusCode,
				url: subscription.url,
				deliveredAt: new Date().toISOString(),
				durationMs: result.durationMs,
				error: result.accepted ? null : `Delivery not acknowledged (status ${result.statusCode})`,
			});
			if (result.accepted) return { delivered: true, payload: body, attempts };
		}
		subscription.isActive = false;
		subscription.blockReason = 'Max retries exceeded';
		subscription.blockedAt = new Date().toISOString();
		return { delivered: false, payload: body, attempts };
	}

	return {
		routes: {
			'POST /api/subscriptions': createSubscriptions,
			'GET /api/subscriptions': listSubscriptions,
			'POST /api/subscriptions/delete': deleteSubscriptions,
			'POST /api/subscriptions/opt-out': createOptOutSubscription,
			'GET /api/subscriptions/:id': getSubscription,
			'PATCH /api/subscriptions/:id': updateSubscription,
			'POST /api/subscriptions/:id/test': testSubscription,
			'GET /api/audit-logs': auditLogs,
			'GET /api/audit-logs/stats': auditStats,
			'GET /api/account/secret': getSecret,
			'POST /api/account/secret/regenerate': regenerateSecret,
		},
		deliver,
		sendSigned,
		samplePayload,
		optOutPayload,
		newSecret,
	};
}

module.exports = { createWebhookRoutes, signDelivery };
