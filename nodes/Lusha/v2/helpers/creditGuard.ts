/** The credit guard for version 2 (Lusha API V3): Lusha's documented V3 prices and the V3 balance. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Pricing, Usage } from '../../../shared/helpers/creditGuard';
import { CreditGuard } from '../../../shared/helpers/creditGuard';
import { lushaRequest } from '../../../shared/transport';

/**
 * Lusha's documented V3 prices (spec: billing notes, the usage example's `pricing`, the `canReveal`
 * examples). Waterfall reveals are billed at the providers' own rates, which Lusha does not publish:
 * unless the account's pricing lists them, they are counted at Lusha's price for the same field.
 */
export const DOCUMENTED_PRICES: Pricing = {
	api_search: { credits: 1, perQuantity: 25 },
	revealEmail: { credits: 1, perQuantity: 1 },
	revealPhone: { credits: 5, perQuantity: 1 },
	reveal_company: { credits: 1, perQuantity: 1 },
	employeesByDepartment: { credits: 1, perQuantity: 1 },
	employeesByLocation: { credits: 1, perQuantity: 1 },
	employeesBySeniority: { credits: 1, perQuantity: 1 },
	competitors: { credits: 1, perQuantity: 1 },
	intent: { credits: 1, perQuantity: 1 },
	estimatedAnnualItSpend: { credits: 1, perQuantity: 1 },
	monthlyWebsiteTraffic: { credits: 1, perQuantity: 1 },
	showSignalsContact: { credits: 1, perQuantity: 1 },
	showSignalsCompany: { credits: 1, perQuantity: 1 },
};

/** `GET /v3/account/usage`: the remaining credits and the account's prices (5 reads a minute; the transport paces them). */
export async function readUsage(context: IExecuteFunctions): Promise<Usage> {
	// Lusha documents `{credits, pricing, …}`; a live answer was seen wrapped in `usage`.
	const response = await lushaRequest<IDataObject>(context, { method: 'GET', path: '/v3/account/usage' });
	const body = (response.usage && typeof response.usage === 'object' ? response.usage : response) as IDataObject;
	const credits = (body.credits ?? {}) as IDataObject;
	const remaining = Number(credits.remaining ?? Number(credits.total) - Number(credits.used));
	if (!Number.isFinite(remaining)) {
		throw new NodeOperationError(context.getNode(), 'Could not read the remaining credits from Lusha’s account usage', {
			description: 'Stop When Remaining Credits Below needs GET /v3/account/usage. Remove that option, or check the API key’s access.',
		});
	}
	return { remaining, pricing: body.pricing && typeof body.pricing === 'object' ? (body.pricing as Pricing) : undefined };
}

/** The guard of a V3 operation, from its Options collection. */
export async function startCreditGuard(context: IExecuteFunctions): Promise<CreditGuard> {
	return await CreditGuard.start(context, async () => await readUsage(context), DOCUMENTED_PRICES);
}
