import type { CalendarEntryView, YearStatusRow } from '@rodtrad/contracts';
import { stateTone } from '../../components/state-tone';

export interface WheelEvent {
  entry: CalendarEntryView;
  documents: YearStatusRow[];
  done: number;
}

export interface WheelMonth {
  /** 'YYYY-MM' (a budget year's wheel spans from the year before to the year after), or null
   * for lines without a fixed day (timed relative to a trigger). */
  month: string | null;
  events: WheelEvent[];
}

/**
 * The year's wheel month by month: each calendar line with the documents behind it (the status
 * rows of its document type, and of its period when the line names one).
 */
export function buildWheel(entries: CalendarEntryView[], rows: YearStatusRow[]): WheelMonth[] {
  const byType = new Map<string, YearStatusRow[]>();
  for (const row of rows) {
    const list = byType.get(row.documentType) ?? [];
    list.push(row);
    byType.set(row.documentType, list);
  }
  const months = new Map<string | null, WheelEvent[]>();
  const sorted = [...entries].sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'));
  for (const entry of sorted) {
    const month = entry.date ? entry.date.slice(0, 7) : null;
    const documents = entry.documentType
      ? (byType.get(entry.documentType) ?? []).filter(
          (r) => !entry.period || !r.period || r.period === entry.period,
        )
      : [];
    const done = documents.filter((d) => stateTone(d.state) === 'done').length;
    const list = months.get(month) ?? [];
    list.push({ entry, documents, done });
    months.set(month, list);
  }
  return [...months.entries()]
    .sort(([a], [b]) => (a ?? '9999').localeCompare(b ?? '9999'))
    .map(([month, events]) => ({ month, events }));
}
