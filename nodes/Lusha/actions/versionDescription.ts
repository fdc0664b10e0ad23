import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resources } from './resources';

const firstResource = Object.keys(resources)[0];

/** Everything but icon, subtitle and usableAsTool, which n8n's lint wants to see in the node class itself. */
export const versionDescription: Omit<INodeTypeDescription, 'icon' | 'subtitle' | 'usableAsTool'> = {
	displayName: 'Lusha',
	name: 'lusha',
	group: ['transform'],
	version: 1,
	description: 'Enrich, prospect and watch B2B contacts and companies with Lusha',
	defaults: { name: 'Lusha' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'lushaApi', required: true }],
	properties: [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: Object.entries(resources).map(([value, resource]) => ({ name: resource.name, value })),
			default: firstResource,
		},
		...Object.values(resources).flatMap((resource) => resource.description),
	],
};
