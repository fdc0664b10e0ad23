import type { INodeProperties } from 'n8n-workflow';

import type { LushaResource } from './types';

/** The Resource dropdown followed by every resource's Operation dropdown and fields. */
export function resourceProperties(resources: Record<string, LushaResource>, defaultResource: string): INodeProperties[] {
	return [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: Object.entries(resources).map(([value, resource]) => ({ name: resource.name, value })),
			default: defaultResource,
		},
		...Object.values(resources).flatMap((resource) => resource.description),
	];
}
