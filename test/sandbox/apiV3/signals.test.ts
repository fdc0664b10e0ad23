/** V3 signals, signal types, signal filters, signal scores (incl. the retryable 502). */
import { expect400, useV3 } from '../../helpers/apiV3Client';

const v3 = useV3();

describe('POST /v3/contacts/signals', () => {
	it('returns events per id, window dates and charges per matched signal type', async () => {
		const [p0, p1, p2] = v3.sandbox.fixtures.people;
		const reply = await v3.post('/v3/contacts/signals', { ids: [v3.sandbox.v3.contactId(p0), String(p1.personId), String(p2.personId), '123'], signalTypes: ['allSignals'], startDate: '2025-01-01' });
		expect(reply.status).toBe(200);
		const [a, b, c, d] = reply.body.results;
		expect(a.id).toBe(v3.sandbox.v3.contactId(p0));
		expect(a.promotion[0]).toMatchObject({ id: a.id, signalDate: expect.any(String), newCompany: expect.any(String), previousCompany: expect.any(String) });
		expect(a.companyChange).toEqual([]);
		expect(b.companyChange).toHaveLength(1);
		expect(c).toEqual({ id: v3.sandbox.v3.contactId(p2), promotion: [], companyChange: [] });
		expect(d).toEqual({ id: '123', error: { code: 'NOT_FOUND', message: 'Contact not found' } });
		expect(reply.body).toMatchObject({ startDate: '2025-01-01', endDate: '2026-10-01', billing: { creditsCharged: 2, resultsReturned: 3 } });
	});

	it('names types `signalTypes` (not `signals`) and validates them', async () => {
		expect400(await v3.post('/v3/contacts/signals', { ids: ['1000000'], signals: ['promotion'] }), 'property signals should not exist');
		expect400(await v3.post('/v3/contacts/signals', { ids: ['1000000'] }), 'signalTypes is required');
		expect400(await v3.post('/v3/contacts/signals', { ids: ['1000000'], signalTypes: ['headcountIncrease3m'] }), /signalTypes\.0 must be one of the following values/);
		expect400(await v3.post('/v3/contacts/signals', { ids: ['1000000'], signalTypes: ['promotion'], maxResultsPerSignal: 101 }), 'maxResultsPerSignal must not be greater than 100');
		expect400(await v3.post('/v3/contacts/signals', { ids: ['1000000'], signalTypes: ['promotion'], startDate: '01/01/2025' }), /startDate must be a valid ISO 8601 date/);
		expect400(await v3.post('/v3/contacts/signals', { ids: ['who?'], signalTypes: ['promotion'] }), 'Invalid contact id: ids.0');
		expect400(await v3.post('/v3/contacts/signals', { ids: Array.from({ length: 101 }, (_, i) => String(1000000 + i)), signalTypes: ['promotion'] }), 'ids must contain no more than 100 elements');
	});
});

describe('POST /v3/companies/signals', () => {
	it('returns company events incl. linkedinActivityIntent capped to 90 days, filtered by intent category', async () => {
		const reply = await v3.post('/v3/companies/signals', { ids: ['5000', '5001'], signalTypes: ['linkedinActivityIntent', 'surgeInHiring'], startDate: '2025-01-01' });
		expect(reply.status).toBe(200);
		const [a, b] = reply.body.results;
		expect(a).toMatchObject({ id: v3.sandbox.v3.companyId(5000), companyName: 'Acme Labs', domain: 'acmelabs.example' });
		expect(a.linkedinActivityIntent).toHaveLength(2);
		expect(a.linkedinActivityIntent[0]).toMatchObject({ activityPublicationDate: expect.any(String), intentTopics: [expect.objectContaining({ category: expect.any(String) })], author: expect.any(Object) });
		expect(b.linkedinActivityIntent).toEqual([]);
		expect(reply.body.billing.creditsCharged).toBe(3);
		const filtered = await v3.post('/v3/companies/signals', { ids: ['5000'], signalTypes: ['linkedinActivityIntent'], filters: { include: { intentCategories: ['Finance'] } } });
		expect(filtered.body.results[0].linkedinActivityIntent).toHaveLength(1);
		expect(filtered.body.results[0].linkedinActivityIntent.every((e: any) => e.intentTopics.some((t: any) => t.category === 'Finance'))).toBe(true);
		expect400(await v3.post('/v3/companies/signals', { ids: ['5000'], signalTypes: ['allSignals'], filters: { include: { newsEventTypes: ['IPO'] } } }), 'property filters.include.newsEventTypes should not exist');
		expect400(await v3.post('/v3/companies/signals', { ids: ['acme'], signalTypes: ['allSignals'] }), 'Invalid company id: ids.0');
	});

	it('answers 403 when Signals are not on the plan', async () => {
		v3.sandbox.configure({ signalsOnPlan: false });
		const reply = await v3.post('/v3/companies/signals', { ids: ['5000'], signalTypes: ['allSignals'] });
		expect(reply.status).toBe(403);
	});
});

describe('signal types and signal filters', () => {
	it('lists types', async () => {
		expect((await v3.get('/v3/contacts/signals/types')).body.signalTypes).toEqual(['allSignals', 'promotion', 'companyChange']);
		const company = await v3.get('/v3/companies/signals/types');
		expect(company.body.signalTypes).toContain('linkedinActivityIntent');
		expect(company.body.signalTypes).toHaveLength(24);
	});

	it('discovers filters and serves their values wrapped as {values}', async () => {
		const discovery = await v3.get('/v3/companies/signals/filters');
		expect(discovery.body.availableFilters).toEqual(expect.arrayContaining([{ filterType: 'hiringByLocations', requiresQuery: true }, { filterType: 'intentCategories', requiresQuery: false }]));
		expect((await v3.get('/v3/companies/signals/filters/newsEventTypes')).body.values).toContain('Funding Round');
		expect((await v3.get('/v3/companies/signals/filters/hiringByLocations?query=Texas')).body.values).toEqual([{ country: 'United States', state: 'Texas' }]);
		expect400(await v3.get('/v3/companies/signals/filters/hiringByLocations'), 'query is required for filterType hiringByLocations');
		expect400(await v3.get('/v3/companies/signals/filters/hiringByLocations?query=T'), 'query must be longer than or equal to 2 characters');
		expect400(await v3.get('/v3/companies/signals/filters/intentCategories?query=Tech'), 'query is not supported for filterType intentCategories');
		expect400(await v3.get('/v3/companies/signals/filters/colours'), /filterType must be one of the following values/);
	});
});

describe('POST /v3/companies/signal-score', () => {
	it('scores, reports NOT_FOUND and NO_SCORE, and charges only scored rows', async () => {
		const [noScore] = v3.sandbox.v3.noScoreCompanies();
		const reply = await v3.post('/v3/companies/signal-score', {
			companies: [
				{ clientReferenceId: 'id', id: v3.sandbox.v3.companyId(5000) },
				{ clientReferenceId: 'domain', domain: 'www.bluelabs.example' },
				{ clientReferenceId: 'email', email: 'jane@cedarlabs.example' },
				{ clientReferenceId: 'quiet', id: '5046' },
				{ clientReferenceId: 'missing', domain: 'nope-xyz.example' },
				{ clientReferenceId: 'noscore', id: String(noScore.id) },
			],
		});
		expect(reply.status).toBe(200);
		const [a, b, c, quiet, missing, none] = reply.body.results;
		expect(a).toEqual({ clientReferenceId: 'id', id: v3.sandbox.v3.companyId(5000), name: 'Acme Labs', domain: 'www.acmelabs.example', signalScore: 1, signalTypes: expect.any(Array), noActiveSignals: false });
		expect(b.name).toBe('Blue Labs');
		expect(c.name).toBe('Cedar Labs');
		expect(quiet).toMatchObject({ signalScore: 0, signalTypes: [], noActiveSignals: true });
		expect(missing).toEqual({ clientReferenceId: 'missing', domain: 'nope-xyz.example', error: { code: 'NOT_FOUND', message: 'Company not found' } });
		expect(none.error.code).toBe('NO_SCORE');
		expect(reply.body.billing).toEqual({ creditsCharged: 4, resultsReturned: 4 });
	});

	it('needs exactly one identifier per company, at most 100 companies, valid emails', async () => {
		expect400(await v3.post('/v3/companies/signal-score', { companies: [{ id: '5000', domain: 'acmelabs.example' }] }), 'companies.0 must contain exactly one of id, domain, name, or email');
		expect400(await v3.post('/v3/companies/signal-score', { companies: [{ email: 'jane-at-acme' }] }), 'companies.0.email must be an email');
		expect400(await v3.post('/v3/companies/signal-score', { companies: Array.from({ length: 101 }, () => ({ id: '5000' })) }), 'companies must contain no more than 100 elements');
		expect400(await v3.post('/v3/companies/signal-score', { companies: [{ clientReferenceId: 'x'.repeat(257), id: '5000' }] }), 'companies.0.clientReferenceId must be shorter than or equal to 256 characters');
	});
});

describe('POST /v3/contacts/signal-score', () => {
	it('scores contacts and reports NOT_FOUND / NO_SCORE', async () => {
		const [p0] = v3.sandbox.fixtures.people;
		const [noScore] = v3.sandbox.v3.noScorePeople();
		const reply = await v3.post('/v3/contacts/signal-score', {
			contacts: [
				{ clientReferenceId: 'a', id: v3.sandbox.v3.contactId(p0) },
				{ clientReferenceId: 'b', linkedinUrl: 'https://linkedin.com/in/nobody' },
				{ clientReferenceId: 'c', email: noScore.emailAddresses[0].email },
			],
		});
		expect(reply.status).toBe(200);
		expect(reply.body.results[0]).toEqual({ clientReferenceId: 'a', id: v3.sandbox.v3.contactId(p0), fullName: 'Ava Adler', company: { id: v3.sandbox.v3.companyId(5000), name: 'Acme Labs', domain: 'acmelabs.example' }, signalScore: 0.5, signalTypes: ['promotion'], noActiveSignals: false });
		expect(reply.body.results[1]).toEqual({ clientReferenceId: 'b', error: { code: 'NOT_FOUND', message: 'Contact not found' } });
		expect(reply.body.results[2].error.code).toBe('NO_SCORE');
		expect(reply.body.billing).toEqual({ creditsCharged: 1, resultsReturned: 1 });
		expect400(await v3.post('/v3/contacts/signal-score', { contacts: [{ id: 'abc' }] }), 'Invalid contact id: contacts.0.id');
	});

	it('answers the retryable 502 for the next N calls when faults.signalScore502Burst is set', async () => {
		v3.sandbox.configure({ faults: { signalScore502Burst: 2 } });
		const body = { contacts: [{ id: '1000000' }] };
		const first = await v3.post('/v3/contacts/signal-score', body);
		expect(first.status).toBe(502);
		expect(first.body).toEqual({ statusCode: 502, message: 'Identity resolution provider is temporarily unavailable. Retry with backoff.' });
		expect((await v3.post('/v3/contacts/signal-score', body)).status).toBe(502);
		const third = await v3.post('/v3/contacts/signal-score', body);
		expect(third.status).toBe(200);
		expect(v3.sandbox.state.creditsUsed).toBe(1);
	});
});
