import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import type { EntityType } from '../shared/signalCatalogue';
import { loadSignalTypes } from '../shared/signalCatalogue';

export async function getSignalTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await loadSignalTypes(this, (this.getCurrentNodeParameter('entityType') as EntityType) ?? 'contact');
}

/** Contact and company signal types together, for places where the entity type is not known. */
export async function getAllSignalTypes(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const [contact, company] = await Promise.all([loadSignalTypes(this, 'contact'), loadSignalTypes(this, 'company')]);
	const all = new Map([...contact, ...company].map((option) => [option.value, option]));
	return [...all.values()];
}
