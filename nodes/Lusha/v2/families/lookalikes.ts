import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties, IPairedItemData } from 'n8n-workflow';

import type { EntityType } from '../../../shared/api/signalCatalogue';
import { showFor } from '../../../shared/helpers/display';
import { compact, returnAllOrLimit, wantedCount } from '../../../shared/helpers/fields';
import { inputError, isEmail, isLushaId, parseList, wholeNumberIn } from '../../../shared/helpers/input';
import { atItem, errorItem } from '../../../shared/helpers/items';
import { sessionWalkOutput } from '../../../shared/helpers/resume';
import { lushaRequest, walkCursor } from '../../../shared/transport';
import { tableIdFor } from '../helpers/tableClient';

/** Lusha takes 5 to 100 unique seeds in total per search, and 100 exclusions (https://docs.lusha.com/lookalikes/overview). */
const MIN_SEEDS = 5;
const MAX_SEEDS = 100;

interface SeedRow {
	/** Field name; the exclusion field is `exclude` + bodyField. */
	name: string;
	displayName: string;
	/** Key under `seeds` and `exclude` (contact IDs go under `ids`). */
	bodyField: string;
	placeholder: string;
	/** What is wrong with one value, if anything. */
	problem?: (value: string) => string | undefined;
}

const SEEDS: Record<EntityType, SeedRow[]> = {
	contact: [
		{ name: 'seedEmails', displayName: 'Seed Emails', bodyField: 'emails', placeholder: 'jane@acme.com', problem: (v) => (isEmail(v) ? undefined : `"${v}" is not an email address`) },
		{ name: 'seedLinkedinUrls', displayName: 'Seed LinkedIn URLs', bodyField: 'linkedinUrls', placeholder: 'https://www.linkedin.com/in/…' },
		{ name: 'seedIds', displayName: 'Seed Lusha Contact IDs', bodyField: 'ids', placeholder: 'v1.…', problem: (v) => (isLushaId(v) ? undefined : `"${v}" is not a Lusha ID (v1.… or digits)`) },
	],
	company: [
		{ name: 'seedDomains', displayName: 'Seed Domains', bodyField: 'domains', placeholder: 'acme.com' },
		{ name: 'seedLinkedinUrls', displayName: 'Seed LinkedIn URLs', bodyField: 'linkedinUrls', placeholder: 'https://www.linkedin.com/company/…' },
	],
};

const excludeName = (row: SeedRow) => `exclude${row.bodyField[0].toUpperCase()}${row.bodyField.slice(1)}`;
const excludeLabel = (row: SeedRow) => row.displayName.replace('Seed', 'Exclude');

export function lookalikeFields(entity: EntityType): INodeProperties[] {
	const show = showFor(entity, 'findLookalikes');
	const plural = entity === 'contact' ? 'people' : 'companies';
	return [
		{
			displayName: `Give Lusha 5 to 100 example ${plural}. Map a field to take a seed from each incoming item: the seeds of all items go into one search. Lusha bills every result.`,
			name: 'seedNotice',
			type: 'notice',
			default: '',
			displayOptions: show,
		},
		...SEEDS[entity].map((row): INodeProperties => ({
			displayName: row.displayName,
			name: row.name,
			type: 'string',
			default: '',
			placeholder: row.placeholder,
			description: 'Separate several with commas or new lines',
			displayOptions: show,
		})),
		...(entity === 'contact'
			? [
					{
						displayName: 'Seed People (Name and Company)',
						name: 'seedPeople',
						type: 'fixedCollection' as const,
						typeOptions: { multipleValues: true },
						default: {},
						placeholder: 'Add Person',
						displayOptions: show,
						options: [
							{
								displayName: 'Person',
								name: 'people',
								values: [
									{ displayName: 'First Name', name: 'firstName', type: 'string' as const, default: '' },
									{ displayName: 'Last Name', name: 'lastName', type: 'string' as const, default: '' },
									{ displayName: 'Company Name', name: 'companyName', type: 'string' as const, default: '' },
									{ displayName: 'Company Domain', name: 'companyDomain', type: 'string' as const, default: '', placeholder: 'acme.com' },
								],
							},
						],
					},
				]
			: []),
		...returnAllOrLimit(entity, 'findLookalikes', 25),
		{
			displayName: 'Options',
			name: 'lookalikeOptions',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			displayOptions: show,
			options: [
				...SEEDS[entity].map((row): INodeProperties => ({
					displayName: excludeLabel(row),
					name: excludeName(row),
					type: 'string',
					default: '',
					placeholder: row.placeholder,
					description: `Never return these ${plural} (up to 100 in all), e.g. existing customers`,
				})),
				...(entity === 'contact'
					? [{ displayName: 'Max Contacts per Company', name: 'maxContactsPerCompany', type: 'number' as const, typeOptions: { minValue: 1, maxValue: 20, numberPrecision: 0 }, default: 3, description: 'Between 1 and 20' }]
					: []),
				{
					displayName: 'Session ID',
					name: 'dedupeSessionId',
					type: 'string',
					default: '',
					description: 'The dedupeSessionId of an earlier run: Lusha then returns only results it has not returned in that session (kept 30 days)',
				},
			],
		},
	];
}

/** One item's seeds, checked: every value is well-formed, every person has a full name and a company. */
function seedsOf(context: IExecuteFunctions, entity: EntityType, itemIndex: number): Record<string, unknown[]> {
	const seeds: Record<string, unknown[]> = {};
	for (const row of SEEDS[entity]) {
		const values = parseList(context.getNodeParameter(row.name, itemIndex, ''));
		for (const value of values) {
			const problem = row.problem?.(value);
			if (problem) throw inputError(context, itemIndex, row.displayName, `holds ${problem}`);
		}
		if (values.length) seeds[row.bodyField] = values;
	}
	if (entity === 'contact') {
		const people = ((context.getNodeParameter('seedPeople', itemIndex, {}) as IDataObject).people ?? []) as IDataObject[];
		const contacts = people.map((p) => compact({ firstName: String(p.firstName ?? '').trim(), lastName: String(p.lastName ?? '').trim(), companyName: String(p.companyName ?? '').trim(), companyDomain: String(p.companyDomain ?? '').trim() }));
		contacts.forEach((c, n) => {
			if (!c.firstName || !c.lastName || !(c.companyName || c.companyDomain)) {
				throw inputError(context, itemIndex, `Seed People (Name and Company) → person ${n + 1}`, 'needs First Name, Last Name, and Company Name or Company Domain');
			}
		});
		if (contacts.length) seeds.contacts = contacts;
	}
	return seeds;
}

const seedCount = (seeds: Record<string, unknown[]>) => Object.values(seeds).reduce((n, list) => n + list.length, 0);

/** What makes two seeds the same one: case and trailing slashes do not ("Jane@acme.com" is "jane@acme.com"). */
const seedKey = (value: unknown) => JSON.stringify(value).toLowerCase().replace(/\/+"/g, '"');

/** Adds one item's seeds to the search's, without repeats, so the count is Lusha's count of unique seeds. */
function mergeInto(all: Record<string, unknown[]>, seeds: Record<string, unknown[]>) {
	for (const [key, values] of Object.entries(seeds)) {
		const known = new Set((all[key] ?? []).map(seedKey));
		all[key] = [...(all[key] ?? []), ...values.filter((v) => !known.has(seedKey(v)) && known.add(seedKey(v)))];
	}
}

function exclusionsOf(context: IExecuteFunctions, entity: EntityType, options: IDataObject): IDataObject | undefined {
	const exclude: IDataObject = {};
	for (const row of SEEDS[entity]) {
		const values = parseList(options[excludeName(row)]);
		const field = `Options → ${excludeLabel(row)}`;
		for (const value of values) {
			const problem = row.problem?.(value);
			if (problem) throw inputError(context, 0, field, `holds ${problem}`);
		}
		if (values.length) exclude[row.bodyField] = values;
	}
	const total = Object.values(exclude).reduce<number>((n, list) => n + (list as string[]).length, 0);
	if (total > MAX_SEEDS) throw inputError(context, 0, 'Options → Exclude', `lists ${total} entries; Lusha takes at most ${MAX_SEEDS}`);
	return total ? exclude : undefined;
}

interface LookalikePage {
	dedupeSessionId?: string;
	results?: IDataObject[];
	meta?: { hasMore?: boolean };
	billing?: IDataObject;
	tableWrite?: IDataObject;
}

/**
 * The seeds of every input item go into one lookalike search. Each call asks for up to 100;
 * Return All keeps asking with Lusha's dedupeSessionId while it says there is more, so nothing
 * repeats; a used-up quota keeps what was fetched and names the session to resume. Results pair with every
 * item that gave seeds; an item with bad seeds sends nothing.
 */
export async function findLookalikes(context: IExecuteFunctions, items: INodeExecutionData[], entity: EntityType, path: string): Promise<INodeExecutionData[]> {
	const failed: INodeExecutionData[] = [];
	const seeds: Record<string, unknown[]> = {};
	const contributors: number[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		let own: Record<string, unknown[]>;
		try {
			own = seedsOf(context, entity, itemIndex);
		} catch (error) {
			if (!context.continueOnFail()) throw atItem.call(context, error, itemIndex);
			failed.push(errorItem(error as Error, itemIndex));
			continue;
		}
		if (seedCount(own) === 0) continue;
		mergeInto(seeds, own);
		contributors.push(itemIndex);
		if (seedCount(seeds) > MAX_SEEDS) {
			// Too many seeds is the whole search's problem: no item is served.
			const error = inputError(context, itemIndex, 'Seeds', `pass ${MAX_SEEDS} with this item (${seedCount(seeds)} in all); Lusha takes at most ${MAX_SEEDS} per search`, 'Send fewer items, e.g. with a Limit node before this one.');
			if (!context.continueOnFail()) throw error;
			const served = new Set(failed.map((f) => (f.pairedItem as IPairedItemData).item));
			return [...failed, ...items.map((_item, i) => i).filter((i) => !served.has(i)).map((i) => errorItem(error, i))];
		}
	}

	const pairedItem = contributors.map((item) => ({ item }));
	try {
		const fieldNames = SEEDS[entity].map((r) => r.displayName).join(', ');
		if (contributors.length === 0) {
			throw inputError(context, 0, 'Seeds', `are empty: fill at least one of ${fieldNames}${entity === 'contact' ? ', Seed People' : ''}`);
		}
		if (seedCount(seeds) < MIN_SEEDS) {
			throw inputError(context, contributors[0], 'Seeds', `hold ${seedCount(seeds)} unique seeds in all; Lusha needs ${MIN_SEEDS} to ${MAX_SEEDS} per search`, `Give at least ${MIN_SEEDS} different ${entity === 'contact' ? 'people' : 'companies'}, from one item or several.`);
		}
		const options = context.getNodeParameter('lookalikeOptions', 0, {}) as IDataObject;
		const exclude = exclusionsOf(context, entity, options);
		const perCompany = wholeNumberIn(context, options.maxContactsPerCompany, 'Options → Max Contacts per Company', 0, 1, 20);
		const limit = wantedCount(context, 0);
		const walk = await walkCursor<IDataObject, string>(
			String(options.dedupeSessionId ?? '').trim(),
			async (sessionId, remaining) => {
				const page = await lushaRequest<LookalikePage>(context, {
					method: 'POST',
					path,
					body: { ...compact({ dedupeSessionId: sessionId || undefined, seeds: seeds as IDataObject, exclude, limit: Math.min(100, remaining), maxContactsPerCompany: perCompany }), ...tableIdFor(context, contributors[0]) },
					itemIndex: contributors[0],
					codeHints: { DEDUPE_SESSION_INVALID: 'The lookalike session is unknown or expired (Lusha keeps them 30 days). Clear Options → Session ID to start a new one.' },
				});
				const extra = compact({ dedupeSessionId: page.dedupeSessionId, billing: page.billing, tableWrite: page.tableWrite });
				return { items: (page.results ?? []).map((result) => ({ ...result, ...extra })), next: page.meta?.hasMore && page.dedupeSessionId ? page.dedupeSessionId : undefined };
			},
			limit,
		);
		const results = sessionWalkOutput(context, walk, entity === 'contact' ? 'contacts' : 'companies');
		return [...failed, ...results.map((json) => ({ json, pairedItem }))];
	} catch (error) {
		if (!context.continueOnFail()) throw atItem.call(context, error, contributors[0] ?? 0);
		return [...failed, ...(contributors.length ? contributors : [0]).map((itemIndex) => errorItem(error as Error, itemIndex))];
	}
}
