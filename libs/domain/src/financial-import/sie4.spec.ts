import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { FigureAccumulator, yearToDate } from './figures';
import { DEFAULT_NET_COST_ACCOUNTS } from './responsibility-mapping';
import { Sie4Reader, tokenizeSieLine, type SieBalance } from './sie4';

const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'sie');

/** Reads a fixture as the import does: PC8 (code page 437), line by line. */
function read(name: string): { reader: Sie4Reader; balances: SieBalance[] } {
  const text = iconv.decode(readFileSync(join(FIXTURES, name)), 'cp437');
  const balances: SieBalance[] = [];
  const reader = new Sie4Reader((b) => balances.push(b));
  text
    .split(/\r?\n/)
    .slice(0, -1)
    .forEach((line, i) => reader.line(line, i + 1));
  reader.finish();
  return { reader, balances };
}

describe('tokenizeSieLine', () => {
  it('splits words, quoted strings with escaped quotes, and object lists', () => {
    expect(tokenizeSieLine('#PROGRAM "Ekonomi \\"Kommun\\"" 7.2')).toEqual([
      { kind: 'word', text: '#PROGRAM' },
      { kind: 'string', text: 'Ekonomi "Kommun"' },
      { kind: 'word', text: '7.2' },
    ]);
    expect(tokenizeSieLine('#PSALDO 0 209101 5110 {1 "4310" 6 P17} -12.50')).toEqual([
      { kind: 'word', text: '#PSALDO' },
      { kind: 'word', text: '0' },
      { kind: 'word', text: '209101' },
      { kind: 'word', text: '5110' },
      {
        kind: 'list',
        items: [
          { kind: 'word', text: '1' },
          { kind: 'string', text: '4310' },
          { kind: 'word', text: '6' },
          { kind: 'word', text: 'P17' },
        ],
      },
      { kind: 'word', text: '-12.50' },
    ]);
    expect(tokenizeSieLine('#PSALDO 0 209101 5110 {} 1')).toContainEqual({ kind: 'list', items: [] });
  });

  it('names an open quote and unbalanced braces', () => {
    expect(tokenizeSieLine('#KONTO 3110 "Avgifter')).toBe('Ett citattecken (") stängs aldrig.');
    expect(tokenizeSieLine('#PSALDO 0 209101 5110 {1 "4310" 1')).toBe(
      'En objektlista ({…}) stängs aldrig med }.',
    );
    expect(tokenizeSieLine('#PSALDO 0 209101 5110 1 "4310"} 1')).toBe('Ett } saknar sitt {.');
  });
});

describe('Sie4Reader on a municipal export in PC8', () => {
  it('reads years, dimensions, objects and accounts with å, ä and ö', () => {
    const { reader } = read('hallsberg-2091-03.se');
    expect(reader.errors).toEqual([]);
    expect(reader.format).toBe('PC8');
    expect(reader.years.get(0)).toEqual({ start: '209101', end: '209112' });
    expect(reader.dimensions.get(1)).toBe('Ansvar');
    expect(reader.objectName(1, '4210')).toBe('Fågelsångens förskola');
    expect(reader.objectName(6, 'P17')).toBe('Ny förskola Östansjö');
    expect(reader.accounts.get('5110')).toBe('Månadsavlönade');
  });

  it('gives every #PBUDGET and #PSALDO with its period, account, objects and amount in öre', () => {
    const { balances, reader } = read('hallsberg-2091-03.se');
    expect(balances.filter((b) => b.kind === 'budget')).toHaveLength(12 * 9);
    // 3 months × (9 lines + an account total + a project breakdown), and one of the year before.
    expect(balances.filter((b) => b.kind === 'outcome')).toHaveLength(3 * 11 + 1);
    const first = balances.find((b) => b.kind === 'outcome' && b.account === '5110');
    expect(first).toMatchObject({
      yearIndex: 0,
      year: 2091,
      month: 1,
      objects: [{ dimension: 1, code: '4100' }],
      amountOre: 205_000_050,
    });
    expect(reader.linesRead).toBeGreaterThan(150);
  });

  it('sums net cost by month and code: class 8, totals, other dimensions and other years left out', () => {
    const { balances } = read('hallsberg-2091-03.se');
    const acc = new FigureAccumulator(DEFAULT_NET_COST_ACCOUNTS);
    for (const b of balances) {
      const only = b.objects.length === 1 && b.objects[0]?.dimension === 1 ? b.objects[0].code : null;
      if (b.yearIndex !== 0 || only === null) acc.skip();
      else acc.add(b.kind, b, only, b.account, b.amountOre);
    }
    const bin = new Set(['4100', '4210', '4310']);
    const march = yearToDate(acc.figures(), 3, (c) => bin.has(c));
    // Monthly 2 000 000 − 100 000 + 1 000 000 + 50 000 + 3 000 000 kr of budget, three months.
    expect(march.periodbudgetOre).toBe(3 * 5_950_000_00);
    // 2 050 000,50 − 90 000 + 1 100 000 + 60 000 + 3 000 000 kr of outcome, three months.
    expect(march.utfallOre).toBe(3 * 6_120_000_50);
    expect(march.yearBudgetOre).toBe(12 * 5_950_000_00);
    expect(acc.codes).toEqual(new Set(['4100', '4210', '4310', '5100', '6100', '9990']));
  });

  it('a broken line is an error naming the line and its reason', () => {
    const { reader } = read('hallsberg-2091-03-broken.se');
    expect(reader.errors).toEqual([
      {
        line: 153,
        reason: '#PSALDO: raden har fler fält än posten har (ett belopp med mellanslag eller decimalkomma?).',
      },
    ]);
  });

  it.each([
    ['#PSALDO 0 209113 5110 {1 "1"} 1.00', '#PSALDO: perioden ska vara ÅÅÅÅMM, inte "209113".'],
    ['#PSALDO 0 209101 51A0 {1 "1"} 1.00', '#PSALDO: kontonumret ska vara siffror, inte "51A0".'],
    [
      '#PBUDGET 0 209101 5110 {1 "1"} 1,00',
      '#PBUDGET: beloppet ska vara ett tal med punkt som decimaltecken (t.ex. -1234.50), inte "1,00".',
    ],
    ['#PSALDO 0 209101 5110 1.00', '#PSALDO: objektlistan ({…}, tom eller med dimension och objekt) saknas.'],
    ['#PSALDO 0 209101 5110 {1} 1.00', '#PSALDO: objektlistan ska bestå av par av dimension och objektkod.'],
    ['#PSALDO 0 209201 5110 {} 1.00', '#PSALDO: perioden 209201 ligger utanför räkenskapsåret (#RAR 0).'],
    [
      '#PSALDO -2 208901 5110 {} 1.00',
      '#PSALDO: årsnummer -2 har inget räkenskapsår (#RAR -2 …) före raden.',
    ],
    ['#RAR 0 20910101 20911331', '#RAR: start- och slutdatum ska vara datum ÅÅÅÅMMDD.'],
    ['#OBJEKT 1 "4100"', '#OBJEKT: objektnamnet saknas.'],
    ['#FORMAT UTF8', '#FORMAT ska vara PC8 (teckentabell 437), inte "UTF8".'],
    [
      'PSALDO 0 209101 5110 {} 1.00',
      'Raden börjar inte med en etikett (#…), som varje rad i en SIE-fil ska.',
    ],
    ['}', 'Ett } saknar sitt {.'],
  ])('refuses %s', (text, reason) => {
    const reader = new Sie4Reader(() => undefined);
    reader.line('#RAR 0 20910101 20911231', 1);
    reader.line(text, 2);
    reader.finish();
    expect(reader.errors).toEqual([{ line: 2, reason }]);
  });

  it('reads past unknown labels and #VER blocks, but not a block left open', () => {
    const balances: SieBalance[] = [];
    const reader = new Sie4Reader((b) => balances.push(b));
    ['#RAR 0 20910101 20911231', '#NYPOST "framtida" 1', '#VER A 1 20910105 "Hyra"', '{'].forEach((l, i) =>
      reader.line(l, i + 1),
    );
    reader.line('#TRANS 6110 {1 "6100"} 1.00', 5);
    reader.line('#PSALDO 0 209101 6110 {} 1.00', 6);
    reader.finish();
    expect(reader.errors).toEqual([
      { line: 6, reason: '#PSALDO får inte stå inuti ett verifikationsblock ({ … }).' },
      { line: 4, reason: 'Blocket ({) som börjar här stängs aldrig med }.' },
    ]);
    expect(balances).toEqual([]);
  });
});
