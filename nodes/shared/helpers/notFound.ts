import type { IDataObject, INodeProperties } from 'n8n-workflow';

/**
 * "Not found" is data: by default an identity Lusha has no record for yields one item saying so,
 * so one unknown contact does not fail a 1,000-item enrichment whose other results are paid for.
 */
export type OnNotFound = 'output' | 'fail';

/** The "On Not Found" option of the enrich operations' Options collection. */
export const onNotFoundOption: INodeProperties = {
	displayName: 'On Not Found',
	name: 'onNotFound',
	type: 'options',
	options: [
		{
			name: 'Output Item',
			value: 'output',
			description: 'One item with found: false, the identifiers sent and Lusha’s message; the other items go on',
		},
		{
			name: 'Fail',
			value: 'fail',
			description: 'An error for that item: the node stops, or gives an error item under Continue On Fail',
		},
	],
	default: 'output',
	description: 'What an item Lusha has no record for gives. Found items carry found: true.',
};

export function onNotFoundFrom(options: IDataObject): OnNotFound {
	return options.onNotFound === 'fail' ? 'fail' : 'output';
}

/** A record Lusha found, marked so a workflow can branch on `found` whichever way it went. */
export function foundItem(json: IDataObject): IDataObject {
	return { found: true, ...json };
}

/** What an identity Lusha cannot find gives: an item with the identifiers sent and Lusha's message, or the item's error. */
export function notFoundResult(onNotFound: OnNotFound, identity: object, lushaMessage: string, error: () => Error): IDataObject | Error {
	return onNotFound === 'fail' ? error() : { found: false, ...(identity as IDataObject), message: lushaMessage };
}
