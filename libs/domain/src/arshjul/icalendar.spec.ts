import { escapeICalText, foldICalLine, toICalendar } from './icalendar';
import { YearWheelEntry, defaultYearWheel } from './year-wheel';

const octets = (text: string): number => new TextEncoder().encode(text).length;

/** RFC 5545 unfolding: remove every CRLF followed by one space or tab. */
const unfold = (text: string): string => text.replace(/\r\n[ \t]/g, '');

describe('toICalendar', () => {
  const generatedAt = new Date('2026-01-02T03:04:05Z');
  const wheel = defaultYearWheel(2027);
  const ics = toICalendar(wheel, {
    year: 2027,
    municipalityName: 'Hallsbergs kommun',
    url: 'https://styr.hallsberg.example/arshjul/2027',
    generatedAt,
  });
  const lines = ics.split('\r\n');

  it('is a VCALENDAR with CRLF line endings only', () => {
    expect(ics.startsWith('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:')).toBe(true);
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('folds every line to at most 75 octets', () => {
    for (const line of lines) expect(octets(line)).toBeLessThanOrEqual(75);
    expect(lines.some((line) => line.startsWith(' '))).toBe(true);
  });

  it('has one all-day event per dated entry with stable unique UIDs', () => {
    const dated = wheel.filter((entry) => entry.date !== null);
    const uids = unfold(ics)
      .split('\r\n')
      .filter((line) => line.startsWith('UID:'));
    expect(uids).toHaveLength(dated.length);
    expect(new Set(uids).size).toBe(uids.length);
    expect(uids).toContain('UID:arshjul-2027-manadsrapport-2027-02@hallsbergs-kommun.rodtrad');
    expect(uids).toContain('UID:arshjul-2027-gpf@hallsbergs-kommun.rodtrad');
    expect(ics.match(/BEGIN:VEVENT/g)).toHaveLength(dated.length);
    expect(ics.match(/END:VEVENT/g)).toHaveLength(dated.length);
    expect(ics).not.toContain('atgardsplan@');
  });

  it('writes Swedish summaries, exclusive all-day ends and the stamp', () => {
    const text = unfold(ics);
    expect(text).toContain('DTSTART;VALUE=DATE:20261231\r\nDTEND;VALUE=DATE:20270101');
    expect(text).toContain('SUMMARY;LANGUAGE=sv:Månadsrapport november 2027');
    expect(text).toContain('X-WR-CALNAME:Årshjul 2027 – Hallsbergs kommun');
    expect(text).toContain('DTSTAMP:20260102T030405Z');
    expect(text).toContain('URL:https://styr.hallsberg.example/arshjul/2027');
  });

  it('gives the same output for the same input', () => {
    expect(
      toICalendar(wheel, { year: 2027, municipalityName: 'Hallsbergs kommun', url: 'x', generatedAt }),
    ).toBe(toICalendar(wheel, { year: 2027, municipalityName: 'Hallsbergs kommun', url: 'x', generatedAt }));
  });

  it('escapes text values', () => {
    const entry: YearWheelEntry = {
      key: 'strategidag',
      documentType: null,
      title: 'Strategidag; politiker, tjänstemän',
      date: '2026-03-15',
      description: 'Rad 1\nRad 2 \\ slut',
    };
    const text = unfold(toICalendar([entry], { year: 2027, municipalityName: 'Örebro', generatedAt }));
    expect(text).toContain('SUMMARY;LANGUAGE=sv:Strategidag\\; politiker\\, tjänstemän');
    expect(text).toContain('DESCRIPTION;LANGUAGE=sv:Rad 1\\nRad 2 \\\\ slut');
    expect(text).toContain('UID:arshjul-2027-strategidag@orebro.rodtrad');
  });
});

describe('iCalendar text helpers', () => {
  it('escapes backslash first so escapes are not doubled', () => {
    expect(escapeICalText('a\\b;c,d\r\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('folds by octets without splitting multibyte characters', () => {
    const line = `SUMMARY:${'å'.repeat(100)}`;
    const folded = foldICalLine(line);
    const parts = folded.split('\r\n');
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(octets(part)).toBeLessThanOrEqual(75);
    expect(unfold(folded)).toBe(line);
    expect(foldICalLine('SHORT:x')).toBe('SHORT:x');
    expect(foldICalLine('X'.repeat(75))).toBe('X'.repeat(75));
    expect(foldICalLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
  });
});
