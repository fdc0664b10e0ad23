import { accountResource } from '../../../common/actions/account/accountResource';
import * as getUsage from './getUsage.operation';

export const { operations, description } = accountResource(getUsage);
