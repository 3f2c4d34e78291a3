import type { NamndRiskMatrixView, OrgUnitView, Page } from '@rodtrad/contracts';
import { useMemo } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApiQuery } from '../../api/query-client';
import { Loading, NotAvailable, ProblemMessage } from '../../components/feedback';
import { PageHeading } from '../../components/page-heading';
import { UnitOptions } from '../../components/unit-options';
import { t } from '../../i18n/t';
import { NotFoundPage } from '../not-found-page';
import { YearNav } from '../year-nav';
import './internal-control.css';

type Matrix = NamndRiskMatrixView;

export default function RiskMatrixPage({ year }: { year: string }) {
  if (!/^\d{4}$/.test(year)) return <NotFoundPage />;
  return <RiskMatrixYear year={Number(year)} />;
}

/** The bodies that adopt an internkontrollplan: each nämnd and KS, by name. */
function planOwners(units: readonly OrgUnitView[] | undefined): OrgUnitView[] {
  return (units ?? [])
    .filter((u) => u.kind === 'namnd' || u.kind === 'ks')
    .sort((a, b) => a.name.localeCompare(b.name, 'sv-SE'));
}

function RiskMatrixYear({ year }: { year: number }) {
  const [params, setParams] = useSearchParams();
  const units = useApiQuery<Page<OrgUnitView>>('/api/org-units');
  const owners = useMemo(() => planOwners(units.data?.items), [units.data]);
  const namndId = params.get('namnd') || (owners[0] ? String(owners[0].id) : '');
  const matrix = useApiQuery<Matrix>(
    namndId ? `/api/years/${year}/internal-control/${encodeURIComponent(namndId)}/risk-matrix` : null,
  );

  let body: React.ReactNode;
  if (!namndId) body = units.isLoading ? <Loading /> : <p className="empty-state">{t('ic.matrix.choose')}</p>;
  else if (matrix.isLoading) body = <Loading />;
  else if (matrix.error?.isNotFound) body = <NotAvailable />;
  else if (matrix.error) body = <ProblemMessage error={matrix.error} onRetry={matrix.refetch} />;
  else if (matrix.data) body = <MatrixBody m={matrix.data} />;

  return (
    <>
      <PageHeading title={t('ic.matrix.title', { year })} />
      <p className="lead">{t('ic.matrix.intro')}</p>
      <div className="toolbar">
        <YearNav year={year} base="/riskmatris" />
        <div className="field field-inline">
          <label htmlFor="matrix-namnd">{t('ic.matrix.namnd')}</label>
          <select
            id="matrix-namnd"
            className="input"
            value={namndId}
            onChange={(e) => setParams({ namnd: e.target.value }, { replace: true })}
          >
            <UnitOptions units={owners} />
          </select>
        </div>
      </div>
      {body}
    </>
  );
}

function levelText(level: 'low' | 'medium' | 'high'): string {
  return t(`ic.level.${level}`);
}

function MatrixBody({ m }: { m: Matrix }) {
  const planLink = m.plan ? `/dokument/${encodeURIComponent(m.plan.documentId)}` : null;
  const consequences = m.rows[0]?.cells.map((c) => c.konsekvens) ?? [];
  return (
    <>
      {m.plan ? (
        <p>
          <Link to={planLink as string}>{t('ic.matrix.plan', { title: m.plan.title })}</Link> (
          {m.plan.final ? t('ic.matrix.adopted') : t('ic.matrix.underWay')}).{' '}
          {t('ic.matrix.total', { count: m.total })}
        </p>
      ) : (
        <p className="empty-state">{t('ic.matrix.noPlan', { year: m.year })}</p>
      )}
      <section aria-labelledby="matrix-legend" className="card">
        <h2 id="matrix-legend">{t('ic.matrix.legend')}</h2>
        <ul className="risk-legend">
          {m.matrix.levels.map((l) => (
            <li key={l.level}>
              <span className={`risk-swatch risk-${l.level}`} aria-hidden="true" />
              {t('ic.matrix.legendRange', { label: l.label, from: l.from, to: l.to })}
            </li>
          ))}
        </ul>
      </section>
      <div className="table-scroll" role="region" aria-label={t('ic.matrix.tableLabel')} tabIndex={0}>
        <table className="data-table risk-matrix">
          <caption>{t('ic.matrix.caption', { namnd: m.orgUnitName, year: m.year })}</caption>
          <thead>
            <tr>
              <th scope="col" className="risk-corner">
                {t('ic.matrix.corner')}
              </th>
              {consequences.map((k) => (
                <th key={k} scope="col">
                  {t('ic.matrix.consequence', { value: k })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {m.rows.map((row) => (
              <tr key={row.sannolikhet}>
                <th scope="row">{t('ic.matrix.likelihood', { value: row.sannolikhet })}</th>
                {row.cells.map((c) => (
                  <td key={c.konsekvens} className={`risk-cell risk-${c.level}`}>
                    <span className="risk-cell-summary">
                      {c.risks.length === 1
                        ? t('ic.matrix.cellSummaryOne', { value: c.riskvarde, level: levelText(c.level) })
                        : t('ic.matrix.cellSummary', {
                            value: c.riskvarde,
                            level: levelText(c.level),
                            count: c.risks.length,
                          })}
                    </span>
                    {c.risks.length > 0 && planLink && (
                      <ul className="risk-cell-risks">
                        {c.risks.map((r) => (
                          <li key={r.nr}>
                            <Link to={planLink}>{t('ic.matrix.riskLink', { nr: r.nr, risk: r.risk })}</Link>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {m.outside.length > 0 && (
        <section aria-labelledby="matrix-outside" className="card">
          <h2 id="matrix-outside">{t('ic.matrix.outside')}</h2>
          <ul>
            {m.outside.map((r) => (
              <li key={r.nr}>
                {planLink ? (
                  <Link to={planLink}>{t('ic.matrix.riskLink', { nr: r.nr, risk: r.risk })}</Link>
                ) : (
                  t('ic.matrix.riskLink', { nr: r.nr, risk: r.risk })
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
