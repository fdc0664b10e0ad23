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

	function enrich({ body }) {
		validate(obj({ ids: arr(str(), { min: 1, max: 100 }), reveal: revealList(), waterfallEnabled: bool(), tableId: str() }, { required: ['ids'] }), body);
		data.checkIds('contact', body.ids, 'ids');
		const fields = body.reveal === undefined ? ['emails', 'phones'] : [...new Set(body.reveal)];
		// Waterfall: on unless the call opts out (server default true, as seen on the live API) and only if the account has it.
		const waterfall = body.waterfallEnabled !== false && sandbox.config.waterfallOnAccount !== false;
		const seen = new Set();
		const commits = [];
		const found = [];
		let credits = 0;
		const results = body.ids.map((raw) => {
			const person = data.contactById(raw, 'ids');
			if (!person) return { id: raw, error: NOT_FOUND };
			if (data.isRestricted(person)) return { id: data.contactId(person), error: RESTRICTED };
			const plan = planReveal(person, fields, waterfall, seen);
			credits += plan.credits;
			commits.push(plan.commit);
			found.push(person.personId);
			return data.enrichedContact(person, plan.values);
		});
		const populate = [...(fields.includes('emails') ? ['workEmail'] : []), ...(fields.includes('phones') ? ['phone'] : [])];
		const write = body.tableId !== undefined ? ctx.tables.planWrite('contacts', body.tableId, found, { populate }) : undefined;
		const total = billing.charge(credits + (write?.credits ?? 0), 'POST /v3/contacts/enrich');
		commits.forEach((commit) => commit());
		write?.commit();
		return { requestId: ctx.requestId(), results, ...(write ? { tableWrite: write.tableWrite } : {}), billing: { creditsCharged: total, resultsReturned: found.length } };
	}

	function searchAndEnrich({ body }) {
		validate(obj({ contacts: arr(contactItem(), { min: 1, max: 100 }), reveal: revealList(), options: searchOptions() }, { required: ['contacts'] }), body);
		data.checkContactItems(body.contacts, 'contacts');
		const fields = body.reveal === undefined ? ['emails', 'phones'] : [...new Set(body.reveal)];
		const seen = new Set();
		const commits = [];
		let found = 0;
		let revealCredits = 0;
		const results = body.contacts.map((item) => {
			const echo = echoOf(item);
			const person = data.findContact(item);
			if (!person) return { ...echo, error: NOT_FOUND };
			if (data.isRestricted(person)) return { ...echo, id: data.contactId(person), error: RESTRICTED };
			const plan = planReveal(person, fields, false, seen);
			revealCredits += plan.credits;
			commits.push(plan.commit);
			found++;
			return { ...echo, ...data.enrichedContact(person, plan.values) };
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
	};
}

module.exports = { contactsRoutes };
