import {
  addDays,
  calendarDateIn,
  daysBetween,
  dueInstant,
  isIsoDate,
  parseIsoDate,
  zonedTimeToInstant,
} from './due-instant';

describe('calendar dates', () => {
  it('accepts only real calendar dates', () => {
    expect(isIsoDate('2027-02-28')).toBe(true);
    expect(isIsoDate('2028-02-29')).toBe(true);
    expect(isIsoDate('2027-02-29')).toBe(false);
    expect(isIsoDate('2027-2-28')).toBe(false);
    expect(isIsoDate(20270228)).toBe(false);
    expect(() => parseIsoDate('2027-13-01')).toThrow(expect.objectContaining({ code: 'date.invalid' }));
  });

  it('adds days across month and year ends', () => {
    expect(addDays('2027-05-20', 30)).toBe('2027-06-19');
    expect(addDays('2027-12-31', 1)).toBe('2028-01-01');
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29');
    expect(daysBetween('2027-05-20', '2027-06-19')).toBe(30);
    expect(daysBetween('2027-03-31', '2027-03-27')).toBe(-4);
  });
});

describe('dueInstant', () => {
  it('ends a winter day at 22:59:59 UTC', () => {
    expect(dueInstant('2027-01-15').toISOString()).toBe('2027-01-15T22:59:59.000Z');
  });

  it('ends a summer day at 21:59:59 UTC', () => {
    expect(dueInstant('2027-06-15').toISOString()).toBe('2027-06-15T21:59:59.000Z');
  });

  it('uses the offset in force at the end of the day on DST switch days', () => {
    // Sweden switches to summer time on 28 March 2027 and back on 31 October 2027.
    expect(dueInstant('2027-03-28').toISOString()).toBe('2027-03-28T21:59:59.000Z');
    expect(dueInstant('2027-10-31').toISOString()).toBe('2027-10-31T22:59:59.000Z');
    expect(dueInstant('2027-03-27').toISOString()).toBe('2027-03-27T22:59:59.000Z');
    expect(dueInstant('2027-10-30').toISOString()).toBe('2027-10-30T21:59:59.000Z');
  });

  it('handles wall times just after a DST switch and other zones', () => {
    expect(zonedTimeToInstant('2027-03-28', { hour: 3, minute: 30, second: 0 }).toISOString()).toBe(
      '2027-03-28T01:30:00.000Z',
    );
    expect(dueInstant('2027-07-01', 'UTC').toISOString()).toBe('2027-07-01T23:59:59.000Z');
    expect(() => dueInstant('2027-07-01', 'Mars/Olympus')).toThrow(
      expect.objectContaining({ code: 'date.invalid-time-zone' }),
    );
  });

  it('round-trips to the same Swedish calendar date', () => {
    expect(calendarDateIn(dueInstant('2027-12-31'))).toBe('2027-12-31');
    expect(calendarDateIn(new Date('2027-06-30T22:30:00Z'))).toBe('2027-07-01');
  });
});
