/**
 * Contact → Get Enrich Job: finishes what Contact → Enrich left to a Data Waterfall job when Wait for Waterfall
 * ran out (https://docs.lusha.com/api-reference/enrich/get-contacts-enrich-job). Each job is polled once (or until
 * done, within Wait for Waterfall); its contacts are merged into the items that wait for them, by `id`.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showFor } from '../../../../shared/helpers/display';
import { optionsCollection, simplifyField } from '../../../../shared/helpers/fields';
import { inputError, readText } from '../../../../shared/helpers/input';
import { atItem, errorItem, outputItem } from '../../../../shared/helpers/items';
import { shapeOf } from '../../families/enrichment/run';
import type { JobAnswer } from '../../families/enrichment/waterfallJob';
import { pollJob, waitDeadline, waitForWaterfallOption, waterfallHints, waterfallMark } from '../../families/enrichment/waterfallJob';
import { addSpendHint } from '../../helpers/bulkEngine';

const show = showFor('contact', 'getEnrichJob');

export const description: INodeProperties[] = [
	{
		displayName: 'Job ID',
		name: 'jobId',
		type: 'string',
		default: '={{ $json.waterfall?.jobId }}',
		required: true,
		description: 'The Data Waterfall job Contact → Enrich left unfinished; by default each incoming item’s waterfall.jobId. Enrich items without one (already complete) pass through unchanged.',
		displayOptions: show,
	},
	simplifyField('contact', 'getEnrichJob', 'one email and phone, job, company, location'),
	optionsCollection('contact', 'getEnrichJob', [{ ...waitForWaterfallOption, default: 0, description: 'Seconds to keep polling a job that is still processing. 0 polls once and outputs its status.' }]),
];

/** An item Contact → Enrich produced (it has `found`), which needs no job when it has no unfinished one. */
const isEnrichOutput = (json: IDataObject) => typeof json.found === 'boolean';

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const shape = shapeOf(this, 'contact');
	const byJob = new Map<string, number[]>();
	const inputErrors = new Map<number, Error>();
	const jobOfItem: Array<string | undefined> = items.map((item, itemIndex) => {
		const mark = item.json.waterfall as IDataObject | undefined;
		const jobId = readText(this, 'jobId', itemIndex);
		// A contact Enrich (or an earlier run) already finished: polling again would report its charge twice.
		if (mark?.status === 'complete' || (!jobId && isEnrichOutput(item.json))) return undefined;
		if (!jobId) {
			const error = inputError(this, itemIndex, 'Job ID', 'is empty', 'Map the waterfall.jobId of a Contact → Enrich item, or paste a job ID.');
			if (!this.continueOnFail()) throw error;
			inputErrors.set(itemIndex, error);
			return undefined;
		}
		byJob.set(jobId, [...(byJob.get(jobId) ?? []), itemIndex]);
		return jobId;
	});

	const answers = new Map<string, JobAnswer | Error>();
	let credits = 0;
	let calls = 0;
	for (const [jobId, itemIndexes] of byJob) {
		const itemIndex = itemIndexes[0];
		try {
			const start: JobAnswer = { jobId, status: 'processing', contacts: [], creditsCharged: 0, covers: [], polls: 0 };
			const answer = await pollJob(this, '/v3/contacts/jobs/{jobId}', start, { deadline: waitDeadline(this, itemIndex), waitFirst: false, itemIndex, keepOnError: false });
			credits += answer.creditsCharged;
			calls += answer.polls;
			answers.set(jobId, answer);
		} catch (error) {
			if (!this.continueOnFail()) throw atItem.call(this, error, itemIndex);
			answers.set(jobId, error as Error);
		}
	}

	const output: INodeExecutionData[][] = items.map((item, itemIndex) => {
		const error = inputErrors.get(itemIndex);
		if (error) return [errorItem(error, itemIndex)];
		return jobOfItem[itemIndex] === undefined ? [{ ...item, pairedItem: { item: itemIndex } }] : [];
	});
	for (const [jobId, itemIndexes] of byJob) {
		const answer = answers.get(jobId) as JobAnswer | Error;
		if (answer instanceof Error) {
			for (const itemIndex of itemIndexes) output[itemIndex].push(errorItem(answer, itemIndex));
			continue;
		}
		const billing = { creditsCharged: answer.creditsCharged, resultsReturned: answer.contacts.length, jobId };
		const waterfall = waterfallMark(answer);
		if (answer.status !== 'complete') {
			for (const itemIndex of itemIndexes) {
				const json = items[itemIndex].json;
				output[itemIndex].push(outputItem(isEnrichOutput(json) ? { ...json, waterfall } : { jobId, status: answer.status, covers: answer.covers, waterfall }, itemIndex));
			}
			continue;
		}
		// Each contact goes to the item waiting for it (same id); the others to the first item that waits for none.
		const unclaimed = new Map(answer.contacts.map((contact) => [String(contact.id), contact]));
		const waiting = itemIndexes.filter((itemIndex) => !unclaimed.has(String(items[itemIndex].json.id)));
		for (const itemIndex of itemIndexes) {
			const contact = unclaimed.get(String(items[itemIndex].json.id));
			if (!contact) continue;
			unclaimed.delete(String(contact.id));
			output[itemIndex].push(outputItem({ ...items[itemIndex].json, ...shape(contact), found: true, waterfall, billing }, itemIndex));
		}
		const rest = waiting.find((itemIndex) => !isEnrichOutput(items[itemIndex].json)) ?? waiting[0] ?? itemIndexes[0];
		for (const contact of unclaimed.values()) output[rest].push(outputItem({ ...shape(contact), found: true, waterfall, billing }, rest));
		// An Enrich item whose contact the finished job did not bring: the waterfall found nothing more for it.
		for (const itemIndex of waiting) {
			if (isEnrichOutput(items[itemIndex].json) && output[itemIndex].length === 0) output[itemIndex].push(outputItem({ ...items[itemIndex].json, waterfall }, itemIndex));
		}
	}
	const flat = output.flat();
	this.addExecutionHints(...waterfallHints(flat));
	if (calls > 0) addSpendHint(this, { credits, calls });
	return flat;
}
