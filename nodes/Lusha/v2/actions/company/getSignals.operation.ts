import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { getSignals, signalFields } from '../../families/signals';
import { saveToTableFields } from '../../helpers/tableClient';

export const description: INodeProperties[] = [...signalFields('company'), ...saveToTableFields('company', 'getSignals')];

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await getSignals(this, items, 'company', '/v3/companies/signals');
}
