export * from './request';
export * from './batching';
export * from './pagination';
export { redact, lushaErrorMessage } from './errors';
