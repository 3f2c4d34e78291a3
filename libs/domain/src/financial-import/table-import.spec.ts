import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { oreToKronor, parseImportPeriod, swedishAmountToOre } from './amounts';
import {
  compareCodes,
  isNetCostAccount,
  responsibilityRangeProblem,
  unitOfCode,
  DEFAULT_NET_COST_ACCOUNTS,
} from './responsibility-mapping';
import {
  DEFAULT_COLUMN_MAPPING,
  TableReader,
  detectDelimiter,
  splitCsvLine,
  type TableRow,
} from './table-import';

describe('Swedish amounts and periods', () => {
  it.each([
    ['1 234 567,89', 123_456_789],
    ['-1234,5', -123_450],
    ['\u221212\u00a0000', -1_200_000],
    ['1.234.567,89', 123_456_789],
    ['1234.50', 123_450],
    ['', 0],
    ['0,00', 0],
  ])('%s kr is %i öre', (text, ore) => expect(swedishAmountToOre(text)).toBe(ore));

  it.each(['12,345', '1,2,3', 'tolv', '1 234,5,6', '(1500)'])('%s is no amount', (text) =>
    expect(swedishAmountToOre(text)).toBeUndefined(),
  );

  it('rounds öre to whole kronor half away from zero', () => {
    expect(oreToKronor(1_836_000_150)).toBe(18_360_002);
    expect(oreToKronor(-150)).toBe(-2);
    expect(oreToKronor(-49)).toBe(0);
  });

  it('reads the periods exports write', () => {
    expect(parseImportPeriod('2091-04')).toEqual({ year: 2091, month: 4 });
    expect(parseImportPeriod('209104')).toEqual({ year: 2091, month: 4 });
    expect(parseImportPeriod('2091-04-30')).toEqual({ year: 2091, month: 4 });
    expect(parseImportPeriod('2091-13')).toBeUndefined();
    expect(parseImportPeriod('2091-02-30')).toBeUndefined();
  });
});

describe('CSV lines', () => {
  it('splits on the delimiter with quoting', () => {
    expect(splitCsvLine('2091-04;4210;"Fågelsången; förskola";"a ""b""";1 000,00', ';')).toEqual([
      '2091-04',
      '4210',
      'Fågelsången; förskola',
      'a "b"',
      '1 000,00',
    ]);
    expect(splitCsvLine('a;"b', ';')).toBe('Ett citattecken (") stängs aldrig på raden.');
    expect(detectDelimiter('Period;Ansvar;Konto')).toBe(';');
    expect(detectDelimiter('Period,Ansvar,Konto')).toBe(',');
  });

  it('reads the fixture export (Windows-1252) with its headings mapped once', () => {
    const text = iconv.decode(
      readFileSync(
        join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'sie', 'hallsberg-2091-04.csv'),
      ),
      'win1252',
    );
    const rows: TableRow[] = [];
    const reader = new TableReader({ ...DEFAULT_COLUMN_MAPPING, period: 'Månad' }, (r) => rows.push(r));
    text.split(/\r?\n/).forEach((l, i) => reader.row(splitCsvLine(l, ';') as string[], i + 1));
    reader.finish();
    expect(reader.errors).toEqual([]);
    expect(rows).toHaveLength(9);
    expect(rows[0]).toEqual({
      line: 2,
      year: 2091,
      month: 4,
      code: '4100',
      account: '5110',
      budgetOre: 200_000_000,
      outcomeOre: 205_000_050,
    });
  });

  it('names the missing columns and each bad row by its line', () => {
    const missing = new TableReader(DEFAULT_COLUMN_MAPPING, () => undefined);
    missing.row(['Period', 'Ansvar', 'Budget'], 1);
    expect(missing.errors).toEqual([
      {
        line: 1,
        reason:
          'Rubrikraden saknar kolumnerna för konto ("Konto"), utfall ("Utfall") enligt den sparade kolumnmappningen.',
      },
    ]);
    const reader = new TableReader(DEFAULT_COLUMN_MAPPING, () => undefined);
    reader.row(['Period', 'Ansvar', 'Konto', 'Budget', 'Utfall'], 1);
    reader.row(['2091-4', '4100', '5110', '1', '1'], 2);
    reader.row(['2091-04', '', '5110', '1', '1'], 3);
    reader.row(['2091-04', '4100', 'Lön', '1', '1'], 4);
    reader.row(['2091-04', '4100', '5110', '1 000', '12,345'], 5);
    reader.row([new Date(Date.UTC(2091, 3, 30)), '4100', 5110, 1000.5, -20], 6);
    expect(reader.errors).toEqual([
      { line: 2, reason: 'Perioden "2091-4" är ingen månad (ÅÅÅÅ-MM eller ÅÅÅÅMM).' },
      { line: 3, reason: 'Ansvarskoden saknas.' },
      { line: 4, reason: 'Kontot "Lön" är inget kontonummer.' },
      { line: 5, reason: 'Utfallet "12,345" är inget belopp (t.ex. 1 234 567,89).' },
    ]);
  });
});

describe('responsibility codes and net-cost accounts', () => {
  const ranges = [
    { from: '4100', to: '4100', orgUnitId: 'bif' },
    { from: '4200', to: '4299', orgUnitId: 'fsk' },
  ];

  it('maps a code by exact code or range; codes compare as numbers', () => {
    expect(unitOfCode('4100', ranges)).toBe('bif');
    expect(unitOfCode('4250', ranges)).toBe('fsk');
    expect(unitOfCode('9990', ranges)).toBeUndefined();
    expect(compareCodes('90', '100')).toBeLessThan(0);
    expect(compareCodes('A1', 'A2')).toBeLessThan(0);
  });

  it('refuses a range that overlaps a saved one, or runs backwards', () => {
    expect(responsibilityRangeProblem({ from: '4250', to: '4400' }, ranges)).toEqual({
      pointer: '/from',
      message: 'Koderna 4200–4299 är redan kopplade.',
    });
    expect(responsibilityRangeProblem({ from: '4400', to: '4300' }, ranges)?.pointer).toBe('/to');
    expect(responsibilityRangeProblem({ from: '4300', to: '4399' }, ranges)).toBeNull();
  });

  it('counts classes 3–7 as net cost by default (Kommun-Bas), not 8 or the balance sheet', () => {
    expect(
      ['3110', '4010', '5110', '6110', '7990'].map((a) => isNetCostAccount(a, DEFAULT_NET_COST_ACCOUNTS)),
    ).toEqual([true, true, true, true, true]);
    expect(['8010', '1930', '2440', '9999'].some((a) => isNetCostAccount(a, DEFAULT_NET_COST_ACCOUNTS))).toBe(
      false,
    );
    expect(
      isNetCostAccount('8410', [
        { from: '3', to: '7' },
        { from: '84', to: '84' },
      ]),
    ).toBe(true);
  });
});
