import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { compact, returnAllOrLimit, wantedCount } from '../../../../shared/helpers/fields';
import { inputError, isDigitsId, isDomain, isEmail, isUuid, normalizeDomain, parseList } from '../../../../shared/helpers/input';
import { sessionWalkOutput } from '../../../../shared/helpers/resume';
import { lushaRequest, walkCursor } from '../../../../shared/transport';

export type LookalikeKind = 'contact' | 'company';

interface SeedRow {
	name: string;
	displayName: string;
	bodyField: string;
	placeholder: string;
	/** How one entry is normalized, and what it must look like. */
	value?: 'email' | 'domain' | 'integer';
}

/** Lusha takes at most 100 entries in each seed list and each exclude list. */
const MAX_PER_LIST = 100;

const VALUE_RULES = {
	email: { normalize: (v: string) => v, valid: isEmail, expected: 'an email address' },
	domain: { normalize: normalizeDomain, valid: isDomain, expected: 'a domain such as acme.com' },
	integer: { normalize: (v: string) => v, valid: isDigitsId, expected: 'a whole-number Lusha ID' },
};

const excludeName = (row: SeedRow) => `exclude${row.bodyField[0].toUpperCase()}${row.bodyField.slice(1)}`;

const SEEDS: Record<LookalikeKind, SeedRow[]> = {
	contact: [
		{ name: 'seedEmails', displayName: 'Seed Emails', bodyField: 'emails', placeholder: 'ceo@acme.com', value: 'email' },
		{ name: 'seedLinkedinUrls', displayName: 'Seed LinkedIn URLs', bodyField: 'linkedinUrls', placeholder: 'https://www.linkedin.com/in/…' },
		{ name: 'seedContactIds', displayName: 'Seed Lusha Person IDs', bodyField: 'contactIds', placeholder: '4158887495', value: 'integer' },
	],
	company: [
		{ name: 'seedDomains', displayName: 'Seed Domains', bodyField: 'domains', placeholder: 'acme.com', value: 'domain' },
		{ name: 'seedLinkedinUrls', displayName: 'Seed LinkedIn URLs', bodyField: 'linkedinUrls', placeholder: 'https://www.linkedin.com/company/…' },
	],
};

const operationOf = (kind: LookalikeKind) => (kind === 'contact' ? 'findSimilarContacts' : 'findSimilarCompanies');

export function lookalikeFields(kind: LookalikeKind): INodeProperties[] {
	const show = { show: { resource: ['lookalike'], operation: [operationOf(kind)] } };
	return [
		{
			displayName: `Give Lusha 5 to 100 example ${kind === 'contact' ? 'people' : 'companies'}. Map a field to take one seed from each incoming item; all items’ seeds are used together.`,
			name: 'seedNotice',
			type: 'notice',
			default: '',
			displayOptions: show,
		},
		...SEEDS[kind].map((row): INodeProperties => ({ displayName: row.displayName, name: row.name, type: 'string', default: '', placeholder: row.placeholder, displayOptions: show })),
		...returnAllOrLimit('lookalike', operationOf(kind), 25),
		{
			displayName: 'Options',
			name: 'lookalikeOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: show,
			options: [
				...SEEDS[kind].map((row): INodeProperties => ({ displayName: row.displayName.replace('Seed', 'Exclude'), name: excludeName(row), type: 'string', default: '', placeholder: row.placeholder })),
				{
					displayName: 'Session ID',
					name: 'dedupeSessionId',
					type: 'string',
					default: '',
					placeholder: '58adaa77-7a6e-4c9b-8c2d-820a6538e613',
					description: 'A dedupeSessionId from an earlier run: Lusha then returns only results it has not returned in that session (kept 30 days after its last use)',
				},
			],
		},
	];
}

interface LookalikePage {
	dedupeSessionId?: string;
	results?: IDataObject[];
	meta?: { hasMore?: boolean };
	creditsCharged?: number;
	billing?: { creditsCharged?: number };
}

/**
 * One seed or exclude list, gathered from every item's field: each entry normalized and checked,
 * and no more than Lusha's 100, so a bad list is refused before anything is sent.
 */
function seedList(context: IExecuteFunctions, row: SeedRow, field: string, valuesByItem: unknown[]): Array<string | number> {
	const rule = row.value ? VALUE_RULES[row.value] : undefined;
	const list = new Set<string>();
	valuesByItem.forEach((value, itemIndex) => {
		for (const entry of parseList(value)) {
			const normalized = rule ? rule.normalize(entry) : entry;
			if (rule && !rule.valid(normalized)) throw inputError(context, itemIndex, field, `must contain ${rule.expected}, but has "${entry}"`);
			list.add(normalized);
			if (list.size > MAX_PER_LIST) {
				throw inputError(context, itemIndex, field, `has more than ${MAX_PER_LIST} entries`, `Lusha takes at most ${MAX_PER_LIST} in each list. Keep the ${MAX_PER_LIST} that describe your best ${row.value === 'domain' ? 'accounts' : 'buyers'}, or split them over several runs.`);
			}
		}
	});
	return row.value === 'integer' ? [...list].map(Number) : [...list];
}

/**
 * Seeds from every input item go into one lookalike search. Each call asks for up to 100; Return
 * All keeps asking with Lusha's dedupeSessionId while it says there is more, so nothing repeats; a used-up
 * quota keeps what was fetched and names the session to resume.
 */
export async function runLookalike(context: IExecuteFunctions, items: INodeExecutionData[], kind: LookalikeKind, path: string): Promise<INodeExecutionData[]> {
	const seeds: IDataObject = {};
	const exclude: IDataObject = {};
	const options = context.getNodeParameter('lookalikeOptions', 0, {}) as IDataObject;
	for (const row of SEEDS[kind]) {
		const list = seedList(context, row, row.displayName, items.map((_item, itemIndex) => context.getNodeParameter(row.name, itemIndex, '')));
		if (list.length) seeds[row.bodyField] = list;
		const excluded = seedList(context, row, `Options → ${row.displayName.replace('Seed', 'Exclude')}`, [options[excludeName(row)]]);
		if (excluded.length) exclude[row.bodyField] = excluded;
	}
	if (Object.keys(seeds).length === 0) {
		throw new NodeOperationError(context.getNode(), `No seeds: fill at least one of ${SEEDS[kind].map((r) => r.displayName).join(', ')}`, { itemIndex: 0 });
	}
	const sessionId = String(options.dedupeSessionId ?? '').trim();
	if (sessionId && !isUuid(sessionId)) {
		throw inputError(context, 0, 'Options → Session ID', `must be a Lusha session ID (a UUID like 58adaa77-7a6e-4c9b-8c2d-820a6538e613), not "${sessionId}"`, 'Map the dedupeSessionId of an earlier result, or clear the field to start a new session.');
	}
	const limit = wantedCount(context, 0);
	const pairedItem = items.map((_item, item) => ({ item }));
	const walk = await walkCursor<IDataObject, string>(
		sessionId,
		async (session, remaining) => {
			const page = await lushaRequest<LookalikePage>(context, {
				method: 'POST',
				path,
				body: compact({ dedupeSessionId: session || undefined, seeds, exclude: Object.keys(exclude).length ? exclude : undefined, limit: Math.min(100, remaining) }),
				statusHints: {
					410: 'Lusha no longer knows this lookalike session (DEDUPE_SESSION_INVALID): the ID is wrong, or the session went unused for 30 days. Clear Options → Session ID to start a new session.',
				},
			});
			const found = (page.results ?? []).map((result) => ({ ...result, dedupeSessionId: page.dedupeSessionId ?? null, creditsCharged: page.creditsCharged ?? page.billing?.creditsCharged ?? null }));
			return { items: found, next: page.meta?.hasMore && page.dedupeSessionId ? page.dedupeSessionId : undefined };
		},
		limit,
	);
	return sessionWalkOutput(context, walk, kind === 'contact' ? 'contacts' : 'companies').map((json) => ({ json, pairedItem }));
}
