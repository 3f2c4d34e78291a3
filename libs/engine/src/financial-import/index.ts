export * from './file-lines';
export * from './import-financial-figures';
export * from './financial-import-admin';
