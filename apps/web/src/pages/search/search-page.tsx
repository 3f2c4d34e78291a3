import type { DocumentSummaryView, Page } from '@rodtrad/contracts';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useApiQuery } from '../../api/query-client';
import { DataTable } from '../../components/data-table';
import { Loading, ProblemMessage } from '../../components/feedback';
import { PageHeading } from '../../components/page-heading';
import { docTypeLabel, t } from '../../i18n/t';
import { MIN_SEARCH_LENGTH } from '../../shell/header-search';

/** Documents whose title or diarienummer holds the text, among those the user may read. */
export default function SearchPage() {
  const [search, setSearch] = useSearchParams();
  const q = (search.get('q') ?? '').trim();
  const [text, setText] = useState(q);
  const long = q.length >= MIN_SEARCH_LENGTH;
  const result = useApiQuery<Page<DocumentSummaryView>>(long ? '/api/documents' : null, { q, limit: 100 });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSearch({ q: text.trim() });
  };

  let body: React.ReactNode = null;
  if (q && !long) body = <p className="empty-state">{t('search.tooShort', { n: MIN_SEARCH_LENGTH })}</p>;
  else if (long && result.isLoading) body = <Loading />;
  else if (result.error) body = <ProblemMessage error={result.error} onRetry={result.refetch} />;
  else if (long && result.data) {
    const { items, total } = result.data;
    body = (
      <>
        <p role="status" className="muted">
          {total === 0
            ? t('search.none', { q })
            : total > items.length
              ? t('search.someOf', { shown: items.length, total, q })
              : t('search.found', { n: total, q })}
        </p>
        {items.length > 0 && (
          <DataTable
            label={t('search.resultsLabel', { q })}
            headers={[
              t('search.col.title'),
              t('search.col.dnr'),
              t('search.col.unit'),
              t('search.col.year'),
              t('search.col.state'),
            ]}
          >
            {items.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  <Link to={`/dokument/${encodeURIComponent(d.id)}`}>{d.title}</Link>
                  <span className="muted"> · {docTypeLabel(d.type)}</span>
                </th>
                <td>{d.diarienummer ?? t('common.none')}</td>
                <td>{d.orgUnitName}</td>
                <td>{d.period ? `${d.year} (${d.period})` : d.year}</td>
                <td>{d.stateTitle}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </>
    );
  }

  return (
    <>
      <PageHeading title={t('search.title')} />
      <p className="lead">{t('search.intro')}</p>
      <form role="search" className="search-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="search-q">{t('search.label')}</label>
          <input
            id="search-q"
            type="search"
            className="input"
            value={text}
            onChange={(e) => setText(e.target.value)}
            maxLength={100}
          />
        </div>
        <button type="submit" className="button">
          {t('search.submit')}
        </button>
      </form>
      {body}
    </>
  );
}
