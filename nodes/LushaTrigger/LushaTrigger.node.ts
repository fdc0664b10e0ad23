import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { getSignalTypes } from '../shared/api/signalCatalogue';
import { entityTypeField, signalTypesField } from '../shared/signalFields';
import type { DeliveryOptions } from './delivery';
import { answerChallenge, receiveDelivery } from './delivery';
import { checkExists, create, remove } from './lifecycle';

export class LushaTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Lusha Trigger',
		name: 'lushaTrigger',
		icon: { light: 'file:../../icons/lusha.svg', dark: 'file:../../icons/lusha.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "on " + $parameter["entityType"] + " signals" }}',
		description: 'Starts a workflow when Lusha detects a signal: a job change, a promotion, funding, a hiring surge and more',
		defaults: { name: 'Lusha Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'lushaApi', required: true }],
		// Lusha sends its challenge while create() runs, so the GET route must be declared, and live, first.
		webhooks: [
			{ name: 'setup', httpMethod: 'GET', responseMode: 'onReceived', path: 'webhook' },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' },
		],
		properties: [
			{
				displayName:
					'Lusha only delivers to a public HTTPS URL. Behind a proxy or tunnel, set n8n’s WEBHOOK_URL so the URL above is reachable from the internet.',
				name: 'httpsNotice',
				type: 'notice',
				default: '',
			},
			entityTypeField(),
			{
				displayName: 'Entity IDs',
				name: 'entityIds',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				required: true,
				placeholder: '4158887495, 4158887496',
				description:
					'Lusha person or company IDs to watch, separated by commas or new lines, or an expression that returns a list. One subscription is created per ID.',
			},
			signalTypesField('Which signals start the workflow.'),
			{
				displayName: 'Subscription Name',
				name: 'subscriptionName',
				type: 'string',
				default: 'n8n Lusha Trigger',
				description: 'Shown in Lusha next to each subscription this trigger creates',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Flatten Output',
						name: 'flatten',
						type: 'boolean',
						default: true,
						description:
							'Whether to put signal type, entity, date, credits and the signal’s fields at the top level (the original payload stays under "raw")',
					},
					{
						displayName: 'Ignore Duplicate Deliveries',
						name: 'ignoreDuplicates',
						type: 'boolean',
						default: true,
						description:
							'Whether to skip a delivery whose ID was already received in the last 24 hours. Lusha may deliver the same signal more than once.',
					},
					{
						displayName: 'Timestamp Tolerance (Minutes)',
						name: 'timestampToleranceMinutes',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 5,
						description: 'Reject deliveries signed longer ago than this, against replays. 0 turns the check off.',
					},
				],
			},
		],
	};

	methods = { loadOptions: { getSignalTypes } };

	webhookMethods = {
		default: {
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
