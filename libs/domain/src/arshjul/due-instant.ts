import { DomainError } from '../domain-error';

/**
 * Calendar dates are plain 'YYYY-MM-DD' strings in the domain: a deadline is a day in Sweden, not
 * an instant. Only when a job must fire do we turn the day into an instant, here, with Intl
 * rather than a date library so the domain stays dependency-free.
 */
export const DEFAULT_TIME_ZONE = 'Europe/Stockholm';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

export function parseIsoDate(date: string): { year: number; month: number; day: number } {
  if (!isIsoDate(date)) {
    throw new DomainError('date.invalid', `expected a calendar date YYYY-MM-DD, got ${date}`, { date });
  }
  const [year, month, day] = date.split('-').map(Number);
  return { year, month, day };
}

export function formatIsoDate(year: number, month: number, day: number): string {
  const date = new Date(Date.UTC(year, month - 1, day));
  const y = String(date.getUTCFullYear()).padStart(4, '0');
  const m = String(date.getUTCMonth() + 1).padStart(2, '0');
  const d = String(date.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** Calendar arithmetic, e.g. an åtgärdsplan due 30 days after its trigger. */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days))
    throw new DomainError('date.invalid-days', `days must be an integer, got ${days}`);
  const { year, month, day } = parseIsoDate(date);
  return formatIsoDate(year, month, day + days);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  return Math.round(
    (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / 86_400_000,
  );
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        second: '2-digit',
      });
    } catch {
      throw new DomainError('date.invalid-time-zone', `unknown time zone ${timeZone}`, { timeZone });
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallClockParts(epochMs: number, timeZone: string): number[] {
  const parts = formatterFor(timeZone).formatToParts(new Date(epochMs));
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((part) => part.type === type)?.value);
  return [get('year'), get('month'), get('day'), get('hour'), get('minute'), get('second')];
}

/** Offset of the zone from UTC at an instant, in ms (Stockholm: +1 h in winter, +2 h in summer). */
function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const [year, month, day, hour, minute, second] = wallClockParts(epochMs, timeZone);
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  return wallAsUtc - Math.floor(epochMs / 1000) * 1000;
}

/**
 * The instant a wall-clock time in `timeZone` denotes. Two passes because the offset at the
 * first guess may differ from the offset at the answer when a DST switch lies between them.
 */
export function zonedTimeToInstant(
  date: string,
  time: { hour: number; minute: number; second: number },
  timeZone: string = DEFAULT_TIME_ZONE,
): Date {
  const { year, month, day } = parseIsoDate(date);
  const wall = Date.UTC(year, month - 1, day, time.hour, time.minute, time.second);
  const firstOffset = zoneOffsetMs(wall, timeZone);
  let instant = wall - firstOffset;
  const secondOffset = zoneOffsetMs(instant, timeZone);
  if (secondOffset !== firstOffset) instant = wall - secondOffset;
  return new Date(instant);
}

// Every transition asks for a due instant, and time-zone arithmetic through Intl is costly: the
// answer for a (date, zone) never changes, so it is computed once. A year has few such dates.
const dueInstants = new Map<string, number>();

/** A deadline day ends at 23:59:59 local time; this is the UTC instant jobs schedule against. */
export function dueInstant(date: string, timeZone: string = DEFAULT_TIME_ZONE): Date {
  const key = `${date}|${timeZone}`;
  let ms = dueInstants.get(key);
  if (ms === undefined) {
    ms = zonedTimeToInstant(date, { hour: 23, minute: 59, second: 59 }, timeZone).getTime();
    if (dueInstants.size > 10_000) dueInstants.clear();
    dueInstants.set(key, ms);
  }
  return new Date(ms);
}

/** The calendar date an instant falls on in `timeZone`, e.g. "today in Sweden". */
export function calendarDateIn(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const [year, month, day] = wallClockParts(instant.getTime(), timeZone);
  return formatIsoDate(year, month, day);
}
