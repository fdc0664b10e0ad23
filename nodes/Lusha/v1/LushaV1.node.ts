import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { lushaBaseDescription, lushaIcon, lushaSubtitle } from '../common/baseDescription';
import { router } from './actions/router';
import { versionDescription } from './actions/versionDescription';
import * as listSearch from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';

export class LushaV1 implements INodeType {
	description: INodeTypeDescription = {
		...lushaBaseDescription,
		...versionDescription,
		icon: lushaIcon,
		subtitle: lushaSubtitle,
		usableAsTool: true,
	};

	methods = { loadOptions, listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
