import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeTo } from '../../common/actions/router';
import { resources } from './resources';

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeTo.call(this, resources);
}
