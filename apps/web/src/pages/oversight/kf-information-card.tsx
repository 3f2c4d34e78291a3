import type { KfInformationView } from '@rodtrad/contracts';
import { useMutation } from '@tanstack/react-query';
import { toApiError } from '../../api/api-error';
import { apiFetch } from '../../api/api-fetch';
import { useApiQuery } from '../../api/query-client';
import { formatDate } from '../../i18n/format';

/**
 * The year wheel's choice of which tertial reports go on to KF for information after KS (default
 * per §6.1: none). Everyone sees it; the registrar and administrators change it per line.
 */
export function KfInformationCard({
  year,
  canEdit,
  onSaved,
}: {
  year: number;
  canEdit: boolean;
  onSaved: (message: string) => void;
}) {
  const lines = useApiQuery<KfInformationView>(`/api/years/${year}/kf-information`);
  const set = useMutation({
    mutationFn: ({ type, period, toKf }: { type: string; period: string; toKf: boolean }) =>
      apiFetch<KfInformationView>(
        `/api/years/${year}/kf-information/${encodeURIComponent(type)}/${encodeURIComponent(period)}`,
        { method: 'PUT', body: { toKf } },
      ),
    onSuccess: (_, v) => {
      lines.refetch();
      onSaved(
        v.toKf
          ? `Tertialrapporten ${v.period} går till kommunfullmäktige för kännedom.`
          : `Tertialrapporten ${v.period} stannar i kommunstyrelsen.`,
      );
    },
  });
  if (!lines.data?.items.length) return null;
  return (
    <section aria-labelledby="kf-information-title" className="card">
      <h2 id="kf-information-title">Till kommunfullmäktige för kännedom</h2>
      <p className="muted">
        Nämndernas tertialrapport behandlas i kommunstyrelsen. Kommunen kan välja att den sedan anmäls i
        kommunfullmäktige för kännedom; förvalet är att den stannar i kommunstyrelsen.
      </p>
      {set.error && (
        <p className="notice notice-error" role="alert">
          {toApiError(set.error).userMessage}
        </p>
      )}
      <ul className="plain-list">
        {lines.data.items.map((l) => {
          const id = `kf-information-${l.documentType}-${l.period}`;
          return (
            <li key={id} className="field-checkbox">
              <input
                type="checkbox"
                id={id}
                checked={l.toKf}
                disabled={!canEdit || set.isPending}
                onChange={(e) =>
                  set.mutate({ type: l.documentType, period: l.period, toKf: e.target.checked })
                }
              />
              <label htmlFor={id}>
                {l.title}
                {l.date ? (
                  <>
                    {' '}
                    (<time dateTime={l.date}>{formatDate(l.date)}</time>)
                  </>
                ) : null}{' '}
                går till kommunfullmäktige för kännedom
              </label>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
