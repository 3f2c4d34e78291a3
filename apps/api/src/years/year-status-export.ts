import ExcelJS from 'exceljs';
import { DOCUMENT_PHASE_LABELS, DOCUMENT_TYPES, isDocumentTypeKey } from '@rodtrad/domain';
import type { YearStatusRow } from '@rodtrad/contracts';

/** Columns of the exported registrar's view, with their Swedish headers. */
const COLUMNS: { header: string; value: (r: YearStatusRow) => string | boolean | Date | null }[] = [
  { header: 'Enhet', value: (r) => r.orgUnitName },
  {
    header: 'Dokumenttyp',
    value: (r) => (isDocumentTypeKey(r.documentType) ? DOCUMENT_TYPES[r.documentType].title : r.documentType),
  },
  { header: 'Period', value: (r) => r.period },
  { header: 'Status', value: (r) => r.stateTitle ?? (r.documentId ? r.state : 'Ej skapat') },
  { header: 'Förfallodag', value: (r) => (r.dueAt ? new Date(r.dueAt) : null) },
  { header: 'Försenad', value: (r) => r.overdue },
  { header: 'Inlämnad', value: (r) => (r.submittedAt ? new Date(r.submittedAt) : null) },
  { header: 'Beslutad', value: (r) => (r.decidedAt ? new Date(r.decidedAt) : null) },
  { header: 'Diarienummer', value: (r) => r.diarienummer },
  { header: 'Enhets-id', value: (r) => r.orgUnitId },
  { header: 'Dokument-id', value: (r) => r.documentId },
  // Last, so the columns integrators already read keep their places.
  { header: 'Fas', value: (r) => DOCUMENT_PHASE_LABELS[r.phase] },
];

const stockholmDate = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

function csvCell(value: string | boolean | Date | null): string {
  if (value === null) return '';
  const text =
    value instanceof Date
      ? stockholmDate.format(value)
      : typeof value === 'boolean'
        ? value
          ? 'Ja'
          : 'Nej'
        : value;
  const safe = neutraliseFormula(text);
  return /[";\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * A text that a spreadsheet would read as a formula (it starts with =, +, -, @, a tab or a
 * carriage return: a unit named "=HYPERLINK(…)") gets a leading apostrophe, which Excel and
 * LibreOffice show as text (OWASP, CSV injection). Dates and booleans never start so.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** Semicolon-separated with a UTF-8 BOM and CRLF: what Swedish Excel opens without a wizard. */
export function statusCsv(rows: readonly YearStatusRow[]): string {
  const lines = [COLUMNS.map((c) => csvCell(c.header)).join(';')];
  for (const r of rows) lines.push(COLUMNS.map((c) => csvCell(c.value(r))).join(';'));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/**
 * A spreadsheet date has no time zone: the cell shows the calendar day it is given in UTC. The
 * day a registrar means is Stockholm's (as in the CSV), so the cell gets that day at UTC midnight;
 * an event at 00:30 Swedish time stays on its own day instead of showing the day before.
 */
export function stockholmCalendarDay(at: Date): Date {
  const [y, m, d] = stockholmDate.format(at).split('-').map(Number);
  return new Date(Date.UTC(y as number, (m as number) - 1, d as number));
}

export async function statusXlsx(rows: readonly YearStatusRow[], year: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Rödtråd';
  const sheet = workbook.addWorksheet(`Status ${year}`, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((c) => ({ header: c.header, width: c.header === 'Enhet' ? 36 : 18 }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows)
    sheet.addRow(
      COLUMNS.map((c) => {
        const v = c.value(r);
        if (v instanceof Date) return stockholmCalendarDay(v);
        return typeof v === 'boolean' ? (v ? 'Ja' : 'Nej') : v;
      }),
    );
  for (const col of [5, 7, 8]) sheet.getColumn(col).numFmt = 'yyyy-mm-dd';
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
