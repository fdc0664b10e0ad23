/** What the end-to-end tests use to drive n8n (public API and REST) and the sandbox (admin API). */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { signDelivery } = require('../sandbox/webhookRoutes') as { signDelivery: (secret: string, timestamp: string, body: string) => string };

interface E2EState {
	n8nUrl: string;
	cookie: string;
	apiKey: string;
	sandboxUrl: string;
	sandboxApiKey: string;
	secret: string;
	n8nVersion: string;
}

export const state = JSON.parse(fs.readFileSync(process.env.LUSHA_E2E_STATE as string, 'utf8')) as E2EState;

async function call(url: string, init: RequestInit) {
	const response = await fetch(url, init);
	const text = await response.text();
	let body: any = text;
	try {
		body = JSON.parse(text);
	} catch {
		// not JSON
	}
	return { status: response.status, body, headers: response.headers };
}

export const api = (method: string, route: string, body?: unknown) =>
	call(`${state.n8nUrl}/api/v1${route}`, { method, headers: { 'X-N8N-API-KEY': state.apiKey, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

export const rest = (method: string, route: string, body?: unknown) =>
	call(`${state.n8nUrl}${route}`, { method, headers: { cookie: state.cookie, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

export const sandbox = (method: string, action: string, body?: unknown) =>
	call(`${state.sandboxUrl}/__admin/${action}`, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });

export async function waitFor<T>(probe: () => Promise<T | undefined | false>, what: string, timeoutMs = 60_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/**
 * n8n adds "Allowed HTTP Request Domains" to credentials that authenticate requests; n8n 1.x's public API
 * then insists on it (without it, its schema asks for `allowedDomains`). 'all' is the editor's default.
 */
export const DOMAIN_FIELDS = { allowedHttpRequestDomains: 'all' };

export async function createCredential(name = 'Lusha sandbox') {
	const created = await api('POST', '/credentials', { name, type: 'lushaApi', data: { apiKey: state.sandboxApiKey, baseUrl: state.sandboxUrl, webhookSecret: '', ...DOMAIN_FIELDS } });
	if (created.status !== 200) throw new Error(`credential: ${created.status} ${JSON.stringify(created.body)}`);
	return created.body.id as string;
}

export async function createWorkflow(workflow: Record<string, unknown>) {
	const created = await api('POST', '/workflows', { settings: {}, ...workflow });
	if (created.status !== 200) throw new Error(`workflow: ${created.status} ${JSON.stringify(created.body)}`);
	return created.body.id as string;
}

/** Finished executions of a workflow, with their data, newest first. */
export async function executions(workflowId: string) {
	const listed = await api('GET', `/executions?workflowId=${workflowId}&includeData=true&limit=100`);
	return (listed.body.data ?? []) as Array<{ id: string; status: string; finished: boolean; data: any }>;
}

/** A Lusha Trigger node watching contacts by Lusha ID, as the editor saves it; `extra` adds or replaces parameters. */
export function lushaTriggerNode(webhookId: string, credential: { id: string; name: string }, entityIds: string[], subscriptionName: string, extra: Record<string, unknown> = {}) {
	return {
		id: 't',
		name: 'Lusha Trigger',
		type: 'n8n-nodes-lusha-api.lushaTrigger',
		typeVersion: 1,
		position: [0, 0],
		webhookId,
		parameters: { entityType: 'contact', entityIds: entityIds.join('\n'), signalTypes: ['allSignals'], subscriptionName, options: {}, ...extra },
		credentials: { lushaApi: credential },
	};
}

/** A Lusha-shaped signal delivery for a subscription, with a fresh id unless given one. */
export function signedDelivery(subscription: { id: string; entityId: string }, id: string = randomUUID()) {
	const payload = { id, type: 'promotion', entityType: 'contact', entityId: subscription.entityId, subscriptionId: subscription.id, data: { personId: Number(subscription.entityId), currentTitle: 'VP Sales', signalDate: '2026-11-01' }, timestamp: new Date().toISOString(), billing: { creditsCharged: 1 } };
	return { id, body: JSON.stringify(payload) };
}

/** One POST as Lusha sends it, signed now; resolves with the status (0 when nothing answered), the body and how long the answer took. */
export async function sendSigned(url: string, delivery: { body: string }) {
	const timestamp = String(Math.floor(Date.now() / 1000));
	const signature = signDelivery(state.secret, timestamp, delivery.body);
	const started = performance.now();
	try {
		const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-lusha-timestamp': timestamp, 'x-lusha-signature': signature }, body: delivery.body });
		const ack = await response.json().catch(() => undefined);
		return { status: response.status, ack, ms: performance.now() - started };
	} catch {
		return { status: 0, ack: undefined, ms: performance.now() - started };
	}
}
