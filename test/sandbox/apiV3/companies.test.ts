/** V3 companies: search, enrich, search-and-enrich, lookalikes — shapes, ids, pricing, strictness. */
import { expect400, useV3 } from '../../helpers/apiV3Client';

const v3 = useV3();
const company = (j: number) => v3.sandbox.fixtures.companies[j];

describe('POST /v3/companies/search', () => {
	it('finds companies by id (V3 or legacy), domain or name and previews them', async () => {
		const c = company(0);
		const reply = await v3.post('/v3/companies/search', {
			companies: [
				{ clientReferenceId: 'd', domain: c.domain },
				{ clientReferenceId: 'n', name: c.name },
				{ clientReferenceId: 'v3', id: v3.sandbox.v3.companyId(c) },
				{ clientReferenceId: 'legacy', id: String(c.id) },
				{ clientReferenceId: 'none', domain: 'nothing-here.example' },
			],
		});
		expect(reply.status).toBe(200);
		const [first] = reply.body.results;
		expect(first).toMatchObject({
			clientReferenceId: 'd',
			id: v3.sandbox.v3.companyId(c),
			name: 'Acme Labs',
			domain: c.fqdn,
			employeeCount: { exact: c.companySize.employeesInLinkedin, min: 1, max: 10 },
			industry: 'Technology, Information & Media',
			location: { country: 'United States', countryIso2: 'US', continent: 'North America' },
			socialLinks: { linkedin: c.social.linkedin.url },
		});
		expect(first.has).toEqual(expect.arrayContaining(['employeesByDepartment', 'competitors', 'intent']));
		expect(first.canReveal).toEqual(expect.arrayContaining([{ field: 'employeesByDepartment', credits: 1 }, { field: 'intent', credits: 1 }]));
		for (const r of reply.body.results.slice(1, 4)) expect(r.id).toBe(first.id);
		expect(reply.body.results[4]).toEqual({ clientReferenceId: 'none', error: { code: 'NOT_FOUND', message: 'Company not found' } });
		expect(reply.body.billing).toEqual({ creditsCharged: 1, resultsReturned: 4 });
	});

	it('accepts maxResultsPerSignal but does not honour it (seen on the live API)', async () => {
		const reply = await v3.post('/v3/companies/search', { companies: [{ id: '5000' }], signals: { types: ['allSignals'], startDate: '2025-01-01', maxResultsPerSignal: 1 } });
		expect(reply.status).toBe(200);
		expect(reply.body.results[0].signals.linkedinActivityIntent.length).toBeGreaterThan(1);
	});

	it('is strict about company ids and item keys', async () => {
		expect400(await v3.post('/v3/companies/search', { companies: [{ id: 'acme' }] }), 'Invalid company id: companies.0.id');
		expect400(await v3.post('/v3/companies/search', { companies: [{ id: 'v1.AbCdEfGhIjKlMnOpQrStUvWxYz012345' }] }), 'Invalid company id: companies.0.id');
		expect400(await v3.post('/v3/companies/search', { companies: [{ linkedinUrl: 'https://www.linkedin.com/company/acme' }] }), 'property companies.0.linkedinUrl should not exist');
		expect400(await v3.post('/v3/companies/search', { companies: [{ clientReferenceId: 'x' }] }), 'companies.0 must have one of: id, name, domain');
		expect400(await v3.post('/v3/companies/search', { companies: Array.from({ length: 101 }, () => ({ id: '5000' })) }), 'companies must contain no more than 100 elements');
	});
});

describe('POST /v3/companies/enrich', () => {
	it('charges reveal_company per result plus each revealed field with data, and nothing for a null one', async () => {
		// Company 5002 (j % 3 === 2) has no estimatedAnnualItSpend; 5000 has one.
		const reply = await v3.post('/v3/companies/enrich', { ids: [v3.sandbox.v3.companyId(5000), '5002'], reveal: ['employeesByDepartment', 'estimatedAnnualItSpend'] });
		expect(reply.status).toBe(200);
		const [a, b] = reply.body.results;
		expect(a).toMatchObject({ id: v3.sandbox.v3.companyId(5000), name: 'Acme Labs', yearFounded: 1990, sicCodes: [{ code: 7372, description: 'Prepackaged Software' }], employeesByDepartment: expect.any(Array), estimatedAnnualItSpend: { value: expect.any(Number), currency: 'USD', valueUsd: expect.any(Number) } });
		expect(a).not.toHaveProperty('competitors');
		expect(b).not.toHaveProperty('estimatedAnnualItSpend');
		expect(reply.body.billing).toEqual({ creditsCharged: 3 + 2, resultsReturned: 2 });
		// Already revealed fields are free; reveal_company is charged per call.
		const again = await v3.post('/v3/companies/enrich', { ids: ['5000'], reveal: ['employeesByDepartment'] });
		expect(again.body.billing.creditsCharged).toBe(1);
	});

	it('answers NOT_FOUND per item and rejects garbage ids and unknown reveal fields', async () => {
		const reply = await v3.post('/v3/companies/enrich', { ids: ['999999'] });
		expect(reply.body.results).toEqual([{ id: '999999', error: { code: 'NOT_FOUND', message: 'Company not found' } }]);
		expect(reply.body.billing.creditsCharged).toBe(0);
		expect400(await v3.post('/v3/companies/enrich', { ids: ['lusha'] }), 'Invalid company id: ids.0');
		expect400(await v3.post('/v3/companies/enrich', { ids: ['5000'], reveal: ['revenue'] }), /reveal\.0 must be one of the following values/);
	});
});

describe('POST /v3/companies/search-and-enrich', () => {
	it('charges the search fee plus reveal_company per result (spec example: 2 results → 3)', async () => {
		const reply = await v3.post('/v3/companies/search-and-enrich', { companies: [{ clientReferenceId: 'a', name: 'Acme Labs' }, { clientReferenceId: 'b', domain: company(1).domain }] });
		expect(reply.status).toBe(200);
		expect(reply.body.results[0]).toMatchObject({ clientReferenceId: 'a', id: v3.sandbox.v3.companyId(5000), alternativeDomains: ['acmelabs.example'], companyType: expect.any(String) });
		expect(reply.body.results[0]).not.toHaveProperty('linkedinUrl');
		expect(reply.body.billing).toEqual({ creditsCharged: 3, resultsReturned: 2 });
	});

	it('has no linkedinUrl identifier', async () => {
		expect400(await v3.post('/v3/companies/search-and-enrich', { companies: [{ linkedinUrl: 'https://www.linkedin.com/company/x' }] }), 'property companies.0.linkedinUrl should not exist');
	});
});

describe('POST /v3/companies/lookalike', () => {
	it('returns V3 company results and charges 3 per result', async () => {
		const reply = await v3.post('/v3/companies/lookalike', { seeds: { domains: [company(0).domain, company(4).domain] }, exclude: { domains: [company(8).domain] }, limit: 4 });
		expect(reply.status).toBe(200);
		expect(reply.body.results).toHaveLength(4);
		expect(reply.body.results[0]).toEqual({ id: expect.stringMatching(/^v1\./), name: expect.any(String), domain: expect.any(String), employeeCount: { exact: expect.any(Number) }, industry: expect.any(String), location: expect.any(Object), socialLinks: { linkedin: expect.any(String) } });
		const domains = reply.body.results.map((r: any) => r.domain);
		expect(domains).not.toContain(company(0).domain);
		expect(domains).not.toContain(company(8).domain);
		expect(reply.body.billing).toEqual({ creditsCharged: 12, resultsReturned: 4 });
	});

	it('rejects unknown seed keys and maxContactsPerCompany', async () => {
		expect400(await v3.post('/v3/companies/lookalike', { seeds: { names: ['Acme'] } }), 'property seeds.names should not exist');
		expect400(await v3.post('/v3/companies/lookalike', { seeds: { domains: ['acmelabs.example'] }, maxContactsPerCompany: 2 }), 'property maxContactsPerCompany should not exist');
		expect400(await v3.post('/v3/companies/lookalike', { seeds: {} }), 'seeds must have at least 1 property');
	});
});

describe('2.16 company ownership: directParent / ultimateParent (https://docs.lusha.com/changelog/overview)', () => {
	// Fixtures: 5000 independent; 5012 owned by 5002 (one level); 5035 owned by 5015, itself owned by 5005.
	const ref = (id: number) => {
		const c = v3.sandbox.fixtures.companies[id - 5000];
		return { lushaCompanyId: v3.sandbox.v3.companyId(id), name: c.name, domain: expect.any(String), hqCountry: c.location.country };
	};

	it('reveals them on enrich only when asked: objects, null for an independent company, 1 credit per non-null field', async () => {
		const reveal = ['directParent', 'ultimateParent'];
		const reply = await v3.post('/v3/companies/enrich', { ids: ['5000', '5012', '5035'], reveal });
		expect(reply.status).toBe(200);
		const [independent, oneLevel, twoLevels] = reply.body.results;
		expect(independent).toMatchObject({ directParent: null, ultimateParent: null });
		expect(oneLevel).toMatchObject({ directParent: ref(5002), ultimateParent: ref(5002) });
		expect(twoLevels).toMatchObject({ directParent: ref(5015), ultimateParent: ref(5005) });
		expect(reply.body.billing).toEqual({ creditsCharged: 3 + 4, resultsReturned: 3 });
		// The parent's id enriches the parent.
		const parent = await v3.post('/v3/companies/enrich', { ids: [twoLevels.ultimateParent.lushaCompanyId] });
		expect(parent.body.results[0]).toMatchObject({ id: v3.sandbox.v3.companyId(5005) });
		// Not returned unless named.
		const plain = await v3.post('/v3/companies/enrich', { ids: ['5012'] });
		expect(plain.body.results[0]).not.toHaveProperty('directParent');
	});

	it('lists them in has / canReveal on search only where a parent exists; companyOwnership false removes them', async () => {
		const reply = await v3.post('/v3/companies/search', { companies: [{ id: '5000' }, { id: '5012' }] });
		const [independent, owned] = reply.body.results;
		expect(owned.canReveal).toEqual(expect.arrayContaining([{ field: 'directParent', credits: 1 }, { field: 'ultimateParent', credits: 1 }]));
		expect(owned.has).toEqual(expect.arrayContaining(['directParent', 'ultimateParent']));
		expect(independent.canReveal.map((c: any) => c.field)).not.toContain('directParent');
		v3.sandbox.configure({ companyOwnership: false });
		expect((await v3.post('/v3/companies/search', { companies: [{ id: '5012' }] })).body.results[0].has).not.toContain('directParent');
		expect400(await v3.post('/v3/companies/enrich', { ids: ['5012'], reveal: ['directParent'] }), /reveal\.0 must be one of the following values/);
	});

	it('search-and-enrich takes `reveal` like enrich and bills reveal_company plus each revealed field', async () => {
		const reply = await v3.post('/v3/companies/search-and-enrich', { companies: [{ id: '5012' }, { id: '5000' }], reveal: ['directParent', 'employeesByDepartment'] });
		expect(reply.status).toBe(200);
		expect(reply.body.results[0]).toMatchObject({ directParent: ref(5002), employeesByDepartment: expect.any(Array) });
		expect(reply.body.results[1]).toMatchObject({ directParent: null });
		expect(reply.body.results[0]).not.toHaveProperty('ultimateParent');
		// api_search 1 + reveal_company 2 + directParent 1 (5012 only) + employeesByDepartment 2.
		expect(reply.body.billing).toEqual({ creditsCharged: 1 + 2 + 1 + 2, resultsReturned: 2 });
		v3.sandbox.configure({ companySearchAndEnrichReveal: false });
		expect400(await v3.post('/v3/companies/search-and-enrich', { companies: [{ id: '5000' }], reveal: ['intent'] }), 'property reveal should not exist');
	});
});

describe('lookalikeSeedRules (https://docs.lusha.com/lookalikes/overview: 5–100 seed companies)', () => {
	it('is off by default; on, fewer than 5 or more than 100 unique identifiers are a 400', async () => {
		const domains = (n: number) => v3.sandbox.fixtures.companies.slice(0, n).map((c: any) => c.domain);
		expect((await v3.post('/v3/companies/lookalike', { seeds: { domains: domains(2) } })).status).toBe(200);
		v3.sandbox.configure({ lookalikeSeedRules: true });
		expect400(await v3.post('/v3/companies/lookalike', { seeds: { domains: domains(4) } }), 'seeds must contain between 5 and 100 unique identifiers in total, got 4');
		// Duplicates count once.
		expect400(await v3.post('/v3/companies/lookalike', { seeds: { domains: [...domains(4), domains(1)[0].toUpperCase()] } }), /got 4$/);
		expect((await v3.post('/v3/companies/lookalike', { seeds: { domains: domains(3), linkedinUrls: v3.sandbox.fixtures.companies.slice(3, 5).map((c: any) => c.social.linkedin.url) } })).status).toBe(200);
		const many = Array.from({ length: 60 }, (_, i) => `d${i}.example`);
		expect400(await v3.post('/v3/companies/lookalike', { seeds: { domains: many, linkedinUrls: many.map((d) => `https://www.linkedin.com/company/${d}`) } }), /got 120$/);
	});
});
