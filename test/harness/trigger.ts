/**
 * Hosts the Lusha Trigger the way n8n does: its webhook lifecycle runs in n8n-core's HookContext,
 * and every HTTP request to its webhook URL runs `webhook()` in n8n-core's WebhookContext. The
 * HTTP front is a small loopback server standing in for n8n's express routes; the end-to-end suite
 * proves the same behaviour behind real n8n.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { HookContext, WebhookContext } from 'n8n-core';
import type { IDataObject, INode, INodeParameters, IWebhookData, IWebhookDescription, WorkflowExecuteMode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { LushaTrigger } from '../../nodes/LushaTrigger/LushaTrigger.node';
import type { SandboxCredential } from './n8n';
import { additionalDataFor, nodeTypes, registerNodeType } from './n8n';

const TRIGGER_TYPE = 'n8n-nodes-lusha-api.lushaTrigger';
const trigger = new LushaTrigger();
registerNodeType(TRIGGER_TYPE, trigger);

export interface HostedReply {
	status: number;
	headers: http.OutgoingHttpHeaders;
	body: string;
}

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
			res.end(body);
			return response;
		},
		end() {
			return response.send('');
		},
	};
	return response;
}

export interface TriggerHostOptions {
	credential: SandboxCredential;
	parameters: INodeParameters;
	/** 'trigger' is an active workflow; 'manual' is "Listen for test event". */
	mode?: WorkflowExecuteMode;
}

export async function startTriggerHost(options: TriggerHostOptions) {
	const mode = options.mode ?? 'trigger';
	const runs: IDataObject[][] = [];
	const node: INode = {
		id: 'lusha-trigger',
		name: 'Lusha Trigger',
		type: TRIGGER_TYPE,
		typeVersion: 1,
		position: [0, 0],
		webhookId: '5c6f1e0a-7a51-4c1e-9a7b-2f0d2c0b7e11',
		parameters: options.parameters,
		credentials: { lushaApi: { id: '1', name: 'Lusha sandbox' } },
	};
	const workflow = new Workflow({ id: 'wf-trigger', name: 'Trigger', nodes: [node], connections: {}, active: true, nodeTypes, staticData: {} });

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

	function webhookData(description: IWebhookDescription): IWebhookData {
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

	let routesLive = true;

	async function serve(req: http.IncomingMessage, res: http.ServerResponse, rawBody: Buffer) {
		const url = new URL(req.url ?? '/', base);
		const prefix = mode === 'manual' ? '/webhook-test/' : '/webhook/';
		const description = trigger.description.webhooks?.find((w) => w.httpMethod === req.method);
		if (!routesLive || !url.pathname.startsWith(`${prefix}${node.webhookId}/`) || !description) {
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
		const context = new WebhookContext(
			workflow,
			node,
			{ ...additionalData, httpRequest: request as never, httpResponse: response as never },
			mode,
			webhookData(description),
			[],
			null,
		);
		const result = await trigger.webhook.call(context);
		if (result.workflowData) runs.push(result.workflowData[0].map((item) => item.json));
		if (!result.noWebhookResponse && !response.headersSent) response.status(200).json({ message: 'Workflow was started' });
	}

	const defaultWebhook = trigger.description.webhooks?.find((w) => w.name === 'default') as IWebhookDescription;
	const hook = (activation: 'activate' | 'manual') => new HookContext(workflow, node, additionalData, mode, activation, webhookData(defaultWebhook));

	return {
		/** The URL Lusha is given: the production or the test webhook URL. */
		webhookUrl: `${base}${mode === 'manual' ? '/webhook-test' : '/webhook'}/${node.webhookId}/webhook`,
		runs,
		node,
		staticData: () => workflow.getStaticData('node', node) as { subscriptionIds?: string[]; [key: string]: unknown },
		/** What n8n does on activation: checkExists, then create when it says false. Returns whether create ran. */
		async activate(): Promise<boolean> {
			const context = hook(mode === 'manual' ? 'manual' : 'activate');
			if (await trigger.webhookMethods.default.checkExists.call(context)) return false;
			await trigger.webhookMethods.default.create.call(context);
			return true;
		},
		async deactivate(): Promise<void> {
			await trigger.webhookMethods.default.delete.call(hook('activate'));
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
