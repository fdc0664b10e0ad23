import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { lookalikeFields, runLookalike } from './find';

export const description: INodeProperties[] = lookalikeFields('contact');

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await runLookalike(this, items, 'contact', '/v3/lookalike/contacts');
}
