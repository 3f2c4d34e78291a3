import type { InternalControlSummaryView } from '@rodtrad/contracts';
import { Link, useLocation } from 'react-router';
import { useApiQuery } from '../../api/query-client';
import { DataTable } from '../../components/data-table';
import { Loading, NotAvailable, ProblemMessage } from '../../components/feedback';
import { PageHeading } from '../../components/page-heading';
import { t } from '../../i18n/t';
import { NotFoundPage } from '../not-found-page';
import { YearNav } from '../year-nav';

type Summary = InternalControlSummaryView;
type Report = Summary['report'];
const REPORTS: readonly Report[] = ['delarsrapport', 'verksamhetsberattelse'];

function reportOf(search: string): Report {
  const asked = new URLSearchParams(search).get('rapport');
  return REPORTS.find((r) => r === asked) ?? 'delarsrapport';
}

/** KS's summary of the municipality's internal control (#16): per nämnd, and every deviation. */
export default function InternalControlPage({ year }: { year: string }) {
  const { search } = useLocation();
  if (!/^\d{4}$/.test(year)) return <NotFoundPage />;
  return <SummaryView key={`${year}${search}`} year={Number(year)} report={reportOf(search)} />;
}

function SummaryView({ year, report }: { year: number; report: Report }) {
  const summary = useApiQuery<Summary>(`/api/years/${year}/internal-control`, { report });
  let body: React.ReactNode;
  if (summary.isLoading) body = <Loading />;
  else if (summary.error?.isNotFound) body = <NotAvailable />;
  else if (summary.error?.status === 403)
    body = <p className="notice notice-info">{t('ic.summary.forbidden')}</p>;
  else if (summary.error) body = <ProblemMessage error={summary.error} onRetry={summary.refetch} />;
  else if (summary.data) body = <SummaryBody s={summary.data} />;
  return (
    <>
      <PageHeading title={t('ic.summary.title', { year })} />
      <p className="lead">{t('ic.summary.intro')}</p>
      <div className="toolbar">
        <YearNav year={year} base="/intern-kontroll" />
        <nav aria-label={t('ic.summary.reports')} className="button-row">
          {REPORTS.map((r) => (
            <Link
              key={r}
              className={r === report ? 'button' : 'button button-secondary'}
              aria-current={r === report ? 'page' : undefined}
              to={`/intern-kontroll/${year}?rapport=${r}`}
            >
              {t(`docType.${r}`)}
            </Link>
          ))}
        </nav>
      </div>
      {body}
    </>
  );
}

const doc = (id: string) => `/dokument/${encodeURIComponent(id)}`;

function SummaryBody({ s }: { s: Summary }) {
  const withDeviations = s.namnder.filter((n) => n.deviations.length > 0);
  return (
    <>
      <section aria-labelledby="ic-namnder" className="card">
        <h2 id="ic-namnder">{t('ic.summary.tableLabel')}</h2>
        <div className="table-scroll" role="region" aria-labelledby="ic-namnder" tabIndex={0}>
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">{t('ic.summary.namnd')}</th>
                <th scope="col">{t('ic.summary.planned')}</th>
                <th scope="col">{t('ic.summary.performed')}</th>
                <th scope="col">{t('ic.summary.withDeviation')}</th>
                <th scope="col">{t('ic.summary.notPerformed')}</th>
                <th scope="col">{t('ic.summary.unreported')}</th>
                <th scope="col">{t('ic.summary.report')}</th>
              </tr>
            </thead>
            <tbody>
              {s.namnder.map((n) => (
                <tr key={n.orgUnitId}>
                  <th scope="row">
                    {n.plan ? <Link to={doc(n.plan.documentId)}>{n.name}</Link> : n.name}
                    {!n.plan && <span className="muted"> ({t('ic.summary.noPlan')})</span>}
                  </th>
                  <td>{n.planned}</td>
                  <td>{n.performed}</td>
                  <td>{n.withDeviation}</td>
                  <td>{n.notPerformed}</td>
                  <td>{n.unreported}</td>
                  <td>
                    {n.report ? (
                      <Link to={doc(n.report.documentId)}>{n.report.title}</Link>
                    ) : (
                      <span className="muted">{t('ic.summary.noReport')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('ic.summary.total')}</th>
                <td>{s.totals.planned}</td>
                <td>{s.totals.performed}</td>
                <td>{s.totals.withDeviation}</td>
                <td>{s.totals.notPerformed}</td>
                <td>{s.totals.unreported}</td>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      </section>
      <section aria-labelledby="ic-deviations" className="card">
        <h2 id="ic-deviations">{t('ic.summary.deviations')}</h2>
        {withDeviations.length === 0 ? (
          <p className="empty-state">{t('ic.summary.noDeviations')}</p>
        ) : (
          withDeviations.map((n) => (
            <div key={n.orgUnitId}>
              <h3>{n.name}</h3>
              <DataTable
                label={`${t('ic.summary.deviationsLabel')}: ${n.name}`}
                headers={[
                  t('ic.summary.control'),
                  t('ic.summary.outcome'),
                  t('ic.summary.description'),
                  t('ic.summary.action'),
                ]}
              >
                {n.deviations.map((d, i) => (
                  <tr key={i}>
                    <td>
                      {n.report ? (
                        <Link to={doc(n.report.documentId)}>
                          {d.nr === null
                            ? d.kontroll
                            : t('ic.summary.nr', { nr: d.nr, kontroll: d.kontroll })}
                        </Link>
                      ) : (
                        d.kontroll
                      )}
                    </td>
                    <td>{d.utfallText}</td>
                    <td>{d.beskrivning || t('common.none')}</td>
                    <td>{d.atgard || t('common.none')}</td>
                  </tr>
                ))}
              </DataTable>
            </div>
          ))
        )}
      </section>
    </>
  );
}
