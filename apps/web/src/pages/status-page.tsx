import type { OrgUnitView, Page, YearStatusRow } from '@rodtrad/contracts';
import { DOCUMENT_PHASE_LABELS, DOCUMENT_PHASES, type DocumentPhase } from '@rodtrad/domain';
import { memo, useCallback, useDeferredValue, useMemo, useState, type MouseEvent } from 'react';
import { useApiQuery } from '../api/query-client';
import { Loading, NotAvailable, ProblemMessage } from '../components/feedback';
import { SelectField } from '../components/field';
import { PageHeading } from '../components/page-heading';
import { OverdueBadge } from '../components/state-badge';
import { stateTone, type StateTone } from '../components/state-tone';
import { namnderOf, UnitOptions } from '../components/unit-options';
import { formatDate } from '../i18n/format';
import { docTypeLabel, stateLabel, t } from '../i18n/t';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { NotFoundPage } from './not-found-page';
import {
  buildMatrix,
  exportQuery,
  filterFromSearch,
  filterMatrix,
  filterToSearch,
  breakableLabel,
  headerGroups,
  periodLabel,
  type Column,
  type MatrixFilter,
  type Row,
} from './status-matrix';

const LEGEND: StateTone[] = ['done', 'waiting', 'attention', 'open', 'missing'];
const OVERDUE = t('common.overdue');
const SHORT_TONE: Record<StateTone, string> = {
  done: t('status.toneShort.done'),
  waiting: t('status.toneShort.waiting'),
  attention: t('status.toneShort.attention'),
  open: t('status.toneShort.open'),
  missing: t('status.toneShort.missing'),
};

export default function StatusPage({ year: yearParam }: { year: string }) {
  if (!/^\d{4}$/.test(yearParam)) return <NotFoundPage />;
  return <StatusView year={Number(yearParam)} />;
}

function StatusView({ year }: { year: number }) {
  const status = useApiQuery<{ items: YearStatusRow[] }>(`/api/years/${year}/status`);
  const units = useApiQuery<Page<OrgUnitView>>('/api/org-units');
  // The filter and the view are kept in the address too, so a reload or a shared link shows the
  // same rows; the page's own state answers the click at once, the address follows.
  const [search, setSearch] = useSearchParams();
  const [filter, setFilterState] = useState(() => filterFromSearch(search));
  const [detailed, setDetailedState] = useState(() => search.get('visning') === 'detaljer');
  const setFilter = useCallback(
    (next: MatrixFilter) => {
      setFilterState(next);
      setSearch((current) => filterToSearch(next, current), { replace: true });
    },
    [setSearch],
  );
  const setDetailed = (on: boolean) => {
    setDetailedState(on);
    setSearch(
      (current) => {
        const next = new URLSearchParams(current);
        if (on) next.set('visning', 'detaljer');
        else next.delete('visning');
        return next;
      },
      { replace: true },
    );
  };

  const matrix = useMemo(
    () => buildMatrix(status.data?.items ?? [], units.data?.items ?? []),
    [status.data, units.data],
  );
  // The filters answer at once; the big table follows when React has time.
  const deferredFilter = useDeferredValue(filter);
  const visible = useMemo(() => filterMatrix(matrix, deferredFilter), [matrix, deferredFilter]);
  const namnder = useMemo(() => namnderOf(units.data?.items), [units.data]);
  const types = useMemo(() => [...new Set(matrix.columns.map((c) => c.documentType))], [matrix]);

  let body: React.ReactNode;
  if (status.isLoading) body = <Loading />;
  else if (status.error?.isNotFound) body = <NotAvailable message={t('status.notAvailable')} />;
  else if (status.error) body = <ProblemMessage error={status.error} onRetry={status.refetch} />;
  else if (matrix.rows.length === 0) body = <p className="empty-state">{t('status.empty', { year })}</p>;
  else
    body = (
      <>
        <Filters filter={filter} onChange={setFilter} namnder={namnder} types={types} />
        <div className="field field-checkbox">
          <input
            id="status-details"
            type="checkbox"
            checked={detailed}
            onChange={(e) => setDetailed(e.target.checked)}
          />
          <label htmlFor="status-details">{t('status.details')}</label>
        </div>
        <p role="status" className="muted">
          {t('status.showing', { shown: visible.rows.length, total: matrix.rows.length })}
        </p>
        <Legend />
        {visible.rows.length === 0 ? (
          <p className="empty-state">{t('status.noMatch')}</p>
        ) : (
          <StatusTable year={year} columns={visible.columns} rows={visible.rows} detailed={detailed} />
        )}
      </>
    );

  return (
    <>
      <PageHeading title={t('status.title', { year })} />
      <p className="lead">{t('status.intro')}</p>
      <div className="toolbar">
        <nav aria-label={t('status.yearNav')} className="button-row">
          <Link
            className="button button-secondary"
            to={{ pathname: `/inlamning/${year - 1}`, search: search.toString() }}
          >
            {t('status.prevYear', { year: year - 1 })}
          </Link>
          <Link
            className="button button-secondary"
            to={{ pathname: `/inlamning/${year + 1}`, search: search.toString() }}
          >
            {t('status.nextYear', { year: year + 1 })}
          </Link>
        </nav>
        <div className="button-row" role="group" aria-label={t('status.export')}>
          <span className="muted">{t('status.export')}:</span>
          <a
            className="button button-secondary"
            href={`/api/years/${year}/status?${exportQuery(filter, 'csv')}`}
            download
            aria-label={t('status.exportCsvLabel', { year })}
          >
            {t('status.exportCsv')}
          </a>
          <a
            className="button button-secondary"
            href={`/api/years/${year}/status?${exportQuery(filter, 'xlsx')}`}
            download
            aria-label={t('status.exportXlsxLabel', { year })}
          >
            {t('status.exportXlsx')}
          </a>
        </div>
      </div>
      {body}
    </>
  );
}

interface FiltersProps {
  filter: MatrixFilter;
  onChange: (filter: MatrixFilter) => void;
  namnder: OrgUnitView[];
  types: string[];
}

function Filters({ filter, onChange, namnder, types }: FiltersProps) {
  const set = (patch: Partial<MatrixFilter>) => onChange({ ...filter, ...patch });
  return (
    <fieldset className="filters">
      <legend>{t('status.filters')}</legend>
      {namnder.length > 0 && (
        <SelectField
          id="filter-namnd"
          label={t('status.filter.namnd')}
          value={filter.namndId}
          onChange={(e) => set({ namndId: e.target.value })}
        >
          <UnitOptions units={namnder} empty={t('common.all')} />
        </SelectField>
      )}
      <SelectField
        id="filter-type"
        label={t('status.filter.type')}
        value={filter.documentType}
        onChange={(e) => set({ documentType: e.target.value })}
      >
        <option value="">{t('common.all')}</option>
        {types.map((type) => (
          <option key={type} value={type}>
            {docTypeLabel(type)}
          </option>
        ))}
      </SelectField>
      <SelectField
        id="filter-phase"
        label={t('status.filter.phase')}
        value={filter.phase}
        onChange={(e) => set({ phase: e.target.value as DocumentPhase | '' })}
      >
        <option value="">{t('common.all')}</option>
        {DOCUMENT_PHASES.map((phase) => (
          <option key={phase} value={phase}>
            {DOCUMENT_PHASE_LABELS[phase]}
          </option>
        ))}
      </SelectField>
      <div className="field field-checkbox">
        <input
          id="filter-overdue"
          type="checkbox"
          checked={filter.overdueOnly}
          onChange={(e) => set({ overdueOnly: e.target.checked })}
        />
        <label htmlFor="filter-overdue">{t('status.filter.overdueOnly')}</label>
      </div>
    </fieldset>
  );
}

function Legend() {
  return (
    <div className="legend">
      <span className="legend-title">{t('status.legend')}:</span>
      <ul>
        {LEGEND.map((tone) => (
          <li key={tone}>
            <span className={`badge badge-${tone}`}>
              <span aria-hidden="true" className="badge-icon" />
              {t(`status.tone.${tone}`)}
            </span>
          </li>
        ))}
        <li>
          <OverdueBadge />
        </li>
      </ul>
    </div>
  );
}

function StatusTable({
  year,
  columns,
  rows,
  detailed,
}: {
  year: number;
  columns: Column[];
  rows: Row[];
  detailed: boolean;
}) {
  const navigate = useNavigate();
  const groups = useMemo(() => headerGroups(columns), [columns]);
  const periodic = groups.some((group) => group.periodic);
  // One delegated handler instead of a Link component in each of the thousands of cells.
  const onClick = useCallback(
    (event: MouseEvent<HTMLTableElement>) => {
      const link = (event.target as HTMLElement).closest('a[data-route]');
      if (!link || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey)
        return;
      event.preventDefault();
      navigate(link.getAttribute('href') as string);
    },
    [navigate],
  );
  return (
    <div className="table-scroll" role="region" aria-labelledby="status-caption" tabIndex={0}>
      <table className={detailed ? 'status-table' : 'status-table status-table-compact'} onClick={onClick}>
        <caption id="status-caption" className="visually-hidden">
          {t('status.caption', { year })}
        </caption>
        <thead>
          <tr>
            <th scope="col" rowSpan={periodic ? 2 : 1}>
              {t('status.unit')}
            </th>
            {groups.map((group) =>
              group.periodic ? (
                <th scope="colgroup" colSpan={group.columns.length} key={group.columns[0]?.key}>
                  {breakableLabel(docTypeLabel(group.documentType))}
                </th>
              ) : (
                <th scope="col" rowSpan={periodic ? 2 : 1} key={group.columns[0]?.key}>
                  {breakableLabel(docTypeLabel(group.documentType))}
                </th>
              ),
            )}
          </tr>
          {periodic && (
            <tr>
              {groups
                .filter((group) => group.periodic)
                .flatMap((group) =>
                  group.columns.map((column) => (
                    <th scope="col" key={column.key} className="period-header">
                      {periodLabel(column.period ?? '')}
                    </th>
                  )),
                )}
            </tr>
          )}
        </thead>
        <tbody>
          {rows.map((row) => (
            <StatusRow key={row.orgUnitId} row={row} columns={columns} detailed={detailed} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

const NOT_APPLICABLE = (
  <>
    <span aria-hidden="true">{t('common.none')}</span>
    <span className="visually-hidden">{t('status.notApplicable')}</span>
  </>
);

// Cells are plain elements (no per-cell components or hooks) so 300 units × many columns render fast.
// Compact (the default) shows each cell's tone in a word, with the workflow's own step title for
// screen readers and on hover; detailed adds the step title, diarienummer and dates.
const StatusRow = memo(function StatusRow({
  row,
  columns,
  detailed,
}: {
  row: Row;
  columns: Column[];
  detailed: boolean;
}) {
  return (
    <tr>
      <th scope="row">{row.orgUnitName}</th>
      {columns.map((column) => {
        const cell = row.cells.get(column.key);
        if (!cell) {
          return (
            <td key={column.key} className="cell-empty">
              {NOT_APPLICABLE}
            </td>
          );
        }
        const tone = stateTone(cell.state);
        const title = cell.stateTitle || stateLabel(cell.state ?? 'missing');
        const badge = detailed ? (
          <span className={`badge badge-${tone}`}>
            <span aria-hidden="true" className="badge-icon" />
            {title}
          </span>
        ) : (
          <span className={`badge badge-${tone}`} title={title}>
            <span aria-hidden="true" className="badge-icon" />
            <span aria-hidden="true">{SHORT_TONE[tone]}</span>
            <span className="visually-hidden">{title}</span>
          </span>
        );
        return (
          <td key={column.key} className={cell.overdue ? 'cell-overdue' : undefined}>
            {cell.documentId != null ? (
              <a
                href={`/dokument/${encodeURIComponent(String(cell.documentId))}`}
                data-route=""
                className="cell-link"
              >
                {badge}
              </a>
            ) : (
              badge
            )}
            {cell.overdue &&
              (detailed ? (
                <span className="badge badge-overdue">{OVERDUE}</span>
              ) : (
                <span className="overdue-mark" title={OVERDUE}>
                  <span aria-hidden="true">⚠</span>
                  <span className="visually-hidden">{OVERDUE}</span>
                </span>
              ))}
            {detailed && cell.diarienummer && (
              <span className="dnr">{t('status.diarienummer', { dnr: cell.diarienummer })}</span>
            )}
            {detailed && cell.submittedAt && (
              <span className="cell-date">
                {t('status.submittedAt', { date: formatDate(cell.submittedAt) })}
              </span>
            )}
          </td>
        );
      })}
    </tr>
  );
});
