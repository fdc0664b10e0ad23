/**
 * Every file in examples/ runs end to end in real n8n, as a builder would run it after importing it.
 *  - Lusha nodes get a credential for the sandbox; a third-party API with a double in the sandbox
 *    (Unstuck) is pointed at it.
 *  - Every other third-party node (Slack, HubSpot, Google Sheets, Gmail, …) is swapped, here and not in
 *    the file, for a node with the same name and connections that captures its input: a Set node that
 *    also evaluates, against that input, each `{{ … }}` the example maps into the original node. A node
 *    that reads (a sheet, a list) becomes a stand-in that returns sandbox rows.
 *  - Lusha Trigger examples run from signed sandbox deliveries, one per signal type they watch;
 *    schedule examples run manually, as "Execute workflow" does.
 * A mapped value that is empty, or an expression that fails, for any item, fails the suite: a future
 * example that maps a field nobody produces does not get through.
 */
import fs from 'node:fs';
import path from 'node:path';

import { api, createCredential, createWorkflow, executions, rest, sandbox, state, waitFor } from './client';
import type { WorkflowNode } from '../helpers/types';


interface Workflow {
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
}

/** One `{{ … }}` an example maps into a swapped node. */
interface Mapping {
	parameter: string;
	expression: string;
}

interface Execution {
	id: string;
	status: string;
	finished: boolean;
	data: any;
}

// LUSHA_EXAMPLES_DIR runs the same checks on another folder (to see a broken example fail).
const EXAMPLES_DIR = process.env.LUSHA_EXAMPLES_DIR ?? path.resolve(__dirname, '../../examples');
const EXAMPLES = fs.readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.json')).sort();

/** n8n's own logic and trigger nodes run as they are; so do this package's nodes. Anything else is a third party. */
const RUNS_AS_IS = new Set(
	['stickyNote', 'set', 'if', 'switch', 'filter', 'merge', 'code', 'noOp', 'splitOut', 'splitInBatches', 'aggregate', 'removeDuplicates', 'limit', 'sort', 'summarize', 'dateTime', 'wait', 'scheduleTrigger', 'manualTrigger', 'webhook', 'respondToWebhook'].map(
		(name) => `n8n-nodes-base.${name}`,
	),
);
const OUR_PACKAGE = 'n8n-nodes-lusha-api.';
const LUSHA_TRIGGER = 'n8n-nodes-lusha-api.lushaTrigger';
const READ_OPERATIONS = new Set(['read', 'get', 'getAll', 'getMany', 'search', 'lookup', 'list']);
const MAPPED_VALUES = '__mappedValues';
const UNSTUCK_EXAMPLE_URL = 'https://api.unstuck.example';

/** Every `{{ … }}` in a node's parameters, with where it sits; plus the columns an auto-mapped upsert matches on. */
function mappingsOf(value: unknown, at = ''): Mapping[] {
	if (typeof value === 'string') {
		if (!value.startsWith('=')) return [];
		return [...value.slice(1).matchAll(/\{\{([\s\S]*?)\}\}/g)].map((match) => ({ parameter: at, expression: match[1].trim() }));
	}
	if (Array.isArray(value)) return value.flatMap((entry, i) => mappingsOf(entry, `${at}[${i}]`));
	if (!value || typeof value !== 'object') return [];
	const object = value as Record<string, unknown>;
	const autoMapped =
		object.mappingMode === 'autoMapInputData' && Array.isArray(object.matchingColumns)
			? (object.matchingColumns as string[]).map((column) => ({ parameter: `${at}.matchingColumns`, expression: `$json[${JSON.stringify(column)}]` }))
			: [];
	return [...autoMapped, ...Object.entries(object).flatMap(([key, entry]) => mappingsOf(entry, at ? `${at}.${key}` : key))];
}

/** Evaluates each mapping inside n8n, so `$json`, `$('Node').item` and paired items mean what they mean in the example. */
function capturingNode(node: WorkflowNode, mappings: Mapping[]): WorkflowNode {
	const guarded = mappings.map(({ expression }) => `(() => { try { return [true, (${expression})]; } catch (error) { return [false, String((error && error.message) || error)]; } })()`);
	const { credentials: _credentials, ...rest } = node;
	return {
		...rest,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		parameters: {
			assignments: { assignments: [{ id: 'mapped-values', name: MAPPED_VALUES, type: 'string', value: `={{ JSON.stringify([${guarded.join(', ')}]) }}` }] },
			includeOtherFields: true,
			options: {},
		},
	};
}

/** A sheet or list a builder would read: sandbox people, plus one Lusha does not know. */
function readingNode(node: WorkflowNode, people: Array<{ personId: number; email: string; fullName: string }>): WorkflowNode {
	const rows = [
		...people.slice(0, 5).map((p) => ({ Email: p.email, 'First Name': p.fullName.split(' ')[0], 'Last Name': p.fullName.split(' ')[1], 'Full Name': p.fullName, 'Lusha Person ID': String(p.personId) })),
		{ Email: 'nobody@unknown-company.example', 'First Name': 'No', 'Last Name': 'Body', 'Full Name': 'No Body', 'Lusha Person ID': '' },
	];
	const { credentials: _credentials, ...rest } = node;
	return { ...rest, type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { jsCode: `return ${JSON.stringify(rows)}.map((json) => ({ json }));` } };
}

const isThirdParty = (node: WorkflowNode) => !node.type.startsWith(OUR_PACKAGE) && !RUNS_AS_IS.has(node.type) && !(node.type === 'n8n-nodes-base.httpRequest' && doubleFor(node));
const doubleFor = (node: WorkflowNode) => (String(node.parameters.url ?? '').startsWith(UNSTUCK_EXAMPLE_URL) ? `${state.sandboxUrl}/unstuck` : undefined);

interface Prepared {
	workflow: Workflow;
	/** Swapped nodes that capture, with what the example maps into them. */
	captured: Map<string, Mapping[]>;
	triggers: WorkflowNode[];
	manualStart?: WorkflowNode;
}

/** The example as the test imports it: credentials set, doubles pointed at, third parties swapped, placeholders filled. */
function prepare(example: Workflow, ids: { lusha: string; unstuck: string; table?: string }, people: Array<{ personId: number; email: string; fullName: string }>): Prepared {
	const captured = new Map<string, Mapping[]>();
	const nodes = example.nodes.map((original) => {
		const node = structuredClone(original);
		if (node.type.startsWith(OUR_PACKAGE)) {
			node.credentials = { lushaApi: { id: ids.lusha, name: 'Lusha sandbox (examples)' } };
			fillPlaceholders(node, ids);
			return node;
		}
		if (node.type === 'n8n-nodes-base.httpRequest' && doubleFor(node)) {
			node.parameters.url = String(node.parameters.url).replace(UNSTUCK_EXAMPLE_URL, doubleFor(node) as string);
			node.credentials = { httpHeaderAuth: { id: ids.unstuck, name: 'Unstuck (sandbox)' } };
			return node;
		}
		if (!isThirdParty(node)) return node;
		if (READ_OPERATIONS.has(String(node.parameters.operation ?? ''))) return readingNode(node, people);
		const mappings = mappingsOf(node.parameters);
		captured.set(node.name, mappings);
		return capturingNode(node, mappings);
	});
	return {
		workflow: { name: `${example.name} (examples e2e)`, nodes, connections: example.connections, settings: example.settings ?? {} },
		captured,
		triggers: nodes.filter((node) => node.type === LUSHA_TRIGGER),
		manualStart: nodes.find((node) => node.type === 'n8n-nodes-base.scheduleTrigger' || node.type === 'n8n-nodes-base.manualTrigger'),
	};
}

/** What a builder fills in before the first run: the owner of a Lusha Table and the table itself. */
function fillPlaceholders(node: WorkflowNode, ids: { table?: string }) {
	if (node.parameters.ownerEmail === 'you@yourcompany.com') node.parameters.ownerEmail = TABLE_OWNER;
	const table = node.parameters.tableId;
	if (table && typeof table === 'object' && String(table.value).includes('your-table-id') && ids.table) node.parameters.tableId = { __rl: true, mode: 'id', value: ids.table };
}

const TABLE_OWNER = 'user@example.com';

async function createTable(kind: 'contacts' | 'companies') {
	const response = await fetch(`${state.sandboxUrl}/v3/${kind}/tables`, {
		method: 'POST',
		headers: { api_key: state.sandboxApiKey, 'content-type': 'application/json' },
		body: JSON.stringify({ name: `Examples e2e ${kind}`, owner: { email: TABLE_OWNER } }),
	});
	if (!response.ok) return undefined;
	return ((await response.json()) as { data: { tableId: string } }).data.tableId;
}

const triggerOutput = (run: Execution, trigger: string) => run.data?.resultData?.runData?.[trigger]?.[0]?.data?.main?.[0]?.[0]?.json;
const isDone = (run: Execution) => run.finished || ['success', 'error', 'crashed', 'canceled'].includes(run.status);
const entityIdsOf = (trigger: WorkflowNode) => String(trigger.parameters.entityIds ?? '').split(/[\s,]+/).filter(Boolean);
const subscriptionsOf = async (trigger: WorkflowNode) =>
	((await sandbox('GET', 'subscriptions')).body as Array<{ id: string; url: string; isActive: boolean }>).filter((s) => s.url.includes(`/${trigger.webhookId}/`));

/**
 * n8n creates the subscriptions while it is still activating: the POST webhook is registered, and the
 * trigger's stored state saved, a moment later. Signals come later than that in real life; here the
 * test waits for both (an unsigned POST gets the trigger's 401, not n8n's 404).
 */
async function waitUntilActive(workflowId: string, trigger: WorkflowNode, url: string) {
	await waitFor(async () => {
		const stored = (await api('GET', `/workflows/${workflowId}`)).body.staticData?.[`node:${trigger.name}`];
		if (!stored || Object.keys(stored).length === 0) return false;
		return (await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status === 401;
	}, `"${trigger.name}" to finish activating`);
}

/** Activates the workflow and sends each trigger one signed delivery per signal type it watches; returns the runs. */
async function runFromDeliveries(workflowId: string, triggers: WorkflowNode[]) {
	expect((await api('POST', `/workflows/${workflowId}/activate`)).status).toBe(200);
	const sent: Array<{ trigger: string; deliveryId: string }> = [];
	for (const trigger of triggers) {
		const expected = Math.max(1, entityIdsOf(trigger).length);
		const subscriptions = await waitFor(async () => {
			const found = await subscriptionsOf(trigger);
			return found.length >= expected && found;
		}, `the subscriptions of "${trigger.name}"`);
		await waitUntilActive(workflowId, trigger, subscriptions[0].url);
		const types = ((trigger.parameters.signalTypes as string[] | undefined) ?? []).filter((type) => type !== 'allSignals');
		const plan = types.length ? types : [undefined];
		for (const [i, signalType] of plan.entries()) {
			const subscription = subscriptions[i % subscriptions.length];
			const result = (await sandbox('POST', 'deliver', { subscriptionId: subscription.id, tamper: signalType ? { signalType } : {} })).body;
			expect({ trigger: trigger.name, signalType, answer: result.attempts[0].statusCode }).toEqual({ trigger: trigger.name, signalType, answer: 201 });
			sent.push({ trigger: trigger.name, deliveryId: result.payload.id ?? result.payload.contactId });
		}
	}
	return await waitFor(async () => {
		const runs = await executions(workflowId);
		const matched = sent.map(({ trigger, deliveryId }) => runs.find((run) => [triggerOutput(run, trigger)?.deliveryId, triggerOutput(run, trigger)?.contactId].includes(deliveryId)));
		return matched.every((run) => run && isDone(run)) && (matched as Execution[]);
	}, 'one finished run per delivery');
}

/** Deactivates and waits for the subscriptions to go, so the next workflow can reuse the webhook IDs. */
async function deactivate(workflowId: string, triggers: WorkflowNode[]) {
	await api('POST', `/workflows/${workflowId}/deactivate`);
	for (const trigger of triggers) {
		await waitFor(async () => (await subscriptionsOf(trigger)).length === 0, `the subscriptions of "${trigger.name}" to go`).catch(async (error) => {
			const left = (await subscriptionsOf(trigger)).map((s) => s.id);
			const stored = (await api('GET', `/workflows/${workflowId}`)).body.staticData?.[`node:${trigger.name}`];
			// Clean up by hand so one leak fails one example, not every later one that watches the same entities.
			await fetch(`${state.sandboxUrl}/api/subscriptions/delete`, { method: 'POST', headers: { api_key: state.sandboxApiKey, 'content-type': 'application/json' }, body: JSON.stringify({ ids: left }) });
			throw new Error(`${error.message}: left ${JSON.stringify(left)}; the trigger's static data: ${JSON.stringify(stored)}`);
		});
	}
}

/** "Execute workflow" from the schedule (or manual) trigger, through the editor's own endpoint. */
async function runManually(workflowId: string, start: WorkflowNode) {
	const workflowData = (await rest('GET', `/rest/workflows/${workflowId}`)).body.data;
	const started = await rest('POST', `/rest/workflows/${workflowId}/run`, { workflowData, triggerToStartFrom: { name: start.name } });
	expect(started.status).toBe(200);
	const executionId = String(started.body.data.executionId);
	const run = await waitFor(async () => {
		const found = await api('GET', `/executions/${executionId}?includeData=true`);
		return found.status === 200 && isDone(found.body) && (found.body as Execution);
	}, 'the manual run');
	return [run];
}

/** What each swapped node received, per run and item, with the value of each mapping. */
function mappingProblems(runs: Execution[], captured: Map<string, Mapping[]>) {
	const problems: string[] = [];
	for (const [node, mappings] of captured) {
		const items = runs.flatMap((run) => (run.data?.resultData?.runData?.[node] ?? []).flatMap((task: any) => task.data?.main?.[0] ?? [])) as Array<{ json: Record<string, unknown> }>;
		if (items.length === 0) problems.push(`"${node}" never ran: no delivery or row reached it`);
		for (const [index, item] of items.entries()) {
			const values = JSON.parse(String(item.json[MAPPED_VALUES])) as Array<[boolean, unknown]>;
			mappings.forEach(({ parameter, expression }, i) => {
				const [ok, value] = values[i];
				const empty = value === null || value === undefined || value === '' || (typeof value === 'object' && Object.keys(value as object).length === 0);
				if (!ok) problems.push(`"${node}" › ${parameter}: {{ ${expression} }} fails on item ${index}: ${String(value)}`);
				else if (empty) problems.push(`"${node}" › ${parameter}: {{ ${expression} }} is empty on item ${index}`);
			});
		}
	}
	return problems;
}

const failureOf = (run: Execution) => {
	const error = run.data?.resultData?.error;
	return run.status === 'success' ? undefined : `${run.status}: ${error?.node?.name ?? error?.node ?? ''} ${error?.message ?? ''} ${error?.description ?? ''}`.trim();
};

describe('every example workflow runs in real n8n against the sandbox', () => {
	const ids = {} as { lusha: string; unstuck: string; table?: string };
	let people: Array<{ personId: number; email: string; fullName: string }>;

	beforeAll(async () => {
		await sandbox('POST', 'reset', {});
		ids.lusha = await createCredential('Lusha sandbox (examples)');
		const unstuck = await api('POST', '/credentials', { name: 'Unstuck (sandbox)', type: 'httpHeaderAuth', data: { name: 'Authorization', value: `Bearer ${(await sandbox('GET', 'unstuck')).body.apiKey}` } });
		expect(unstuck.status).toBe(200);
		ids.unstuck = unstuck.body.id;
		ids.table = await createTable('contacts');
		people = (await sandbox('GET', 'state')).body.people;
	});

	it('finds the examples', () => {
		expect(EXAMPLES).toEqual(expect.arrayContaining(['promotion-update-crm.json', 'lusha-signals-to-unstuck.json', 'scheduled-bulk-enrichment.json']));
	});

	// New builders copy examples: each Lusha node is on version 2 (API V3), unless the example is about version 1 and says so.
	it.each(EXAMPLES)('%s puts its Lusha nodes on version 2, or says "(node version 1)" in its name', (file) => {
		const example = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as Workflow;
		const onVersion1 = example.nodes.filter((node) => node.type === `${OUR_PACKAGE}lusha` && node.typeVersion === 1).map((node) => node.name);
		expect(example.name.includes('(node version 1)') ? [] : onVersion1).toEqual([]);
	});

	it.each(EXAMPLES)('%s runs green, and every field it maps into a third-party node has a value', async (file) => {
		const example = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8')) as Workflow;
		const prepared = prepare(example, ids, people);
		expect(prepared.triggers.length > 0 || prepared.manualStart).toBeTruthy();
		const workflowId = await createWorkflow(prepared.workflow as unknown as Record<string, unknown>);
		try {
			const runs = prepared.triggers.length ? await runFromDeliveries(workflowId, prepared.triggers) : await runManually(workflowId, prepared.manualStart as WorkflowNode);
			expect(runs.map(failureOf).filter(Boolean)).toEqual([]);
			expect(mappingProblems(runs, prepared.captured)).toEqual([]);
		} finally {
			if (prepared.triggers.length) await deactivate(workflowId, prepared.triggers);
		}
	});

	it('Lusha signals reach Unstuck as documented signals: mapped type, ISO time, the person’s email, the signal as context, keyed on the delivery', async () => {
		const example = JSON.parse(fs.readFileSync(path.join(EXAMPLES_DIR, 'lusha-signals-to-unstuck.json'), 'utf8')) as Workflow;
		const prepared = prepare(example, ids, people);
		const workflowId = await createWorkflow(prepared.workflow as unknown as Record<string, unknown>);
		try {
			const before = (await sandbox('GET', 'unstuck')).body.captures.length;
			const runs = await runFromDeliveries(workflowId, prepared.triggers);
			expect(runs.map(failureOf).filter(Boolean)).toEqual([]);
			const { captures, requests } = (await sandbox('GET', 'unstuck')).body as { captures: Array<{ body: any; response: any }>; requests: Array<{ statusCode: number }> };
			expect(requests.filter((r) => r.statusCode >= 400)).toEqual([]);
			const received = captures.slice(before).map((c) => c.body);
			expect(received).toHaveLength(runs.length);

			const peopleTrigger = prepared.triggers.find((t) => t.parameters.entityType === 'contact') as WorkflowNode;
			const promotion = runs.map((run) => triggerOutput(run, peopleTrigger.name)).find((signal) => signal?.signalType === 'promotion');
			const sentForPromotion = received.find((body) => body.idempotency_key === `lusha-${promotion.deliveryId}`);
			const person = (await sandbox('GET', 'state')).body.people.find((p: { personId: number }) => String(p.personId) === promotion.entityId);
			expect(sentForPromotion).toMatchObject({
				signal_type: 'job_promotion',
				source: 'lusha',
				event_name: 'promotion',
				occurred_at: `${promotion.signalDate}T00:00:00.000Z`,
				identity: { email: person.email, company_domain: promotion.currentDomain },
				context: promotion.raw.data,
			});
			expect(sentForPromotion.identity.linkedin_url).toMatch(/^https:\/\/www\.linkedin\.com\/in\//);

			const accountsTrigger = prepared.triggers.find((t) => t.parameters.entityType === 'company') as WorkflowNode;
			const accountSignals = runs.map((run) => triggerOutput(run, accountsTrigger.name)).filter(Boolean);
			const expectedTypes: Record<string, string> = { financialEventsNews: 'financial_event', surgeInHiring: 'hiring_surge', surgeInHiringByDepartment: 'hiring_surge', headcountIncrease3m: 'headcount_growth', websiteTrafficIncrease: 'website_traffic_surge', itSpendIncrease: 'it_spend_increase' };
			for (const signal of accountSignals) {
				const body = received.find((b) => b.idempotency_key === `lusha-${signal.deliveryId}`);
				expect(body).toMatchObject({ signal_type: expectedTypes[signal.signalType], event_name: signal.signalType, identity: { company_domain: expect.stringMatching(/^(?!www\.)[a-z0-9-]+\.example$/) }, context: signal.raw.data });
				expect(Date.parse(body.occurred_at)).toBe(Date.parse(`${signal.signalDate}T00:00:00Z`));
			}
			// What Unstuck answered is the HTTP node's output: the capture and its qualification.
			const answers = runs.flatMap((run) => run.data.resultData.runData['Send to Unstuck'].flatMap((task: any) => task.data.main[0].map((item: any) => item.json)));
			expect(answers.every((answer: { signal_capture_id?: string }) => /^sig_capture_/.test(String(answer.signal_capture_id)))).toBe(true);
		} finally {
			await deactivate(workflowId, prepared.triggers);
		}
	});
});
