export * from './connection';
export * from './queues';
export * from './queue-namespace';
export * from './add-jobs-once';
export * from './job-data';
