import * as account from './account/Account.resource';
import * as auditLog from '../../common/actions/auditLog/AuditLog.resource';
import * as company from './company/Company.resource';
import * as filter from './filter/Filter.resource';
import * as lookalike from './lookalike/Lookalike.resource';
import * as person from './person/Person.resource';
import * as prospecting from './prospecting/Prospecting.resource';
import * as signal from './signal/Signal.resource';
import * as subscription from '../../common/actions/subscription/Subscription.resource';
import type { LushaResource } from '../../common/actions/types';

/** Every resource of the node, in dropdown order; adding one is one import and one line here. */
export const resources: Record<string, LushaResource> = {
	person: { name: 'Person', ...person },
	company: { name: 'Company', ...company },
	prospecting: { name: 'Prospecting', ...prospecting },
	signal: { name: 'Signal', ...signal },
	lookalike: { name: 'Lookalike', ...lookalike },
	filter: { name: 'Filter', ...filter },
	subscription: { name: 'Subscription', ...subscription },
	auditLog: { name: 'Audit Log', ...auditLog },
	account: { name: 'Account', ...account },
};
