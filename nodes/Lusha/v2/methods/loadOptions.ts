export { getSignalTypes } from '../../../shared/api/signalCatalogue';
