/**
 * Data Waterfall jobs: Enrich Contacts may leave contacts to a `job` polled at GET /v3/contacts/jobs/{jobId}
 * (https://docs.lusha.com/api-reference/enrich/get-contacts-enrich-job). Off by default; switches
 * waterfallJobWhenNeeded / waterfallJobEvery / waterfallJobStatuses / waterfallJobRetryAfter(Ms) / waterfallJobTtlMs.
 */
import { useV3 } from '../../helpers/apiV3Client';

const v3 = useV3();
const token = (personId: number) => v3.sandbox.v3.contactId(personId);
const poll = (jobId: string, apiKey?: string) => v3.call('GET', `/v3/contacts/jobs/${jobId}`, undefined, apiKey);
// 1000005 has no phone in Lusha's own data (the waterfall finds one); 1000004 and 1000006 do.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ids: string[] = [1000004, 1000005, 1000006].map((personId) => require('./ids').v3ContactId({ personId }));

describe('Enrich Contacts with Data Waterfall jobs', () => {
	it('answers everything synchronously by default (no job)', async () => {
		const reply = await v3.post('/v3/contacts/enrich', { ids });
		expect(reply.body.results).toHaveLength(3);
		expect(reply.body).not.toHaveProperty('job');
		expect((await poll('58adaa77-7a6e-4c9b-8c2d-820a6538e613')).status).toBe(404);
	});

	it('leaves a contact that needs the waterfall to a job, charges it when the job completes, polls for free', async () => {
		v3.sandbox.configure({ waterfallJobWhenNeeded: true });
		const reply = await v3.post('/v3/contacts/enrich', { ids });
		expect(reply.status).toBe(200);
		// Contacts left to the job are not in `results` (the job's contacts never repeat Enrich's).
		expect(reply.body.results.map((r: any) => r.id)).toEqual([token(1000004), token(1000006)]);
		expect(reply.body.job).toEqual({ jobId: expect.stringMatching(/^[0-9a-f-]{36}$/), status: 'processing', retryAfter: 2, covers: [{ id: token(1000005), fields: ['emails', 'phones'] }] });
		const syncCharge = 2 * (v3.sandbox.v3.prices.revealEmail.credits + v3.sandbox.v3.prices.revealPhone.credits);
		expect(reply.body.billing).toEqual({ creditsCharged: syncCharge, resultsReturned: 2 });
		expect(v3.sandbox.state.creditsUsed).toBe(syncCharge);

		const processing = await poll(reply.body.job.jobId);
		expect(processing.status).toBe(200);
		expect(processing.body).toMatchObject({ jobId: reply.body.job.jobId, status: 'processing', retryAfter: 2, covers: [{ id: token(1000005), fields: ['emails', 'phones'] }], billing: { creditsCharged: 0 } });
		expect(v3.sandbox.state.creditsUsed).toBe(syncCharge);

		const complete = await poll(reply.body.job.jobId);
		const asyncCharge = v3.sandbox.v3.prices.revealEmail.credits + v3.sandbox.v3.prices.waterfallPhone.credits;
		expect(complete.body).toMatchObject({ jobId: reply.body.job.jobId, status: 'complete', creditsCharged: asyncCharge, billing: { creditsCharged: asyncCharge, resultsReturned: 1 } });
		expect(complete.body.contacts).toEqual([expect.objectContaining({ id: token(1000005), emails: expect.any(Array), phones: [expect.any(Object)] })]);
		expect(v3.sandbox.state.creditsUsed).toBe(syncCharge + asyncCharge);
		// Polling again is free and answers the same.
		const again = await poll(reply.body.job.jobId);
		expect(again.body.contacts).toEqual(complete.body.contacts);
		expect(v3.sandbox.state.creditsUsed).toBe(syncCharge + asyncCharge);
		expect(v3.sandbox.requestsTo('GET /v3/contacts/jobs/:jobId').map((r: any) => r.credits)).toEqual([0, asyncCharge, 0]);
	});

	it('walks the configured status sequence: a 503 in between, then complete', async () => {
		v3.sandbox.configure({ waterfallJobWhenNeeded: true, waterfallJobStatuses: ['processing', 503, 'complete'], waterfallJobRetryAfterMs: 50 });
		const { job } = (await v3.post('/v3/contacts/enrich', { ids })).body;
		expect(job.retryAfter).toBe(0.05);
		const answers = [await poll(job.jobId), await poll(job.jobId), await poll(job.jobId)];
		expect(answers.map((a) => a.status)).toEqual([200, 503, 200]);
		expect(answers[1].body).toMatchObject({ statusCode: 503 });
		expect(answers.map((a) => a.body.status)).toEqual(['processing', undefined, 'complete']);
	});

	it('ends in expired, failed or 404 as configured, charging nothing', async () => {
		for (const [sequence, expected] of [
			[['processing', 'expired'], ['processing', 'expired', 'expired']],
			[['failed'], ['failed', 'failed', 'failed']],
			[['processing', 404], ['processing', 404, 404]],
		] as const) {
			v3.sandbox.reset();
			v3.sandbox.configure({ waterfallJobWhenNeeded: true, waterfallJobStatuses: [...sequence] });
			const { job, billing } = (await v3.post('/v3/contacts/enrich', { ids })).body;
			const seen = [];
			for (let i = 0; i < 3; i++) {
				const answer = await poll(job.jobId);
				seen.push(answer.status === 200 ? answer.body.status : answer.status);
			}
			expect(seen).toEqual(expected);
			expect(v3.sandbox.state.creditsUsed).toBe(billing.creditsCharged);
		}
	});

	it('answers 404 for an unknown job, another account’s job and an expired one; keys of one account share jobs', async () => {
		v3.sandbox.configure({ waterfallJobWhenNeeded: true, apiKeys: { 'same-account-key': {}, 'other-account-key': { account: 'other' } } });
		const { job } = (await v3.post('/v3/contacts/enrich', { ids })).body;
		expect((await poll(job.jobId, 'other-account-key')).status).toBe(404);
		expect((await poll(job.jobId, 'other-account-key')).body).toEqual({ statusCode: 404, message: 'Job not found' });
		expect((await poll(job.jobId, 'same-account-key')).status).toBe(200);
		expect((await poll('not-a-job')).status).toBe(404);
		v3.sandbox.configure({ waterfallJobTtlMs: 30 });
		await new Promise((resolve) => setTimeout(resolve, 60));
		expect((await poll(job.jobId)).status).toBe(404);
	});

	it('sends every n-th id through the job with waterfallJobEvery, never when the call opts out of the waterfall', async () => {
		v3.sandbox.configure({ waterfallJobEvery: 3 });
		const six = [1000000, 1000001, 1000002, 1000003, 1000004, 1000006].map(token);
		const reply = await v3.post('/v3/contacts/enrich', { ids: six, reveal: ['emails'] });
		expect(reply.body.results).toHaveLength(4);
		expect(reply.body.job.covers.map((c: any) => c.id)).toEqual([six[2], six[5]]);
		const optedOut = await v3.post('/v3/contacts/enrich', { ids: six, reveal: ['emails'], waterfallEnabled: false });
		expect(optedOut.body.results).toHaveLength(6);
		expect(optedOut.body).not.toHaveProperty('job');
	});

	it('fails the job when the balance cannot pay for it at completion', async () => {
		v3.sandbox.configure({ waterfallJobWhenNeeded: true, waterfallJobStatuses: ['complete'], creditsBalance: 13 });
		const reply = await v3.post('/v3/contacts/enrich', { ids: [token(1000004), token(1000005)] });
		expect(reply.body.billing.creditsCharged).toBe(6);
		const answer = await poll(reply.body.job.jobId);
		expect(answer.body.status).toBe('failed');
		expect(v3.sandbox.state.creditsUsed).toBe(6);
	});

	it('is on with the asLusha preset', async () => {
		v3.sandbox.configure({ asLusha: true });
		const reply = await v3.post('/v3/contacts/enrich', { ids, reveal: ['phones'] });
		expect(reply.body.job.covers).toEqual([{ id: token(1000005), fields: ['phones'] }]);
	});
});
