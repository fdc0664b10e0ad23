import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { getSignalTypes } from '../shared/api/signalCatalogue';
import type { DeliveryOptions } from './delivery';
import { answerChallenge, receiveDelivery } from './delivery';
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
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
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
}
