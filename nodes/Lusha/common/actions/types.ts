import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

/** One entry of a resource's Operation dropdown: its fields and how it runs over all input items. */
export interface LushaOperation {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

/** One entry of the Resource dropdown: its operations, in dropdown order. */
export interface LushaResource {
	name: string;
	description: INodeProperties[];
	operations: Record<string, LushaOperation>;
}
