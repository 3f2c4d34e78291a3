// How a form value reads in a published document (PDF, public site, open data): Swedish number
// formats, kronor, choices by their labels, yes/no. Pure.
import { SWEDISH_MONTHS } from '../arshjul/report-periods';
import type { JsonSchema } from './form-outline';

const NBSP_GROUP = /\B(?=(\d{3})+(?!\d))/g;

/** A whole number with Swedish digit grouping (a space every three digits): "12 500 000". */
export function groupDigits(n: number): string {
  const sign = n < 0 ? '−' : '';
  const [int, frac] = Math.abs(n).toString().split('.');
  const grouped = (int ?? '0').replace(NBSP_GROUP, ' ');
  return frac ? `${sign}${grouped},${frac}` : `${sign}${grouped}`;
}

/** An amount in whole kronor: "12 500 000 kr", "−250 000 kr". */
export function formatKronor(n: number): string {
  return `${groupDigits(Math.round(n))} kr`;
}

/** "2025-11-20" → "20 november 2025"; anything else is returned as it is. */
export function formatSwedishDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return iso;
  const month = SWEDISH_MONTHS[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/** A year-like integer (bounded to a calendar range) is never an amount. */
const isYearField = (schema: JsonSchema) =>
  typeof schema['minimum'] === 'number' &&
  typeof schema['maximum'] === 'number' &&
  schema['minimum'] >= 1900 &&
  schema['maximum'] <= 2200;

/**
 * A value as text. `kronor`: the field's or a parent's description says its amounts are whole
 * kronor, so an integer that is not a year or a choice is formatted as an amount.
 */
export function formatValue(value: unknown, schema: JsonSchema, ui: JsonSchema = {}, kronor = false): string {
  if (value === null || value === undefined || value === '') return '–';
  const choices = Array.isArray(schema['enum']) ? (schema['enum'] as unknown[]) : null;
  const names = Array.isArray(ui['ui:enumNames']) ? (ui['ui:enumNames'] as unknown[]) : null;
  if (choices && names) {
    const i = choices.indexOf(value);
    if (i >= 0 && typeof names[i] === 'string') return names[i] as string;
  }
  if (typeof value === 'boolean') return value ? 'Ja' : 'Nej';
  if (typeof value === 'number') {
    if (kronor && schema['type'] === 'integer' && !choices && !isYearField(schema))
      return formatKronor(value);
    return schema['type'] === 'integer' && isYearField(schema) ? String(value) : groupDigits(value);
  }
  if (typeof value === 'string') return schema['format'] === 'date' ? formatSwedishDate(value) : value;
  if (Array.isArray(value)) {
    const parts = value.map((v) => formatValue(v, {}, {}, kronor));
    // Values that hold commas themselves (the marks of good internal control) are told apart by semicolons.
    return parts.join(parts.some((p) => p.includes(',')) ? '; ' : ', ');
  }
  return JSON.stringify(value);
}
