import type { RestorationYearView } from '@rodtrad/contracts';
import { formatSum } from '../../i18n/format';
import { t } from '../../i18n/t';
import { Link } from 'react-router';

/** KF's plan for restoring the deficit against what each following year's annual report showed. */
export function RestorationTable({ years }: { years: RestorationYearView[] }) {
  return (
    <div className="table-scroll">
      <table className="data-table restoration-table">
        <caption>{t('escalations.restoration.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('escalations.restoration.year')}</th>
            <th scope="col">{t('escalations.restoration.planned')}</th>
            <th scope="col">{t('escalations.restoration.achieved')}</th>
            <th scope="col">{t('escalations.restoration.balanceResult')}</th>
            <th scope="col">{t('escalations.restoration.state')}</th>
          </tr>
        </thead>
        <tbody>
          {years.map((y) => (
            <tr key={y.year} className={y.behindPlan ? 'restoration-behind' : undefined}>
              <th scope="row">{y.year}</th>
              <td>{formatSum(y.planned)}</td>
              <td>
                {y.achieved === null ? t('escalations.restoration.notReported') : formatSum(y.achieved)}
              </td>
              <td>
                {y.balanceResult === null
                  ? t('escalations.restoration.notReported')
                  : formatSum(y.balanceResult)}
                {y.sourceDocumentId && (
                  <>
                    {' '}
                    (
                    <Link to={`/dokument/${encodeURIComponent(y.sourceDocumentId)}`}>
                      {t('escalations.restoration.report', { year: y.year })}
                    </Link>
                    )
                  </>
                )}
              </td>
              <td>
                {y.achieved === null
                  ? t('escalations.restoration.waiting')
                  : y.behindPlan
                    ? t('escalations.restoration.behind')
                    : t('escalations.restoration.onPlan')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
