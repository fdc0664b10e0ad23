import * as account from './account/Account.resource';
import * as auditLog from '../../common/actions/auditLog/AuditLog.resource';
import * as subscription from '../../common/actions/subscription/Subscription.resource';
import type { LushaResource } from '../../common/actions/types';

/** Every resource of version 2 (Lusha API V3), in dropdown order; adding one is one import and one line here. */
export const resources: Record<string, LushaResource> = {
	subscription: { name: 'Webhook Subscription', ...subscription },
	auditLog: { name: 'Audit Log', ...auditLog },
	account: { name: 'Account', ...account },
};
