import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';

import { useApiQuery } from '../../../api/query-client';
import { ProblemMessage, StatusMessage } from '../../../components/feedback';
import { t, tOr } from '../../../i18n/t';
import {
  definitionPath,
  workflowApi,
  type DefinitionDiff,
  type PathItem,
  type StoredVersion,
  type VersionRow,
} from './workflow-admin-api';

const PARTS = ['states', 'transitions', 'guards', 'roles', 'deadlines', 'forms', 'formFields'] as const;

/** One change as a line of text: the names an administrator recognises, not the JSON. */
function describe(part: string, item: unknown): string {
  if (typeof item === 'string') return item;
  const o = item as Record<string, unknown>;
  const changes = Array.isArray(o['changes'])
    ? ` (${(o['changes'] as { attribute: string; from: unknown; to: unknown }[])
        .map((c) => `${c.attribute}: ${JSON.stringify(c.from)} → ${JSON.stringify(c.to)}`)
        .join('; ')})`
    : '';
  if (part === 'transitions' || part === 'guards')
    return `${o['from']} —${o['event']}→ ${o['to']}${o['guard'] ? ` [${JSON.stringify(o['guard'])}]` : ''}${changes}`;
  if (part === 'roles') return `${o['state']} · ${o['where']}: ${o['role']}`;
  if (part === 'formFields') return `${o['form']}: ${o['path']}${o['required'] ? ' *' : ''}${changes}`;
  if (part === 'forms')
    return `${o['form']}${o['schemaChanged'] ? ' (schema)' : ''}${o['uiSchemaChanged'] ? ' (uiSchema)' : ''}`;
  return `${o['state'] ?? ''}${o['title'] ? ` – ${o['title']}` : ''}${changes}`;
}

export function DiffPanel({ stored, versions }: { stored: StoredVersion; versions: VersionRow[] }) {
  const others = versions.filter((v) => v.version !== stored.version);
  const [other, setOther] = useState<number | null>(
    others.find((v) => v.status === 'published')?.version ?? others.at(-1)?.version ?? null,
  );
  const [shown, setShown] = useState<number | null>(null);
  const diff = useApiQuery<DefinitionDiff>(
    shown === null ? null : `${definitionPath(stored.key)}/${shown}/diff/${stored.version}`,
  );
  if (!others.length) return null;
  return (
    <section className="card" aria-labelledby="wfa-diff">
      <h2 id="wfa-diff">{t('wf.diffTitle')}</h2>
      <div className="wfa-inline">
        <label htmlFor="wfa-diff-other">{t('wf.diffWith')}</label>
        <select id="wfa-diff-other" value={other ?? ''} onChange={(e) => setOther(Number(e.target.value))}>
          {others.map((v) => (
            <option key={v.version} value={v.version}>
              {v.version} ({tOr(`wf.status.${v.status}`, v.status)})
            </option>
          ))}
        </select>
        <button type="button" className="button button-secondary" onClick={() => setShown(other)}>
          {t('wf.diffShow')}
        </button>
      </div>
      {diff.error && <ProblemMessage error={diff.error} />}
      {diff.data?.unchanged && <p>{t('wf.diffNone')}</p>}
      {diff.data && !diff.data.unchanged && (
        <dl className="wfa-diff">
          {PARTS.map((part) => {
            const d = diff.data?.[part];
            if (!d || (!d.added.length && !d.removed.length && !d.changed?.length)) return null;
            return (
              <div key={part}>
                <dt>{tOr(`wf.diff.${part}`, part)}</dt>
                <dd>
                  <ul className="plain-list">
                    {d.added.map((x, i) => (
                      <li key={`a${i}`} className="wfa-added">
                        + {t('wf.diff.added')}: {describe(part, x)}
                      </li>
                    ))}
                    {d.removed.map((x, i) => (
                      <li key={`r${i}`} className="wfa-removed">
                        − {t('wf.diff.removed')}: {describe(part, x)}
                      </li>
                    ))}
                    {(d.changed ?? []).map((x, i) => (
                      <li key={`c${i}`}>
                        ~ {t('wf.diff.changed')}: {describe(part, x)}
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            );
          })}
        </dl>
      )}
    </section>
  );
}

export function PathsPanel({ stored }: { stored: StoredVersion }) {
  const paths = useApiQuery<{ items: PathItem[] }>(`${definitionPath(stored.key)}/${stored.version}/paths`);
  return (
    <section className="card" aria-labelledby="wfa-paths">
      <h2 id="wfa-paths">{t('wf.pathsTitle')}</h2>
      {paths.error && <ProblemMessage error={paths.error} />}
      <ol>
        {paths.data?.items.map((p, i) => (
          <li key={i}>
            {p.states.join(' → ')}{' '}
            <span className="muted">
              ({t('wf.pathLength', { count: p.length })}: {p.events.join(', ')})
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function PublishPanel({
  stored,
  versions,
  onPublished,
}: {
  stored: StoredVersion;
  versions: VersionRow[];
  onPublished: () => void;
}) {
  const [message, setMessage] = useState<string | null>(null);
  const current = versions.find((v) => v.status === 'published');
  const publishVersion = useMutation({
    mutationFn: () => workflowApi.publish(stored.key, stored.version),
    onSuccess: () => {
      setMessage(t('wf.published', { version: stored.version }));
      onPublished();
    },
  });
  const { error } = publishVersion;
  function publish() {
    const text = current
      ? t('wf.publishConfirm', {
          version: stored.version,
          running: current.running,
          current: current.version,
        })
      : t('wf.publishConfirmFirst', { version: stored.version });
    if (window.confirm(text)) publishVersion.mutate();
  }
  return (
    <section className="card" aria-labelledby="wfa-publish">
      <h2 id="wfa-publish">{t('wf.publishTitle')}</h2>
      <StatusMessage message={message} />
      {error && <ProblemMessage error={error} />}
      <button type="button" className="button" onClick={publish}>
        {t('wf.publishButton', { version: stored.version })}
      </button>
    </section>
  );
}
