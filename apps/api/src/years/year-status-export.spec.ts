import ExcelJS from 'exceljs';
import { statusRow, type YearStatusRow } from '@rodtrad/contracts';
import { neutraliseFormula, statusCsv, statusXlsx } from './year-status-export';

const row = (orgUnitName: string): YearStatusRow =>
  statusRow({
    orgUnitId: '6b0c1f9e-0000-4000-8000-000000000001',
    orgUnitName,
    documentType: 'enhetsplan',
    period: '',
  });

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

describe('dates in the exports are Stockholm’s calendar days, in the CSV and in Excel alike', () => {
  // 00:30 on 15 March in Stockholm (CET) and 01:30 on 1 July (CEST): both the previous day in UTC.
  const late = {
    ...row('Almby skola'),
    dueAt: '2027-03-14T23:30:00.000Z',
    submittedAt: '2027-06-30T23:30:00.000Z',
    decidedAt: null,
  } as unknown as YearStatusRow;

  it('the CSV shows the Swedish day', () => {
    const cells = statusCsv([late]).split('\r\n')[1].split(';');
    expect([cells[4], cells[6]]).toEqual(['2027-03-15', '2027-07-01']);
  });

  it('Excel, read back with ExcelJS, shows the same days as the CSV', async () => {
    const xlsx = await statusXlsx([late], 2027);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer,
    );
    const sheet = workbook.getWorksheet('Status 2027');
    const day = (col: number) => (sheet?.getRow(2).getCell(col).value as Date).toISOString().slice(0, 10);
    expect([day(5), day(7)]).toEqual(['2027-03-15', '2027-07-01']);
    expect(sheet?.getColumn(5).numFmt).toBe('yyyy-mm-dd');
  });
});
