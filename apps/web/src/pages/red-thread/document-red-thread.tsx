import type { RedThreadView } from '@rodtrad/contracts';
import { useMemo } from 'react';
import { useApiQuery } from '../../api/query-client';
import { Loading } from '../../components/feedback';
import { docTypeLabel, t } from '../../i18n/t';
import { Link } from 'react-router';
import { redThreadLinks, type ThreadLink } from './red-thread-links';

/** Links up and down the red thread from one document, read from the year's red thread. */
export function DocumentRedThread({ documentId, year }: { documentId: string; year: number }) {
  const { data, error, isLoading } = useApiQuery<RedThreadView>(`/api/years/${year}/red-thread`);
  const links = useMemo(() => (data ? redThreadLinks(data, documentId) : null), [data, documentId]);
  let body: React.ReactNode;
  if (isLoading) body = <Loading />;
  else if (error || !links || (!links.up.length && !links.down.length))
    body = <p className="muted">{t('document.redThreadNone')}</p>;
  else
    body = (
      <>
        {links.goals.length > 0 && (
          <ul className="plain-list">
            {links.goals.map((goal) => (
              <li key={goal}>{t('document.redThreadGoal', { goal })}</li>
            ))}
          </ul>
        )}
        <LinkList id="thread-up" title={t('document.redThreadUp')} links={links.up} />
        <LinkList id="thread-down" title={t('document.redThreadDown')} links={links.down} />
      </>
    );
  return (
    <section aria-labelledby="thread-title" className="card">
      <h2 id="thread-title">{t('document.redThreadTitle')}</h2>
      {body}
    </section>
  );
}

function LinkList({ id, title, links }: { id: string; title: string; links: ThreadLink[] }) {
  if (!links.length) return null;
  return (
    <>
      <h3 id={id}>{title}</h3>
      <ul aria-labelledby={id} className="link-list">
        {links.map((l) => (
          <li key={l.documentId}>
            <Link to={`/dokument/${encodeURIComponent(l.documentId)}`}>
              {t('document.redThreadLink', { type: docTypeLabel(l.type), unit: l.orgUnitName })}
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
