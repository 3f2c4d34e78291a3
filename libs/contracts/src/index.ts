export * from './auth.contract';
export * from './org-unit.contract';
export * from './paging';
export * from './user.contract';
export * from './json-schema';
export * from './document.contract';
