export function chunk<T>(items: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
	return chunks;
}

/** Bulk calls that may run side by side; the transport's pacer keeps them under Lusha's rate limit. */
export const BULK_CONCURRENCY = 5;

/** Runs `task` over every input with at most `concurrency` running at once; results keep input order. */
export async function mapConcurrent<T, R>(
	inputs: T[],
	concurrency: number,
	task: (input: T, index: number) => Promise<R>,
): Promise<R[]> {
	const results = new Array<R>(inputs.length);
	let next = 0;
	const lane = async () => {
		while (next < inputs.length) {
			const index = next++;
			results[index] = await task(inputs[index], index);
		}
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, inputs.length) }, lane));
	return results;
}

/** Splits `items` into chunks of `size`, sends each chunk through `send`, and merges the answers in order. */
export async function inBatches<T, R>(
	items: T[],
	size: number,
	send: (batch: T[], batchIndex: number) => Promise<R[]>,
	concurrency = BULK_CONCURRENCY,
): Promise<R[]> {
	const answers = await mapConcurrent(chunk(items, size), concurrency, send);
	return answers.flat();
}
