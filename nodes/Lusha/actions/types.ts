import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** One entry of a resource's Operation dropdown: its fields and how it runs over all input items. */
export interface LushaOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

/** displayOptions that show a field only for one resource's operation(s). */
export function showFor(resource: string, operation: string | string[]) {
	return { show: { resource: [resource], operation: Array.isArray(operation) ? operation : [operation] } };
}

/** displayOptions for one operation, narrowed further by other fields' values (e.g. identifyBy). */
export function showForWith(resource: string, operation: string, also: IDataObject) {
	return { show: { ...showFor(resource, operation).show, ...also } };
}

/** Contact or Company: the same choice in subscriptions and signal options. */
export function entityTypeField(resource: string, operation: string): INodeProperties {
	return {
		displayName: 'Entity Type',
		name: 'entityType',
		type: 'options',
		options: [
			{ name: 'Contact', value: 'contact' },
			{ name: 'Company', value: 'company' },
		],
		default: 'contact',
		displayOptions: showFor(resource, operation),
	};
}
