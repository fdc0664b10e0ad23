import * as account from './account/Account.resource';
import * as auditLog from '../../common/actions/auditLog/AuditLog.resource';
import * as company from './company/Company.resource';
import * as contact from './contact/Contact.resource';
import * as filter from './filter/Filter.resource';
import * as subscription from '../../common/actions/subscription/Subscription.resource';
import * as table from './table/Table.resource';
import type { LushaResource } from '../../common/actions/types';

/** Every resource of version 2 (Lusha API V3), in dropdown order; adding one is one import and one line here. */
export const resources: Record<string, LushaResource> = {
	contact: { name: 'Contact', ...contact },
	company: { name: 'Company', ...company },
	table: { name: 'Table', ...table },
	filter: { name: 'Filter', ...filter },
	subscription: { name: 'Webhook Subscription', ...subscription },
	auditLog: { name: 'Audit Log', ...auditLog },
	account: { name: 'Account', ...account },
};
