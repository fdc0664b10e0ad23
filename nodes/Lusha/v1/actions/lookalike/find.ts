import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { compact, returnAllOrLimit, wantedCount } from '../../../../shared/helpers/fields';
import { parseList } from '../../../../shared/helpers/input';
import { integerIds } from '../../../../shared/helpers/input';
import { lushaRequest, paginate } from '../../../../shared/transport';

export type LookalikeKind = 'contact' | 'company';

interface SeedRow {
	name: string;
	displayName: string;
	apiKey: string;
	placeholder: string;
	integers?: boolean;
}

const SEEDS: Record<LookalikeKind, SeedRow[]> = {
	contact: [
		{ name: 'seedEmails', displayName: 'Seed Emails', apiKey: 'emails', placeholder: 'ceo@acme.com' },
		{ name: 'seedLinkedinUrls', displayName: 'Seed LinkedIn URLs', apiKey: 'linkedinUrls', placeholder: 'https://www.linkedin.com/in/…' },
		{ name: 'seedContactIds', displayName: 'Seed Lusha Person IDs', apiKey: 'contactIds', placeholder: '4158887495', integers: true },
	],
	company: [
		{ name: 'seedDomains', displayName: 'Seed Domains', apiKey: 'domains', placeholder: 'acme.com' },
		{ name: 'seedLinkedinUrls', displayName: 'Seed LinkedIn URLs', apiKey: 'linkedinUrls', placeholder: 'https://www.linkedin.com/company/…' },
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
				...SEEDS[kind].map((row): INodeProperties => ({ displayName: row.displayName.replace('Seed', 'Exclude'), name: `exclude${row.apiKey[0].toUpperCase()}${row.apiKey.slice(1)}`, type: 'string', default: '', placeholder: row.placeholder })),
				{
					displayName: 'Session ID',
					name: 'dedupeSessionId',
					type: 'string',
					default: '',
					description: 'A dedupeSessionId from an earlier run: Lusha then returns only results it has not returned in that session (kept for 30 days)',
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
 * Seeds from every input item go into one lookalike search. Each call asks for up to 100; Return
 * All keeps asking with Lusha's dedupeSessionId while it says there is more, so nothing repeats.
 */
export async function runLookalike(context: IExecuteFunctions, items: INodeExecutionData[], kind: LookalikeKind): Promise<INodeExecutionData[]> {
	const seeds: IDataObject = {};
	const exclude: IDataObject = {};
	const options = context.getNodeParameter('lookalikeOptions', 0, {}) as IDataObject;
	for (const row of SEEDS[kind]) {
		const values = new Set<string>();
		items.forEach((_item, itemIndex) => parseList(context.getNodeParameter(row.name, itemIndex, '')).forEach((v) => values.add(v)));
		const list = [...values];
		if (list.length) seeds[row.apiKey] = row.integers ? integerIds(context, list, row.displayName, 0) : list;
		const excluded = parseList(options[`exclude${row.apiKey[0].toUpperCase()}${row.apiKey.slice(1)}`]);
		if (excluded.length) exclude[row.apiKey] = row.integers ? integerIds(context, excluded, row.displayName.replace('Seed', 'Exclude'), 0) : excluded;
	}
	if (Object.keys(seeds).length === 0) {
		throw new NodeOperationError(context.getNode(), `No seeds: fill at least one of ${SEEDS[kind].map((r) => r.displayName).join(', ')}`, { itemIndex: 0 });
	}
	const limit = wantedCount(context, 0);
	const pairedItem = items.map((_item, item) => ({ item }));
	const results = await paginate<IDataObject, string>(
		String(options.dedupeSessionId ?? ''),
		async (sessionId, remaining) => {
			const page = await lushaRequest<LookalikePage>(context, {
				method: 'POST',
				path: `/v3/lookalike/${kind === 'contact' ? 'contacts' : 'companies'}`,
				body: compact({ dedupeSessionId: sessionId || undefined, seeds, exclude: Object.keys(exclude).length ? exclude : undefined, limit: Math.min(100, remaining) }),
				statusHints: { 410: 'The lookalike session has expired (Lusha keeps them 30 days). Clear Options → Session ID to start a new one.' },
			});
			const found = (page.results ?? []).map((result) => ({ ...result, dedupeSessionId: page.dedupeSessionId ?? null, creditsCharged: page.creditsCharged ?? page.billing?.creditsCharged ?? null }));
			return { items: found, next: page.meta?.hasMore && page.dedupeSessionId ? page.dedupeSessionId : undefined };
		},
		limit,
	);
	return results.map((json) => ({ json, pairedItem }));
}
