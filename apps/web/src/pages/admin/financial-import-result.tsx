// What one import did: lines read, imported and refused (with line and reason), unmapped codes
// and the reports filled or refused.
import type { FinancialImportView } from '@rodtrad/contracts';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { DataTable } from '../../components/data-table';
import { formatDateTime, formatNumber, formatSum } from '../../i18n/format';
import { t, tOr } from '../../i18n/t';

export function ImportResult({ result }: { result: FinancialImportView }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [result.id]);
  return (
    <section aria-labelledby="fimport-result-title" className="card">
      <h2 id="fimport-result-title" ref={heading} tabIndex={-1}>
        {t('fimport.resultTitle', { file: result.fileName })}
      </h2>
      <dl className="facts">
        <dt>{t('fimport.status')}</dt>
        <dd>{t(result.status === 'imported' ? 'fimport.status.imported' : 'fimport.status.rejected')}</dd>
        <dt>{t('fimport.periodOf')}</dt>
        <dd>{result.period ?? '–'}</dd>
        <dt>{t('fimport.importedBy')}</dt>
        <dd>{result.importedByName ?? '–'}</dd>
        <dt>{t('fimport.importedAt')}</dt>
        <dd>{formatDateTime(result.importedAt)}</dd>
        <dt>{t('fimport.lines')}</dt>
        <dd>
          {t('fimport.linesSummary', {
            read: formatNumber(result.linesRead),
            imported: formatNumber(result.linesImported),
            skipped: formatNumber(result.linesSkipped),
            refused: formatNumber(result.linesRefused),
          })}
        </dd>
        <dt>{t('fimport.totals')}</dt>
        <dd>
          {t('fimport.totalsSummary', { budget: formatSum(result.budget), utfall: formatSum(result.utfall) })}
        </dd>
        <dt>{t('fimport.sha256')}</dt>
        <dd>
          <code className="break-all">{result.sha256}</code>
        </dd>
      </dl>
      {result.refused.length > 0 && (
        <>
          <h3>{t('fimport.refusedTitle')}</h3>
          <DataTable
            label={t('fimport.refusedLabel')}
            headers={[t('fimport.col.line'), t('fimport.col.reason')]}
          >
            {result.refused.map((r, i) => (
              <tr key={i}>
                <th scope="row">{r.line === 0 ? t('fimport.wholeFile') : r.line}</th>
                <td>{r.reason}</td>
              </tr>
            ))}
          </DataTable>
          {result.linesRefused > result.refused.length && (
            <p className="muted">
              {t('fimport.refusedMore', { count: result.linesRefused - result.refused.length })}
            </p>
          )}
        </>
      )}
      {result.unmapped.length > 0 && (
        <>
          <h3>{t('fimport.unmappedTitle')}</h3>
          <p>{t('fimport.unmappedIntro')}</p>
          <DataTable
            label={t('fimport.unmappedLabel')}
            headers={[
              t('fimport.col.code'),
              t('fimport.col.name'),
              t('fimport.col.budget'),
              t('fimport.col.utfall'),
            ]}
          >
            {result.unmapped.map((u) => (
              <tr key={u.code}>
                <th scope="row">
                  <code>{u.code}</code>
                </th>
                <td>{u.name ?? ''}</td>
                <td className="num">{formatSum(u.budget)}</td>
                <td className="num">{formatSum(u.utfall)}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
      {result.status === 'imported' && (
        <>
          <h3>{t('fimport.reportsTitle')}</h3>
          {result.reports.length === 0 ? (
            <p className="muted">{t('fimport.noReports')}</p>
          ) : (
            <DataTable
              label={t('fimport.reportsLabel')}
              headers={[
                t('fimport.col.unit'),
                t('fimport.col.report'),
                t('fimport.col.outcome'),
                t('fimport.col.periodbudget'),
                t('fimport.col.utfall'),
                t('fimport.col.prognos'),
                t('fimport.col.arsbudget'),
                t('fimport.col.importedArsbudget'),
                t('fimport.col.difference'),
              ]}
            >
              {result.reports.map((r) => (
                <tr key={r.documentId}>
                  <th scope="row">{r.orgUnitName}</th>
                  <td>
                    <Link to={`/dokument/${r.documentId}`}>
                      {tOr(`fimport.report.${r.type}`, r.type, { period: r.period })}
                    </Link>
                  </td>
                  <td>
                    {tOr(`fimport.outcome.${r.outcome}`, r.outcome)}
                    {r.reason && <span className="muted block">{r.reason}</span>}
                  </td>
                  <td className="num">{formatSum(r.periodbudget)}</td>
                  <td className="num">{formatSum(r.utfall)}</td>
                  <td className="num">{formatSum(r.prognos)}</td>
                  <td className="num">{formatSum(r.arsbudget)}</td>
                  <td className="num">{formatSum(r.importedArsbudget)}</td>
                  <td className="num">{formatSum(r.arsbudgetDifference)}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      )}
    </section>
  );
}
