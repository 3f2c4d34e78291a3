import type { SecrecyListView } from '@rodtrad/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { toApiError, type ApiError } from '../api/api-error';
import { apiFetch } from '../api/api-fetch';
import { useApiQuery } from '../api/query-client';
import { ProblemMessage, StatusMessage } from '../components/feedback';
import { t } from '../i18n/t';

/**
 * Sekretess: what of the document is kept from the public site, the public PDF and open data, and
 * (for those who may edit the document) a form to mark the whole document or one field with the
 * paragraph of offentlighets- och sekretesslagen, or to lift a mark.
 */
export function DocumentSecrecy({ documentId }: { documentId: string }) {
  const path = `/api/documents/${encodeURIComponent(documentId)}/secrecy`;
  const { data } = useApiQuery<SecrecyListView>(path);
  const queryClient = useQueryClient();
  const [pointer, setPointer] = useState('');
  const [paragraph, setParagraph] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiError | null>(null);
  const done = (text: string) => (list: SecrecyListView) => {
    queryClient.setQueryData([path, null], list);
    setMessage(text);
    setProblem(null);
  };
  const mark = useMutation({
    mutationFn: () => apiFetch<SecrecyListView>(path, { method: 'PUT', body: { pointer, paragraph } }),
    onSuccess: done(t('secrecy.marked')),
    onError: (e) => setProblem(toApiError(e)),
  });
  const lift = useMutation({
    mutationFn: (p: string) => apiFetch<SecrecyListView>(path, { method: 'DELETE', query: { pointer: p } }),
    onSuccess: done(t('secrecy.lifted')),
    onError: (e) => setProblem(toApiError(e)),
  });
  if (!data) return null;
  const labelOf = (p: string) =>
    p === '' ? t('secrecy.wholeDocument') : (data.fields.find((f) => f.pointer === p)?.label ?? p);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    mark.mutate();
  };
  return (
    <section aria-labelledby="secrecy-title" className="card">
      <h2 id="secrecy-title">{t('secrecy.title')}</h2>
      <StatusMessage message={message} />
      {problem && <ProblemMessage error={problem} />}
      {data.items.length === 0 ? (
        <p className="muted">{t('secrecy.none')}</p>
      ) : (
        <ul className="plain-list">
          {data.items.map((m) => (
            <li key={m.pointer}>
              {t('secrecy.item', { what: labelOf(m.pointer), paragraph: m.paragraph })}{' '}
              {data.canMark && (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => lift.mutate(m.pointer)}
                  disabled={lift.isPending}
                >
                  {t('secrecy.lift', { what: labelOf(m.pointer) })}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {data.canMark && (
        <form onSubmit={submit} className="stack">
          <label htmlFor="secrecy-what">{t('secrecy.what')}</label>
          <select id="secrecy-what" value={pointer} onChange={(e) => setPointer(e.target.value)}>
            <option value="">{t('secrecy.wholeDocument')}</option>
            {data.fields.map((f) => (
              <option key={f.pointer} value={f.pointer}>
                {f.label}
              </option>
            ))}
          </select>
          <label htmlFor="secrecy-paragraph">{t('secrecy.paragraph')}</label>
          <input
            id="secrecy-paragraph"
            value={paragraph}
            onChange={(e) => setParagraph(e.target.value)}
            placeholder="OSL 21 kap. 1 §"
            aria-describedby="secrecy-help"
          />
          <p id="secrecy-help" className="muted">
            {t('secrecy.help')}
          </p>
          <button type="submit" className="button" disabled={mark.isPending}>
            {t('secrecy.mark')}
          </button>
        </form>
      )}
    </section>
  );
}
