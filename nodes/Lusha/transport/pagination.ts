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

/** page/size style (prospecting): page numbers from 0 up to `maxPage`. */
export function nextPageNumber(page: number, received: number, size: number, total: number | undefined, maxPage: number) {
	const seen = (page + 1) * size;
	const more = received >= size && (total === undefined || seen < total) && page < maxPage;
	return more ? page + 1 : undefined;
}

/** offset/limit style (subscriptions, audit logs): Lusha says whether more follow. */
export function nextOffset(offset: number, received: number, hasMore: boolean | undefined) {
	return hasMore ? offset + received : undefined;
}
