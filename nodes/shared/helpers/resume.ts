/**
 * Runs that a used-up hourly or daily quota stops (https://docs.lusha.com/rate-limiting) keep their work: the
 * codes of undone items, the Start Page field, and the output that keeps every row fetched and says where to resume.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { showFor } from './display';
import { inputError } from './input';
import type { CursorWalk, NumberedWalk } from '../transport';
import { describeQuota, quotaExhaustion } from '../transport/errors';

/** Codes of items a stopped run did not send: out of credits (402), or a used-up hourly/daily quota (429). */
export const UNDONE = ['INSUFFICIENT_CREDITS', 'RATE_LIMITED'];

/** Why a stopped run did not send an item, as its `error`. */
export function undoneReason(error: Error): { code: 'RATE_LIMITED' | 'INSUFFICIENT_CREDITS'; message: string } {
	const quota = quotaExhaustion(error);
	if (quota) return { code: 'RATE_LIMITED', message: `Not sent: ${describeQuota(quota)}` };
	return { code: 'INSUFFICIENT_CREDITS', message: `Not sent: Lusha is out of credits (${error.message})` };
}

/** Start Page: where a walk begins; a stopped run's `nextPage` goes here to resume it. */
export function startPageField(resource: string, operation: string, maxPage: number): INodeProperties {
	return {
		displayName: 'Start Page',
		name: 'startPage',
		type: 'number',
		typeOptions: { minValue: 0, maxValue: maxPage, numberPrecision: 0 },
		default: 0,
		description: 'The page to start from, counted from 0 in the pages Lusha serves. To resume a run a quota stopped, enter the nextPage of its last item (same filters and page size).',
		displayOptions: showFor(resource, operation),
	};
}

export function startPageAt(context: IExecuteFunctions, itemIndex: number, maxPage: number): number {
	const page = context.getNodeParameter('startPage', itemIndex, 0) as number;
	if (!Number.isInteger(page) || page < 0 || page > maxPage) throw inputError(context, itemIndex, 'Start Page', `must be a whole number from 0 to ${maxPage}, not ${page}`);
	return page;
}

/**
 * The rows of a run a quota stopped: the last row carries where to resume (`resume.field`), and a warning under
 * the output says which quota ran out, when it resets, what was `kept`, and `how` to get the rest.
 */
export function stoppedOutput<T extends IDataObject>(
	context: IExecuteFunctions,
	items: T[],
	stoppedBy: Error | undefined,
	resume: { field: string; value: unknown; kept: string; how: string },
): T[] {
	const quota = quotaExhaustion(stoppedBy);
	const why = quota ? describeQuota(quota) : 'Lusha stopped answering';
	context.addExecutionHints({ message: `${why}: ${resume.kept}. ${resume.how}`, type: 'warning', location: 'outputPane' });
	const rows = items.slice();
	const last = rows.length - 1;
	if (last >= 0) rows[last] = { ...rows[last], [resume.field]: resume.value };
	return rows;
}

/**
 * The rows of a walk. When a quota stopped it, the last row carries `nextPage` and a warning under the output
 * says which quota ran out, when it resets, and to resume from Start Page `nextPage`.
 */
export function walkOutput<T extends IDataObject>(context: IExecuteFunctions, itemIndex: number, walk: NumberedWalk<T>, noun: string, hasStartPage = true): T[] {
	if (walk.nextPage === undefined) return walk.items;
	return stoppedOutput(context, walk.items, walk.stoppedBy, {
		field: 'nextPage',
		value: walk.nextPage,
		kept: `item ${itemIndex} kept the ${walk.items.length.toLocaleString('en-US')} ${noun} fetched so far`,
		how: `To get the rest, run again ${hasStartPage ? 'with Start Page' : 'from page'} ${walk.nextPage} (the nextPage of the last item).`,
	});
}

/**
 * The results of a lookalike walk, whose cursor is Lusha's dedupeSessionId (https://docs.lusha.com/lookalikes/overview).
 * When a quota stopped it, the last result carries `resumeSessionId`: run again with it as Options → Session ID and
 * Lusha leaves out what the session already returned.
 */
export function sessionWalkOutput<T extends IDataObject>(context: IExecuteFunctions, walk: CursorWalk<T, string>, noun: string): T[] {
	if (!walk.stoppedBy || !walk.next) return walk.items;
	return stoppedOutput(context, walk.items, walk.stoppedBy, {
		field: 'resumeSessionId',
		value: walk.next,
		kept: `the lookalike search kept the ${walk.items.length.toLocaleString('en-US')} ${noun} fetched so far`,
		how: `To get more, run again with Options → Session ID ${walk.next} (the resumeSessionId of the last item): Lusha leaves out what that session already returned.`,
	});
}
