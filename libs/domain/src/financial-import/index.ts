export * from './amounts';
export * from './sie4';
export * from './table-import';
export * from './responsibility-mapping';
export * from './figures';
