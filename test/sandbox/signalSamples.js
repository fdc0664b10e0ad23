// @ts-check
'use strict';
/**
 * The `data` of a signal delivery, per signal type, about the subscribed entity itself: the
 * delivery's `entityId` and its `data.personId` / `data.companyId` always name the same entity.
 * Shapes follow Lusha's webhook payloads (https://docs.lusha.com/apis/openapi/webhooks) and the per-type items of its signals API.
 * A fixture's stored signal of that type is used when it has one, so a delivery agrees with what
 * the signals endpoints return for the same entity.
 */
const { isoDay, NEWS_TYPES } = require('./fixtures');

const NEWS_EVENT = {
	riskNews: ['Lawsuit Faced', 'Security Issue'],
	commercialActivityNews: ['New Customer', 'Partnership'],
	corporateStrategyNews: ['M&A', 'New Location'],
	financialEventsNews: ['Funding Round', 'IPO'],
	peopleNews: ['Executive Departure', 'Executive Hire', 'Executive Promotion'],
	marketIntelligenceNews: ['Competitor Activity', 'Recognition'],
	productActivityNews: ['Product Launch', 'Product Integration'],
};

/** A stable index for an ID the fixtures do not hold, so the same unknown ID always gets the same sample. */
function indexFor(id, size) {
	let hash = 0;
	for (const char of String(id)) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
	return hash % size;
}

/** Numeric Lusha IDs stay numbers (as Lusha sends them); anything else stays as given. */
const asLushaId = (id) => (/^\d+$/.test(String(id)) ? Number(id) : String(id));

function contactSignalData(fixtures, entityId, type) {
	const { people, companies } = fixtures;
	const known = people.find((p) => String(p.personId) === String(entityId));
	const index = known ? people.indexOf(known) : indexFor(entityId, people.length);
	const person = known ?? people[index];
	const stored = person.signals[type]?.[0] ?? Object.values(person.signals)[0]?.[0];
	const current = companies.find((c) => c.id === person.companyId) ?? companies[0];
	const previous = companies[(index + 7) % companies.length];
	const move = stored ?? {
		currentCompanyId: current.id,
		currentCompanyName: current.name,
		currentDomain: current.domain,
		currentTitle: person.jobTitle.title,
		currentSeniorityLabel: person.jobTitle.seniority,
		signalDate: isoDay(10 + (index % 90)),
		previousCompanyName: previous.name,
		previousDomain: previous.domain,
	};
	// Webhook data carries departments as [{id, value}] (a plain string in the signals API).
	return { ...move, personId: asLushaId(entityId), currentDepartments: person.jobTitle.departments.map((value, i) => ({ id: 7 + i, value })) };
}

function companySignalData(fixtures, entityId, type) {
	const { companies } = fixtures;
	const known = companies.find((c) => String(c.id) === String(entityId));
	const j = known ? companies.indexOf(known) : indexFor(entityId, companies.length);
	const company = known ?? companies[j];
	const companyId = String(entityId);
	const stored = company.signals[type]?.[0];
	const date = isoDay(j + 3);
	const direction = /Decrease/.test(type) ? -1 : 1;
	if (NEWS_TYPES.includes(type)) {
		const events = NEWS_EVENT[type];
		const eventType = stored?.eventType ?? events[j % events.length];
		return {
			signalId: `sig-${companyId}-${type}`,
			eventType,
			eventSummary: `${company.name}: ${eventType.toLowerCase()}`,
			articlePublishedDate: date,
			articleTitle: `${company.name} in the news`,
			articleHighlight: `${eventType} at ${company.name}.`,
			eventEffectiveDate: date,
			articleUrl: `https://news.example/${companyId}/${type}`,
			...stored,
			companyId,
			companyName: company.name,
			domain: company.domain,
		};
	}
	if (stored) return { ...stored };
	if (/^headcount/.test(type)) {
		const baseline = 100 + j;
		const rate = direction * (12 + (j % 20));
		return { signalDate: date, baselineEmployeesCount: baseline, newEmployeesCount: Math.round(baseline * (1 + rate / 100)), changeRatePercent: rate };
	}
	if (type === 'surgeInHiringByDepartment') {
		return { department: fixtures.filters.DEPARTMENTS[j % fixtures.filters.DEPARTMENTS.length], signalDate: date, newJobsPostedLast4Weeks: 20 + j, historicalAvg: 6, changeRatePercent: 180 };
	}
	if (type === 'surgeInHiringByLocation') {
		return { country: company.location.country, state: company.location.state, signalDate: date, newJobsPostedLast4Weeks: 15 + j, historicalAvg: 5, changeRatePercent: 160 };
	}
	if (type === 'surgeInHiring') return { signalDate: date, newJobsPostedLastWeek: 10 + j, historicalAvg: 4, changeRatePercent: 150 };
	if (/^websiteTraffic/.test(type)) {
		return { signalDate: date, historicalAvg: 1000, lastMonthVisits: direction > 0 ? 1600 + j : 600 - j, changeRatePercent: direction * (40 + (j % 20)) };
	}
	if (/^itSpend/.test(type)) return { signalDate: date, estimatedAnnualItSpend: 250000 + j * 10000, changeRatePercent: direction * (15 + (j % 10)) };
	if (type === 'linkedinActivityIntent') {
		return {
			companyId,
			activityPublicationDate: date,
			signalCategory: 'Buying intent',
			intentTopics: [{ topic: fixtures.filters.INTENT_TOPICS[j % fixtures.filters.INTENT_TOPICS.length], category: 'Technology' }],
			author: { id: `author-${companyId}`, fullName: 'Alex Author', linkedinUrl: 'https://www.linkedin.com/in/alex-author' },
			contactsMentioned: [],
			companiesMentioned: [company.name],
			activityUrl: `https://www.linkedin.com/feed/update/${companyId}`,
			activitySummary: `${company.name} is evaluating new tools`,
			activityLikes: 12,
			activityComments: 3,
			activityShares: 1,
			activityType: 'post',
		};
	}
	return { signalDate: date, companyId };
}

/** The `data` of a delivery of `type` for one subscribed entity. */
function signalData(fixtures, entityType, entityId, type) {
	return entityType === 'contact' ? contactSignalData(fixtures, entityId, type) : companySignalData(fixtures, entityId, type);
}

module.exports = { signalData };
