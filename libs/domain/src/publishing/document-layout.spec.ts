import { layoutDocument, type DocumentLayoutInput, type LayoutBlock } from './document-layout';
import { formOutline } from './form-outline';
import { formatKronor, formatSwedishDate, formatValue, groupDigits } from './format-value';

const content = {
  type: 'object',
  properties: {
    namndmal: {
      type: 'array',
      title: 'Nämndmål',
      items: {
        type: 'object',
        title: 'Nämndmål',
        properties: {
          id: { type: 'string', title: 'Id' },
          titel: { type: 'string', title: 'Mål' },
          indikatorer: {
            type: 'array',
            title: 'Indikatorer',
            items: {
              type: 'object',
              properties: {
                namn: { type: 'string', title: 'Indikator' },
                malniva: { type: 'number', title: 'Målnivå' },
              },
            },
          },
        },
      },
    },
    budget: {
      type: 'object',
      title: 'Budget',
      properties: {
        kostnader: { type: 'integer', title: 'Kostnader' },
        intakter: { type: 'integer', title: 'Intäkter' },
      },
    },
    flerarsplan: {
      type: 'array',
      title: 'Flerårsplan',
      items: {
        type: 'object',
        properties: {
          ar: { type: 'integer', title: 'År', minimum: 2000, maximum: 2100 },
          netto: { type: 'integer', title: 'Nettokostnad' },
        },
      },
    },
    analys: { type: 'string', title: 'Analys' },
  },
};
const contentUi = {
  'ui:order': ['analys', 'namndmal', 'budget', '*'],
  budget: { 'ui:order': ['intakter', 'kostnader'], 'ui:help': 'Belopp i hela kronor.' },
  flerarsplan: { 'ui:help': 'Nettokostnad per år. Belopp i hela kronor.' },
};
const draft = {
  schema: {
    type: 'object',
    allOf: [content],
    properties: { granskningskommentar: { type: 'string', title: 'Granskningskommentar' } },
  },
  uiSchema: {
    ...contentUi,
    'ui:order': ['analys', 'namndmal', 'budget', 'flerarsplan', 'granskningskommentar', '*'],
  },
};
const decision = {
  schema: {
    type: 'object',
    allOf: [content],
    properties: {
      granskningskommentar: { type: 'string', title: 'Granskningskommentar' },
      beslut: {
        type: 'object',
        title: 'Nämndens beslut',
        properties: {
          datum: { type: 'string', format: 'date', title: 'Beslutsdatum' },
          paragraf: { type: 'string', title: 'Paragraf' },
        },
      },
    },
  },
  uiSchema: {
    ...contentUi,
    'ui:order': ['analys', 'namndmal', 'budget', 'flerarsplan', 'granskningskommentar', 'beslut', '*'],
  },
};

const input = (over: Partial<DocumentLayoutInput> = {}): DocumentLayoutInput => ({
  municipality: 'Hallsbergs kommun',
  title: 'Mål och budget 2027, Bildningsnämnden',
  typeTitle: 'Mål- och budget',
  unitName: 'Bildningsnämnden',
  year: 2027,
  period: null,
  stateTitle: 'Fastställd av nämnden',
  diarienummer: 'BIN 12/2026',
  decision: { date: '2026-11-20', paragraph: '§ 87' },
  forms: [draft, decision],
  data: {
    analys: 'Läget är stabilt.',
    namndmal: [
      {
        id: 'BIN-1',
        titel: 'Fler elever är behöriga',
        indikatorer: [{ namn: 'Andel behöriga', malniva: 85.5 }],
      },
    ],
    budget: { intakter: 64000000, kostnader: 12500000 },
    flerarsplan: [{ ar: 2028, netto: 627000000 }],
    granskningskommentar: 'Inga invändningar.',
    beslut: { datum: '2026-11-20', paragraf: '§ 87' },
  },
  redThread: {
    goals: [],
    up: ['Gemensamma planeringsförutsättningar, Kommunfullmäktige (KS 3/2026)'],
    down: [],
  },
  ...over,
});

const texts = (blocks: LayoutBlock[]) =>
  blocks.flatMap((b) =>
    b.kind === 'heading' || b.kind === 'paragraph'
      ? [b.text]
      : b.kind === 'field'
        ? [b.label, b.value]
        : b.kind === 'list'
          ? b.items
          : [b.caption, ...b.headers, ...b.rows.flat()],
  );

describe('formatting values', () => {
  it('writes amounts as Swedish kronor and numbers with Swedish grouping', () => {
    expect(formatKronor(12_500_000)).toBe('12 500 000 kr');
    expect(formatKronor(-250_000)).toBe('−250 000 kr');
    expect(groupDigits(85.5)).toBe('85,5');
    expect(formatSwedishDate('2026-11-20')).toBe('20 november 2026');
  });

  it('reads a choice by its label, a boolean as Ja/Nej, a missing value as a dash', () => {
    expect(
      formatValue(3, { type: 'integer', enum: [1, 2, 3] }, { 'ui:enumNames': ['Låg', 'Medel', 'Hög'] }, true),
    ).toBe('Hög');
    expect(formatValue(true, { type: 'boolean' })).toBe('Ja');
    expect(formatValue(undefined, { type: 'string' })).toBe('–');
    expect(formatValue(2028, { type: 'integer', minimum: 2000, maximum: 2100 }, {}, true)).toBe('2028');
  });
});

describe('the outline of a document’s forms', () => {
  it('is the union of its steps’ forms in ui:order, each field with its label', () => {
    const outline = formOutline([draft, decision]);
    expect(outline.map((f) => f.key)).toEqual([
      'analys',
      'namndmal',
      'budget',
      'flerarsplan',
      'granskningskommentar',
      'beslut',
    ]);
    expect(outline.find((f) => f.key === 'budget')?.children?.map((c) => c.label)).toEqual([
      'Intäkter',
      'Kostnader',
    ]);
  });
});

describe('layoutDocument', () => {
  it('starts with the title and the registration facts', () => {
    const { blocks, title, lang } = layoutDocument(input());
    expect(title).toBe('Mål och budget 2027, Bildningsnämnden');
    expect(lang).toBe('sv-SE');
    expect(blocks[0]).toEqual({ kind: 'heading', level: 1, text: title });
    const fields = Object.fromEntries(
      blocks.flatMap((b) => (b.kind === 'field' ? [[b.label, b.value]] : [])).slice(0, 8),
    );
    expect(fields).toEqual({
      Kommun: 'Hallsbergs kommun',
      Dokumenttyp: 'Mål- och budget',
      Enhet: 'Bildningsnämnden',
      År: '2027',
      Status: 'Fastställd av nämnden',
      Diarienummer: 'BIN 12/2026',
      Beslutsdatum: '20 november 2026',
      Paragraf: '§ 87',
    });
  });

  it('follows the form’s order and labels: goals with their indicators as tables, amounts in kronor', () => {
    const all = texts(layoutDocument(input()).blocks);
    const at = (s: string) => all.indexOf(s);
    expect(at('Analys')).toBeLessThan(at('Nämndmål 1: Fler elever är behöriga'));
    expect(at('Nämndmål 1: Fler elever är behöriga')).toBeLessThan(at('Budget'));
    expect(at('Intäkter')).toBeLessThan(at('Kostnader'));
    expect(all).toContain('64 000 000 kr');
    expect(all).toContain('12 500 000 kr');
    expect(all).toContain('85,5');
    const plan = layoutDocument(input()).blocks.find(
      (b) => b.kind === 'table' && b.caption === 'Flerårsplan',
    );
    expect(plan).toEqual({
      kind: 'table',
      caption: 'Flerårsplan',
      headers: ['År', 'Nettokostnad'],
      rows: [['2028', '627 000 000 kr']],
    });
    const indicators = layoutDocument(input()).blocks.find(
      (b) => b.kind === 'table' && b.caption === 'Indikatorer',
    );
    expect(indicators).toMatchObject({
      headers: ['Indikator', 'Målnivå'],
      rows: [['Andel behöriga', '85,5']],
    });
    expect(at('Granskningskommentar')).toBeLessThan(at('Nämndens beslut'));
    expect(at('Röda tråden')).toBeGreaterThan(at('Nämndens beslut'));
    expect(all).toContain('Gemensamma planeringsförutsättningar, Kommunfullmäktige (KS 3/2026)');
  });

  it('draws the risk matrix of an internal control plan beside its table of risks', () => {
    const risk = {
      schema: {
        type: 'object',
        properties: {
          risker: {
            type: 'array',
            title: 'Risker och kontroller',
            items: {
              type: 'object',
              properties: {
                risk: { type: 'string', title: 'Risk' },
                sannolikhet: { type: 'integer', title: 'Sannolikhet', enum: [1, 2, 3, 4] },
                konsekvens: { type: 'integer', title: 'Konsekvens', enum: [1, 2, 3, 4] },
              },
            },
          },
        },
      },
      uiSchema: {},
    };
    const { blocks } = layoutDocument(
      input({
        forms: [risk],
        data: {
          risker: [
            { risk: 'Felaktiga utbetalningar', sannolikhet: 3, konsekvens: 4 },
            { risk: 'Jäv', sannolikhet: 3, konsekvens: 4 },
          ],
        },
      }),
    );
    const matrix = blocks.find((b) => b.kind === 'table' && b.caption === 'Riskmatris');
    expect(matrix).toMatchObject({
      rowHeaders: true,
      headers: ['Sannolikhet \\ Konsekvens', 'Konsekvens 1', 'Konsekvens 2', 'Konsekvens 3', 'Konsekvens 4'],
    });
    // Rows run from the most likely down: sannolikhet 3 is the second row.
    expect(matrix?.kind === 'table' && matrix.rows[1]).toEqual(['Sannolikhet 3', '–', '–', '–', 'Risk 1, 2']);
  });

  it('keeps a risk’s marks of good internal control in its row, and draws a 5 × 5 matrix when graded so (#16)', () => {
    const risk = {
      schema: {
        type: 'object',
        properties: {
          risker: {
            type: 'array',
            title: 'Risker och kontroller',
            items: {
              type: 'object',
              properties: {
                risk: { type: 'string', title: 'Risk' },
                sannolikhet: { type: 'integer', title: 'Sannolikhet', enum: [1, 2, 3, 4, 5] },
                konsekvens: { type: 'integer', title: 'Konsekvens', enum: [1, 2, 3, 4, 5] },
                kontrollmal: { type: 'array', title: 'Kontrollmål', items: { type: 'string' } },
              },
            },
          },
        },
      },
      uiSchema: {},
    };
    const { blocks } = layoutDocument(
      input({
        forms: [risk],
        data: {
          risker: [
            {
              risk: 'Felaktiga utbetalningar',
              sannolikhet: 5,
              konsekvens: 4,
              kontrollmal: [
                'säkerställande av att lagar, policies, reglementen m.m. tillämpas',
                'eliminering eller upptäckt av allvarliga fel',
              ],
            },
          ],
        },
      }),
    );
    const table = blocks.find((b) => b.kind === 'table' && b.caption === 'Risker och kontroller');
    expect(table?.kind === 'table' && table.rows[0][3]).toBe(
      'säkerställande av att lagar, policies, reglementen m.m. tillämpas; eliminering eller upptäckt av allvarliga fel',
    );
    const matrix = blocks.find((b) => b.kind === 'table' && b.caption === 'Riskmatris');
    expect(matrix?.kind === 'table' && matrix.headers).toHaveLength(6);
    expect(matrix?.kind === 'table' && matrix.rows[0]).toEqual([
      'Sannolikhet 5',
      '–',
      '–',
      '–',
      'Risk 1',
      '–',
    ]);
  });

  it('leaves out what is marked secret, naming the paragraph, and says so at the end', () => {
    const { blocks } = layoutDocument(
      input({
        secrecy: [
          { pointer: '/analys', paragraph: 'OSL 21 kap. 1 §' },
          { pointer: '/flerarsplan/0/netto', paragraph: 'OSL 19 kap. 1 §' },
        ],
      }),
    );
    const all = texts(blocks);
    expect(all).not.toContain('Läget är stabilt.');
    expect(all).toContain('Uppgiften omfattas av sekretess (OSL 21 kap. 1 §).');
    expect(all).not.toContain('627 000 000 kr');
    expect(all).toContain('Sekretess (OSL 19 kap. 1 §)');
    expect(all[all.length - 1]).toMatch(/sekretess/);
  });
});
