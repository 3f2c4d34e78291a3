import { refuseIfStoredWithWarnings } from './insert-ignore';

describe('refuseIfStoredWithWarnings', () => {
  it('lets a clean insert and an ignored duplicate through, and refuses a row stored with warnings', () => {
    expect(() =>
      refuseIfStoredWithWarnings({ affectedRows: 1, warningStatus: 0 }, 'escalation'),
    ).not.toThrow();
    expect(() =>
      refuseIfStoredWithWarnings({ affectedRows: 0, warningStatus: 1 }, 'escalation'),
    ).not.toThrow();
    expect(() => refuseIfStoredWithWarnings({ affectedRows: 1, warningStatus: 1 }, 'escalation')).toThrow(
      /escalation would have been stored altered/,
    );
  });
});
