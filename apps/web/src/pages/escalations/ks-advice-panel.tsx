import type { KsAdviceView } from '@rodtrad/contracts';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/query-client';
import { formatDate } from '../../i18n/format';
import { t } from '../../i18n/t';

/**
 * KS's advice on the deviations an åtgärdsplan answers, shown on the plan's page so that the
 * nämnd writes its measures with the advice in view. Nothing is shown when KS has given none.
 */
export function KsAdvicePanel({ actionPlanDocumentId }: { actionPlanDocumentId: string }) {
  const { data } = useApiQuery<KsAdviceView[]>('/api/escalations/advice', { actionPlanDocumentId });
  if (!data?.length) return null;
  return (
    <section className="card notice" aria-labelledby="ks-advice-title">
      <h2 id="ks-advice-title">Kommunstyrelsens råd</h2>
      <ul className="plain-list">
        {data.map((a) => (
          <li key={a.escalationId}>
            <p>
              <strong>
                Beslut <time dateTime={a.meetingDate}>{formatDate(a.meetingDate)}</time>, {a.paragraph}
              </strong>{' '}
              ({t(`escalations.kind.${a.kind}`).toLocaleLowerCase('sv')},{' '}
              <Link to={`/avvikelser/${encodeURIComponent(a.escalationId)}`}>öppna avvikelsen</Link>)
            </p>
            <p>{a.advice}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
