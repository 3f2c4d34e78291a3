import { DATA_MIGRATIONS } from '@rodtrad/domain';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useApiQuery } from '../../../api/query-client';
import { DataTable } from '../../../components/data-table';
import { ProblemMessage, StatusMessage } from '../../../components/feedback';
import { t } from '../../../i18n/t';
import { Link } from 'react-router';
import {
  definitionPath,
  workflowApi,
  type MigrationPlan,
  type StoredVersion,
  type VersionRow,
} from './workflow-admin-api';

/** Moving documents under way from an older version: a dry run as a table, then the move. */
export function MigrationPanel({
  stored,
  versions,
  onMigrated,
}: {
  stored: StoredVersion;
  versions: VersionRow[];
  onMigrated: () => void;
}) {
  const older = versions.filter((v) => v.version !== stored.version && v.running > 0);
  const [from, setFrom] = useState<number | null>(older.at(-1)?.version ?? null);
  const [map, setMap] = useState<Record<string, string>>({});
  const [dataMigration, setDataMigration] = useState('');
  const [plan, setPlan] = useState<MigrationPlan | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const source = useApiQuery<StoredVersion>(from === null ? null : `${definitionPath(stored.key)}/${from}`);
  const body = () => ({
    from,
    stateMap: Object.fromEntries(Object.entries(map).filter(([, v]) => v)),
    ...(dataMigration ? { dataMigration } : {}),
  });
  const planMigration = useMutation({
    mutationFn: () => workflowApi.dryRun(stored.key, stored.version, body()),
    onMutate: () => setMessage(null),
    onSuccess: setPlan,
  });
  const runMigration = useMutation({
    mutationFn: () => workflowApi.migrate(stored.key, stored.version, body()),
    onSuccess: (outcome) => {
      setMessage(t('wf.migrateDone', { migrated: outcome.migrated, skipped: outcome.skipped.length }));
      setPlan(null);
      onMigrated();
    },
  });
  // Whichever ran last speaks: a failed move after a good dry run shows the move's problem.
  const error = runMigration.error ?? planMigration.error;
  if (!older.length) return null;
  const newStates = Object.keys((stored.definition['machine'] as { states: Record<string, unknown> }).states);
  const oldStates = source.data
    ? Object.keys((source.data.definition['machine'] as { states: Record<string, unknown> }).states)
    : [];
  function dryRun() {
    runMigration.reset();
    planMigration.mutate();
  }
  function migrate() {
    if (plan && window.confirm(t('wf.migrateConfirm', { count: plan.movable, version: stored.version })))
      runMigration.mutate();
  }
  return (
    <section className="card" aria-labelledby="wfa-migrate">
      <h2 id="wfa-migrate">{t('wf.migrateTitle')}</h2>
      <StatusMessage message={message} />
      <div className="wfa-inline">
        <label htmlFor="wfa-migrate-from">{t('wf.migrateFrom')}</label>
        <select
          id="wfa-migrate-from"
          value={from ?? ''}
          onChange={(e) => (setFrom(Number(e.target.value)), setPlan(null), setMap({}))}
        >
          {older.map((v) => (
            <option key={v.version} value={v.version}>
              {v.version} ({v.running})
            </option>
          ))}
        </select>
      </div>
      <div className="wfa-inline">
        <label htmlFor="wfa-migrate-data">{t('wf.migrateData')}</label>
        <select
          id="wfa-migrate-data"
          value={dataMigration}
          onChange={(e) => (setDataMigration(e.target.value), setPlan(null))}
        >
          <option value="">{t('wf.migrateDataNone')}</option>
          {DATA_MIGRATIONS.map((m) => (
            <option key={m} value={m}>
              {t(`wf.dataMigration.${m}`)}
            </option>
          ))}
        </select>
      </div>
      {oldStates.length > 0 && (
        <fieldset className="wfa-map">
          <legend>{t('wf.migrateMap', { version: from ?? '' })}</legend>
          {oldStates.map((s) => (
            <div key={s} className="wfa-inline">
              <label htmlFor={`wfa-map-${s}`}>{s}</label>
              <select
                id={`wfa-map-${s}`}
                value={map[s] ?? ''}
                onChange={(e) => setMap({ ...map, [s]: e.target.value })}
              >
                <option value="">{t('wf.migrateKeep')}</option>
                {newStates.map((n) => (
                  <option key={n} value={n}>
                    {n}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </fieldset>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button-secondary"
          onClick={dryRun}
          disabled={planMigration.isPending}
        >
          {t('wf.migrateDryRun')}
        </button>
        {plan && plan.movable > 0 && (
          <button type="button" className="button" onClick={migrate} disabled={runMigration.isPending}>
            {t('wf.migrateRun', { count: plan.movable })}
          </button>
        )}
      </div>
      {error && <ProblemMessage error={error} />}
      {plan && plan.documents.length === 0 && <p>{t('wf.migrateNone', { version: from ?? '' })}</p>}
      {plan && plan.documents.length > 0 && (
        <DataTable
          label={t('wf.migrateTitle')}
          headers={[
            t('wf.colDocument'),
            t('wf.colFromState'),
            t('wf.colTarget'),
            t('wf.colMovable'),
            t('wf.colNote'),
          ]}
        >
          {plan.documents.map((d) => (
            <tr key={d.documentId} className={d.movable ? undefined : 'wfa-refused'}>
              <th scope="row">
                <Link to={`/dokument/${d.documentId}`}>{d.title}</Link>
              </th>
              <td>{d.state}</td>
              <td>{d.target ?? t('common.none')}</td>
              <td>{d.movable ? t('common.yes') : t('common.no')}</td>
              <td>
                {d.reason ?? (d.complete ? '' : t('wf.incomplete', { count: d.missing.length }))}
                {d.dataChanged && <> {t('wf.dataChanged')}</>}
                {d.dataNotes?.map((n) => (
                  <span key={n}> {n}</span>
                ))}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
