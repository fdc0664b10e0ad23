/**
 * Runs our nodes inside n8n's own engine (n8n-core's WorkflowExecute, ExecuteContext and
 * request helpers), the way a user's workflow runs them. Only the credential store is ours: it
 * hands out the sandbox credential and applies the credential's own `authenticate` block.
 */
import { ExecutionLifecycleHooks, LoadOptionsContext, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentials,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypeDescription,
	INodeTypes,
	IRun,
	IVersionedNodeType,
	IWorkflowExecuteAdditionalData,
	NodeParameterValueType,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeConnectionTypes, Workflow, createRunExecutionData } from 'n8n-workflow';

import { LushaApi } from '../../credentials/LushaApi.credentials';
import { Lusha } from '../../nodes/Lusha/Lusha.node';

export const credentialType = new LushaApi();

/** A source node for tests: it emits the items it is given, like a Code node would. */
class TestItems implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Items',
		name: 'testItems',
		group: ['input'],
		version: 1,
		description: 'Emits the given items',
		defaults: { name: 'Items' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = this.getNodeParameter('items', 0) as IDataObject[];
		return [items.map((json) => ({ json }))];
	}
}

export const lushaNode = new Lusha();

/** One version of the Lusha node (its description and methods), as n8n picks it for a saved typeVersion. */
export function lushaVersion(version: 1 | 2): INodeType {
	return lushaNode.getNodeType(version);
}

const nodeTypeInstances: Record<string, INodeType | IVersionedNodeType> = {
	'n8n-nodes-lusha-api.lusha': lushaNode,
	'test.items': new TestItems(),
};

export const nodeTypes: INodeTypes = {
	getByName: (type: string) => nodeTypeInstances[type],
	getByNameAndVersion: (type: string, version?: number) => {
		const nodeType = nodeTypeInstances[type];
		return 'nodeVersions' in nodeType ? nodeType.getNodeType(version) : nodeType;
	},
	getKnownTypes: () => ({}),
};

export function registerNodeType(type: string, instance: INodeType | IVersionedNodeType) {
	nodeTypeInstances[type] = instance;
}

/** Resolves `={{$credentials.x}}` in the credential's authenticate block, as n8n's credential helper does. */
export class SandboxCredentialsHelper extends ICredentialsHelper {
	constructor(private readonly data: ICredentialDataDecryptedObject) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		_typeName: string,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return applyAuthentication(credentialType, credentials, requestOptions);
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used by these nodes');
	}

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		return { ...this.data };
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties() {
		return credentialType.properties;
	}
}

function resolveCredentialExpression(value: string, credentials: ICredentialDataDecryptedObject): string {
	const match = /^=\{\{\s*\$credentials\.(\w+)\s*\}\}$/.exec(value);
	return match ? String(credentials[match[1]] ?? '') : value;
}

export function applyAuthentication(
	type: ICredentialType,
	credentials: ICredentialDataDecryptedObject,
	requestOptions: IHttpRequestOptions,
): IHttpRequestOptions {
	const authenticate = type.authenticate;
	if (!authenticate || typeof authenticate === 'function') return requestOptions;
	const headers = { ...(requestOptions.headers ?? {}) };
	for (const [name, value] of Object.entries(authenticate.properties.headers ?? {})) {
		headers[name] = resolveCredentialExpression(String(value), credentials);
	}
	return { ...requestOptions, headers };
}

export interface SandboxCredential {
	apiKey: string;
	baseUrl: string;
	webhookSecret?: string;
}

export function additionalDataFor(credential: SandboxCredential): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new SandboxCredentialsHelper({ ...credential }),
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not used by these nodes');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		formBaseUrl: 'http://localhost:5678/form',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		formTestBaseUrl: 'http://localhost:5678/form-test',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		mcpBaseUrl: 'http://localhost:5678/mcp',
		mcpTestBaseUrl: 'http://localhost:5678/mcp-test',
		variables: {},
		logAiEvent: () => {},
		startRunnerTask: async () => {
			throw new Error('not used');
		},
	} as unknown as IWorkflowExecuteAdditionalData;
}

export interface NodeRun {
	/** The items the node under test output, as n8n recorded them. */
	items: INodeExecutionData[];
	/** The error n8n recorded for the node, if it failed. */
	error?: Error & { description?: string; context?: IDataObject; httpCode?: string };
	run: IRun;
}

export interface RunOptions {
	credential: SandboxCredential;
	parameters: INodeParameters;
	items?: IDataObject[];
	continueOnFail?: boolean;
	/** Registered node type to run; the Lusha node by default. */
	nodeType?: string;
	/** The node's typeVersion: 1 (API v2) unless a test says otherwise. */
	typeVersion?: number;
}

function workflowBase(nodes: INode[], workflow: Workflow) {
	return {
		id: 'test',
		name: 'test',
		nodes,
		connections: workflow.connectionsBySourceNode,
		active: false,
		activeVersionId: null,
		isArchived: false,
		createdAt: new Date(),
		updatedAt: new Date(),
		settings: {},
	};
}

/** Runs `Items → node` in n8n's workflow engine and returns what n8n recorded for the node. */
export async function runNode(options: RunOptions): Promise<NodeRun> {
	const nodes: INode[] = [
		{
			id: 'items',
			name: 'Items',
			type: 'test.items',
			typeVersion: 1,
			position: [0, 0],
			parameters: { items: (options.items ?? [{}]) as unknown as NodeParameterValueType },
		},
		{
			id: 'under-test',
			name: 'Lusha',
			type: options.nodeType ?? 'n8n-nodes-lusha-api.lusha',
			typeVersion: options.typeVersion ?? 1,
			position: [200, 0],
			parameters: options.parameters,
			credentials: { lushaApi: { id: '1', name: 'Lusha sandbox' } },
			...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
		},
	];
	const workflow = new Workflow({
		id: 'test',
		name: 'test',
		nodes,
		connections: { Items: { main: [[{ node: 'Lusha', type: NodeConnectionTypes.Main, index: 0 }]] } },
		active: false,
		nodeTypes,
		settings: {},
	});
	const additionalData = additionalDataFor(options.credential);
	additionalData.hooks = new ExecutionLifecycleHooks('manual', 'test-execution', workflowBase(nodes, workflow) as never);
	const execute = new WorkflowExecute(additionalData, 'manual', createRunExecutionData({}));
	const run = await execute.run({ workflow, startNode: nodes[0], destinationNode: { nodeName: 'Lusha', mode: 'inclusive' } });
	const taskData = run.data.resultData.runData.Lusha?.[0];
	return {
		items: taskData?.data?.main?.[0] ?? [],
		error: (taskData?.error ?? run.data.resultData.error) as NodeRun['error'],
		run,
	};
}


/**
 * Runs the credential's own test request the way n8n's credential tester does: as a declarative
 * request through n8n's routing engine, then its response-code rules on failure.
 */
export async function testCredential(credential: SandboxCredential): Promise<{ status: 'OK' | 'Error'; message: string }> {
	const test = credentialType.test;
	if (!test) throw new Error('the credential has no test');
	registerNodeType('test.credentialTest', {
		description: {
			displayName: 'Credential test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Credential test' },
			inputs: [NodeConnectionTypes.Main],
			outputs: [NodeConnectionTypes.Main],
			credentials: [{ name: credentialType.name, required: true }],
			requestDefaults: test.request,
			properties: [{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: {} } }],
		},
	});
	const result = await runNode({ credential, parameters: {}, nodeType: 'test.credentialTest' });
	if (!result.error) return { status: 'OK', message: 'Connection successful!' };
	const httpCode = Number(result.error.httpCode);
	for (const rule of test.rules ?? []) {
		if (rule.type === 'responseCode' && rule.properties.value === httpCode) {
			return { status: 'Error', message: rule.properties.message };
		}
	}
	return { status: 'Error', message: result.error.message };
}

/** The editor asking a node for a dropdown or picker: n8n-core's LoadOptionsContext over the node's current parameters. */
export function loadOptionsContext(credential: SandboxCredential, parameters: INodeParameters, path = 'parameters.x', typeVersion = 1) {
	const node: INode = {
		id: 'under-test',
		name: 'Lusha',
		type: 'n8n-nodes-lusha-api.lusha',
		typeVersion,
		position: [0, 0],
		parameters,
		credentials: { lushaApi: { id: '1', name: 'Lusha sandbox' } },
	};
	const workflow = new Workflow({ id: 'test', name: 'test', nodes: [node], connections: {}, active: false, nodeTypes, settings: {} });
	const additionalData = additionalDataFor(credential);
	additionalData.currentNodeParameters = parameters;
	return new LoadOptionsContext(workflow, node, additionalData, path);
}
