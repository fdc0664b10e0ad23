import type {
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	ITriggerFunctions,
	ITriggerResponse,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { getSignalTypes } from '../shared/api/signalCatalogue';
import type { DeliveryOptions } from './delivery';
import { answerChallenge, receiveDelivery } from './delivery';
import { keepSubscriptionsOn } from './heal';
import { checkExists, create, remove } from './lifecycle';
import { triggerProperties } from './properties';

export class LushaTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Lusha Trigger',
		name: 'lushaTrigger',
		icon: { light: 'file:../../icons/lusha.svg', dark: 'file:../../icons/lusha.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["event"] === "optOut" ? "on contacts opting out" : "on " + $parameter["entityType"] + " signals" }}',
		description: 'Starts a workflow when Lusha detects a signal (a job change, a promotion, funding, a hiring surge and more) or a contact opts out',
		defaults: { name: 'Lusha Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'lushaApi', required: true }],
		webhooks: [
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'webhook' },
			// n8n sends Lusha's 201 (the node's webhookResponse) once it has recorded the run: see acknowledge().
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', responseCode: '={{ 201 }}', responseData: '', path: 'webhook' },
		],
		properties: triggerProperties,
	};

	methods = { loadOptions: { getSignalTypes } };

	/**
	 * The subscriptions hang on the GET `setup` webhook: n8n registers its route just before it runs
	 * these, on every attempt, so Lusha's challenge during create() is always answered, retries
	 * included (n8n removes a node's routes after a failed attempt and re-adds them one by one).
	 */
	webhookMethods = {
		setup: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await remove.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		if (this.getWebhookName() === 'setup') return answerChallenge.call(this);
		return await receiveDelivery.call(this, this.getNodeParameter('options', {}) as DeliveryOptions);
	}

	/**
	 * Having trigger() is what makes n8n 2.x start this node (and so run checkExists) every time n8n
	 * starts; without it, 2.x keeps webhook-only workflows registered without calling the node. It
	 * only starts the periodic check (see heal).
	 */
	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		return keepSubscriptionsOn.call(this);
	}

	/**
	 * A run starts here with the delivery webhook() produced. n8n runs a node's execute() before
	 * its trigger(), so this keeps test events (and every run) carrying the delivery unchanged.
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}
