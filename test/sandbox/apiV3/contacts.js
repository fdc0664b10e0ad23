// @ts-check
'use strict';
/**
 * V3 contacts: search (non-PII preview), enrich (reveal by id), search-and-enrich, lookalikes.
 *
 * Pricing (see billing.js): search = api_search per 25 found (+1 per matched signal type when
 * `signals` is sent); enrich = per revealed field with data (emails 1, phones 5; waterfall phones 8),
 * free when this account already revealed that field of that contact; search-and-enrich = both;
 * lookalike = 3 per result.
 */
const { isoDay } = require('../fixtures');
const { str, int, bool, arr, obj, date, email, uuid, validate, badRequest, HttpError } = require('./validate');
const { CONTACT_SIGNAL_TYPES, echoOf, norm, normUrl } = require('./data');
const { CONTACT_FIELD_ACTION, CONTACT_WATERFALL_ACTION } = require('./billing');
const { pickContactSignals, matchedCount } = require('./signals');
const { parseId } = require('./ids');

const contactItem = () => obj({ clientReferenceId: str(), id: str(), linkedinUrl: str(), email: email(), firstName: str(), lastName: str(), companyName: str(), companyDomain: str() });
const searchOptions = () => obj({ includePartialProfiles: bool() });
const revealList = () => arr(str({ enum: ['emails', 'phones'] }));
const NOT_FOUND = { code: 'NOT_FOUND', message: 'Contact not found' };

/** config.lookalikeSeedRules: 5–100 unique seed identifiers in total (https://docs.lusha.com/lookalikes/overview). */
function checkSeedTotal(unique) {
	if (unique < 5 || unique > 100) throw badRequest(`seeds must contain between 5 and 100 unique identifiers in total, got ${unique}`);
}
const RESTRICTED = { code: 'COMPLIANCE_RESTRICTED', message: 'This contact cannot be returned due to compliance restrictions' };

function contactsRoutes(ctx) {
	const { sandbox, data, billing } = ctx;

	/**
	 * Prices revealing `fields` for `person`; returns the values and a commit that records the reveal.
	 * `seen` de-duplicates a person repeated within one call.
	 */
	function planReveal(person, fields, waterfall, seen) {
		const values = {};
		let credits = 0;
		const marks = [];
		for (const field of fields) {
			let list;
			let action = CONTACT_FIELD_ACTION[field];
			if (field === 'emails') list = data.contactEmails(person);
			else {
				list = data.lushaPhones(person);
				if (!list.length && waterfall) {
					list = data.waterfallPhones(person);
					action = CONTACT_WATERFALL_ACTION[field];
				}
			}
			values[field] = list;
			const mark = `${person.personId}:${field}`;
			if (list.length && !billing.contactRevealed(person.personId, field) && !seen.has(mark)) {
				credits += billing.price(action);
				seen.add(mark);
			}
			if (list.length) marks.push(field);
		}
		return { values, credits, commit: () => marks.forEach((f) => billing.markContact(person.personId, f)) };
	}

	function search({ body }) {
		validate(
			obj(
				{
					contacts: arr(contactItem(), { min: 1, max: 100 }),
					options: searchOptions(),
					signals: obj({ types: arr(str({ enum: CONTACT_SIGNAL_TYPES }), { min: 1 }), startDate: date(), maxResultsPerSignal: int({ min: 1, max: 100 }) }, { required: ['types'] }),
				},
				{ required: ['contacts'] },
			),
			body,
		);
		data.checkContactItems(body.contacts, 'contacts');
		let found = 0;
		let matched = 0;
		const results = body.contacts.map((item) => {
			const echo = echoOf(item);
			const person = data.findContact(item);
			if (!person) return { ...echo, error: NOT_FOUND };
			if (data.isRestricted(person)) return { ...echo, id: data.contactId(person), error: RESTRICTED };
			const preview = data.contactPreview(person, ctx.contactCanReveal(person));
			if (body.signals) {
				// maxResultsPerSignal is honoured here (and not on companies/search): the live API.
				const picked = pickContactSignals(data, person, body.signals.types, body.signals.startDate ?? isoDay(180), body.signals.maxResultsPerSignal);
				const count = matchedCount(picked);
				if (!count) return { ...echo, id: preview.id, error: { code: 'NOT_FOUND', message: 'No matching signals for this contact' } };
				matched += count;
				preview.signalTypes = Object.keys(picked).filter((t) => picked[t].length);
				Object.assign(preview, { signals: picked });
			}
			found++;
			return { ...echo, ...preview };
		});
		const credits = billing.charge(billing.price('api_search', found) + billing.price('showSignalsContact', matched), 'POST /v3/contacts/search');
		return { requestId: ctx.requestId(), results, billing: { creditsCharged: credits, resultsReturned: found } };
	}

	/**
	 * Whether the `index`-th id goes to an async Data Waterfall job instead of `results`
	 * (https://docs.lusha.com/api-reference/enrich/get-contacts-enrich-job): config.waterfallJobWhenNeeded (its asked-for
	 * phones need the waterfall) or config.waterfallJobEvery (every n-th id). Only when the waterfall runs for the call.
	 */
	function goesToJob(person, index, fields, waterfall) {
		const { config } = sandbox;
		if (!waterfall) return false;
		const every = Number(config.waterfallJobEvery ?? 0);
		if (every > 0 && (index + 1) % every === 0) return true;
		return Boolean(config.waterfallJobWhenNeeded) && fields.includes('phones') && !data.hasLushaPhone(person);
	}

	const retryAfter = () => (sandbox.config.waterfallJobRetryAfterMs != null ? sandbox.config.waterfallJobRetryAfterMs / 1000 : Number(sandbox.config.waterfallJobRetryAfter ?? 2));

	function enrich({ body, headers }) {
		validate(obj({ ids: arr(str(), { min: 1, max: 100 }), reveal: revealList(), waterfallEnabled: bool(), tableId: str() }, { required: ['ids'] }), body);
		data.checkIds('contact', body.ids, 'ids');
		const fields = body.reveal === undefined ? ['emails', 'phones'] : [...new Set(body.reveal)];
		// Waterfall: on unless the call opts out (server default true, as seen on the live API) and only if the account has it.
		const waterfall = body.waterfallEnabled !== false && sandbox.config.waterfallOnAccount !== false;
		const seen = new Set();
		const commits = [];
		const found = [];
		/** @type {Map<number, any>} contacts left to the job, by personId. */
		const deferred = new Map();
		let credits = 0;
		const results = body.ids.map((raw, index) => {
			const person = data.contactById(raw, 'ids');
			if (!person) return { id: raw, error: NOT_FOUND };
			if (data.isRestricted(person)) return { id: data.contactId(person), error: RESTRICTED };
			// A contact left to the job is not in `results`: the job's contacts never repeat Enrich's.
			if (deferred.has(person.personId) || goesToJob(person, index, fields, waterfall)) {
				deferred.set(person.personId, person);
				return undefined;
			}
			const plan = planReveal(person, fields, waterfall, seen);
			credits += plan.credits;
			commits.push(plan.commit);
			found.push(person.personId);
			return data.enrichedContact(person, plan.values);
		}).filter(Boolean);
		const populate = [...(fields.includes('emails') ? ['workEmail'] : []), ...(fields.includes('phones') ? ['phone'] : [])];
		const write = body.tableId !== undefined ? ctx.tables.planWrite('contacts', body.tableId, found, { populate }) : undefined;
		const total = billing.charge(credits + (write?.credits ?? 0), 'POST /v3/contacts/enrich');
		commits.forEach((commit) => commit());
		write?.commit();
		let job;
		if (deferred.size) {
			const jobId = ctx.newId();
			const people = [...deferred.values()];
			ctx.state.jobs.set(jobId, {
				jobId,
				account: sandbox.accountOf(headers?.api_key),
				createdAt: Date.now(),
				people,
				fields,
				sequence: [...(sandbox.config.waterfallJobStatuses?.length ? sandbox.config.waterfallJobStatuses : ['complete'])],
				polls: 0,
				settled: undefined,
			});
			// Shape of `job` in the Enrich answer: not shown on any readable docs page; the sandbox's choice (README).
			job = { jobId, status: 'processing', retryAfter: retryAfter(), covers: people.map((p) => ({ id: data.contactId(p), fields })) };
		}
		return { requestId: ctx.requestId(), results, ...(job ? { job } : {}), ...(write ? { tableWrite: write.tableWrite } : {}), billing: { creditsCharged: total, resultsReturned: found.length } };
	}

	/** The job's contacts and its own charge, once, when a poll first sees `complete` (a 402-sized charge fails the job). */
	function settle(job) {
		if (job.settled) return job.settled;
		const seen = new Set();
		const plans = job.people.map((person) => ({ person, plan: planReveal(person, job.fields, true, seen) }));
		const credits = plans.reduce((n, p) => n + p.plan.credits, 0);
		try {
			billing.charge(credits, 'GET /v3/contacts/jobs/:jobId');
		} catch {
			job.settled = { status: 'failed' };
			return job.settled;
		}
		plans.forEach((p) => p.plan.commit());
		job.settled = { status: 'complete', contacts: plans.map((p) => data.enrichedContact(p.person, p.plan.values)), creditsCharged: credits };
		return job.settled;
	}

	/** GET /v3/contacts/jobs/{jobId}: free to poll; 404 for unknown, expired or another account's job. */
	function pollJob({ params, headers }) {
		const job = ctx.state.jobs.get(params.jobId);
		const ttl = sandbox.config.waterfallJobTtlMs;
		const gone = !job || job.account !== sandbox.accountOf(headers?.api_key) || (ttl != null && Date.now() - job.createdAt > ttl);
		if (gone) throw new HttpError(404, 'Job not found');
		const step = job.sequence[Math.min(job.polls, job.sequence.length - 1)];
		job.polls++;
		if (step === 404) throw new HttpError(404, 'Job not found');
		if (typeof step === 'number') throw new HttpError(step, step >= 500 ? 'Job store temporarily unavailable. Retry.' : 'Request failed');
		const covers = job.people.map((p) => ({ id: data.contactId(p), fields: job.fields }));
		if (step === 'processing') return { jobId: job.jobId, status: 'processing', retryAfter: retryAfter(), covers, billing: { creditsCharged: 0, resultsReturned: 0 } };
		if (step === 'complete') {
			const done = settle(job);
			if (done.status === 'failed') return { jobId: job.jobId, status: 'failed', billing: { creditsCharged: 0, resultsReturned: 0 } };
			return { jobId: job.jobId, status: 'complete', contacts: done.contacts, creditsCharged: done.creditsCharged, billing: { creditsCharged: done.creditsCharged, resultsReturned: done.contacts.length } };
		}
		return { jobId: job.jobId, status: step, billing: { creditsCharged: 0, resultsReturned: 0 } };
	}

	/**
	 * Per-result status on search-and-enrich (https://docs.lusha.com/api-reference/search-&-enrich/search-and-enrich-contacts.md
	 * names the fields; their values are not documented, these are the sandbox's): status complete | partial,
	 * statusReason null | 'missing_data_points', dataSource lusha | waterfall, missingDataPoints = asked-for fields not found.
	 */
	function resultStatus(person, fields, plan) {
		const missing = fields.filter((f) => !plan.values[f]?.length);
		const fromWaterfall = fields.includes('phones') && plan.values.phones?.length > 0 && !data.hasLushaPhone(person);
		return {
			status: missing.length ? 'partial' : 'complete',
			statusDescription: missing.length ? `No data found for: ${missing.join(', ')}` : 'All requested data points were found',
			statusReason: missing.length ? 'missing_data_points' : null,
			dataSource: fromWaterfall ? 'waterfall' : 'lusha',
			credits: plan.credits,
			missingDataPoints: missing,
		};
	}

	function searchAndEnrich({ body }) {
		validate(obj({ contacts: arr(contactItem(), { min: 1, max: 100 }), reveal: revealList(), options: searchOptions() }, { required: ['contacts'] }), body);
		data.checkContactItems(body.contacts, 'contacts');
		const fields = body.reveal === undefined ? ['emails', 'phones'] : [...new Set(body.reveal)];
		// The account's waterfall runs here too, with no opt-out flag (config.searchAndEnrichWaterfall; docs page below).
		const waterfall = Boolean(sandbox.config.searchAndEnrichWaterfall) && sandbox.config.waterfallOnAccount !== false;
		const seen = new Set();
		const commits = [];
		let found = 0;
		let revealCredits = 0;
		const results = body.contacts.map((item) => {
			const echo = echoOf(item);
			const person = data.findContact(item);
			if (!person) return { ...echo, error: NOT_FOUND };
			if (data.isRestricted(person)) return { ...echo, id: data.contactId(person), error: RESTRICTED };
			const plan = planReveal(person, fields, waterfall, seen);
			revealCredits += plan.credits;
			commits.push(plan.commit);
			found++;
			return { ...echo, ...data.enrichedContact(person, plan.values), ...(sandbox.config.searchAndEnrichStatus !== false ? resultStatus(person, fields, plan) : {}) };
		});
		// "Two charges apply — one for the search (api_search) and one per revealed field."
		const credits = billing.charge(billing.price('api_search', found) + revealCredits, 'POST /v3/contacts/search-and-enrich');
		commits.forEach((commit) => commit());
		return { requestId: ctx.requestId(), results, billing: { creditsCharged: credits, resultsReturned: found } };
	}

	// -------------------------------------------------------------- lookalikes
	const batch = (nullable) => ({
		...obj({
			linkedinUrls: arr(str(), { max: 100 }),
			contacts: arr(obj({ firstName: str(), lastName: str(), companyDomain: str(), companyName: str() }, { required: ['firstName', 'lastName'] }), { max: 100 }),
			emails: arr(email(), { max: 100 }),
			ids: arr(str(), { max: 100 }),
			contactIds: arr(int(), { max: 100 }),
		}),
		nullable,
	});

	function resolveBatch(b, path) {
		const out = new Set();
		if (!b) return out;
		data.checkIds('contact', b.ids ?? [], `${path}.ids`);
		const errors = [];
		(b.contacts ?? []).forEach((c, i) => {
			if (!c.companyDomain && !c.companyName) errors.push(`${path}.contacts.${i} must have companyDomain or companyName`);
		});
		if (errors.length) throw badRequest(errors);
		const add = (p) => p && out.add(p.personId);
		for (const url of b.linkedinUrls ?? []) add(data.people.find((p) => normUrl(p.socialLinks.linkedin) === normUrl(url)));
		for (const address of b.emails ?? []) add(data.people.find((p) => p.emailAddresses.some((e) => norm(e.email) === norm(address))));
		for (const id of b.ids ?? []) add(data.personById.get(/** @type {any} */ (parseId('contact', id)).n));
		for (const id of b.contactIds ?? []) add(data.personById.get(id));
		for (const c of b.contacts ?? []) add(data.findContact({ firstName: c.firstName, lastName: c.lastName, companyName: c.companyName, companyDomain: c.companyDomain }));
		return out;
	}

	function lookalike({ body }) {
		validate(
			obj(
				{ dedupeSessionId: uuid(), seeds: batch(false), exclude: batch(true), limit: int({ min: 1, max: 100 }), tableId: str(), maxContactsPerCompany: int({ min: 1, max: 20 }) },
				{ required: ['seeds'] },
			),
			body,
		);
		const seedCount = Object.values(body.seeds).reduce((n, list) => n + (Array.isArray(list) ? list.length : 0), 0);
		if (seedCount === 0) throw badRequest('seeds must contain at least one seed');
		if (sandbox.config.lookalikeSeedRules) {
			const keys = [
				...(body.seeds.linkedinUrls ?? []).map((u) => `l:${normUrl(u)}`),
				...(body.seeds.emails ?? []).map((e) => `e:${norm(e)}`),
				...(body.seeds.ids ?? []).map((id) => `i:${id}`),
				...(body.seeds.contactIds ?? []).map((id) => `n:${id}`),
				...(body.seeds.contacts ?? []).map((c) => `c:${norm(c.firstName)}|${norm(c.lastName)}|${norm(c.companyDomain)}|${norm(c.companyName)}`),
			];
			checkSeedTotal(new Set(keys).size);
		}
		const seeds = resolveBatch(body.seeds, 'seeds');
		const excluded = resolveBatch(body.exclude, 'exclude');
		const session = body.dedupeSessionId ? ctx.state.lookalikeSessions.get(body.dedupeSessionId) : undefined;
		if (body.dedupeSessionId && (!session || session.kind !== 'contact')) {
			const error = new HttpError(410, 'The provided dedupeSessionId is invalid or expired. Generate a new request without dedupeSessionId to start a fresh run.');
			/** @type {any} */ (error).body = { code: 'DEDUPE_SESSION_INVALID', message: error.message };
			throw error;
		}
		const seen = session?.seen ?? new Set();
		const seedPeople = [...seeds].map((id) => data.personById.get(id));
		const seniorities = new Set(seedPeople.map((p) => p.jobTitle.seniorityId));
		const departments = new Set(seedPeople.flatMap((p) => p.jobTitle.departments));
		const similarity = (p) => (seniorities.has(p.jobTitle.seniorityId) ? 2 : 0) + (p.jobTitle.departments.some((d) => departments.has(d)) ? 1 : 0);
		const pool = data.people
			.filter((p) => !seeds.has(p.personId) && !excluded.has(p.personId) && !seen.has(p.personId) && !data.isRestricted(p))
			.sort((a, b) => similarity(b) - similarity(a) || a.personId - b.personId);
		const limit = body.limit ?? 25;
		const perCompany = new Map();
		const picked = [];
		for (const p of pool) {
			if (picked.length >= limit) break;
			const n = perCompany.get(p.companyId) ?? 0;
			if (body.maxContactsPerCompany && n >= body.maxContactsPerCompany) continue;
			perCompany.set(p.companyId, n + 1);
			picked.push(p);
		}
		const write = body.tableId !== undefined ? ctx.tables.planWrite('contacts', body.tableId, picked.map((p) => p.personId)) : undefined;
		const credits = billing.charge(billing.price('lookalikeContact', picked.length) + (write?.credits ?? 0), 'POST /v3/contacts/lookalike');
		const sessionId = body.dedupeSessionId ?? ctx.newId();
		if (!session) ctx.state.lookalikeSessions.set(sessionId, { kind: 'contact', seen });
		for (const p of picked) seen.add(p.personId);
		write?.commit();
		const results = picked.map((p) => {
			const preview = data.contactPreview(p, []);
			return { id: preview.id, firstName: p.firstName, lastName: p.lastName, socialLinks: preview.socialLinks, company: preview.company, jobTitle: preview.jobTitle, location: preview.location };
		});
		return {
			requestId: ctx.requestId(),
			dedupeSessionId: sessionId,
			results,
			meta: { returned: results.length, hasMore: pool.length > picked.length },
			...(write ? { tableWrite: write.tableWrite } : {}),
			billing: { creditsCharged: credits, resultsReturned: results.length },
		};
	}

	return {
		'POST /v3/contacts/search': search,
		'POST /v3/contacts/enrich': enrich,
		'POST /v3/contacts/search-and-enrich': searchAndEnrich,
		'POST /v3/contacts/lookalike': lookalike,
		'GET /v3/contacts/jobs/:jobId': pollJob,
	};
}

module.exports = { contactsRoutes, checkSeedTotal };
