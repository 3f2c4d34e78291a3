// @rodtrad/domain: framework-free rules of the governance cycle. Import only from here.
export * from './domain-error';
export * from './glossary';

export * from './org/org-unit';
export * from './org/roles';
export * from './org/org-tree-of';
export * from './org/group-roles';
export * from './org/ownership';
export * from './org/company-assessment';

export * from './document-types/document-type-traits';
export * from './arshjul/document-types';
export * from './arshjul/document-creation';
export * from './arshjul/report-periods';
export * from './arshjul/due-instant';
export * from './arshjul/year-wheel';
export * from './arshjul/icalendar';
export * from './arshjul/deadline-firing';
export * from './arshjul/kf-information';
export * from './arshjul/document-phase';

export * from './demo/hallsberg-units';
export * from './demo/hallsberg-users';
export * from './demo/hallsberg';
export * from './demo/demo-year';

export * from './uppfoljning/budget-deviation';
export * from './uppfoljning/kronor-text';
export * from './uppfoljning/investment-deviation';
export * from './uppfoljning/ekonomi-migration';
export * from './uppfoljning/goal-fulfilment';
export * from './uppfoljning/goal-deviation';
export * from './uppfoljning/risk';
export * from './uppfoljning/internal-control';
export * from './uppfoljning/balance-requirement';
export * from './uppfoljning/financial-goals';
export * from './uppfoljning/municipal-report';
export * from './uppfoljning/balance-restoration';
export * from './uppfoljning/goal-rollup';

export * from './kolada/kolada-response';
export * from './kolada/kolada-link';
export * from './kolada/kolada-comparison';

export * from './escalations/escalation-kinds';
export * from './escalations/escalation-decision';
export * from './escalations/escalation-rules';

export * from './financial-import';

export * from './diarium/diarienummer';
export * from './audit/audit-chain';

export * from './publishing/form-outline';
export * from './publishing/format-value';
export * from './publishing/document-layout';
export * from './publishing/public-record';
export * from './publishing/mets-manifest';
