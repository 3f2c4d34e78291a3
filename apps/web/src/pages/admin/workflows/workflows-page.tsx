import { useMutation } from '@tanstack/react-query';
import { apiFetch } from '../../../api/api-fetch';
import { useApiQuery } from '../../../api/query-client';
import { isAdmin, useCurrentUser } from '../../../auth/session';
import { Loading, ProblemMessage } from '../../../components/feedback';
import { PageHeading } from '../../../components/page-heading';
import { formatDate } from '../../../i18n/format';
import { t, tOr } from '../../../i18n/t';
import { Link, useNavigate } from 'react-router';
import './admin-workflows.css';
import {
  definitionPath,
  workflowApi,
  type DefinitionSummary,
  type StoredVersion,
  type VersionRow,
} from './workflow-admin-api';

export const versionHref = (key: string, version: number) =>
  `/admin/arbetsfloden/${encodeURIComponent(key)}/${version}`;
export const statusLabel = (status: string) => tOr(`wf.status.${status}`, status);

/** Every definition with its versions and how many documents run on each. */
export default function WorkflowsPage() {
  const user = useCurrentUser();
  const list = useApiQuery<{ items: DefinitionSummary[] }>(
    isAdmin(user) ? '/api/workflow-definitions' : null,
  );
  return (
    <>
      <PageHeading title={t('wf.title')} />
      {!isAdmin(user) ? (
        <p className="notice notice-info">{t('wf.forbidden')}</p>
      ) : (
        <>
          <p className="lead">{t('wf.intro')}</p>
          {list.error && <ProblemMessage error={list.error} onRetry={list.refetch} />}
          {list.isLoading && <Loading />}
          {list.data?.items.map((d) => (
            <DefinitionVersions key={d.key} summary={d} />
          ))}
        </>
      )}
    </>
  );
}

function DefinitionVersions({ summary }: { summary: DefinitionSummary }) {
  const versions = useApiQuery<{ items: VersionRow[] }>(definitionPath(summary.key));
  const navigate = useNavigate();
  // A new draft starts as a copy of the published version (or the latest, if none is published).
  const createDraft = useMutation({
    mutationFn: async () => {
      const base = summary.publishedVersion ?? summary.latestVersion;
      const current = await apiFetch<StoredVersion>(`${definitionPath(summary.key)}/${base}`);
      return workflowApi.createDraft(summary.key, current.definition, current.forms);
    },
    onSuccess: ({ version }) => navigate(versionHref(summary.key, version)),
  });
  const { error } = createDraft;
  const busy = createDraft.isPending || createDraft.isSuccess;
  const headingId = `wf-${summary.key}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{summary.title}</h2>
      {error && <ProblemMessage error={error} />}
      {versions.data ? (
        <div className="table-scroll">
          <table className="data-table">
            <caption className="visually-hidden">{t('wf.versionsOf', { title: summary.title })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('wf.colVersion')}</th>
                <th scope="col">{t('wf.colStatus')}</th>
                <th scope="col">{t('wf.colSource')}</th>
                <th scope="col">{t('wf.colCreated')}</th>
                <th scope="col">{t('wf.colDocuments')}</th>
                <th scope="col">{t('wf.colRunning')}</th>
              </tr>
            </thead>
            <tbody>
              {versions.data.items.map((v) => (
                <tr key={v.version}>
                  <th scope="row">
                    <Link
                      to={versionHref(summary.key, v.version)}
                      aria-label={`${summary.title}: ${t('wf.open', { version: v.version })}`}
                    >
                      {v.version}
                    </Link>
                  </th>
                  <td>{statusLabel(v.status)}</td>
                  <td>{tOr(`wf.source.${v.source}`, v.source)}</td>
                  <td>{formatDate(v.createdAt)}</td>
                  <td>{v.documents}</td>
                  <td>{v.running}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : versions.error ? (
        <ProblemMessage error={versions.error} onRetry={versions.refetch} />
      ) : (
        <Loading />
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          disabled={busy}
          onClick={() => createDraft.mutate()}
        >
          {t('wf.newDraft', { title: summary.title })}
        </button>
      </div>
    </section>
  );
}
