/**
 * Lusha's asynchronous Data Waterfall on Enrich Contacts (https://docs.lusha.com/api-reference/enrich/get-contacts-enrich-job):
 * the answer may carry a `job` for the contacts the waterfall is still working on. Poll it after `retryAfter`
 * seconds; `complete` brings their `contacts` (merged by `id`) and the job's own `creditsCharged`; `expired`,
 * `failed` and a 404 end it (what Enrich returned stays); a 503 means poll again (the transport retries 5xx).
 * Used by Contact → Enrich (waits up to Wait for Waterfall) and Contact → Get Enrich Job (finishes it later).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, NodeExecutionHint } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { atItem } from '../../../../shared/helpers/items';
import { lushaRequestFull } from '../../../../shared/transport';
import { describeQuota, quotaExhaustion } from '../../../../shared/transport/errors';
import type { BulkResponse } from '../../helpers/bulkEngine';

/** Lusha's job statuses, plus `not_found` for a job Lusha answers 404 for (unknown, expired, or another account's). */
export type JobStatus = 'processing' | 'complete' | 'expired' | 'failed' | 'not_found';

export interface Cover extends IDataObject {
	id: string;
	fields?: string[];
}

/** What the last poll of a job said. */
export interface JobAnswer {
	jobId: string;
	status: JobStatus;
	contacts: IDataObject[];
	creditsCharged: number;
	/** The contacts still outstanding (`covers`), as last reported. */
	covers: Cover[];
	retryAfter?: number;
	/** Why polling stopped early, when Lusha could not be asked (the job is not gone). */
	note?: string;
	/** The used-up hourly/daily quota that stopped polling, described (https://docs.lusha.com/rate-limiting). */
	quota?: string;
	polls: number;
}

export const waitForWaterfallOption: INodeProperties = {
	displayName: 'Wait for Waterfall',
	name: 'waitForWaterfall',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: 3600, numberPrecision: 0 },
	default: 60,
	description:
		'Seconds to wait for contacts Lusha’s Data Waterfall is still enriching. Those not done by then come out with found: false and waterfall {status: processing, jobId}: finish them later with Contact → Get Enrich Job.',
};

/** When waiting for a job must stop: now plus the item's Wait for Waterfall. */
export function waitDeadline(context: IExecuteFunctions, itemIndex: number): number {
	const options = context.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const seconds = Number(options.waitForWaterfall ?? waitForWaterfallOption.default);
	return Date.now() + (Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0);
}

const DEFAULT_RETRY_AFTER_S = 2;
/** A poll (with the transport's retries of a 503) may take this long even when the wait is over. */
const POLL_GRACE_MS = 15_000;

function coversOf(value: unknown): Cover[] | undefined {
	if (!Array.isArray(value)) return undefined;
	return (value as IDataObject[]).filter((c) => c && c.id !== undefined).map((c) => ({ id: String(c.id), ...(Array.isArray(c.fields) ? { fields: c.fields as string[] } : {}) }));
}

/** The job of an Enrich answer, if any. Its exact shape is not documented: the ID is read from `jobId` or `id`. */
export function jobOf(response: BulkResponse): JobAnswer | undefined {
	const job = response.job as IDataObject | undefined;
	const jobId = job && typeof job === 'object' ? (job.jobId ?? job.id) : undefined;
	if (!job || jobId === undefined || jobId === null || jobId === '') return undefined;
	return { jobId: String(jobId), status: 'processing', contacts: [], creditsCharged: 0, covers: coversOf(job.covers) ?? [], retryAfter: Number(job.retryAfter ?? DEFAULT_RETRY_AFTER_S), polls: 0 };
}

/**
 * Polls `GET /v3/contacts/jobs/{jobId}` (the operation's literal path, `{jobId}` filled in) until the job is
 * no longer processing or waiting `retryAfter` again would pass `deadline`. `waitFirst`: the job was just
 * created, so wait before the first poll. `keepOnError`: an error other than a 404 ends polling with the
 * job as last seen (Enrich keeps its paid results) instead of failing.
 */
export async function pollJob(
	context: IExecuteFunctions,
	pathTemplate: string,
	start: JobAnswer,
	{ deadline, waitFirst, itemIndex, keepOnError }: { deadline: number; waitFirst: boolean; itemIndex: number; keepOnError: boolean },
): Promise<JobAnswer> {
	let last = start;
	let waitMs = waitFirst ? Math.max(0, (last.retryAfter ?? DEFAULT_RETRY_AFTER_S) * 1000) : 0;
	for (;;) {
		if (waitMs > 0) {
			if (Date.now() + waitMs > deadline) return last;
			await sleep(waitMs);
		}
		let answer;
		try {
			answer = await lushaRequestFull<IDataObject>(context, {
				method: 'GET',
				path: pathTemplate.replace('{jobId}', encodeURIComponent(last.jobId)),
				itemIndex,
				acceptStatuses: [404],
				deadline: Math.max(deadline, Date.now() + POLL_GRACE_MS),
			});
		} catch (error) {
			if (!keepOnError) throw atItem.call(context, error, itemIndex);
			const quota = quotaExhaustion(error);
			if (quota) return { ...last, polls: last.polls + 1, quota: describeQuota(quota) };
			return { ...last, polls: last.polls + 1, note: `Lusha could not be asked about the job: ${(error as Error).message}` };
		}
		const polls = last.polls + 1;
		if (answer.statusCode === 404) return { ...last, status: 'not_found', polls };
		const body = answer.body ?? {};
		const status = String(body.status) as JobStatus;
		const billing = (body.billing ?? {}) as IDataObject;
		if (status === 'complete') {
			const contacts = Array.isArray(body.contacts) ? (body.contacts as IDataObject[]) : [];
			return { ...last, status, contacts, creditsCharged: Number(body.creditsCharged ?? billing.creditsCharged ?? 0), polls };
		}
		if (status === 'expired' || status === 'failed') return { ...last, status, polls };
		last = { ...last, covers: coversOf(body.covers) ?? last.covers, retryAfter: Number(body.retryAfter ?? last.retryAfter ?? DEFAULT_RETRY_AFTER_S), polls };
		waitMs = Math.max(0, (last.retryAfter ?? DEFAULT_RETRY_AFTER_S) * 1000);
	}
}

const STATUS_MESSAGES: Record<Exclude<JobStatus, 'complete'>, string> = {
	processing: 'Not complete: Lusha’s Data Waterfall is still working on this contact. Collect it with Contact → Get Enrich Job (its Job ID reads this waterfall.jobId) while Lusha keeps the job.',
	expired: 'Lusha’s Data Waterfall job expired before it finished this contact: it keeps what Enrich returned, and the job charged nothing for it. Run Enrich again for it to retry.',
	failed: 'Lusha’s Data Waterfall job failed: this contact keeps what Enrich returned, and the job charged nothing for it. Run Enrich again for it to retry.',
	not_found: 'Lusha no longer knows this Data Waterfall job (404: expired or unknown): this contact keeps what Enrich returned. Run Enrich again for it to retry.',
};

/** The `waterfall` an output item carries: the job's status and ID, and for an unfinished one what is missing and what to do. */
export function waterfallMark(job: JobAnswer, cover?: Cover): IDataObject {
	if (job.status === 'complete') return { status: job.status, jobId: job.jobId };
	if (job.quota) {
		const message = `Not complete: ${job.quota}, so the node could not ask Lusha about this job. Collect it with Contact → Get Enrich Job (its Job ID reads this waterfall.jobId) after the reset.`;
		return { status: job.status, jobId: job.jobId, ...(cover?.fields ? { pending: cover.fields } : {}), reason: 'RATE_LIMITED', quota: job.quota, message };
	}
	return { status: job.status, jobId: job.jobId, ...(cover?.fields ? { pending: cover.fields } : {}), message: job.note ? `${STATUS_MESSAGES[job.status]} (${job.note})` : STATUS_MESSAGES[job.status] };
}

/** The billing of an enrich call whose job has ended: Enrich's charge and the job's, and their sum. */
export function billingWithJob(billing: IDataObject | undefined, job: JobAnswer): IDataObject {
	const enrichCredits = Number(billing?.creditsCharged ?? 0);
	return {
		...billing,
		creditsCharged: enrichCredits + job.creditsCharged,
		enrichCreditsCharged: enrichCredits,
		waterfallCreditsCharged: job.creditsCharged,
		...(billing?.resultsReturned !== undefined ? { resultsReturned: Number(billing.resultsReturned) + job.contacts.length } : {}),
	};
}

/**
 * Enrich's answer with its job's outcome: a completed job's contacts merged into the results by `id` (or added),
 * its charge added to the call's billing; otherwise every covered contact marked with the job's status, and one
 * Lusha left out of `results` added as `found: false` (not a false NOT_FOUND).
 */
export function mergeJob(response: BulkResponse, job: JobAnswer): BulkResponse {
	const results = [...(response.results ?? [])];
	const at = new Map(results.map((result, i) => [String(result.id), i]));
	const put = (id: string, value: (current?: IDataObject) => IDataObject) => {
		const i = at.get(id);
		if (i === undefined) results.push(value());
		else results[i] = value(results[i]);
	};
	if (job.status === 'complete') {
		for (const contact of job.contacts) put(String(contact.id), (current) => ({ ...current, ...contact, waterfall: waterfallMark(job) }));
	} else {
		for (const cover of job.covers) put(cover.id, (current) => (current ? { ...current, waterfall: waterfallMark(job, cover) } : { id: cover.id, found: false, waterfall: waterfallMark(job, cover) }));
	}
	return { ...response, results, billing: billingWithJob(response.billing, job) };
}

/**
 * Enrich Contacts' request: the POST, then, when Lusha answers with a job, its polls until Wait for Waterfall
 * runs out. `stillRunning` hears of a job left processing (the credit guard counts what it may still charge).
 * After the POST nothing throws: a failing poll keeps the paid results.
 */
export function enrichWithJob(
	context: IExecuteFunctions,
	paths: { enrich: string; job: string },
	stillRunning: (ids: string[], body: IDataObject) => void,
): (body: IDataObject, itemIndex: number) => Promise<BulkResponse> {
	return async (body, itemIndex) => {
		const response = (await lushaRequestFull<BulkResponse>(context, { method: 'POST', path: paths.enrich, body, itemIndex })).body;
		const job = jobOf(response);
		if (!job) return response;
		const answer = await pollJob(context, paths.job, job, { deadline: waitDeadline(context, itemIndex), waitFirst: true, itemIndex, keepOnError: true });
		if (answer.status === 'processing') stillRunning(answer.covers.map((cover) => cover.id), body);
		return mergeJob(response, answer);
	};
}

/** One warning per way contacts were left unfinished by their jobs: how many, and what to do. */
export function waterfallHints(output: INodeExecutionData[]): NodeExecutionHint[] {
	const counts = new Map<string, number>();
	// Jobs a used-up quota kept the node from polling: the hint names the quota and its reset, from their marks.
	let quota: string | undefined;
	for (const item of output) {
		const mark = item.json.waterfall as IDataObject | undefined;
		if (!mark || typeof mark !== 'object' || mark.status === 'complete') continue;
		const key = mark.reason === 'RATE_LIMITED' ? 'RATE_LIMITED' : String(mark.status);
		if (key === 'RATE_LIMITED') quota ??= String(mark.quota);
		counts.set(key, (counts.get(key) ?? 0) + 1);
	}
	return [...counts.entries()].map(([status, count]) => {
		const contacts = count === 1 ? '1 contact' : `${count} contacts`;
		const message =
			status === 'RATE_LIMITED'
				? `${contacts} wait${count === 1 ? 's' : ''} in Lusha's Data Waterfall jobs the node could not ask about: ${quota ?? "Lusha's quota is used up"}. After the reset, collect ${count === 1 ? 'it' : 'them'} with Contact → Get Enrich Job (waterfall.jobId on each).`
				: status === 'processing'
				? `${contacts} ${count === 1 ? 'is' : 'are'} still in Lusha's Data Waterfall and came out without the fields it is looking for (found: false, waterfall.status processing). Add Contact → Get Enrich Job after this node to collect ${count === 1 ? 'it' : 'them'}, or raise Options → Wait for Waterfall.`
				: `${contacts}${count === 1 ? "'s" : "'"} Data Waterfall job ended ${status}: ${count === 1 ? 'it keeps' : 'they keep'} what Enrich returned (waterfall.status ${status}). Run Enrich again for ${count === 1 ? 'it' : 'them'} to retry.`;
		return { message, type: 'warning' as const, location: 'outputPane' as const };
	});
}
