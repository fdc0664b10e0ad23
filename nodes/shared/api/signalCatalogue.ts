import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import type { LushaContext } from '../transport';
import { lushaRequest } from '../transport';

export type EntityType = 'contact' | 'company';

/**
 * Lusha's documented signal types, used when the live list cannot be loaded (no Signals add-on,
 * offline editor). "All Signals" leads each list because it is what most users want.
 */
export const SIGNAL_CATALOGUE: Record<EntityType, INodePropertyOptions[]> = {
	contact: [
		{ name: 'All Signals', value: 'allSignals' },
		{ name: 'Company Change', value: 'companyChange', description: 'The person moved to another company' },
		{ name: 'Promotion', value: 'promotion', description: 'The person was promoted' },
	],
	company: [
		{ name: 'All Signals', value: 'allSignals' },
		{ name: 'Commercial Activity News', value: 'commercialActivityNews' },
		{ name: 'Corporate Strategy News', value: 'corporateStrategyNews' },
		{ name: 'Financial Events News', value: 'financialEventsNews', description: 'Funding rounds, IPOs, acquisitions' },
		{ name: 'Headcount Decrease (1 Month)', value: 'headcountDecrease1m' },
		{ name: 'Headcount Decrease (12 Months)', value: 'headcountDecrease12m' },
		{ name: 'Headcount Decrease (3 Months)', value: 'headcountDecrease3m' },
		{ name: 'Headcount Decrease (6 Months)', value: 'headcountDecrease6m' },
		{ name: 'Headcount Increase (1 Month)', value: 'headcountIncrease1m' },
		{ name: 'Headcount Increase (12 Months)', value: 'headcountIncrease12m' },
		{ name: 'Headcount Increase (3 Months)', value: 'headcountIncrease3m' },
		{ name: 'Headcount Increase (6 Months)', value: 'headcountIncrease6m' },
		{ name: 'IT Spend Decrease', value: 'itSpendDecrease' },
		{ name: 'IT Spend Increase', value: 'itSpendIncrease' },
		{ name: 'Market Intelligence News', value: 'marketIntelligenceNews' },
		{ name: 'People News', value: 'peopleNews', description: 'Executive hires, departures and promotions' },
		{ name: 'Product Activity News', value: 'productActivityNews' },
		{ name: 'Risk News', value: 'riskNews', description: 'Lawsuits, security issues, closures' },
		{ name: 'Surge in Hiring', value: 'surgeInHiring' },
		{ name: 'Surge in Hiring by Department', value: 'surgeInHiringByDepartment' },
		{ name: 'Surge in Hiring by Location', value: 'surgeInHiringByLocation' },
		{ name: 'Website Traffic Decrease', value: 'websiteTrafficDecrease' },
		{ name: 'Website Traffic Increase', value: 'websiteTrafficIncrease' },
	],
};

/** "headcountIncrease3m" → "Headcount Increase 3m", for signal types the catalogue does not know yet. */
function labelFor(value: string): string {
	const words = value.replace(/([a-z])([A-Z0-9])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
	return words.replace(/\bIt\b/g, 'IT');
}

/** Signal types Lusha listed, as dropdown options: the catalogue's labels where known, "All Signals" first. */
export function signalTypeOptions(entityType: EntityType, live: string[]): INodePropertyOptions[] {
	const catalogue = SIGNAL_CATALOGUE[entityType];
	if (live.length === 0) return catalogue;
	const known = new Map(catalogue.map((option) => [option.value, option]));
	const options = live.map((value) => known.get(value) ?? { name: labelFor(value), value });
	return options.sort((a, b) => (a.value === 'allSignals' ? -1 : b.value === 'allSignals' ? 1 : a.name.localeCompare(b.name)));
}

/**
 * The signal types Lusha offers this account, live, with the documented catalogue as fallback. API v2
 * lists them at `/api/signals/filters/<entity>` under `signals`; a caller of another API names its own
 * path and field (V3: `/v3/contacts/signals/types`, `signalTypes`).
 */
export async function loadSignalTypes(
	context: LushaContext,
	entityType: EntityType,
	source: { path: string; field: string } = { path: `/api/signals/filters/${entityType}`, field: 'signals' },
): Promise<INodePropertyOptions[]> {
	try {
		const response = await lushaRequest<Record<string, string[] | undefined>>(context, { method: 'GET', path: source.path });
		return signalTypeOptions(entityType, response[source.field] ?? []);
	} catch {
		// Signals may not be on the plan, or the editor may be offline: the catalogue still lets users pick.
		return SIGNAL_CATALOGUE[entityType];
	}
}

/** loadOptions for a Signal Types field that follows the node's Entity Type field. */
export async function getSignalTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await loadSignalTypes(this, (this.getCurrentNodeParameter('entityType') as EntityType) ?? 'contact');
}

/** Contact and company signal types together, where the entity type is not known (subscription update). */
export async function getAllSignalTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const [contact, company] = await Promise.all([loadSignalTypes(this, 'contact'), loadSignalTypes(this, 'company')]);
	return [...new Map([...contact, ...company].map((option) => [option.value, option])).values()];
}
