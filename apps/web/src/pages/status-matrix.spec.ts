import { statusRow, type OrgUnitView, type YearStatusRow } from '@rodtrad/contracts';
import type { DocumentTypeKey } from '@rodtrad/domain';
import { parseProblem } from '../api/api-error';
import { classifyLinkProblem } from './approval-outcome';
import {
  breakableLabel,
  buildMatrix,
  exportQuery,
  filterFromSearch,
  filterMatrix,
  filterToSearch,
  headerGroups,
  NO_FILTER,
  periodLabel,
} from './status-matrix';

const units: OrgUnitView[] = [
  { id: '1', parentId: null, kind: 'kommun', name: 'Hallsbergs kommun', code: 'KOM' },
  { id: '2', parentId: '1', kind: 'namnd', name: 'Bildningsnämnden', code: 'BIN' },
  { id: '3', parentId: '2', kind: 'forvaltning', name: 'Bildningsförvaltningen', code: 'BIF' },
  { id: '4', parentId: '3', kind: 'enhet', name: 'Alléskolan', code: 'ALLE' },
  { id: '5', parentId: '1', kind: 'namnd', name: 'Socialnämnden', code: 'SN' },
];

const item = (
  orgUnitId: string,
  documentType: DocumentTypeKey,
  state: string,
  extra: Partial<YearStatusRow> = {},
): YearStatusRow =>
  statusRow({
    orgUnitId,
    orgUnitName: units.find((u) => u.id === orgUnitId)?.name ?? '',
    documentType,
    state,
    ...extra,
  });

const items = [
  item('4', 'enhetsplan', 'draft', { overdue: true, phase: 'in_progress' }),
  item('2', 'mal-och-budget', 'approved', { diarienummer: 'BN 12/2026', phase: 'decided' }),
  item('5', 'manadsrapport', 'submitted', { period: '2026-03', phase: 'submitted' }),
  item('5', 'manadsrapport', 'approved', { period: '2026-02', phase: 'decided' }),
  item('3', 'forvaltningsplan', 'review', { phase: 'submitted' }),
];

describe('buildMatrix', () => {
  it('orders columns by the year wheel and rows by the organisation tree', () => {
    const { columns, rows } = buildMatrix(items, units);
    expect(columns.map((c) => c.key)).toEqual([
      'mal-och-budget|',
      'forvaltningsplan|',
      'enhetsplan|',
      'manadsrapport|2026-02',
      'manadsrapport|2026-03',
    ]);
    expect(rows.map((r) => r.orgUnitName)).toEqual([
      'Bildningsnämnden',
      'Bildningsförvaltningen',
      'Alléskolan',
      'Socialnämnden',
    ]);
  });

  it('filters by nämnd, type, phase and lateness', () => {
    const matrix = buildMatrix(items, units);
    const base = NO_FILTER;
    expect(filterMatrix(matrix, { ...base, namndId: '2' }).rows).toHaveLength(3);
    expect(
      filterMatrix(matrix, { ...base, documentType: 'manadsrapport' }).rows.map((r) => r.orgUnitId),
    ).toEqual(['5']);
    // One phase across types, whatever each workflow calls its step ("submitted", "review").
    expect(filterMatrix(matrix, { ...base, phase: 'submitted' }).rows.map((r) => r.orgUnitName)).toEqual([
      'Bildningsförvaltningen',
      'Socialnämnden',
    ]);
    expect(filterMatrix(matrix, { ...base, overdueOnly: true }).rows.map((r) => r.orgUnitName)).toEqual([
      'Alléskolan',
    ]);
  });

  it('keeps the filter in the address and gives the exports the same filter', () => {
    const filter = {
      namndId: '2',
      documentType: 'enhetsplan',
      phase: 'in_progress' as const,
      overdueOnly: true,
    };
    const search = filterToSearch(filter, new URLSearchParams('x=1'));
    expect(search.toString()).toBe('x=1&namnd=2&typ=enhetsplan&fas=in_progress&sen=1');
    expect(filterFromSearch(search)).toEqual(filter);
    expect(filterFromSearch(new URLSearchParams('fas=granskning'))).toEqual(NO_FILTER);
    expect(filterToSearch(NO_FILTER, search).toString()).toBe('x=1');
    expect(exportQuery(filter, 'csv')).toBe(
      'format=csv&namndId=2&type=enhetsplan&phase=in_progress&overdue=true',
    );
    expect(exportQuery(NO_FILTER, 'xlsx')).toBe('format=xlsx');
  });

  it('groups the monthly reports under one header, their months by name', () => {
    const { columns } = buildMatrix(items, units);
    expect(
      headerGroups(columns).map((g) => [g.documentType, g.columns.map((c) => c.period), g.periodic]),
    ).toEqual([
      ['mal-och-budget', [null], false],
      ['forvaltningsplan', [null], false],
      ['enhetsplan', [null], false],
      ['manadsrapport', ['2026-02', '2026-03'], true],
    ]);
    expect(['2026-02', '2026-03', '2026-12', 'T1', 'HELAR'].map(periodLabel)).toEqual([
      'feb.',
      'mars',
      'dec.',
      'T1',
      'helår',
    ]);
  });

  it('lets a narrow header break a compound where a Swede would', () => {
    expect(
      [
        'Internkontrollplan',
        'Verksamhetsberättelse',
        'Månadsrapport',
        'Mål och budget',
        'Årsredovisning',
      ].map((label) => breakableLabel(label).replace(/\u00AD/g, '-')),
    ).toEqual([
      'Intern-kontroll-plan',
      'Verksam-hets-berättelse',
      'Månads-rapport',
      'Mål och budget',
      'Års-redovisning',
    ]);
  });

  it('builds 300 units × 12 columns', () => {
    const many: YearStatusRow[] = [];
    for (let u = 0; u < 300; u += 1) {
      for (let m = 1; m <= 12; m += 1)
        many.push(item(String(1000 + u), 'manadsrapport', 'draft', { period: `2026-${m}` }));
    }
    const matrix = buildMatrix(many, units);
    expect(matrix.rows).toHaveLength(300);
    expect(matrix.columns).toHaveLength(12);
    expect(
      matrix.rows.every((row) => matrix.columns.every((c) => row.cells.get(c.key)?.state === 'draft')),
    ).toBe(true);
  });
});

describe('classifyLinkProblem', () => {
  it('tells unknown, used and expired approval links apart', () => {
    expect(classifyLinkProblem(parseProblem(404, { title: 'Not Found' }))).toBe('unknown');
    expect(classifyLinkProblem(parseProblem(410, { type: '/problems/approval-token-expired' }))).toBe(
      'expired',
    );
    expect(classifyLinkProblem(parseProblem(410, { code: 'APPROVAL_ALREADY_USED' }))).toBe('used');
    expect(classifyLinkProblem(parseProblem(410, { title: 'Gone' }))).toBe('gone');
    expect(classifyLinkProblem(parseProblem(500, {}))).toBeNull();
  });
});
