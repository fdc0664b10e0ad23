import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { fetchFilter, filterEndpoint, filterOptions } from '../helpers/filterEndpoints';
import { loadSignalTypes } from '../../../shared/api/signalCatalogue';
import { lushaRequest } from '../../../shared/transport';

export { getAllSignalTypes, getSignalTypes } from '../../../shared/api/signalCatalogue';

export async function getContactSignalTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await loadSignalTypes(this, 'contact');
}

export async function getCompanySignalTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await loadSignalTypes(this, 'company');
}

async function companySignalFilterOptions(context: ILoadOptionsFunctions, key: 'newsEventTypes' | 'hiringByDepartments') {
	const response = await lushaRequest<{ filterOptions?: IDataObject }>(context, { method: 'GET', path: '/api/signals/filters/company' });
	const values = (response.filterOptions?.[key] as string[] | undefined) ?? [];
	return values.map((value) => ({ name: String(value), value: String(value) }));
}

export async function getNewsEventTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await companySignalFilterOptions(this, 'newsEventTypes');
}

export async function getHiringDepartments(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await companySignalFilterOptions(this, 'hiringByDepartments');
}

// Prospecting dropdowns, each straight from Lusha's own filter list.
const fromFilter = (value: string) =>
	async function (this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
		return await filterOptions(this, value);
	};

export const getContactDepartments = fromFilter('contactDepartments');
export const getContactSeniority = fromFilter('contactSeniority');
export const getContactDataPoints = fromFilter('contactDataPoints');
export const getContactCountries = fromFilter('contactCountries');
export const getCompanyIndustries = fromFilter('companyIndustries');
export const getCompanySizes = fromFilter('companySizes');
export const getCompanyRevenues = fromFilter('companyRevenues');
export const getCompanySics = fromFilter('companySics');
export const getCompanyNaics = fromFilter('companyNaics');
export const getCompanyIntentTopics = fromFilter('companyIntentTopics');

/** Sub-industries come nested in the industry list; each is labelled with its industry. */
export async function getCompanySubIndustries(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const industries = (await fetchFilter(this, filterEndpoint('companyIndustries'))) as IDataObject[];
	return industries.flatMap((industry) =>
		((industry.sub_industries as IDataObject[] | undefined) ?? []).map((sub) => ({ name: `${industry.main_industry} › ${sub.value}`, value: Number(sub.id) })),
	);
}
