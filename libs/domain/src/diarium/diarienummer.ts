import { calendarDateIn, DEFAULT_TIME_ZONE } from '../arshjul/due-instant';
import { DomainError } from '../domain-error';

/** A registration number in the diarium: body code, running number within the year, year. */
export interface Diarienummer {
  /** Code of the registering body, upper-case letters A–Ö: "KS", "BIN". */
  bodyCode: string;
  number: number;
  year: number;
}

const BODY_CODE = /^[A-ZÅÄÖ]+$/;
const DIARIENUMMER = /^\s*([A-Za-zÅÄÖåäö]+)\s+(\d+)\s*\/\s*(\d{4})\s*$/;

/** Everything wrong with the parts (empty when valid). */
export function validateDiarienummer(parts: Diarienummer): string[] {
  const problems: string[] = [];
  if (!BODY_CODE.test(parts.bodyCode)) problems.push('bodyCode must be upper-case letters A–Ö');
  if (!Number.isSafeInteger(parts.number) || parts.number < 1)
    problems.push('number must be a positive integer');
  if (!Number.isInteger(parts.year) || parts.year < 1000 || parts.year > 9999) {
    problems.push('year must have four digits');
  }
  return problems;
}

export function isValidDiarienummer(parts: Diarienummer): boolean {
  return validateDiarienummer(parts).length === 0;
}

/** { bodyCode: 'KS', number: 48, year: 2015 } → "KS 48/2015". */
export function formatDiarienummer(parts: Diarienummer): string {
  const problems = validateDiarienummer(parts);
  if (problems.length > 0) {
    throw new DomainError('diarium.invalid-diarienummer', problems.join('; '), { ...parts });
  }
  return `${parts.bodyCode} ${parts.number}/${parts.year}`;
}

/**
 * "KS 48/2015" → parts, or undefined when it is not a diarienummer. Forgiving about what people
 * type (case, spaces around the slash, leading zeros) so a search box accepts "ks 048 / 2015";
 * `formatDiarienummer` gives back the canonical form.
 */
export function parseDiarienummer(text: string): Diarienummer | undefined {
  const match = DIARIENUMMER.exec(text);
  if (!match) return undefined;
  const parts: Diarienummer = {
    bodyCode: match[1].toLocaleUpperCase('sv'),
    number: Number(match[2]),
    year: Number(match[3]),
  };
  return isValidDiarienummer(parts) ? parts : undefined;
}

/**
 * The diarium year a matter registered at `instant` belongs to: the calendar year where the
 * municipality is (Sweden), not in UTC. Registered at 00:30 on New Year's Day in Hallsberg, it is
 * the new year's, though UTC still says 31 December.
 */
export function diariumYear(instant: Date, timeZone: string = DEFAULT_TIME_ZONE): number {
  return Number(calendarDateIn(instant, timeZone).slice(0, 4));
}
