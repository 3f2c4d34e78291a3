export * from './risk-matrix-settings';
export * from './internal-control-follow-up';
