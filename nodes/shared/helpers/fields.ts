import type { IDataObject, IExecuteFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { showFor, showForWith } from './display';
import { UNIFIED_CREDITS_ONLY } from '../uiText';

/** The Return All / Limit pair every list operation shows. */
export function returnAllOrLimit(resource: string, operation: string, defaultLimit = 50): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
			displayOptions: showFor(resource, operation),
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: defaultLimit,
			description: 'Max number of results to return',
			displayOptions: showForWith(resource, operation, { returnAll: [false] }),
		},
	];
}

/** The Identify By choice of operations that take one identity per item, in several ways. */
export function identifyByField(resource: string, operation: string, ways: INodePropertyOptions[], defaultWay: string): INodeProperties {
	return { displayName: 'Identify By', name: 'identifyBy', type: 'options', noDataExpression: true, options: ways, default: defaultWay, displayOptions: showFor(resource, operation) };
}

/** The "Add Option" collection an operation keeps its less-used settings in. */
export function optionsCollection(resource: string, operation: string | string[], options: INodeProperties[], name = 'options'): INodeProperties {
	return { displayName: 'Options', name, type: 'collection', placeholder: 'Add Option', default: {}, displayOptions: showFor(resource, operation), options };
}

/** Reveal Emails / Reveal Phones of the v2 API's contact enrichment, plan-gated. */
export const revealOptions: INodeProperties[] = [
	{ displayName: 'Reveal Emails', name: 'revealEmails', type: 'boolean', default: false, description: `Whether to reveal email addresses only. ${UNIFIED_CREDITS_ONLY}` },
	{ displayName: 'Reveal Phones', name: 'revealPhones', type: 'boolean', default: false, description: `Whether to reveal phone numbers only. ${UNIFIED_CREDITS_ONLY}` },
];

/** The Simplify switch of operations whose records are deeply nested. */
export function simplifyField(resource: string, operation: string, summary: string): INodeProperties {
	return {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: `Whether to return a flat summary (${summary}) instead of Lusha’s full record`,
		displayOptions: showFor(resource, operation),
	};
}

/** How many results the user asked for: all, or the limit. */
export function wantedCount(context: IExecuteFunctions, itemIndex: number): number {
	if (context.getNodeParameter('returnAll', itemIndex, false) as boolean) return Number.POSITIVE_INFINITY;
	return context.getNodeParameter('limit', itemIndex, 50) as number;
}

/** Drops empty strings, empty lists and undefined, so Lusha only sees what the user filled in. */
export function compact<T extends IDataObject>(object: T): Partial<T> {
	const clean: IDataObject = {};
	for (const [key, value] of Object.entries(object)) {
		if (value === undefined || value === null || value === '') continue;
		if (Array.isArray(value) && value.length === 0) continue;
		clean[key] = value;
	}
	return clean as Partial<T>;
}
