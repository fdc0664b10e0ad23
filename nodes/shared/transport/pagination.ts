import { mapConcurrent } from './batching';

export interface Page<T, Cursor> {
	items: T[];
	/** Where the next page starts; undefined when this was the last one. */
	next?: Cursor;
}

/**
 * The one pagination loop: fetches pages from `start` until there is no next page or `limit`
 * items are collected. `remaining` lets a page ask for no more than is still wanted.
 */
export async function paginate<T, Cursor>(
	start: Cursor,
	fetchPage: (cursor: Cursor, remaining: number) => Promise<Page<T, Cursor>>,
	limit = Number.POSITIVE_INFINITY,
): Promise<T[]> {
	const collected: T[] = [];
	let cursor: Cursor | undefined = start;
	while (cursor !== undefined && collected.length < limit) {
		const page: Page<T, Cursor> = await fetchPage(cursor, limit - collected.length);
		collected.push(...page.items.slice(0, limit - collected.length));
		cursor = page.items.length > 0 ? page.next : undefined;
	}
	return collected;
}

export interface NumberedPage<T> {
	items: T[];
	total?: number;
}

/**
 * page/size style (prospecting). The first page tells the total; the pages after it are fetched
 * side by side (the transport paces them), since each stands alone. Stops at `limit`, at the total,
 * or at `maxPage`.
 */
export async function collectNumberedPages<T>(
	fetchPage: (page: number) => Promise<NumberedPage<T>>,
	options: { size: number; maxPage: number; limit: number; concurrency: number },
): Promise<T[]> {
	const first = await fetchPage(0);
	const wanted = Math.min(options.limit, first.total ?? Number.POSITIVE_INFINITY);
	if (first.items.length < options.size || first.items.length >= wanted) return first.items.slice(0, wanted);
	if (first.total === undefined) {
		// Without a total, walk page by page until a short page.
		const rest = await paginate<T, number>(1, async (page) => {
			const { items } = await fetchPage(page);
			return { items, next: items.length >= options.size && page < options.maxPage ? page + 1 : undefined };
		}, wanted - first.items.length);
		return [...first.items, ...rest];
	}
	const lastPage = Math.min(options.maxPage, Math.ceil(wanted / options.size) - 1);
	const pages = Array.from({ length: lastPage }, (_, i) => i + 1);
	const rest = await mapConcurrent(pages, options.concurrency, async (page) => (await fetchPage(page)).items);
	return [first.items, ...rest].flat().slice(0, wanted);
}

/** offset/limit style (subscriptions, audit logs): Lusha says whether more follow. */
export function nextOffset(offset: number, received: number, hasMore: boolean | undefined) {
	return hasMore ? offset + received : undefined;
}
