import { statusRow, type CalendarEntryView, type YearStatusRow } from '@rodtrad/contracts';
import type { DocumentTypeKey } from '@rodtrad/domain';
import { buildWheel } from './year-wheel';

const entry = (
  key: string,
  documentType: DocumentTypeKey | null,
  date: string | null,
  period: string | null = null,
): CalendarEntryView => ({
  key,
  documentType,
  title: key,
  date,
  period,
  relativeDays: date ? null : 30,
  ksMonth: null,
  description: null,
  edited: false,
});
const row = (
  documentType: DocumentTypeKey,
  state: string | null,
  period: string | null = null,
): YearStatusRow =>
  statusRow({
    orgUnitId: 'u',
    orgUnitName: 'Enhet',
    documentType,
    period,
    documentId: state ? 'd' : null,
    state,
  });

describe('buildWheel', () => {
  const wheel = buildWheel(
    [
      entry('enhetsplan', 'enhetsplan', '2027-01-31'),
      entry('vb', 'verksamhetsberattelse', '2028-01-31'),
      entry('gpf', 'gpf', '2026-06-15'),
      entry('manad-02', 'manadsrapport', '2027-03-15', '2027-02'),
      entry('manad-03', 'manadsrapport', '2027-04-15', '2027-03'),
      entry('strategidag', null, '2027-03-20'),
      entry('atgardsplan', 'atgardsplan', null),
    ],
    [
      row('enhetsplan', 'adopted'),
      row('enhetsplan', 'draft'),
      row('manadsrapport', 'draft', '2027-02'),
      row('manadsrapport', null, '2027-03'),
    ],
  );

  it('groups the lines by month in date order across the years the wheel spans, undated last', () => {
    expect(wheel.map((m) => m.month)).toEqual(['2026-06', '2027-01', '2027-03', '2027-04', '2028-01', null]);
    expect(wheel[2].events.map((e) => e.entry.key)).toEqual(['manad-02', 'strategidag']);
  });

  it('puts the documents of the type (and period) behind each line, counting the finished ones', () => {
    expect(wheel[1].events[0].documents).toHaveLength(2);
    expect(wheel[1].events[0].done).toBe(1);
    expect(wheel[2].events[0].documents).toHaveLength(1);
    expect(wheel[2].events[1].documents).toHaveLength(0);
  });
});
