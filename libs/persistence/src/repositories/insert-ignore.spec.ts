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

  it('counts one warning per ignored duplicate in a many-row insert, and refuses any beyond them', () => {
    // 5 rows, 3 inserted: 2 duplicates may leave 2 warnings.
    expect(() =>
      refuseIfStoredWithWarnings({ affectedRows: 3, warningStatus: 2 }, 'deadline', 5),
    ).not.toThrow();
    expect(() => refuseIfStoredWithWarnings({ affectedRows: 3, warningStatus: 3 }, 'deadline', 5)).toThrow(
      /3 warning\(s\) for 2 duplicate\(s\) of 5 row\(s\)/,
    );
  });
});
