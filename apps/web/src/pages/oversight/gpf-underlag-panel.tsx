import type { GpfUnderlagView } from '@rodtrad/contracts';
import { Link } from 'react-router';
import { useApiQuery } from '../../api/query-client';
import { StateBadge } from '../../components/state-badge';
import { formatDate } from '../../i18n/format';

/**
 * The underlag of a GPF (§5.4): the year-end hearings in KS the spring before, with each body's
 * analysis, KS's conclusions and the notes of the February budget dialogue, linked to the hearing
 * and to the body's verksamhetsberättelse. Read-only, beside the GPF's own form.
 */
export function GpfUnderlagPanel({ year }: { year: number }) {
  const { data } = useApiQuery<GpfUnderlagView>(`/api/years/${year}/gpf-underlag`);
  if (!data) return null;
  return (
    <section className="card" aria-labelledby="gpf-underlag-title">
      <h2 id="gpf-underlag-title">Underlag: bokslutsdialogerna {data.hearingYear}</h2>
      <p className="muted">
        Varje nämnd och bolag kallas till kommunstyrelsen i samband med bokslutet. Analysen och slutsatserna,
        och anteckningarna från budgetdialogen
        {data.budgetDialogueDate ? (
          <>
            {' '}
            den <time dateTime={data.budgetDialogueDate}>{formatDate(data.budgetDialogueDate)}</time>
          </>
        ) : null}
        , är en av grunderna för de Gemensamma planeringsförutsättningarna.
      </p>
      {data.hearings.length === 0 ? (
        <p className="empty-state">Inga bokslutsdialoger för {data.hearingYear} ännu.</p>
      ) : (
        <ul className="plain-list">
          {data.hearings.map((h) => (
            <li key={h.documentId}>
              <h3>
                <Link to={`/dokument/${encodeURIComponent(h.documentId)}`}>{h.orgUnitName}</Link>{' '}
                <StateBadge state={h.state} title={h.stateTitle} />
              </h3>
              <dl className="detail-list">
                {h.meetingDate && (
                  <div>
                    <dt>Möte i kommunstyrelsen</dt>
                    <dd>
                      <time dateTime={h.meetingDate}>{formatDate(h.meetingDate)}</time>
                    </dd>
                  </div>
                )}
                <div>
                  <dt>Kommunstyrelsens slutsatser</dt>
                  <dd>{h.conclusions ?? 'Inte protokollförda ännu.'}</dd>
                </div>
                {h.analysis && (
                  <div>
                    <dt>Analys av året</dt>
                    <dd>{h.analysis}</dd>
                  </div>
                )}
                {h.budgetDialogueNotes && (
                  <div>
                    <dt>Från budgetdialogen</dt>
                    <dd>{h.budgetDialogueNotes}</dd>
                  </div>
                )}
                {h.annualReportDocumentId && (
                  <div>
                    <dt>Verksamhetsberättelse</dt>
                    <dd>
                      <Link to={`/dokument/${encodeURIComponent(h.annualReportDocumentId)}`}>
                        Verksamhetsberättelse {data.hearingYear} – {h.orgUnitName}
                      </Link>
                    </dd>
                  </div>
                )}
              </dl>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
