import type { INodeProperties } from 'n8n-workflow';

import * as account from './account/Account.resource';
import * as auditLog from './auditLog/AuditLog.resource';
import * as subscription from './subscription/Subscription.resource';
import type { LushaOperation } from './types';

interface LushaResource {
	name: string;
	description: INodeProperties[];
	operations: Record<string, LushaOperation>;
}

/** Every resource of the node, in dropdown order; adding one is one import and one line here. */
export const resources: Record<string, LushaResource> = {
	subscription: { name: 'Subscription', ...subscription },
	auditLog: { name: 'Audit Log', ...auditLog },
	account: { name: 'Account', ...account },
};
