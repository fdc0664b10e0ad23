import { mapConcurrent } from './batching';
import { quotaExhaustion } from './errors';

export interface Page<T, Cursor> {
	items: T[];
	/** Where the next page starts; undefined when this was the last one. */
	next?: Cursor;
}

/** What a cursor walk got: every item fetched, and the cursor to resume from when a quota stopped it. */
export interface CursorWalk<T, Cursor> {
	items: T[];
	/** The cursor of the first page not fetched, when a used-up hourly/daily quota stopped the walk. */
	next?: Cursor;
	/** The 429 that stopped it. */
	stoppedBy?: Error;
}

/**
 * The one cursor loop: fetches pages from `start` until there is no next page or `limit` items are
 * collected. `remaining` lets a page ask for no more than is still wanted. A used-up hourly/daily quota
 * after the first page stops the walk without losing what was fetched (https://docs.lusha.com/rate-limiting).
 */
export async function walkCursor<T, Cursor>(
	start: Cursor,
	fetchPage: (cursor: Cursor, remaining: number) => Promise<Page<T, Cursor>>,
	limit = Number.POSITIVE_INFINITY,
): Promise<CursorWalk<T, Cursor>> {
	const collected: T[] = [];
	let cursor: Cursor | undefined = start;
	let fetched = 0;
	while (cursor !== undefined && collected.length < limit) {
		const at: Cursor = cursor;
		// Nothing fetched yet: a used-up quota is the whole story, so it throws.
		const page = fetched === 0 ? await fetchPage(at, limit) : await orQuota(async () => await fetchPage(at, limit - collected.length));
		if ('quota' in page) return { items: collected, next: at, stoppedBy: page.quota };
		fetched++;
		collected.push(...page.items.slice(0, limit - collected.length));
		cursor = page.items.length > 0 ? page.next : undefined;
	}
	return { items: collected };
}

/** `walkCursor` for lists that are all or nothing: a quota that stops the walk fails it. */
export async function paginate<T, Cursor>(
	start: Cursor,
	fetchPage: (cursor: Cursor, remaining: number) => Promise<Page<T, Cursor>>,
	limit = Number.POSITIVE_INFINITY,
): Promise<T[]> {
	const walk = await walkCursor(start, fetchPage, limit);
	if (walk.stoppedBy) throw walk.stoppedBy;
	return walk.items;
}

export interface NumberedPage<T> {
	items: T[];
	/** Lusha's `pagination.total`. */
	total?: number;
	/** Lusha's `pagination.size`: the size it served, which may be less than asked (50 on prospecting: https://docs.lusha.com/faq/api). */
	size?: number;
}

/** What a page/size walk got: every row fetched, and where to resume when a quota stopped it. */
export interface NumberedWalk<T> {
	items: T[];
	/** The first page not fetched, when a used-up hourly/daily quota stopped the walk. */
	nextPage?: number;
	/** The 429 that stopped it. */
	stoppedBy?: Error;
}

/**
 * The page after `page`, counted in pages of the size Lusha served (not the size asked); undefined when this
 * was the last: an empty page, the total reached, a page shorter than the served size, or `maxPage`.
 */
export function nextNumberedPage(page: number, received: number, answer: { size?: number; total?: number }, maxPage: number): number | undefined {
	if (received === 0 || page >= maxPage) return undefined;
	if (answer.total !== undefined && answer.size) return (page + 1) * answer.size < answer.total ? page + 1 : undefined;
	if (answer.size && received < answer.size) return undefined;
	return page + 1;
}

/** Runs `fetch`; a used-up quota comes back as the error instead of throwing (any other error throws). */
async function orQuota<R>(fetch: () => Promise<R>): Promise<R | { quota: Error }> {
	return await fetch().catch(async (error: Error) => (quotaExhaustion(error) ? { quota: error } : await Promise.reject(error)));
}

/**
 * page/size style (prospecting, buying group, website visits, tables). Pages are counted in the size Lusha
 * serves, read from the first answer's `pagination`; the pages after it are fetched side by side (the
 * transport paces them). Stops at `limit`, at the total, at an empty page, or at `maxPage`. A used-up
 * hourly/daily quota stops the walk without losing what was fetched: `nextPage` says where to resume.
 */
export async function collectNumberedPages<T>(
	fetchPage: (page: number) => Promise<NumberedPage<T>>,
	options: { size: number; maxPage: number; limit: number; concurrency: number; startPage?: number },
): Promise<NumberedWalk<T>> {
	const start = options.startPage ?? 0;
	// Nothing fetched yet: a used-up quota is the whole story, so it throws.
	const first = await fetchPage(start);
	const served = first.size ?? options.size;
	const wanted = Math.min(options.limit, first.total === undefined ? Number.POSITIVE_INFINITY : Math.max(0, first.total - start * served));
	const pages: Array<T[] | undefined> = [first.items];
	let nextPage = nextNumberedPage(start, first.items.length, { size: first.size, total: first.total }, options.maxPage);
	let stoppedBy: Error | undefined;
	if (first.items.length >= wanted) nextPage = undefined;
	if (nextPage !== undefined && first.total === undefined) {
		// Without a total, page by page until the last.
		let collected = first.items.length;
		while (nextPage !== undefined && collected < wanted) {
			const page = nextPage;
			const answer = await orQuota(async () => await fetchPage(page));
			if ('quota' in answer) {
				stoppedBy = answer.quota;
				break;
			}
			pages.push(answer.items);
			collected += answer.items.length;
			nextPage = nextNumberedPage(page, answer.items.length, { size: answer.size ?? first.size }, options.maxPage);
		}
	} else if (nextPage !== undefined) {
		const lastPage = Math.min(options.maxPage, start + Math.ceil(wanted / served) - 1);
		const rest = Array.from({ length: lastPage - start }, (_, i) => start + 1 + i);
		const answers = await mapConcurrent(rest, options.concurrency, async (page) => {
			// Once a quota ran out, later pages are not asked for: they would be refused.
			if (stoppedBy) return undefined;
			const answer = await orQuota(async () => await fetchPage(page));
			if ('quota' in answer) stoppedBy ??= answer.quota;
			else return answer.items;
			return undefined;
		});
		pages.push(...answers);
		const missing = answers.findIndex((items) => items === undefined);
		nextPage = missing === -1 ? undefined : rest[missing];
	}
	// Every page fetched is kept, even one after a refused page: it was paid for.
	const items = pages.flatMap((page) => page ?? []).slice(0, wanted);
	return stoppedBy ? { items, nextPage: nextPage ?? start, stoppedBy } : { items };
}

/** offset/limit style (subscriptions, audit logs): Lusha says whether more follow. */
export function nextOffset(offset: number, received: number, hasMore: boolean | undefined) {
	return hasMore ? offset + received : undefined;
}
