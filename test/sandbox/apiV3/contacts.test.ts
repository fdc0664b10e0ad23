/** V3 contacts: search, enrich, search-and-enrich, lookalikes — shapes, strictness, ids, per-item errors. */
import { expect400, useV3 } from '../../helpers/apiV3Client';

const v3 = useV3();
const person = (i: number) => v3.sandbox.fixtures.people[i];
const workEmail = (i: number) => person(i).emailAddresses[0].email;

describe('POST /v3/contacts/search', () => {
	it('answers a non-PII preview with has/canReveal, echoes clientReferenceId, and reports per-item errors', async () => {
		const p = person(0);
		const company = v3.sandbox.fixtures.companies[0];
		const reply = await v3.post('/v3/contacts/search', {
			contacts: [
				{ clientReferenceId: 'by-email', email: workEmail(0) },
				{ clientReferenceId: 'by-name', firstName: p.firstName, lastName: p.lastName, companyDomain: company.domain },
				{ clientReferenceId: 'by-linkedin', linkedinUrl: p.socialLinks.linkedin },
				{ clientReferenceId: 'by-v3-id', id: v3.sandbox.v3.contactId(p) },
				{ clientReferenceId: 'by-legacy-id', id: String(p.personId) },
				{ clientReferenceId: 'nobody', email: 'nobody@nowhere.example' },
				{ clientReferenceId: 'restricted', id: String(v3.sandbox.v3.restrictedPeople()[0].personId) },
			],
			options: { includePartialProfiles: true },
		});
		expect(reply.status).toBe(200);
		expect(reply.body.requestId).toMatch(/^[0-9a-f-]{36}$/);
		expect(reply.body.results.map((r: any) => r.clientReferenceId)).toEqual(['by-email', 'by-name', 'by-linkedin', 'by-v3-id', 'by-legacy-id', 'nobody', 'restricted']);
		const [first] = reply.body.results;
		expect(first).toEqual({
			clientReferenceId: 'by-email',
			id: v3.sandbox.v3.contactId(p),
			firstName: 'Ava',
			lastName: 'Adler',
			jobTitle: { title: p.jobTitle.title, departments: p.jobTitle.departments, seniority: 'Founder' },
			company: { id: v3.sandbox.v3.companyId(company), name: company.name, domain: company.fqdn },
			location: { country: 'United States', state: p.location.state, city: p.location.city },
			socialLinks: { linkedin: p.socialLinks.linkedin },
			has: expect.arrayContaining(['emails', 'phones']),
			canReveal: [
				{ field: 'emails', credits: 1 },
				{ field: 'phones', credits: 5 },
			],
			signalTypes: ['promotion'],
		});
		expect(first).not.toHaveProperty('emails');
		for (const r of reply.body.results.slice(1, 5)) expect(r.id).toBe(first.id);
		expect(reply.body.results[5].error).toEqual({ code: 'NOT_FOUND', message: 'Contact not found' });
		expect(reply.body.results[6].error.code).toBe('COMPLIANCE_RESTRICTED');
		expect(reply.body.billing).toEqual({ creditsCharged: 1, resultsReturned: 5 });
	});

	it('honours signals.maxResultsPerSignal and narrows to contacts with matching signals', async () => {
		const reply = await v3.post('/v3/contacts/search', {
			contacts: [{ clientReferenceId: 'a', email: workEmail(0) }, { clientReferenceId: 'b', email: workEmail(2) }],
			signals: { types: ['promotion'], startDate: '2025-01-01', maxResultsPerSignal: 1 },
		});
		expect(reply.status).toBe(200);
		expect(reply.body.results[0].signals.promotion).toHaveLength(1);
		expect(reply.body.results[1].error.code).toBe('NOT_FOUND');
		// 1 search fee + 1 matched signal type
		expect(reply.body.billing).toEqual({ creditsCharged: 2, resultsReturned: 1 });
	});

	it('rejects unknown properties, nested ones included', async () => {
		expect400(await v3.post('/v3/contacts/search', { contacts: [{ email: workEmail(0) }], filterBy: 'emailAddresses' }), 'property filterBy should not exist');
		expect400(await v3.post('/v3/contacts/search', { contacts: [{ email: workEmail(0), fullName: 'Ava Adler' }] }), 'property contacts.0.fullName should not exist');
		expect400(await v3.post('/v3/contacts/search', { contacts: [{ email: workEmail(0) }], options: { partialProfile: true } }), 'property options.partialProfile should not exist');
	});

	it('needs 1–100 contacts, each with an identifier, and a well-formed email', async () => {
		expect400(await v3.post('/v3/contacts/search', {}), 'contacts is required');
		expect400(await v3.post('/v3/contacts/search', { contacts: [] }), 'contacts must contain at least 1 elements');
		const many = Array.from({ length: 101 }, (_, i) => ({ email: workEmail(i) }));
		expect400(await v3.post('/v3/contacts/search', { contacts: many }), 'contacts must contain no more than 100 elements');
		expect((await v3.post('/v3/contacts/search', { contacts: many.slice(0, 100) })).status).toBe(200);
		expect400(await v3.post('/v3/contacts/search', { contacts: [{ firstName: 'Ava' }] }), /contacts\.0 must have id, linkedinUrl, email/);
		expect400(await v3.post('/v3/contacts/search', { contacts: [{ email: 'not-an-email' }] }), 'contacts.0.email must be an email');
	});

	it('rejects an arbitrary contact id with "Invalid contact id"', async () => {
		const reply = await v3.post('/v3/contacts/search', { contacts: [{ id: 'abc' }] });
		expect400(reply, 'Invalid contact id: contacts.0.id');
		expect(reply.body.message).toContain('Invalid contact id');
		// A company token is not a contact id either, nor is a tampered token.
		expect400(await v3.post('/v3/contacts/search', { contacts: [{ id: v3.sandbox.v3.companyId(5000) }] }), 'Invalid contact id: contacts.0.id');
		const token = v3.sandbox.v3.contactId(person(0));
		const tampered = token.slice(0, -2) + (token.endsWith('AA') ? 'AB' : 'AA');
		expect400(await v3.post('/v3/contacts/search', { contacts: [{ id: tampered }] }), 'Invalid contact id: contacts.0.id');
	});
});

describe('POST /v3/contacts/enrich', () => {
	it('reveals emails and phones by id, prices per revealed field, and re-reveals for free', async () => {
		const id = v3.sandbox.v3.contactId(person(0));
		const reply = await v3.post('/v3/contacts/enrich', { ids: [id, '1000001'], reveal: ['emails', 'phones'] });
		expect(reply.status).toBe(200);
		const [a, b] = reply.body.results;
		expect(a).toMatchObject({ id, firstName: 'Ava', lastName: 'Adler', fullName: 'Ava Adler', tags: [], previousEmployment: [expect.objectContaining({ company: expect.any(Object) })] });
		expect(a.emails[0]).toEqual({ email: workEmail(0), type: 'work', confidence: 'A+', updateDate: expect.any(String) });
		expect(a.phones[0]).toEqual({ number: person(0).phoneNumbers[0].number, type: 'direct', doNotCall: true, updateDate: expect.any(String) });
		expect(a.location).toMatchObject({ country: 'United States', countryIso2: 'US', continent: 'North America' });
		expect(a.company).toMatchObject({ id: v3.sandbox.v3.companyId(5000), industry: 'Technology, Information & Media' });
		expect(b.id).toBe(v3.sandbox.v3.contactId(1000001));
		expect(reply.body.billing).toEqual({ creditsCharged: 12, resultsReturned: 2 });
		expect(v3.sandbox.state.creditsUsed).toBe(12);

		const again = await v3.post('/v3/contacts/enrich', { ids: [id] });
		expect(again.body.billing).toEqual({ creditsCharged: 0, resultsReturned: 1 });
		const preview = await v3.post('/v3/contacts/search', { contacts: [{ id }] });
		expect(preview.body.results[0].canReveal).toEqual([
			{ field: 'emails', credits: 0 },
			{ field: 'phones', credits: 0 },
		]);
	});

	it('reveals only what `reveal` asks for', async () => {
		const reply = await v3.post('/v3/contacts/enrich', { ids: ['1000000'], reveal: ['emails'] });
		expect(reply.body.results[0].emails).toBeDefined();
		expect(reply.body.results[0]).not.toHaveProperty('phones');
		expect(reply.body.billing.creditsCharged).toBe(1);
	});

	it('falls through to the waterfall (default on) at the provider rate, unless the call opts out', async () => {
		const [noPhone] = v3.sandbox.v3.peopleWithoutLushaPhone();
		const optedOut = await v3.post('/v3/contacts/enrich', { ids: [String(noPhone.personId)], reveal: ['phones'], waterfallEnabled: false });
		expect(optedOut.body.results[0].phones).toEqual([]);
		expect(optedOut.body.billing.creditsCharged).toBe(0);
		const waterfall = await v3.post('/v3/contacts/enrich', { ids: [String(noPhone.personId)], reveal: ['phones'] });
		expect(waterfall.body.results[0].phones).toHaveLength(1);
		expect(waterfall.body.billing.creditsCharged).toBe(v3.sandbox.v3.prices.waterfallPhone.credits);
		v3.sandbox.configure({ waterfallOnAccount: false });
		const other = v3.sandbox.v3.peopleWithoutLushaPhone()[1];
		const off = await v3.post('/v3/contacts/enrich', { ids: [String(other.personId)], reveal: ['phones'] });
		expect(off.body.results[0].phones).toEqual([]);
	});

	it('gives NOT_FOUND and COMPLIANCE_RESTRICTED per item, uncharged', async () => {
		const restricted = v3.sandbox.v3.restrictedPeople()[0];
		const reply = await v3.post('/v3/contacts/enrich', { ids: ['999999999', v3.sandbox.v3.contactId(restricted)] });
		expect(reply.body.results).toEqual([
			{ id: '999999999', error: { code: 'NOT_FOUND', message: 'Contact not found' } },
			{ id: v3.sandbox.v3.contactId(restricted), error: { code: 'COMPLIANCE_RESTRICTED', message: expect.any(String) } },
		]);
		expect(reply.body.billing).toEqual({ creditsCharged: 0, resultsReturned: 0 });
	});

	it('is strict: ids 1–100 strings, reveal enum, no unknown keys, valid ids', async () => {
		expect400(await v3.post('/v3/contacts/enrich', {}), 'ids is required');
		expect400(await v3.post('/v3/contacts/enrich', { ids: Array.from({ length: 101 }, (_, i) => String(1000000 + i)) }), 'ids must contain no more than 100 elements');
		expect400(await v3.post('/v3/contacts/enrich', { ids: [1000000] }), 'ids.0 must be a string');
		expect400(await v3.post('/v3/contacts/enrich', { ids: ['1000000'], reveal: ['work_email'] }), 'reveal.0 must be one of the following values: emails, phones');
		expect400(await v3.post('/v3/contacts/enrich', { ids: ['1000000'], requestId: 'x' }), 'property requestId should not exist');
		expect400(await v3.post('/v3/contacts/enrich', { ids: ['1000000', 'not-an-id'] }), 'Invalid contact id: ids.1');
	});
});

describe('POST /v3/contacts/search-and-enrich', () => {
	it('charges the search fee plus each revealed field', async () => {
		const reply = await v3.post('/v3/contacts/search-and-enrich', { contacts: [{ clientReferenceId: 'r1', email: workEmail(0) }, { clientReferenceId: 'r2', email: 'x@y.example' }], reveal: ['emails'] });
		expect(reply.status).toBe(200);
		expect(reply.body.results[0]).toMatchObject({ clientReferenceId: 'r1', id: v3.sandbox.v3.contactId(person(0)), fullName: 'Ava Adler', emails: expect.any(Array) });
		expect(reply.body.results[1]).toEqual({ clientReferenceId: 'r2', error: { code: 'NOT_FOUND', message: 'Contact not found' } });
		expect(reply.body.billing).toEqual({ creditsCharged: 2, resultsReturned: 1 });
	});

	it('takes no waterfallEnabled or tableId', async () => {
		expect400(await v3.post('/v3/contacts/search-and-enrich', { contacts: [{ email: workEmail(0) }], waterfallEnabled: true }), 'property waterfallEnabled should not exist');
	});
});

describe('POST /v3/contacts/lookalike', () => {
	it('returns previews, a dedupe session, meta and billing at 3 credits per result', async () => {
		const first = await v3.post('/v3/contacts/lookalike', { seeds: { ids: [v3.sandbox.v3.contactId(person(0))], emails: [workEmail(1)] }, limit: 5 });
		expect(first.status).toBe(200);
		expect(first.body.dedupeSessionId).toMatch(/^[0-9a-f-]{36}$/);
		expect(first.body.results).toHaveLength(5);
		expect(first.body.results[0]).toEqual({ id: expect.stringMatching(/^v1\./), firstName: expect.any(String), lastName: expect.any(String), socialLinks: { linkedin: expect.any(String) }, company: { id: expect.stringMatching(/^v1\./), name: expect.any(String), domain: expect.any(String) }, jobTitle: expect.any(Object), location: expect.any(Object) });
		expect(first.body.meta).toEqual({ returned: 5, hasMore: true });
		expect(first.body.billing).toEqual({ creditsCharged: 15, resultsReturned: 5 });
		const second = await v3.post('/v3/contacts/lookalike', { dedupeSessionId: first.body.dedupeSessionId, seeds: { ids: [v3.sandbox.v3.contactId(person(0))] }, limit: 5 });
		const seen = new Set(first.body.results.map((r: any) => r.id));
		expect(second.body.results.some((r: any) => seen.has(r.id))).toBe(false);
	});

	it('caps contacts per company with maxContactsPerCompany (1–20)', async () => {
		const reply = await v3.post('/v3/contacts/lookalike', { seeds: { contactIds: [1000000] }, limit: 30, maxContactsPerCompany: 1 });
		expect(reply.status).toBe(200);
		const companies = reply.body.results.map((r: any) => r.company.id);
		expect(new Set(companies).size).toBe(companies.length);
		expect400(await v3.post('/v3/contacts/lookalike', { seeds: { contactIds: [1000000] }, maxContactsPerCompany: 0 }), 'maxContactsPerCompany must not be less than 1');
		expect400(await v3.post('/v3/contacts/lookalike', { seeds: { contactIds: [1000000] }, maxContactsPerCompany: 21 }), 'maxContactsPerCompany must not be greater than 20');
		expect((await v3.post('/v3/contacts/lookalike', { seeds: { contactIds: [1000000] }, maxContactsPerCompany: 20 })).status).toBe(200);
	});

	it('rejects unknown seed keys, >100 seeds per key, empty seeds and bad limits; 410 for an unknown session', async () => {
		expect400(await v3.post('/v3/contacts/lookalike', { seeds: { ids: ['1000000'], foo: ['x'] } }), 'property seeds.foo should not exist');
		expect400(await v3.post('/v3/contacts/lookalike', { seeds: { ids: Array.from({ length: 101 }, (_, i) => String(1000000 + i)) } }), 'seeds.ids must contain no more than 100 elements');
		expect400(await v3.post('/v3/contacts/lookalike', { seeds: {} }), 'seeds must contain at least one seed');
		expect400(await v3.post('/v3/contacts/lookalike', { seeds: { ids: ['1000000'] }, limit: 101 }), 'limit must not be greater than 100');
		expect400(await v3.post('/v3/contacts/lookalike', { seeds: { ids: ['nope'] } }), 'Invalid contact id: seeds.ids.0');
		expect400(await v3.post('/v3/contacts/lookalike', { seeds: { contacts: [{ firstName: 'Ava', lastName: 'Adler' }] } }), 'seeds.contacts.0 must have companyDomain or companyName');
		const gone = await v3.post('/v3/contacts/lookalike', { seeds: { ids: ['1000000'] }, dedupeSessionId: '58adaa77-7a6e-4c9b-8c2d-820a6538e613' });
		expect(gone.status).toBe(410);
		expect(gone.body).toEqual({ code: 'DEDUPE_SESSION_INVALID', message: expect.any(String) });
	});
});

describe('2.16 search-and-enrich result status (https://docs.lusha.com/api-reference/search-&-enrich/search-and-enrich-contacts.md)', () => {
	it('adds status, statusReason, dataSource, credits and missingDataPoints to each found result', async () => {
		// person 5 has no phone in Lusha data; the waterfall is off here by default.
		const reply = await v3.post('/v3/contacts/search-and-enrich', { contacts: [{ email: workEmail(0) }, { email: workEmail(5) }, { email: 'x@y.example' }] });
		const [full, partial, missing] = reply.body.results;
		expect(full).toMatchObject({ status: 'complete', statusReason: null, dataSource: 'lusha', missingDataPoints: [], credits: 6, statusDescription: expect.any(String) });
		expect(partial).toMatchObject({ status: 'partial', statusReason: 'missing_data_points', dataSource: 'lusha', missingDataPoints: ['phones'], credits: 1 });
		expect(missing).not.toHaveProperty('status');
		v3.sandbox.configure({ searchAndEnrichStatus: false });
		expect((await v3.post('/v3/contacts/search-and-enrich', { contacts: [{ email: workEmail(0) }] })).body.results[0]).not.toHaveProperty('status');
	});

	it('runs the account’s waterfall with searchAndEnrichWaterfall (no opt-out flag), reported as dataSource waterfall', async () => {
		v3.sandbox.configure({ searchAndEnrichWaterfall: true });
		const reply = await v3.post('/v3/contacts/search-and-enrich', { contacts: [{ email: workEmail(5) }], reveal: ['phones'] });
		expect(reply.body.results[0]).toMatchObject({ status: 'complete', dataSource: 'waterfall', missingDataPoints: [], phones: [expect.any(Object)] });
		expect(reply.body.billing.creditsCharged).toBe(1 + v3.sandbox.v3.prices.waterfallPhone.credits);
		expect(reply.body).not.toHaveProperty('job');
		v3.sandbox.configure({ waterfallOnAccount: false });
		expect((await v3.post('/v3/contacts/search-and-enrich', { contacts: [{ email: workEmail(15) }], reveal: ['phones'] })).body.results[0]).toMatchObject({ status: 'partial', missingDataPoints: ['phones'] });
		expect400(await v3.post('/v3/contacts/search-and-enrich', { contacts: [{ email: workEmail(5) }], waterfallEnabled: false }), 'property waterfallEnabled should not exist');
	});
});

describe('lookalikeSeedRules (https://docs.lusha.com/lookalikes/contact-lookalikes: 5–100 unique identifiers in total)', () => {
	it('is off by default; on, counts unique identifiers across all seed keys', async () => {
		const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => v3.sandbox.v3.contactId(1000000 + from + i));
		expect((await v3.post('/v3/contacts/lookalike', { seeds: { ids: ids(0, 1) } })).status).toBe(200);
		v3.sandbox.configure({ lookalikeSeedRules: true });
		expect400(await v3.post('/v3/contacts/lookalike', { seeds: { ids: ids(0, 4) } }), 'seeds must contain between 5 and 100 unique identifiers in total, got 4');
		expect400(await v3.post('/v3/contacts/lookalike', { seeds: { ids: [...ids(0, 4), ...ids(0, 1)] } }), /got 4$/);
		expect((await v3.post('/v3/contacts/lookalike', { seeds: { ids: ids(0, 3), emails: [workEmail(10), workEmail(11)] } })).status).toBe(200);
		expect400(await v3.post('/v3/contacts/lookalike', { seeds: { ids: ids(0, 60), contactIds: Array.from({ length: 41 }, (_, i) => 1000100 + i) } }), /got 101$/);
	});
});
