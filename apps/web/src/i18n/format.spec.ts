import { formatDate, formatDateTime, formatNumber, formatSum } from './format';
import { interpolate, stateLabel, t } from './t';

const NBSP = '\u00a0';

describe('formatSum', () => {
  it('writes kronor the Swedish way, with non-breaking spaces', () => {
    expect(formatSum(1234567)).toBe(`1${NBSP}234${NBSP}567${NBSP}kr`);
  });

  it('rounds to whole kronor and keeps the minus sign', () => {
    expect(formatSum(-2500.6)).toMatch(/^[-−]2\u00a0501\u00a0kr$/);
  });

  it('leaves missing values empty', () => {
    expect(formatSum(null)).toBe('');
    expect(formatSum(Number.NaN)).toBe('');
  });
});

describe('dates', () => {
  it('formats a date as ÅÅÅÅ-MM-DD in Stockholm time', () => {
    // 23:30 UTC on 31 December is already New Year's Day in Stockholm.
    expect(formatDate('2025-12-31T23:30:00Z')).toBe('2026-01-01');
  });

  it('formats a date and time with a Swedish month name', () => {
    expect(formatDateTime('2025-03-14T09:32:00Z')).toBe('14 mars 2025 10:32');
  });

  it('ignores values that are not dates', () => {
    expect(formatDate('not a date')).toBe('');
    expect(formatDate(undefined)).toBe('');
  });
});

describe('numbers and strings', () => {
  it('uses a decimal comma', () => {
    expect(formatNumber(1234.5)).toBe(`1${NBSP}234,5`);
  });

  it('fills placeholders and leaves unknown ones', () => {
    expect(interpolate('{a} och {b}', { a: 1 })).toBe('1 och {b}');
    expect(t('status.title', { year: 2026 })).toBe('Inlämningsstatus 2026');
  });

  it('falls back to a readable label for an unknown state', () => {
    expect(stateLabel('approved')).toBe('Godkänd');
    expect(stateLabel('waiting_for_ks')).toBe('Waiting for ks');
  });
});
