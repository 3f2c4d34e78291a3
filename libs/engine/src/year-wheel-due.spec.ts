import { defaultYearWheel } from '@rodtrad/domain';
import { dueAtFromWheel } from './year-wheel-due';

describe('dueAtFromWheel', () => {
  const wheel = defaultYearWheel(2027);
  const created = new Date('2027-03-10T09:00:00Z');

  it('gives the end of the due day in Stockholm for a fixed date', () => {
    // 31 January 2027 23:59:59 CET = 22:59:59 UTC
    expect(dueAtFromWheel(wheel, 'enhetsplan', null, created)?.toISOString()).toBe(
      '2027-01-31T22:59:59.000Z',
    );
  });

  it('picks the period of a monthly report', () => {
    // the February report is due 15 March
    expect(dueAtFromWheel(wheel, 'manadsrapport', '2027-02', created)?.toISOString()).toBe(
      '2027-03-15T22:59:59.000Z',
    );
  });

  it('counts an åtgärdsplan from the day it was created', () => {
    expect(dueAtFromWheel(wheel, 'atgardsplan', null, created)?.toISOString()).toBe(
      '2027-04-09T21:59:59.000Z',
    );
  });

  it('has no due moment for a key the wheel lacks', () => {
    expect(dueAtFromWheel(wheel, 'finns-inte', null, created)).toBeNull();
  });
});
