/**
 * Pay Only for Matches, Search and Enrich's default: search first (no reveal charge), then enrich only
 * the IDs that matched and can reveal what was asked, priced at their exact `canReveal` credits.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { EntityType } from '../../../../shared/api/signalCatalogue';
import { showFor } from '../../../../shared/helpers/display';
import type { WorstCase } from '../../../../shared/helpers/creditGuard';
import { compact } from '../../../../shared/helpers/fields';
import { pairedIndex } from '../../../../shared/helpers/items';
import type { BulkCall } from '../../helpers/bulkEngine';
import { addSpendHint, newSpend, runBulk } from '../../helpers/bulkEngine';
import { identityOf } from '../../helpers/identity';
import { companyReveal, companyRevealCost, contactReveal, searchCall, shapeOf, startCreditGuard } from './run';

const PAY_ONLY_FOR_MATCHES_HINT =
	'Search first (no reveal charge), then reveal only the matches that have what you asked for. Unmatched items cost nothing and the credit budget counts exact prices instead of the worst case. It makes two calls per 100 items instead of one: turn it off when request volume matters more than the budget.';

/** Search and Enrich's choice between one search-and-enrich call and search, then enrich the matches. */
export function payOnlyForMatchesField(entity: EntityType): INodeProperties {
	const what = entity === 'contact' ? 'reveal only the contacts that matched and have what you asked for' : 'enrich only the companies that matched';
	return {
		displayName: 'Pay Only for Matches',
		name: 'payOnlyForMatches',
		type: 'boolean',
		default: true,
		description: `Whether to search first and ${what}`,
		hint: PAY_ONLY_FOR_MATCHES_HINT,
		displayOptions: showFor(entity, 'searchAndEnrich'),
	};
}

function byItem(output: INodeExecutionData[], count: number): INodeExecutionData[][] {
	const grouped: INodeExecutionData[][] = Array.from({ length: count }, () => []);
	for (const item of output) grouped[pairedIndex(item)].push(item);
	return grouped;
}

/** The fields a matched preview can reveal, of those asked: `canReveal` lists what Lusha has for it. */
function revealable(preview: IDataObject, asked: string[]): string[] {
	const offered = new Set(((preview.canReveal as IDataObject[] | undefined) ?? []).map((entry) => entry.field as string));
	return asked.filter((field) => offered.has(field));
}

/** Exact credits of revealing `fields` for a matched preview, from its `canReveal` (0 when already revealed). */
function canRevealCredits(preview: IDataObject, fields: string[]): number {
	return ((preview.canReveal as IDataObject[] | undefined) ?? []).filter((entry) => fields.includes(entry.field as string)).reduce((sum, entry) => sum + Number(entry.credits ?? 0), 0);
}

/** Search, then enrich the matches; one item per input item with the two calls' billing added up. */
export async function payOnlyForMatches(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	entity: EntityType,
	paths: { search: string; enrich: string },
): Promise<INodeExecutionData[]> {
	const guard = await startCreditGuard(this);
	const shape = shapeOf(this, entity);
	const spend = newSpend();
	try {
		const searched = byItem(await runBulk.call(this, items, { ...searchCall(this, entity, paths.search, guard), spend }), items.length);
		// Each item's one matched preview and the fields it will reveal.
		const matches = new Map<number, { preview: IDataObject; reveal: string[] }>();
		searched.forEach((outputs, itemIndex) => {
			const preview = outputs.length === 1 ? outputs[0].json : undefined;
			if (!preview || preview.found !== true || typeof preview.id !== 'string') return;
			const reveal = entity === 'company' ? [] : revealable(preview, contactReveal(this, itemIndex));
			if (entity === 'company' || reveal.length) matches.set(itemIndex, { preview, reveal });
		});
		const previewOf = new Map([...matches.values()].map(({ preview }) => [preview.id as string, preview]));
		const inputOf = new Map([...matches.entries()].map(([itemIndex, { preview }]) => [preview.id as string, identityOf(entity)(this, itemIndex)]));
		const worstCase: WorstCase<string> = (ids, extras) =>
			entity === 'company'
				? ids.length * companyRevealCost(guard.pricing, (extras.reveal as string[] | undefined) ?? [])
				: ids.reduce((sum, id) => sum + canRevealCredits(previewOf.get(id) ?? {}, extras.reveal as string[]), 0);
		const enrichCall: BulkCall<string> = {
			path: paths.enrich,
			bodyKey: 'ids',
			prepare: (itemIndex) => (matches.has(itemIndex) ? [matches.get(itemIndex)?.preview.id as string] : []),
			// Only what Lusha itself has: the waterfall would reveal (and bill) beyond the preview.
			bodyExtras: (itemIndex) => (entity === 'contact' ? { reveal: matches.get(itemIndex)?.reveal ?? [], waterfallEnabled: false } : compact({ reveal: companyReveal(this, itemIndex) })),
			output: shape,
			identifiers: (id) => ({ ...inputOf.get(id), id }),
			sameIdentityOnce: true,
			gate: guard.gate(worstCase),
			spend,
		};
		const enriched = byItem(await runBulk.call(this, items, enrichCall), items.length);
		return searched.flatMap((outputs, itemIndex) => {
			const revealed = enriched[itemIndex];
			if (revealed.length === 0) {
				// Unmatched, refused, or matched with nothing to reveal: the search's answer, shaped like the others.
				return outputs.map((item) => (item.json.found === true ? { ...item, json: { ...shape(item.json), found: true, billing: item.json.billing } } : item));
			}
			const searchBilling = (outputs[0]?.json.billing ?? {}) as IDataObject;
			return revealed.map((item) => {
				const enrichBilling = (item.json.billing ?? {}) as IDataObject;
				const searchCredits = Number(searchBilling.creditsCharged ?? 0);
				const enrichCredits = Number(enrichBilling.creditsCharged ?? 0);
				return { ...item, json: { ...item.json, billing: { creditsCharged: searchCredits + enrichCredits, searchCreditsCharged: searchCredits, enrichCreditsCharged: enrichCredits } } };
			});
		});
	} finally {
		if (spend.calls > 0) addSpendHint(this, spend);
	}
}
