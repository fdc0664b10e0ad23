/**
 * Hosts the Lusha Trigger the way n8n 2.x does: its webhook lifecycle runs in n8n-core's
 * HookContext, and every HTTP request to its webhook URL runs `webhook()` in n8n-core's
 * WebhookContext. Like n8n, each activation and each request builds the workflow from its stored
 * static data and saves it back before the response goes out; an activation registers the node's
 * routes one by one and, when an attempt fails, removes them and retries (1, 2, 4 and 8 s later in
 * n8n; scaled down here). The HTTP front is a small loopback server standing in for n8n's express
 * routes; the end-to-end suite proves the same behaviour behind real n8n.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { HookContext, TriggerContext, WebhookContext } from 'n8n-core';
import type {
	IDataObject,
	IHookFunctions,
	INode,
	INodeParameters,
	INodeType,
	IWebhookData,
	IWebhookDescription,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import type { WorkflowActivateMode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { LushaTrigger } from '../../nodes/LushaTrigger/LushaTrigger.node';
import type { SandboxCredential } from './n8n';
import { additionalDataFor, nodeTypes, registerNodeType } from './n8n';

const TRIGGER_TYPE = 'n8n-nodes-lusha-api.lushaTrigger';
registerNodeType(TRIGGER_TYPE, new LushaTrigger());

/** n8n 2.41's activation retry delays (WORKFLOW_REACTIVATE_INITIAL_TIMEOUT doubling, 5 attempts), in ms. */
export const N8N_RETRY_DELAYS_MS = [1000, 2000, 4000, 8000];

function expressLikeResponse(res: http.ServerResponse) {
	const response = {
		statusCode: 200,
		headersSent: false,
		status(code: number) {
			response.statusCode = code;
			return response;
		},
		setHeader(name: string, value: string) {
			res.setHeader(name, value);
			return response;
		},
		json(body: unknown) {
			res.setHeader('content-type', 'application/json; charset=utf-8');
			return response.send(JSON.stringify(body));
		},
		send(body: string) {
			response.headersSent = true;
			res.statusCode = response.statusCode;
			// Through end(), as express does, so whatever wraps end() sees the answer.
			response.end(body);
			return response;
		},
		end(body = '') {
			response.headersSent = true;
			res.statusCode = response.statusCode;
			res.end(body);
			return response;
		},
	};
	return response;
}

/** The workflow's row in n8n's database: what every process loads its static data from. */
export interface WorkflowStore {
	staticData: IDataObject;
}

export interface TriggerHostOptions {
	credential: SandboxCredential;
	parameters: INodeParameters;
	/** 'trigger' is an active workflow; 'manual' is "Listen for test event". */
	mode?: WorkflowExecuteMode;
	/** Share one workflow between hosts, as several n8n processes share one database. */
	store?: WorkflowStore;
	/** The trigger as loaded by this "process" (a fresh module copy stands for a restarted process). */
	nodeType?: INodeType;
	/** Keep the webhook URL of another host (the same workflow served by another process). */
	webhookId?: string;
	/** The workflow's ID (what the trigger keys its in-process memory by); 'wf-trigger' by default. */
	workflowId?: string;
	/**
	 * Whether n8n manages to record a run (its execution insert). When it does not, n8n 2.x answers
	 * 500 and saves no static data, as under SQLite's write lock timing out.
	 */
	recordsRun?: (item: IDataObject) => boolean | Promise<boolean>;
}

export async function startTriggerHost(options: TriggerHostOptions) {
	const mode = options.mode ?? 'trigger';
	const trigger = (options.nodeType ?? new LushaTrigger()) as LushaTrigger;
	const store: WorkflowStore = options.store ?? { staticData: {} };
	const runs: IDataObject[][] = [];
	const node: INode = {
		id: 'lusha-trigger',
		name: 'Lusha Trigger',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: options.webhookId ?? '5c6f1e0a-7a51-4c1e-9a7b-2f0d2c0b7e11',
		parameters: options.parameters,
		credentials: { lushaApi: { id: '1', name: 'Lusha sandbox' } },
	};
	/** A workflow as n8n builds it for one activation or one request: static data fresh from the store. */
	const loadWorkflow = (staticData: IDataObject = structuredClone(store.staticData)) =>
		new Workflow({ id: options.workflowId ?? 'wf-trigger', name: 'Trigger', nodes: [node], connections: {}, active: true, nodeTypes, staticData });
	/** Database writes of static data: n8n writes only when something in it was assigned (its __dataChanged flag). */
	const writes = { count: 0 };
	const saveStaticData = (workflow: Workflow) => {
		if (workflow.staticData.__dataChanged !== true) return;
		writes.count++;
		store.staticData = JSON.parse(JSON.stringify(workflow.staticData)) as IDataObject;
	};

	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			void serve(req, res, Buffer.concat(chunks)).catch((error: Error) => {
				res.statusCode = 500;
				res.end(JSON.stringify({ message: error.message }));
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const additionalData = {
		...additionalDataFor(options.credential),
		webhookBaseUrl: `${base}/webhook`,
		webhookTestBaseUrl: `${base}/webhook-test`,
	};

	const descriptions = trigger.description.webhooks as IWebhookDescription[];
	function webhookData(description: IWebhookDescription, workflow: Workflow): IWebhookData {
		return {
			httpMethod: description.httpMethod as IWebhookData['httpMethod'],
			node: node.name,
			path: description.path as string,
			webhookDescription: description,
			workflowId: workflow.id,
			workflowExecuteAdditionalData: additionalData,
			webhookId: node.webhookId,
			isTest: mode === 'manual',
		};
	}

	/** The routes n8n has registered for the node, by HTTP method. */
	const routes = new Set<string>();
	let routesLive = true;

	async function serve(req: http.IncomingMessage, res: http.ServerResponse, rawBody: Buffer) {
		const url = new URL(req.url ?? '/', base);
		const prefix = mode === 'manual' ? '/webhook-test/' : '/webhook/';
		const description = descriptions.find((w) => w.httpMethod === req.method);
		if (!routesLive || !routes.has(req.method ?? '') || !url.pathname.startsWith(`${prefix}${node.webhookId}/`) || !description) {
			res.statusCode = 404;
			res.end(JSON.stringify({ message: 'The requested webhook is not registered' }));
			return;
		}
		let body: unknown = {};
		if (String(req.headers['content-type'] ?? '').includes('json') && rawBody.length) {
			try {
				body = JSON.parse(rawBody.toString());
			} catch {
				body = {};
			}
		}
		const request = { method: req.method, url: req.url, headers: req.headers, query: Object.fromEntries(url.searchParams), body, rawBody };
		const response = expressLikeResponse(res);
		const staticData = structuredClone(store.staticData);
		const workflow = loadWorkflow(staticData);
		const context = new WebhookContext(
			workflow,
			node,
			{ ...additionalData, httpRequest: request as never, httpResponse: response as never },
			mode,
			webhookData(description, workflow),
			[],
			null,
		);
		const result = await trigger.webhook.call(context);
		// As n8n 2.x: the run is recorded first; when that fails, the answer is a 500 and static data
		// is not saved. Otherwise static data is saved, then the webhook's answer goes out.
		if (result.workflowData) {
			if (options.recordsRun && !(await options.recordsRun(result.workflowData[0][0].json))) {
				// A node that answered by itself (noWebhookResponse) has already said what it said.
				if (!result.noWebhookResponse && !response.headersSent) response.status(500).json({ code: 0, message: 'There was a problem executing the workflow' });
				return;
			}
			runs.push(result.workflowData[0].map((item) => item.json));
			// n8n 2.x starts recording the run by wrapping the same static data in a new Workflow,
			// which clears its change flag (WorkflowRunner.establishContextForPersistence).
			loadWorkflow(staticData);
		}
		// It then reads the answer, saves static data if flagged, and sends the answer.
		const answer = result.webhookResponse;
		saveStaticData(workflow);
		if (result.noWebhookResponse || response.headersSent) return;
		const code = Number(/\d{3}/.exec(String(description.responseCode ?? '200'))?.[0]);
		response.status(code).json(answer ?? { message: 'Workflow was started' });
	}

	const hookFor = (workflow: Workflow, description: IWebhookDescription, activation: WorkflowActivateMode) =>
		new HookContext(workflow, node, additionalData, mode, activation, webhookData(description, workflow)) as unknown as IHookFunctions;
	const methodsOf = (description: IWebhookDescription) =>
		(trigger.webhookMethods as Record<string, Record<'checkExists' | 'create' | 'delete', (this: IHookFunctions) => Promise<boolean>>>)[description.name];

	return {
		/** The URL Lusha is given: the production or the test webhook URL. */
		webhookUrl: `${base}${mode === 'manual' ? '/webhook-test' : '/webhook'}/${node.webhookId}/webhook`,
		runs,
		node,
		store,
		/** How many times static data was written to the workflow's row, as n8n would. */
		staticDataWrites: () => writes.count,
		/** The node's static data as last saved. */
		staticData: () => (store.staticData[`node:${node.name}`] ?? {}) as { subscriptionIds?: string[]; [key: string]: unknown },
		/**
		 * What n8n 2.x does on activation: for each webhook in order, register its route, then
		 * checkExists and create when it says false. A failed attempt runs delete, removes the node's
		 * routes and is retried after each of `retryDelaysMs` (none by default) with the same
		 * workflow object. Returns whether create ran. `activation` 'init' is n8n starting with the
		 * workflow already active.
		 */
		async activate(retryDelaysMs: number[] = [], activation: WorkflowActivateMode = mode === 'manual' ? 'manual' : 'activate'): Promise<boolean> {
			const workflow = loadWorkflow();
			let created = false;
			try {
				for (const description of descriptions) {
					for (let attempt = 0; ; attempt++) {
						routes.add(description.httpMethod as string);
						const methods = methodsOf(description);
						try {
							if (methods && !(await methods.checkExists.call(hookFor(workflow, description, activation)))) {
								await methods.create.call(hookFor(workflow, description, activation));
								created = true;
							}
							break;
						} catch (error) {
							await methods?.delete.call(hookFor(workflow, description, activation)).catch(() => undefined);
							routes.clear();
							if (attempt >= retryDelaysMs.length) throw error;
							await new Promise((resolve) => setTimeout(resolve, retryDelaysMs[attempt]));
						}
					}
				}
			} finally {
				saveStaticData(workflow);
			}
			return created;
		},
		async deactivate(): Promise<void> {
			const workflow = loadWorkflow();
			routes.clear();
			try {
				for (const description of descriptions) await methodsOf(description)?.delete.call(hookFor(workflow, description, 'activate'));
			} finally {
				saveStaticData(workflow);
			}
		},
		/**
		 * What n8n does with an active workflow's trigger(): runs it once on the leader main with the
		 * workflow as loaded at activation (so its static data is that snapshot from then on). Each
		 * emit is one run, in `runs`. The periodic check's cron is not scheduled: `tick()` runs it once
		 * and resolves when that check is over.
		 */
		async startTrigger(activation: WorkflowActivateMode = 'init') {
			const workflow = loadWorkflow();
			const ticks: Array<() => unknown> = [];
			const context = new TriggerContext(
				workflow,
				node,
				additionalData,
				mode,
				activation,
				(data) => runs.push(data[0].map((item) => item.json)),
				() => undefined,
				() => undefined,
				{ registerCron: (_cron: unknown, onTick: () => unknown) => ticks.push(onTick) } as never,
			);
			const response = await trigger.trigger.call(context);
			return {
				tick: async () => await Promise.all(ticks.map(async (onTick) => await onTick())),
				close: async () => await response.closeFunction?.(),
				/** Whether the trigger's own static data was assigned: n8n would then save this old copy at the next emit. */
				wroteStaticData: () => workflow.staticData.__dataChanged === true,
			};
		},
		/** Registers the routes without activating, as another n8n process serving the same active workflow. */
		serveRoutes() {
			for (const description of descriptions) routes.add(description.httpMethod as string);
		},
		/** Makes every webhook route answer 404, as n8n does for a route it has not registered. */
		setRoutesLive(live: boolean) {
			routesLive = live;
		},
		setParameters(parameters: INodeParameters) {
			node.parameters = parameters;
		},
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
