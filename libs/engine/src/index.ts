export * from './definition-store';
export * from './document-engine';
export * from './document-facts';
export * from './engine-error';
export * from './ports';
export * from './year-wheel-due';
export * from './engine-factory';
