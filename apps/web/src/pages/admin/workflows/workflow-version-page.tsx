import { useMutation } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { FieldProblemView } from '@rodtrad/contracts';
import { useApiQuery } from '../../../api/query-client';
import { isAdmin, useCurrentUser } from '../../../auth/session';
import { Loading, ProblemMessage, StatusMessage } from '../../../components/feedback';
import { PageHeading } from '../../../components/page-heading';
import { workflowGraph } from '../../../components/workflow-diagram/workflow-graph';
import { t } from '../../../i18n/t';
import { Link } from 'react-router';
import './admin-workflows.css';
import { FormEditorPanel } from './form-editor-panel';
import { StepEditorPanel } from './step-editor-panel';
import { MigrationPanel } from './migration-panel';
import { SimulatorPanel } from './simulator-panel';
import { DiffPanel, PathsPanel, PublishPanel } from './version-panels';
import {
  definitionPath,
  parseJson,
  workflowApi,
  type StoredVersion,
  type VersionRow,
} from './workflow-admin-api';
import { statusLabel } from './workflows-page';

// React Flow and ELK are the heaviest part of the admin pages: they load when the editor opens.
const WorkflowDiagram = lazy(() => import('../../../components/workflow-diagram/workflow-diagram'));

const diagramTitle = (definition: unknown): string =>
  definition !== null && typeof definition === 'object' && 'title' in definition
    ? String(definition.title ?? '')
    : '';

/** One version: the JSON editor with its live diagram, and the tools around it. */
export default function WorkflowVersionPage({
  definitionKey,
  version,
}: {
  definitionKey: string;
  version: number;
}) {
  const user = useCurrentUser();
  const stored = useApiQuery<StoredVersion>(
    isAdmin(user) ? `${definitionPath(definitionKey)}/${version}` : null,
  );
  const versions = useApiQuery<{ items: VersionRow[] }>(isAdmin(user) ? definitionPath(definitionKey) : null);
  if (!isAdmin(user)) return <p className="notice notice-info">{t('wf.forbidden')}</p>;
  if (stored.error) return <ProblemMessage error={stored.error} onRetry={stored.refetch} />;
  if (!stored.data || !versions.data) return <Loading />;
  const refresh = () => {
    stored.refetch();
    versions.refetch();
  };
  return (
    <VersionWorkspace
      key={`${definitionKey}-${version}`}
      stored={stored.data}
      versions={versions.data.items}
      onChanged={refresh}
    />
  );
}

function VersionWorkspace({
  stored,
  versions,
  onChanged,
}: {
  stored: StoredVersion;
  versions: VersionRow[];
  onChanged: () => void;
}) {
  const draft = stored.status === 'draft';
  const [text, setText] = useState(() => JSON.stringify(stored.definition, null, 2));
  const [problems, setProblems] = useState<FieldProblemView[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const parsed = useMemo(() => parseJson(text), [text]);
  // The diagram keeps the last definition that parsed, so it does not vanish on every keystroke.
  const [drawn, setDrawn] = useState<unknown>(stored.definition);
  useEffect(() => {
    if (parsed.value !== undefined) setDrawn(parsed.value);
  }, [parsed]);

  const saveDraft = useMutation({
    mutationFn: (definition: unknown) => workflowApi.saveDraft(stored.key, stored.version, definition),
    onMutate: () => setMessage(null),
    onSuccess: () => {
      setProblems([]);
      setMessage(t('wf.saved'));
      onChanged();
    },
    // A refused definition lists its problems with their pointers; anything else is a plain failure.
    onError: (err) => {
      if (err.status === 422) setProblems(err.fieldErrors);
    },
  });
  const saving = saveDraft.isPending;
  const error = saveDraft.error && saveDraft.error.status !== 422 ? saveDraft.error : null;
  function save() {
    if (parsed.value !== undefined) saveDraft.mutate(parsed.value);
  }

  const title = t('wf.editorTitle', { title: stored.title, version: stored.version });
  return (
    <>
      <PageHeading title={title} />
      <p>
        <Link to="/admin/arbetsfloden">{t('wf.title')}</Link> · {statusLabel(stored.status)}
      </p>
      {!draft && (
        <p className="notice notice-info">
          {t('wf.readOnly', { status: statusLabel(stored.status).toLowerCase() })}
        </p>
      )}
      <StatusMessage message={message} />
      {error && <ProblemMessage error={error} />}
      <div className="wfa-editor">
        <section className="card" aria-labelledby="wfa-json">
          <h2 id="wfa-json">{t('wf.jsonLabel')}</h2>
          <p className="muted" id="wfa-json-help">
            {t('wf.jsonHelp')}
          </p>
          <textarea
            className="wfa-json"
            aria-labelledby="wfa-json"
            aria-describedby="wfa-json-help"
            spellCheck={false}
            value={text}
            readOnly={!draft}
            onChange={(e) => setText(e.target.value)}
            rows={28}
          />
          {parsed.error && (
            <p className="notice notice-error" role="alert">
              {t('wf.jsonInvalid', { message: parsed.error })}
            </p>
          )}
          {problems.length > 0 && (
            <div className="notice notice-error" role="alert">
              <h3>{t('wf.problems', { count: problems.length })}</h3>
              <ul className="wfa-problems">
                {problems.map((p, i) => (
                  <li key={`${p.pointer}-${i}`}>
                    <code>{p.pointer || '/'}</code> {p.message}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {draft && (
            <div className="button-row">
              <button
                type="button"
                className="button"
                disabled={saving || parsed.value === undefined}
                onClick={save}
              >
                {saving ? t('common.saving') : t('wf.saveDraft')}
              </button>
            </div>
          )}
        </section>
        <section className="card" aria-labelledby="wfa-diagram">
          <h2 id="wfa-diagram">{t('wf.diagram')}</h2>
          <Suspense fallback={<Loading />}>
            <WorkflowDiagram
              definition={drawn}
              detailed
              label={t('wf.diagramLabel', {
                title: diagramTitle(drawn),
                count: workflowGraph(drawn)?.nodes.length ?? 0,
              })}
            />
          </Suspense>
        </section>
      </div>
      <StepEditorPanel
        definition={drawn}
        forms={Object.keys(stored.forms).sort()}
        readOnly={!draft}
        onChange={(next) => setText(JSON.stringify(next, null, 2))}
      />
      <DiffPanel stored={stored} versions={versions} />
      <SimulatorPanel stored={stored} />
      <PathsPanel stored={stored} />
      {draft && <FormEditorPanel stored={stored} onSaved={onChanged} />}
      {draft && <PublishPanel stored={stored} versions={versions} onPublished={onChanged} />}
      {stored.status === 'published' && (
        <MigrationPanel stored={stored} versions={versions} onMigrated={onChanged} />
      )}
    </>
  );
}
