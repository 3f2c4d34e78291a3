export * from './admin-audit.repository';
export * from './org-unit.repository';
export * from './session.repository';
export * from './user.repository';
