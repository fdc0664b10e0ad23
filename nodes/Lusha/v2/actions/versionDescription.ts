import type { INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resourceProperties } from '../../common/actions/describe';
import { resources } from './resources';

/** Version 2: Lusha's API V3. Many input items go out in bulk calls of up to 100. */
export const versionDescription = {
	version: 2,
	defaults: { name: 'Lusha' },
	inputs: [NodeConnectionTypes.Main],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'lushaApi', required: true }],
	properties: resourceProperties(resources, Object.keys(resources)[0]),
} satisfies Partial<INodeTypeDescription>;
