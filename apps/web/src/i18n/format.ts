// Formatting for Swedish readers. Times are shown in Stockholm time whatever the browser's zone.
const TIME_ZONE = 'Europe/Stockholm';

const dateFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE });
const dateTimeFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  dateStyle: 'medium',
  timeStyle: 'short',
});
const sumFormat = new Intl.NumberFormat('sv-SE', {
  style: 'currency',
  currency: 'SEK',
  maximumFractionDigits: 0,
  minimumFractionDigits: 0,
});
const numberFormat = new Intl.NumberFormat('sv-SE');

function toDate(value: string | number | Date | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** "2025-03-14" */
export function formatDate(value: string | number | Date | null | undefined): string {
  const date = toDate(value);
  return date ? dateFormat.format(date) : '';
}

/** "14 mars 2025 10:32" */
export function formatDateTime(value: string | number | Date | null | undefined): string {
  const date = toDate(value);
  return date ? dateTimeFormat.format(date) : '';
}

/** "1 234 567 kr" (the spaces are non-breaking, as sv-SE writes them). */
export function formatSum(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '' : sumFormat.format(value);
}

/** "1 234,5" */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '' : numberFormat.format(value);
}

/** Machine-readable value for <time dateTime>. */
export function isoDate(value: string | number | Date | null | undefined): string | undefined {
  const date = toDate(value);
  return date ? date.toISOString() : undefined;
}
