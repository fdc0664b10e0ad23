import type { IDataObject, IDisplayOptions } from 'n8n-workflow';

/** displayOptions that show a field only for one resource's operation(s). */
export function showFor(resource: string, operation: string | string[]): IDisplayOptions {
	return { show: { resource: [resource], operation: Array.isArray(operation) ? operation : [operation] } };
}

/** displayOptions for one operation, narrowed further by other fields' values (e.g. identifyBy). */
export function showForWith(resource: string, operation: string | string[], also: IDataObject): IDisplayOptions {
	return { show: { ...showFor(resource, operation).show, ...also } as IDisplayOptions['show'] };
}
