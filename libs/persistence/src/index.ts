export * from './entities';
export * from './migrations';
export * from './connection-errors';
export * from './data-source.factory';
export * from './repositories';
export * from './named-lock';
export * from './audit-keyring';
