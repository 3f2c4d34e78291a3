export * from './api-harness';
export * from './local-smtp';
export * from './isolated-stack';
