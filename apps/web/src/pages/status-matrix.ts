import type { OrgUnitView, YearStatusRow } from '@rodtrad/contracts';
import { DOCUMENT_TYPE_ORDER, isDocumentPhase, type DocumentPhase } from '@rodtrad/domain';

// Pure shaping of GET /api/years/{year}/status into rows × columns; unit tested without a DOM.

/** Columns in the order people read the types (the domain's DocumentTypeTraits.order). */
export const DOC_TYPE_ORDER: readonly string[] = DOCUMENT_TYPE_ORDER;

export interface Column {
  key: string;
  documentType: string;
  period: string | null;
}

export interface Row {
  orgUnitId: string;
  orgUnitName: string;
  /** Ids of this unit and every unit above it, for the nämnd filter. */
  ancestors: Set<string>;
  cells: Map<string, YearStatusRow>;
}

export interface Matrix {
  columns: Column[];
  rows: Row[];
}

export const columnKey = (documentType: string, period?: string | null): string =>
  `${documentType}|${period ?? ''}`;

const collator = new Intl.Collator('sv-SE', { numeric: true, sensitivity: 'base' });

function typeRank(type: string): number {
  const index = DOC_TYPE_ORDER.indexOf(type);
  return index === -1 ? DOC_TYPE_ORDER.length : index;
}

export function buildMatrix(items: YearStatusRow[], units: OrgUnitView[] = []): Matrix {
  const columnsByKey = new Map<string, Column>();
  const rowsById = new Map<string, Row>();
  const parentOf = new Map(units.map((u) => [String(u.id), u.parentId === null ? null : String(u.parentId)]));
  const treeOrder = depthFirstOrder(units);

  for (const item of items) {
    const key = columnKey(item.documentType, item.period);
    if (!columnsByKey.has(key)) {
      columnsByKey.set(key, { key, documentType: item.documentType, period: item.period ?? null });
    }
    const id = String(item.orgUnitId);
    let row = rowsById.get(id);
    if (!row) {
      row = {
        orgUnitId: id,
        orgUnitName: item.orgUnitName,
        ancestors: ancestorsOf(id, parentOf),
        cells: new Map(),
      };
      rowsById.set(id, row);
    }
    row.cells.set(key, item);
  }

  const columns = [...columnsByKey.values()].sort(
    (a, b) =>
      typeRank(a.documentType) - typeRank(b.documentType) ||
      collator.compare(a.documentType, b.documentType) ||
      collator.compare(a.period ?? '', b.period ?? ''),
  );
  const rows = [...rowsById.values()].sort((a, b) => {
    const ai = treeOrder.get(a.orgUnitId) ?? Number.MAX_SAFE_INTEGER;
    const bi = treeOrder.get(b.orgUnitId) ?? Number.MAX_SAFE_INTEGER;
    return ai - bi || collator.compare(a.orgUnitName, b.orgUnitName);
  });
  return { columns, rows };
}

function ancestorsOf(id: string, parentOf: Map<string, string | null>): Set<string> {
  const seen = new Set<string>([id]);
  let current = parentOf.get(id) ?? null;
  while (current !== null && !seen.has(current)) {
    seen.add(current);
    current = parentOf.get(current) ?? null;
  }
  return seen;
}

/** Units in tree order (parents before children, siblings by name). */
export function depthFirstOrder(units: OrgUnitView[]): Map<string, number> {
  const children = new Map<string | null, OrgUnitView[]>();
  const ids = new Set(units.map((u) => String(u.id)));
  for (const unit of units) {
    const parent = unit.parentId !== null && ids.has(String(unit.parentId)) ? String(unit.parentId) : null;
    const list = children.get(parent) ?? [];
    list.push(unit);
    children.set(parent, list);
  }
  const order = new Map<string, number>();
  const visit = (parent: string | null) => {
    const list = (children.get(parent) ?? []).sort((a, b) => collator.compare(a.name, b.name));
    for (const unit of list) {
      const id = String(unit.id);
      if (order.has(id)) continue;
      order.set(id, order.size);
      visit(id);
    }
  };
  visit(null);
  return order;
}

/** A run of columns under one document type: one column, or one per period (the monthly reports). */
export interface HeaderGroup {
  documentType: string;
  columns: Column[];
  /** True when the type has periods, so the header has a second row naming them. */
  periodic: boolean;
}

/** Groups adjacent columns of one type, for a two-row header: the type over its periods. */
export function headerGroups(columns: readonly Column[]): HeaderGroup[] {
  const groups: HeaderGroup[] = [];
  for (const column of columns) {
    const last = groups[groups.length - 1];
    if (last && last.periodic && column.period && last.documentType === column.documentType)
      last.columns.push(column);
    else
      groups.push({ documentType: column.documentType, columns: [column], periodic: Boolean(column.period) });
  }
  return groups;
}

/**
 * A Swedish compound as a narrow column header may break it: a soft hyphen before each of the
 * words document types end in ("Intern­kontroll­plan", "Verksam­hets­berättelse"). Browsers here
 * have no Swedish hyphenation dictionary, and screen readers skip soft hyphens.
 */
export function breakableLabel(label: string): string {
  return label.replace(
    /(?<=\p{L}{3})(hets|kontroll|plan|rapport|berättelse|redovisning|ärende)/gu,
    '\u00AD$1',
  );
}

const monthName = new Intl.DateTimeFormat('sv-SE', { month: 'short', timeZone: 'UTC' });

/**
 * A period as its column reads it: a month of the year by name ("feb."), a company's report after
 * the year end (bolagsrapport HELAR) as "helår", anything else as it is.
 */
export function periodLabel(period: string): string {
  if (period === 'HELAR') return 'helår';
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  return month ? monthName.format(new Date(Date.UTC(Number(month[1]), Number(month[2]) - 1, 1))) : period;
}

export interface MatrixFilter {
  namndId: string;
  documentType: string;
  /** The phase across document types; '' for all. */
  phase: DocumentPhase | '';
  overdueOnly: boolean;
}

export const NO_FILTER: MatrixFilter = { namndId: '', documentType: '', phase: '', overdueOnly: false };

/**
 * The filter as it stands in the page's address (`?namnd=…&typ=…&fas=…&sen=1`), so a reload, a
 * bookmark or a link sent to a colleague shows the same rows. Unknown values are ignored.
 */
export function filterFromSearch(search: URLSearchParams): MatrixFilter {
  const phase = search.get('fas') ?? '';
  return {
    namndId: search.get('namnd') ?? '',
    documentType: search.get('typ') ?? '',
    phase: isDocumentPhase(phase) ? phase : '',
    overdueOnly: search.get('sen') === '1',
  };
}

export function filterToSearch(filter: MatrixFilter, search = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(search);
  const set = (key: string, value: string) => (value ? next.set(key, value) : next.delete(key));
  set('namnd', filter.namndId);
  set('typ', filter.documentType);
  set('fas', filter.phase);
  set('sen', filter.overdueOnly ? '1' : '');
  return next;
}

/** The API's query for the same filter, so the CSV and Excel exports hold what the page shows. */
export function exportQuery(filter: MatrixFilter, format: 'csv' | 'xlsx'): string {
  const q = new URLSearchParams({ format });
  if (filter.namndId) q.set('namndId', filter.namndId);
  if (filter.documentType) q.set('type', filter.documentType);
  if (filter.phase) q.set('phase', filter.phase);
  if (filter.overdueOnly) q.set('overdue', 'true');
  return q.toString();
}

export function filterMatrix(matrix: Matrix, filter: MatrixFilter): Matrix {
  const columns = filter.documentType
    ? matrix.columns.filter((c) => c.documentType === filter.documentType)
    : matrix.columns;
  const rows = matrix.rows.filter((row) => {
    if (filter.namndId && !row.ancestors.has(filter.namndId)) return false;
    if (!filter.phase && !filter.overdueOnly) return columns.some((c) => row.cells.has(c.key));
    return columns.some((c) => {
      const cell = row.cells.get(c.key);
      if (!cell) return false;
      if (filter.phase && cell.phase !== filter.phase) return false;
      return !filter.overdueOnly || Boolean(cell.overdue);
    });
  });
  return { columns, rows };
}
