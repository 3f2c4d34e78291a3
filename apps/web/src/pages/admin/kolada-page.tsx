import type { KoladaImportResult, KoladaStatusView } from '@rodtrad/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { toApiError } from '../../api/api-error';
import { apiFetch } from '../../api/api-fetch';
import { useApiQuery } from '../../api/query-client';
import { isAdmin, useCurrentUser } from '../../auth/session';
import { DataTable } from '../../components/data-table';
import { Loading, ProblemMessage, StatusMessage } from '../../components/feedback';
import { PageHeading } from '../../components/page-heading';
import { formatDateTime } from '../../i18n/format';
import { t } from '../../i18n/t';

/** A file saved from Kolada, sent as multipart/form-data. */
function uploadKoladaFile(file: File): Promise<KoladaImportResult> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiFetch<KoladaImportResult>('/api/kolada/imports', { method: 'POST', body: form });
}

/**
 * Administration › Kolada (#19): what is configured, which KPIs indicators link to, every fetch
 * and import with its problems, fetch now, and import a file saved from Kolada.
 */
export default function KoladaPage() {
  const user = useCurrentUser();
  const admin = isAdmin(user);
  const status = useApiQuery<KoladaStatusView>(admin ? '/api/kolada' : null);
  const queryClient = useQueryClient();
  const [message, setMessage] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['/api/kolada'] });
  const fetchNow = useMutation({
    mutationFn: () => apiFetch('/api/kolada/fetch', { method: 'POST' }),
    onSuccess: async () => {
      setMessage(t('kolada.fetchQueued'));
      await refresh();
    },
  });
  const upload = useMutation({
    mutationFn: uploadKoladaFile,
    onSuccess: async (result) => {
      setMessage(t('kolada.imported', { count: result.valuesStored, file: result.fileName ?? '' }));
      if (fileRef.current) fileRef.current.value = '';
      await refresh();
    },
  });
  function submit(e: FormEvent) {
    e.preventDefault();
    const file = fileRef.current?.files?.[0];
    if (file) upload.mutate(file);
  }

  if (!admin)
    return (
      <>
        <PageHeading title={t('kolada.title')} />
        <p>{t('groups.notAllowed')}</p>
      </>
    );
  const data = status.data;
  return (
    <>
      <PageHeading title={t('kolada.title')} />
      <p className="lead">{t('kolada.intro')}</p>
      <StatusMessage message={message} />
      {status.isLoading && <Loading />}
      {status.error && <ProblemMessage error={status.error} onRetry={status.refetch} />}
      {data && (
        <>
          <section aria-labelledby="kolada-settings" className="card">
            <h2 id="kolada-settings">{t('kolada.settings')}</h2>
            <dl className="kolada-settings">
              <dt>{t('kolada.baseUrl')}</dt>
              <dd>{data.baseUrl}</dd>
              <dt>{t('kolada.municipality')}</dt>
              <dd>{data.municipalityId}</dd>
              <dt>{t('kolada.schedule')}</dt>
              <dd>
                {data.fetchHours
                  ? t('kolada.scheduleEvery', { hours: data.fetchHours })
                  : t('kolada.scheduleOff')}
              </dd>
              <dt>{t('kolada.linked')}</dt>
              <dd>{data.linkedKpis.length ? data.linkedKpis.join(', ') : t('kolada.noLinked')}</dd>
            </dl>
            <button
              type="button"
              className="button"
              disabled={fetchNow.isPending}
              onClick={() => fetchNow.mutate()}
            >
              {t('kolada.fetchNow')}
            </button>
            {fetchNow.error && <ProblemMessage error={toApiError(fetchNow.error)} />}
          </section>
          <section aria-labelledby="kolada-import" className="card">
            <h2 id="kolada-import">{t('kolada.import')}</h2>
            <p className="muted">{t('kolada.importHelp')}</p>
            <form onSubmit={submit}>
              <div className="field">
                <label htmlFor="kolada-file">{t('kolada.file')}</label>
                <input id="kolada-file" ref={fileRef} type="file" accept=".json,application/json" required />
              </div>
              <button type="submit" className="button" disabled={upload.isPending}>
                {t('kolada.importButton')}
              </button>
            </form>
            {upload.error && <ProblemMessage error={toApiError(upload.error)} />}
          </section>
          <section aria-labelledby="kolada-runs" className="card">
            <h2 id="kolada-runs">{t('kolada.runs')}</h2>
            {data.runs.length === 0 ? (
              <p className="muted">{t('kolada.noRuns')}</p>
            ) : (
              <DataTable
                label={t('kolada.runs')}
                headers={[
                  t('kolada.run.started'),
                  t('kolada.run.source'),
                  t('kolada.run.status'),
                  t('kolada.run.values'),
                  t('kolada.run.problems'),
                ]}
              >
                {data.runs.map((r) => (
                  <tr key={r.id}>
                    <td>{formatDateTime(r.startedAt)}</td>
                    <td>
                      {r.source === 'file'
                        ? t('kolada.run.source.file', { file: r.fileName ?? '' })
                        : t('kolada.run.source.api')}
                    </td>
                    <td>{t(`kolada.run.status.${r.status}`)}</td>
                    <td>{r.valuesStored}</td>
                    <td>
                      {r.problems.length === 0 ? (
                        t('common.none')
                      ) : (
                        <ul className="plain-list">
                          {r.problems.map((p) => (
                            <li key={p}>{p}</li>
                          ))}
                        </ul>
                      )}
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
          </section>
        </>
      )}
    </>
  );
}
