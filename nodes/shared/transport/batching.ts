export function chunk<T>(items: T[], size: number): T[][] {
	const chunks: T[][] = [];
	for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
	return chunks;
}

/**
 * Bulk calls that may be in flight at once. The transport's pacer keeps them under Lusha's rate
 * limit; this only hides latency, so a whole 25-request window can be in flight at once.
 */
export const BULK_CONCURRENCY = 25;

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

/** "Cannot enrich more than 50 companies at once": the cap Lusha enforced, when it refused a batch for size. */
function bulkCapFrom(error: unknown): number | undefined {
	const { httpCode, message } = (error ?? {}) as { httpCode?: string; message?: string };
	if (httpCode !== '400') return undefined;
	const match = /more than (\d+)/i.exec(message ?? '');
	return match ? Number(match[1]) : undefined;
}

/**
 * Wraps a bulk sender so that when Lusha refuses a batch as too large (some accounts cap company
 * enrichment at 50, below the documented 100), the batch is resent in chunks of Lusha's cap, and
 * later batches start at that size.
 */
export function respectingBulkCap<T, R>(send: (batch: T[]) => Promise<R[]>): (batch: T[]) => Promise<R[]> {
	let cap: number | undefined;
	const sendCapped = async (batch: T[]): Promise<R[]> => {
		if (cap !== undefined && batch.length > cap) {
			return (await mapConcurrent(chunk(batch, cap), 1, sendCapped)).flat();
		}
		const outcome = await send(batch).then(
			(answers) => ({ answers }),
			(error: unknown) => ({ error }),
		);
		if ('answers' in outcome) return outcome.answers;
		const found = bulkCapFrom(outcome.error);
		if (found === undefined || found < 1 || found >= batch.length) throw outcome.error;
		cap = found;
		return await sendCapped(batch);
	};
	return sendCapped;
}
