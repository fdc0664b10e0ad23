export { searchSubscriptions } from '../../common/methods/searchSubscriptions';
