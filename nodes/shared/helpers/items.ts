import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** One output item, linked back to the input item it came from. */
export function outputItem(json: IDataObject, itemIndex: number): INodeExecutionData {
	return { json, pairedItem: { item: itemIndex } };
}

/** The input item an output item came from. */
export function pairedIndex(item: INodeExecutionData): number {
	const paired = item.pairedItem;
	if (typeof paired === 'number') return paired;
	return paired && !Array.isArray(paired) ? paired.item : 0;
}

/** The single output item a failed input item yields under Continue On Fail. */
export function errorItem(error: Error & { description?: string | null; httpCode?: string | null }, itemIndex: number) {
	const json: IDataObject = { error: error.message };
	if (error.description) json.hint = error.description;
	if (error.httpCode) json.httpCode = error.httpCode;
	return outputItem(json, itemIndex);
}

/**
 * Points an error at the item that caused it. NodeApiError and NodeOperationError return an
 * existing error unchanged when wrapped again, so the index goes on the error's context.
 */
export function atItem(this: IExecuteFunctions, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(this.getNode(), error as Error, { itemIndex });
}

/**
 * Runs an operation once per input item. Each result becomes output items paired with their
 * input; a failure becomes that item's error item under Continue On Fail, else it stops the node.
 */
export async function perItem(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	run: (itemIndex: number) => Promise<IDataObject | IDataObject[]>,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const result = await run(itemIndex);
			for (const json of Array.isArray(result) ? result : [result]) output.push(outputItem(json, itemIndex));
		} catch (error) {
			if (!this.continueOnFail()) throw atItem.call(this, error, itemIndex);
			output.push(errorItem(error as Error, itemIndex));
		}
	}
	return output;
}
