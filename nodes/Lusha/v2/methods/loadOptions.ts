import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { loadSignalTypes } from '../../../shared/api/signalCatalogue';
import type { CatalogueBase } from '../families/prospecting/catalogues';
import { catalogue, catalogueOptions, fetchCatalogue, industryOf } from '../families/prospecting/catalogues';

export { getAllSignalTypes, getSignalTypes } from '../../../shared/api/signalCatalogue';

/** A dropdown straight from one of Lusha's V3 filter catalogues. */
const fromCatalogue = (base: CatalogueBase, filterType: string) =>
	async function (this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await catalogueOptions(this, base, filterType);
	};

export const getContactDepartments = fromCatalogue('/v3/contacts/prospecting/filters', 'departments');
export const getContactSeniorities = fromCatalogue('/v3/contacts/prospecting/filters', 'seniority');
export const getContactDataPoints = fromCatalogue('/v3/contacts/prospecting/filters', 'existingDataPoints');
export const getContactCountries = fromCatalogue('/v3/contacts/prospecting/filters', 'countries');
export const getCompanySizes = fromCatalogue('/v3/companies/prospecting/filters', 'sizes');
export const getCompanyRevenues = fromCatalogue('/v3/companies/prospecting/filters', 'revenues');
export const getCompanySics = fromCatalogue('/v3/companies/prospecting/filters', 'sics');
export const getCompanyNaics = fromCatalogue('/v3/companies/prospecting/filters', 'naics');
export const getCompanyIntentTopics = fromCatalogue('/v3/companies/prospecting/filters', 'intentTopics');
export const getCompanyIndustryLabels = fromCatalogue('/v3/companies/prospecting/filters', 'industriesLabels');
export const getNewsEventTypes = fromCatalogue('/v3/companies/signals/filters', 'newsEventTypes');
export const getHiringDepartments = fromCatalogue('/v3/companies/signals/filters', 'hiringByDepartments');
export const getIntentCategories = fromCatalogue('/v3/companies/signals/filters', 'intentCategories');

async function industries(context: ILoadOptionsFunctions) {
	return (await fetchCatalogue(context, catalogue('/v3/companies/prospecting/filters', 'industriesLabels'))).map(industryOf);
}

/** `mainIndustriesIds` take the industries' integer IDs. */
export async function getCompanyMainIndustries(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await industries(this)).map((industry) => ({ name: industry.name, value: industry.id }));
}

/** Sub-industries come nested in the industry list; each is labelled with its industry, since names repeat ("Other"). */
export async function getCompanySubIndustries(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await industries(this)).flatMap((industry) => industry.subIndustries.map((sub) => ({ name: `${industry.name} › ${sub.name}`, value: sub.id })));
}

export async function getContactSignalTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await loadSignalTypes(this, 'contact', { path: '/v3/contacts/signals/types', field: 'signalTypes' });
}

export async function getCompanySignalTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await loadSignalTypes(this, 'company', { path: '/v3/companies/signals/types', field: 'signalTypes' });
}
