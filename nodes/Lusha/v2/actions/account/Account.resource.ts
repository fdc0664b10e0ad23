import { accountResource } from '../../../common/actions/account/Account.resource';
import * as getUsage from './getUsage.operation';

export const { operations, description } = accountResource(getUsage);
