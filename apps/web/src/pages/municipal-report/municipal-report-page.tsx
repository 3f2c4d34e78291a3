import type { MunicipalReportCompilationView } from '@rodtrad/contracts';
import { Link, useLocation } from 'react-router';
import { useApiQuery } from '../../api/query-client';
import { Loading, NotAvailable, ProblemMessage } from '../../components/feedback';
import { KoladaChart } from '../../components/kolada-chart/kolada-chart';
import { PageHeading } from '../../components/page-heading';
import { formatNumber, formatSum } from '../../i18n/format';
import { t } from '../../i18n/t';
import { TrafficLight } from '../red-thread/red-thread-page';
import { NotFoundPage } from '../not-found-page';
import { YearNav } from '../year-nav';
import { deviationWord, MUNICIPAL_REPORT_KINDS, reportKindOf, targetText } from './municipal-report';

type Report = MunicipalReportCompilationView;
type Goal = Report['finansiellaMal'][number];

export default function MunicipalReportPage({ year }: { year: string }) {
  const { search } = useLocation();
  if (!/^\d{4}$/.test(year)) return <NotFoundPage />;
  return <MunicipalReportView key={`${year}${search}`} year={Number(year)} kind={reportKindOf(search)} />;
}

function MunicipalReportView({ year, kind }: { year: number; kind: Report['type'] }) {
  const report = useApiQuery<Report>(`/api/years/${year}/municipal-report`, { type: kind });
  let body: React.ReactNode;
  if (report.isLoading) body = <Loading />;
  else if (report.error?.isNotFound) body = <NotAvailable />;
  else if (report.error) body = <ProblemMessage error={report.error} onRetry={report.refetch} />;
  else if (report.data) body = <ReportBody report={report.data} />;
  return (
    <>
      <PageHeading title={t('municipalReport.title', { year })} />
      <p className="lead">{t('municipalReport.intro')}</p>
      <div className="toolbar">
        <YearNav year={year} base="/kommunens-rapport" />
        <nav aria-label={t('municipalReport.kinds')} className="button-row">
          {MUNICIPAL_REPORT_KINDS.map((k) => (
            <Link
              key={k}
              className={k === kind ? 'button' : 'button button-secondary'}
              aria-current={k === kind ? 'page' : undefined}
              to={`/kommunens-rapport/${year}?typ=${k}`}
            >
              {t(`docType.${k}`)}
            </Link>
          ))}
        </nav>
      </div>
      {body}
    </>
  );
}

function Deviation({ value }: { value: number | null }) {
  const word = deviationWord(value);
  if (word === null) return <>{t('common.none')}</>;
  return (
    <>
      {formatSum(value)} <span className="muted">({t(`municipalReport.${word}`)})</span>
    </>
  );
}

function ReportBody({ report }: { report: Report }) {
  return (
    <>
      {report.documentId && (
        <p>
          <Link to={`/dokument/${encodeURIComponent(report.documentId)}`}>
            {t('municipalReport.document', { title: t(`docType.${report.type}`), year: report.year })}
          </Link>
        </p>
      )}
      <section aria-labelledby="mr-units" className="card">
        <h2 id="mr-units">{t('municipalReport.units')}</h2>
        <p className="muted">{t('municipalReport.unitsHint')}</p>
        {report.units.length === 0 ? (
          <p className="empty-state">{t('municipalReport.noUnits')}</p>
        ) : (
          <div className="table-scroll" role="region" aria-labelledby="mr-units" tabIndex={0}>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('municipalReport.unit')}</th>
                  <th scope="col">{t('municipalReport.arsbudget')}</th>
                  <th scope="col">{t('municipalReport.prognos')}</th>
                  <th scope="col">{t('municipalReport.budgetavvikelse')}</th>
                  <th scope="col">{t('municipalReport.periodavvikelse')}</th>
                </tr>
              </thead>
              <tbody>
                {report.units.map((u) => (
                  <tr key={u.documentId}>
                    <th scope="row">
                      <Link to={`/dokument/${encodeURIComponent(u.documentId)}`}>{u.name}</Link>
                    </th>
                    <td>{formatSum(u.ekonomi.arsbudget)}</td>
                    <td>{formatSum(u.ekonomi.prognos)}</td>
                    <td>
                      <Deviation value={u.budgetavvikelse} />
                    </td>
                    <td>
                      <Deviation value={u.periodavvikelse} />
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{t('municipalReport.total')}</th>
                  <td>{formatSum(report.total.arsbudget)}</td>
                  <td>{formatSum(report.total.prognos)}</td>
                  <td>
                    <Deviation value={report.total.budgetavvikelse} />
                  </td>
                  <td>
                    <Deviation value={report.total.periodavvikelse} />
                  </td>
                </tr>
              </tfoot>
            </table>
          </div>
        )}
      </section>
      {report.maluppfyllelse && <GoalFulfilment fulfilment={report.maluppfyllelse} />}
      <Goals id="mr-fin" title={t('municipalReport.financialGoals')} goals={report.finansiellaMal} />
      <Goals id="mr-geh" title={t('municipalReport.gehGoals')} goals={report.malGodEkonomiskHushallning} />
      {report.balanskravsutredning && (
        <section aria-labelledby="mr-balance" className="card">
          <h2 id="mr-balance">{t('municipalReport.balance')}</h2>
          <table className="data-table">
            <tbody>
              {report.balanskravsutredning.rows.map((r) => (
                <tr key={r.field}>
                  <th scope="row">{r.label}</th>
                  <td>{formatSum(r.amount)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('municipalReport.balanceResult')}</th>
                <td>
                  <strong>{formatSum(report.balanskravsutredning.balanskravsresultat)}</strong>
                </td>
              </tr>
            </tfoot>
          </table>
          {report.balanskravsutredning.needsSpecialAtgardsplan && (
            <p className="notice notice-error">{t('municipalReport.balanceNegative')}</p>
          )}
        </section>
      )}
    </>
  );
}

function Goals({ id, title, goals }: { id: string; title: string; goals: Goal[] }) {
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id}>{title}</h2>
      {goals.length === 0 ? (
        <p className="empty-state">{t('municipalReport.noGoals')}</p>
      ) : (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('municipalReport.goal')}</th>
              <th scope="col">{t('municipalReport.start')}</th>
              <th scope="col">{t('municipalReport.target')}</th>
              <th scope="col">{t('municipalReport.outcome')}</th>
              <th scope="col">{t('municipalReport.assessment')}</th>
            </tr>
          </thead>
          <tbody>
            {goals.map((g) => (
              <tr key={g.indikator}>
                <th scope="row">
                  {g.mal}
                  <br />
                  <span className="muted">{g.indikator}</span>
                </th>
                <td>{g.startvarde === null ? t('common.none') : formatNumber(g.startvarde)}</td>
                <td>
                  {targetText(g.riktning, formatNumber(g.malvarde))} {g.enhet ?? ''}
                </td>
                <td>{g.utfall === null ? t('common.none') : `${formatNumber(g.utfall)} ${g.enhet ?? ''}`}</td>
                <td>
                  <span className={`light light-${g.light === 'grey' ? 'none' : g.light}`}>
                    <span aria-hidden="true" className="light-dot" />
                    {g.bedomning}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {goals.map(
        (g) =>
          g.kolada && (
            <KoladaChart
              key={`kolada-${g.indikator}`}
              kolada={g.kolada}
              name={g.indikator}
              start={g.startvarde}
              target={g.malvarde}
              unit={g.enhet ?? null}
            />
          ),
      )}
    </section>
  );
}

/** The nämndmål's indicators at year end per strategic area, and the kommunledningsgrupp's analysis (#16). */
function GoalFulfilment({ fulfilment }: { fulfilment: NonNullable<Report['maluppfyllelse']> }) {
  return (
    <section aria-labelledby="mr-goals" className="card">
      <h2 id="mr-goals">{t('municipalReport.goalFulfilment')}</h2>
      <p className="muted">{t('municipalReport.goalFulfilmentRule')}</p>
      <div className="table-scroll">
        <table className="data-table">
          <caption className="thread-caption">{t('municipalReport.goalFulfilmentTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('municipalReport.area')}</th>
              <th scope="col">{t('municipalReport.areaGoals')}</th>
              <th scope="col">{t('municipalReport.areaIndicators')}</th>
              <th scope="col">{t('municipalReport.assessment')}</th>
            </tr>
          </thead>
          <tbody>
            {fulfilment.omraden.map((a) => (
              <tr key={a.omrade}>
                <th scope="row">{a.omrade}</th>
                <td>
                  {a.namndmal.length === 0 ? (
                    t('common.none')
                  ) : (
                    <ul className="plain-list">
                      {a.namndmal.map((g) => (
                        <li key={`${g.namndId}-${g.id}`}>
                          {g.titel} <span className="muted">· {g.namnd}</span>{' '}
                          <TrafficLight colour={g.colour} />
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td>
                  {t('municipalReport.indicatorCounts', {
                    green: a.indikatorer.green,
                    yellow: a.indikatorer.yellow,
                    red: a.indikatorer.red,
                    saknas: a.indikatorer.saknas,
                  })}
                </td>
                <td>
                  <TrafficLight colour={a.colour} /> <span className="muted">{a.bedomning}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('municipalReport.analysis')}</h3>
      <p className="kolada-analysis">{fulfilment.analys ?? t('municipalReport.noAnalysis')}</p>
    </section>
  );
}
