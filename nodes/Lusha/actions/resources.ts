import type { INodeProperties } from 'n8n-workflow';

import * as account from './account/Account.resource';
import type { LushaOperation } from './types';

interface LushaResource {
	name: string;
	description: INodeProperties[];
	operations: Record<string, LushaOperation>;
}

/** Every resource of the node; adding one is one import and one line here. */
export const resources: Record<string, LushaResource> = {
	account: { name: 'Account', ...account },
};
