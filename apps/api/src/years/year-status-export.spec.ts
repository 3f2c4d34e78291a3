import ExcelJS from 'exceljs';
import type { YearStatusRow } from '@rodtrad/contracts';
import { neutraliseFormula, statusCsv, statusXlsx } from './year-status-export';

const row = (orgUnitName: string): YearStatusRow =>
  ({
    orgUnitId: '6b0c1f9e-0000-4000-8000-000000000001',
    orgUnitName,
    documentType: 'enhetsplan',
    period: '',
    documentId: null,
    state: null,
    stateTitle: null,
    dueAt: null,
    overdue: false,
    submittedAt: null,
    decidedAt: null,
    diarienummer: null,
  }) as unknown as YearStatusRow;

describe('exports of the registrar’s view keep what people typed from running as formulas', () => {
  it.each([
    '=HYPERLINK("http://example.invalid","Klicka")',
    '+46 582 68 50 00',
    '-1',
    '@SUM(A1)',
    '\tFlik',
    '\rRad',
  ])('neutralises %j in the CSV', (name) => {
    const csv = statusCsv([row(name)]);
    const cell = csv.split('\r\n')[1].split(';')[0];
    expect(cell.replace(/^"|"$/g, '').replace(/""/g, '"')).toBe(`'${name}`);
  });

  it('leaves ordinary names, and a hyphen inside a name, as they are', () => {
    expect(neutraliseFormula('Almby skola')).toBe('Almby skola');
    expect(neutraliseFormula('Bygg- och miljönämnden')).toBe('Bygg- och miljönämnden');
    expect(
      statusCsv([row('Almby skola')])
        .split('\r\n')[1]
        .startsWith('Almby skola;'),
    ).toBe(true);
  });

  it('writes such a name to Excel as a text cell, never as a formula', async () => {
    const name = '=HYPERLINK("http://example.invalid","Klicka")';
    const workbook = new ExcelJS.Workbook();
    const xlsx = await statusXlsx([row(name)], 2027);
    // exceljs types its input as an ArrayBuffer-backed Buffer.
    await workbook.xlsx.load(
      xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer,
    );
    const cell = workbook.worksheets[0].getCell('A2');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(name);
  });
});
