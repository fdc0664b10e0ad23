import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import * as listSearch from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';

export class Lusha implements INodeType {
	description: INodeTypeDescription = {
		...versionDescription,
		icon: { light: 'file:../../icons/lusha.svg', dark: 'file:../../icons/lusha.dark.svg' },
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		usableAsTool: true,
	};

	methods = { loadOptions, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
