export * from './kolada-client';
export * from './kolada-sync';
export * from './kolada-indicators';
