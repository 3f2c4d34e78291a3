import type { CalendarEntryView, UpdateCalendarEntryRequest } from '@rodtrad/contracts';
import { formatDate } from '../../i18n/format';
import { t } from '../../i18n/t';

/** What an edit of a wheel line changes: its day, or (the åtgärdsplan line) its days after a trigger. */
export type CalendarEditField = 'date' | 'relativeDays';

export function calendarEditField(entry: CalendarEntryView): CalendarEditField {
  return entry.date === null && entry.relativeDays !== null ? 'relativeDays' : 'date';
}

/** The JSON pointer the server uses for the field (422 problem+json). */
export const calendarEditPointer = (field: CalendarEditField): string => `/${field}`;

/**
 * A DOM-safe id for one line: periodic reports repeat the key (månadsrapport), so key and period
 * together name a line.
 */
export function calendarLineId(entry: Pick<CalendarEntryView, 'key' | 'period'>): string {
  const raw = entry.period ? `${entry.key}-${entry.period}` : entry.key;
  return raw.replace(/[^A-Za-z0-9_-]/g, '-');
}

/** What the input starts with: the line's day, or its number of days. */
export function calendarEditInitialValue(entry: CalendarEntryView): string {
  if (calendarEditField(entry) === 'relativeDays') return String(entry.relativeDays);
  return entry.date ?? '';
}

/**
 * The PUT body for a line and what the user typed. A periodic line names its period (the server
 * finds the month by it); an empty or unreadable value is left out, so the server answers with a
 * message at the field rather than the browser guessing.
 */
export function calendarUpdateBody(entry: CalendarEntryView, value: string): UpdateCalendarEntryRequest {
  const body: UpdateCalendarEntryRequest = {};
  if (entry.period) body.period = entry.period;
  const trimmed = value.trim();
  if (!trimmed) return body;
  if (calendarEditField(entry) === 'relativeDays') {
    const days = Number(trimmed);
    if (Number.isFinite(days)) body.relativeDays = days;
  } else {
    body.date = trimmed;
  }
  return body;
}

/** The Swedish confirmation read out after a save: the new day, and how many documents followed it. */
export function calendarSavedMessage(entry: CalendarEntryView, documentsRescheduled: number): string {
  const changed =
    calendarEditField(entry) === 'relativeDays'
      ? t('yearWheel.savedDays', { title: entry.title, days: entry.relativeDays ?? 0 })
      : t('yearWheel.savedDate', {
          title: entry.title,
          date: entry.date ? formatDate(`${entry.date}T12:00:00Z`) : '',
        });
  // A line without a document type (a budget dialogue, say) has no documents to move.
  if (!entry.documentType) return changed;
  const documents =
    documentsRescheduled === 0
      ? t('yearWheel.rescheduledNone')
      : documentsRescheduled === 1
        ? t('yearWheel.rescheduledOne')
        : t('yearWheel.rescheduled', { count: documentsRescheduled });
  return `${changed} ${documents}`;
}
