import type { Page } from 'playwright-core';

// A made-up large municipality for the registrar's matrix (Inlämningsstatus): `units` enheter under
// ten nämnder, every document type and monthly period, states and lateness spread over the cells.
// The browser test and the benchmark (test/bench/web-matrix.bench.ts) serve it with page.route, so
// what they see is the browser's work alone.

const TYPES = [
  'enhetsplan',
  'verksamhetsplan',
  'internkontrollplan',
  'tertialrapport',
  'delarsrapport',
  'verksamhetsberattelse',
];
const MONTHS = ['02', '03', '05', '09', '10', '11', '12'];
const STATES = ['draft', 'review', 'adopted', 'returned', null];

/** Columns of the matrix the fixture fills: every type, and one per monthly report. */
export const MATRIX_COLUMNS = TYPES.length + MONTHS.length;

export interface StatusMatrixFixture {
  year: number;
  /** Rows of the matrix: one per enhet. */
  rows: number;
  units: { items: Record<string, unknown>[]; total: number };
  status: { items: Record<string, unknown>[] };
}

const PHASE_OF: Record<string, string> = {
  draft: 'in_progress',
  review: 'submitted',
  adopted: 'decided',
  returned: 'in_progress',
};

/** Every monthly report of a year but July's (no report over the summer): with the types, 17 columns. */
export const FULL_YEAR_MONTHS = ['01', '02', '03', '04', '05', '06', '08', '09', '10', '11', '12'];

export function statusMatrixFixture(
  units: number,
  year = 2099,
  months: readonly string[] = MONTHS,
): StatusMatrixFixture {
  const orgUnits = [
    { id: 'kommun', parentId: null, kind: 'kommun', name: 'Storkommun', code: 'K' },
    ...Array.from({ length: 10 }, (_, n) => ({
      id: `n${n}`,
      parentId: 'kommun',
      kind: 'namnd',
      name: `Nämnd ${n}`,
      code: `N${n}`,
    })),
    ...Array.from({ length: units }, (_, i) => ({
      id: `u${i}`,
      parentId: `n${i % 10}`,
      kind: 'enhet',
      name: `Enhet ${String(i).padStart(3, '0')}`,
      code: `E${i}`,
    })),
  ];
  const items: Record<string, unknown>[] = [];
  for (let i = 0; i < units; i++) {
    const slots = [
      ...TYPES.map((type) => [type, null] as const),
      ...months.map((m) => ['manadsrapport', `${year}-${m}`] as const),
    ];
    slots.forEach(([documentType, period], j) => {
      const state = STATES[(i + j) % STATES.length];
      items.push({
        orgUnitId: `u${i}`,
        orgUnitName: `Enhet ${String(i).padStart(3, '0')}`,
        documentType,
        period,
        documentId: state ? `d-${i}-${j}` : null,
        state,
        stateTitle: null,
        dueAt: `${year}-01-31T23:00:00.000Z`,
        overdue: (i + j) % 7 === 0,
        submittedAt: state === 'review' ? `${year}-01-20T10:00:00.000Z` : null,
        decidedAt: null,
        diarienummer: state === 'adopted' ? `KS ${year}/${i * 13 + j}` : null,
        phase: state ? PHASE_OF[state] : 'not_started',
      });
    });
  }
  return { year, rows: units, units: { items: orgUnits, total: orgUnits.length }, status: { items } };
}

/** Answers the page's two data requests (the unit tree, the year's status) from the fixture. */
export async function serveStatusMatrix(page: Page, fixture: StatusMatrixFixture): Promise<void> {
  await page.route('**/api/org-units', (route) => route.fulfill({ json: fixture.units }));
  await page.route(`**/api/years/${fixture.year}/status`, (route) => route.fulfill({ json: fixture.status }));
}
