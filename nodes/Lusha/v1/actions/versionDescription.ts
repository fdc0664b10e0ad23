import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resourceProperties } from '../../common/actions/describe';
import { resources } from './resources';

/** Version 1: Lusha's API v2 (person, company, prospecting, signals, lookalikes, filters). */
export const versionDescription = {
	version: 1,
	defaults: { name: 'Lusha' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'lushaApi', required: true }],
	properties: resourceProperties(resources, 'person'),
} satisfies Partial<INodeTypeDescription>;
