export * from './api-harness';
export * from './enhetsplan-data';
export * from './local-smtp';
export * from './worker-harness';
export * from './full-stack';
export * from './oidc-provider';
export * from './pdf-readback';
export * from './zip-reader';
