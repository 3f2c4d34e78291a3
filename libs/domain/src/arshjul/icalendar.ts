import { addDays } from './due-instant';
import { YearWheelEntry } from './year-wheel';

export interface ICalendarOptions {
  /** The budget year the wheel belongs to; part of every UID. */
  year: number;
  municipalityName: string;
  /** Link back to the application, added to every event. */
  url?: string;
  /** DTSTAMP of every event; pass the clock's now for a fresh export, a fixed value for stable output. */
  generatedAt?: Date;
}

const CRLF = '\r\n';
const MAX_LINE_OCTETS = 75;

/** RFC 5545 §3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT values. */
export function escapeICalText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * RFC 5545 §3.1: lines longer than 75 octets are folded with CRLF + one space. Counted in UTF-8
 * octets, and never inside a character, since Swedish å, ä, ö take two octets each.
 */
export function foldICalLine(line: string): string {
  const encoder = new TextEncoder();
  const pieces: string[] = [];
  let current = '';
  let currentOctets = 0;
  let limit = MAX_LINE_OCTETS;
  for (const char of line) {
    const octets = encoder.encode(char).length;
    if (currentOctets + octets > limit) {
      pieces.push(current);
      current = '';
      currentOctets = 0;
      // Continuation lines start with a space, which counts against their 75 octets.
      limit = MAX_LINE_OCTETS - 1;
    }
    current += char;
    currentOctets += octets;
  }
  pieces.push(current);
  return pieces.join(`${CRLF} `);
}

/** A lowercase ASCII token for UIDs: "Hallsbergs kommun" → "hallsbergs-kommun". */
function slug(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'kommun'
  );
}

function compactDate(date: string): string {
  return date.replace(/-/g, '');
}

function utcStamp(date: Date): string {
  return `${date.toISOString().replace(/[-:]/g, '').slice(0, 15)}Z`;
}

/**
 * The year wheel as an iCalendar feed: one all-day VEVENT per dated entry (relative entries such
 * as the åtgärdsplan have no day and are left out). UIDs depend only on municipality, year, key
 * and period, so a re-exported feed updates events in subscribers' calendars instead of
 * duplicating them.
 */
export function toICalendar(wheel: readonly YearWheelEntry[], options: ICalendarOptions): string {
  const stamp = utcStamp(options.generatedAt ?? new Date());
  const domain = `${slug(options.municipalityName)}.rodtrad`;
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Rodtrad//Arshjul//SV',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeICalText(`Årshjul ${options.year} – ${options.municipalityName}`)}`,
    'X-WR-TIMEZONE:Europe/Stockholm',
  ];
  for (const entry of wheel) {
    if (entry.date === null) continue;
    const uidPart = entry.period ? `${entry.key}-${entry.period}` : entry.key;
    lines.push(
      'BEGIN:VEVENT',
      `UID:arshjul-${options.year}-${slug(uidPart)}@${domain}`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDate(entry.date)}`,
      // DTEND of an all-day event is exclusive: the day after.
      `DTEND;VALUE=DATE:${compactDate(addDays(entry.date, 1))}`,
      `SUMMARY;LANGUAGE=sv:${escapeICalText(entry.title)}`,
    );
    if (entry.description) lines.push(`DESCRIPTION;LANGUAGE=sv:${escapeICalText(entry.description)}`);
    if (entry.documentType) lines.push(`CATEGORIES:${escapeICalText(entry.documentType)}`);
    if (options.url) lines.push(`URL:${options.url}`);
    lines.push('TRANSP:TRANSPARENT', 'END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.map(foldICalLine).join(CRLF) + CRLF;
}
