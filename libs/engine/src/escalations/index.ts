export * from './acknowledge-escalation';
export * from './assess-deviations';
export * from './balance-restoration-tracking';
export * from './close-escalations';
export * from './escalation-error';
export * from './follow-up-escalation';
export * from './open-escalation';
export * from './reconcile-escalations';
