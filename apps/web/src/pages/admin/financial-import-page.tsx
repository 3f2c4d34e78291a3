import type {
  FinancialImportList,
  FinancialImportSettingsView,
  FinancialImportView,
  OrgUnitView,
  Page,
  ResponsibilityMappingList,
} from '@rodtrad/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { toApiError } from '../../api/api-error';
import { apiFetch } from '../../api/api-fetch';
import { useApiQuery } from '../../api/query-client';
import { DataTable } from '../../components/data-table';
import { ErrorSummary } from '../../components/error-summary';
import { Loading, ProblemMessage, StatusMessage } from '../../components/feedback';
import { SelectField, TextField } from '../../components/field';
import { PageHeading } from '../../components/page-heading';
import { UnitOptions } from '../../components/unit-options';
import { formatDateTime, formatNumber, formatSum } from '../../i18n/format';
import { t, tOr } from '../../i18n/t';
import { formErrors, NO_ERRORS, type FormErrors } from './form-errors';

const IMPORTS = '/api/imports/ekonomi';
const MAPPINGS = '/api/imports/ekonomi/mappings';
const SETTINGS = '/api/imports/ekonomi/settings';

/** The upload is multipart (the file streamed to the API). */
const uploadFile = (form: FormData) => apiFetch<FinancialImportView>(IMPORTS, { method: 'POST', body: form });

const codesOf = (m: { from: string; to: string }) => (m.from === m.to ? m.from : `${m.from}–${m.to}`);

/**
 * Administration › Import från ekonomisystemet: upload an SIE 4, CSV or Excel export, see what it
 * did (refused lines, unmapped codes, the reports filled), map responsibility codes to units and
 * keep the settings. For administrators and the central ekonomiavdelning (the API decides).
 */
export default function FinancialImportPage() {
  const settings = useApiQuery<FinancialImportSettingsView>(SETTINGS);
  const [shown, setShown] = useState<FinancialImportView | null>(null);
  const [message, setMessage] = useState<string | null>(null);

  if (settings.isLoading)
    return (
      <>
        <PageHeading title={t('fimport.title')} />
        <Loading />
      </>
    );
  if (settings.error?.status === 403)
    return (
      <>
        <PageHeading title={t('fimport.title')} />
        <p>{t('fimport.notAllowed')}</p>
      </>
    );
  return (
    <>
      <PageHeading title={t('fimport.title')} />
      <p className="lead">{t('fimport.intro')}</p>
      {settings.error && <ProblemMessage error={settings.error} onRetry={settings.refetch} />}
      <StatusMessage message={message} />
      <UploadForm
        onDone={(result) => {
          setShown(result);
          setMessage(
            t(result.status === 'imported' ? 'fimport.done' : 'fimport.rejectedMessage', {
              file: result.fileName,
            }),
          );
        }}
      />
      {shown && <ImportResult result={shown} />}
      <History onShow={setShown} />
      <Mappings onMessage={setMessage} />
      {settings.data && <SettingsForm current={settings.data} onMessage={setMessage} />}
    </>
  );
}

function UploadForm({ onDone }: { onDone: (r: FinancialImportView) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [format, setFormat] = useState('');
  const [period, setPeriod] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const queryClient = useQueryClient();
  const ids: Record<string, string> = {
    '/file': 'fimport-file',
    '/format': 'fimport-format',
    '/period': 'fimport-period',
  };
  const upload = useMutation({
    mutationFn: uploadFile,
    onSuccess: async (result) => {
      setErrors(NO_ERRORS);
      await queryClient.invalidateQueries({ queryKey: [IMPORTS] });
      onDone(result);
    },
    onError: (error) => {
      setErrors(formErrors(toApiError(error), (p) => ids[p]));
      setAttempt((n) => n + 1);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setErrors({
        fields: { '/file': t('fimport.fileRequired') },
        summary: [{ fieldId: ids['/file'], message: t('fimport.fileRequired') }],
      });
      setAttempt((n) => n + 1);
      return;
    }
    const form = new FormData();
    if (format) form.append('format', format);
    if (period.trim()) form.append('period', period.trim());
    form.append('file', file, file.name);
    upload.mutate(form);
  }

  return (
    <section aria-labelledby="fimport-upload-title" className="card">
      <h2 id="fimport-upload-title">{t('fimport.uploadTitle')}</h2>
      <ErrorSummary items={errors.summary} focusKey={attempt} />
      <form className="form-stack" noValidate onSubmit={submit} aria-busy={upload.isPending || undefined}>
        <TextField
          id={ids['/file'] as string}
          label={t('fimport.file')}
          hint={t('fimport.fileHint')}
          error={errors.fields['/file']}
          type="file"
          accept=".se,.si,.sie,.csv,.txt,.xlsx"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          required
        />
        <SelectField
          id={ids['/format'] as string}
          label={t('fimport.format')}
          value={format}
          error={errors.fields['/format']}
          onChange={(e) => setFormat(e.target.value)}
        >
          <option value="">{t('fimport.format.auto')}</option>
          <option value="sie">{t('fimport.format.sie')}</option>
          <option value="csv">{t('fimport.format.csv')}</option>
          <option value="xlsx">{t('fimport.format.xlsx')}</option>
        </SelectField>
        <TextField
          id={ids['/period'] as string}
          label={t('fimport.period')}
          hint={t('fimport.periodHint')}
          error={errors.fields['/period']}
          value={period}
          inputMode="numeric"
          autoComplete="off"
          onChange={(e) => setPeriod(e.target.value)}
        />
        <button type="submit" className="button" disabled={upload.isPending}>
          {upload.isPending ? t('fimport.uploading') : t('fimport.upload')}
        </button>
      </form>
    </section>
  );
}

function ImportResult({ result }: { result: FinancialImportView }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [result.id]);
  return (
    <section aria-labelledby="fimport-result-title" className="card">
      <h2 id="fimport-result-title" ref={heading} tabIndex={-1}>
        {t('fimport.resultTitle', { file: result.fileName })}
      </h2>
      <dl className="facts">
        <dt>{t('fimport.status')}</dt>
        <dd>{t(result.status === 'imported' ? 'fimport.status.imported' : 'fimport.status.rejected')}</dd>
        <dt>{t('fimport.periodOf')}</dt>
        <dd>{result.period ?? '–'}</dd>
        <dt>{t('fimport.importedBy')}</dt>
        <dd>{result.importedByName ?? '–'}</dd>
        <dt>{t('fimport.importedAt')}</dt>
        <dd>{formatDateTime(result.importedAt)}</dd>
        <dt>{t('fimport.lines')}</dt>
        <dd>
          {t('fimport.linesSummary', {
            read: formatNumber(result.linesRead),
            imported: formatNumber(result.linesImported),
            skipped: formatNumber(result.linesSkipped),
            refused: formatNumber(result.linesRefused),
          })}
        </dd>
        <dt>{t('fimport.totals')}</dt>
        <dd>
          {t('fimport.totalsSummary', { budget: formatSum(result.budget), utfall: formatSum(result.utfall) })}
        </dd>
        <dt>{t('fimport.sha256')}</dt>
        <dd>
          <code className="break-all">{result.sha256}</code>
        </dd>
      </dl>
      {result.refused.length > 0 && (
        <>
          <h3>{t('fimport.refusedTitle')}</h3>
          <DataTable
            label={t('fimport.refusedLabel')}
            headers={[t('fimport.col.line'), t('fimport.col.reason')]}
          >
            {result.refused.map((r, i) => (
              <tr key={i}>
                <th scope="row">{r.line === 0 ? t('fimport.wholeFile') : r.line}</th>
                <td>{r.reason}</td>
              </tr>
            ))}
          </DataTable>
          {result.linesRefused > result.refused.length && (
            <p className="muted">
              {t('fimport.refusedMore', { count: result.linesRefused - result.refused.length })}
            </p>
          )}
        </>
      )}
      {result.unmapped.length > 0 && (
        <>
          <h3>{t('fimport.unmappedTitle')}</h3>
          <p>{t('fimport.unmappedIntro')}</p>
          <DataTable
            label={t('fimport.unmappedLabel')}
            headers={[
              t('fimport.col.code'),
              t('fimport.col.name'),
              t('fimport.col.budget'),
              t('fimport.col.utfall'),
            ]}
          >
            {result.unmapped.map((u) => (
              <tr key={u.code}>
                <th scope="row">
                  <code>{u.code}</code>
                </th>
                <td>{u.name ?? ''}</td>
                <td className="num">{formatSum(u.budget)}</td>
                <td className="num">{formatSum(u.utfall)}</td>
              </tr>
            ))}
          </DataTable>
        </>
      )}
      {result.status === 'imported' && (
        <>
          <h3>{t('fimport.reportsTitle')}</h3>
          {result.reports.length === 0 ? (
            <p className="muted">{t('fimport.noReports')}</p>
          ) : (
            <DataTable
              label={t('fimport.reportsLabel')}
              headers={[
                t('fimport.col.unit'),
                t('fimport.col.report'),
                t('fimport.col.outcome'),
                t('fimport.col.periodbudget'),
                t('fimport.col.utfall'),
                t('fimport.col.prognos'),
                t('fimport.col.arsbudget'),
                t('fimport.col.importedArsbudget'),
                t('fimport.col.difference'),
              ]}
            >
              {result.reports.map((r) => (
                <tr key={r.documentId}>
                  <th scope="row">{r.orgUnitName}</th>
                  <td>
                    <Link to={`/dokument/${r.documentId}`}>
                      {tOr(`fimport.report.${r.type}`, r.type, { period: r.period })}
                    </Link>
                  </td>
                  <td>
                    {tOr(`fimport.outcome.${r.outcome}`, r.outcome)}
                    {r.reason && <span className="muted block">{r.reason}</span>}
                  </td>
                  <td className="num">{formatSum(r.periodbudget)}</td>
                  <td className="num">{formatSum(r.utfall)}</td>
                  <td className="num">{formatSum(r.prognos)}</td>
                  <td className="num">{formatSum(r.arsbudget)}</td>
                  <td className="num">{formatSum(r.importedArsbudget)}</td>
                  <td className="num">{formatSum(r.arsbudgetDifference)}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      )}
    </section>
  );
}

function History({ onShow }: { onShow: (r: FinancialImportView) => void }) {
  const list = useApiQuery<FinancialImportList>(IMPORTS);
  let body: React.ReactNode;
  if (list.isLoading) body = <Loading />;
  else if (list.error) body = <ProblemMessage error={list.error} onRetry={list.refetch} />;
  else if (!list.data?.items.length) body = <p className="muted">{t('fimport.historyEmpty')}</p>;
  else
    body = (
      <DataTable
        label={t('fimport.historyLabel')}
        headers={[
          t('fimport.col.file'),
          t('fimport.col.when'),
          t('fimport.col.by'),
          t('fimport.status'),
          t('fimport.periodOf'),
          t('fimport.col.actions'),
        ]}
      >
        {list.data.items.map((i) => (
          <tr key={i.id}>
            <th scope="row">{i.fileName}</th>
            <td>{formatDateTime(i.importedAt)}</td>
            <td>{i.importedByName ?? ''}</td>
            <td>{t(i.status === 'imported' ? 'fimport.status.imported' : 'fimport.status.rejected')}</td>
            <td>{i.period ?? ''}</td>
            <td>
              <button type="button" className="button button-quiet" onClick={() => onShow(i)}>
                {t('fimport.show')}
                <span className="visually-hidden">
                  {' '}
                  {t('fimport.showLabel', { file: i.fileName, when: formatDateTime(i.importedAt) })}
                </span>
              </button>
            </td>
          </tr>
        ))}
      </DataTable>
    );
  return (
    <section aria-labelledby="fimport-history-title" className="card">
      <h2 id="fimport-history-title">{t('fimport.historyTitle')}</h2>
      {body}
    </section>
  );
}

function Mappings({ onMessage }: { onMessage: (m: string) => void }) {
  const mappings = useApiQuery<ResponsibilityMappingList>(MAPPINGS);
  const units = useApiQuery<Page<OrgUnitView>>('/api/org-units', { limit: 500 });
  const queryClient = useQueryClient();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [orgUnitId, setOrgUnitId] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const ids: Record<string, string> = {
    '/from': 'fimport-from',
    '/to': 'fimport-to',
    '/orgUnitId': 'fimport-unit',
  };
  const options = useMemo(
    () =>
      [...(units.data?.items ?? [])]
        .filter((u) => u.kind !== 'kommun' && u.kind !== 'kf')
        .sort((a, b) => a.name.localeCompare(b.name, 'sv-SE')),
    [units.data],
  );
  const remove = useMutation({
    mutationFn: (id: string) => apiFetch(`${MAPPINGS}/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: [MAPPINGS] });
      onMessage(t('fimport.removed'));
    },
  });
  const add = useMutation({
    mutationFn: (body: { from: string; to?: string; orgUnitId: string }) =>
      apiFetch(MAPPINGS, { method: 'POST', body }),
    onSuccess: async () => {
      setErrors(NO_ERRORS);
      setFrom('');
      setTo('');
      await queryClient.invalidateQueries({ queryKey: [MAPPINGS] });
      onMessage(t('fimport.mappingSaved'));
    },
    onError: (error) => {
      setErrors(formErrors(toApiError(error), (p) => ids[p]));
      setAttempt((n) => n + 1);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const local: FormErrors = { fields: {}, summary: [] };
    if (!from.trim()) {
      local.fields['/from'] = t('fimport.fromRequired');
      local.summary.push({ fieldId: ids['/from'], message: t('fimport.fromRequired') });
    }
    if (!orgUnitId) {
      local.fields['/orgUnitId'] = t('fimport.unitRequired');
      local.summary.push({ fieldId: ids['/orgUnitId'], message: t('fimport.unitRequired') });
    }
    if (local.summary.length) {
      setErrors(local);
      setAttempt((n) => n + 1);
      return;
    }
    add.mutate({ from: from.trim(), ...(to.trim() ? { to: to.trim() } : {}), orgUnitId });
  }

  let list: React.ReactNode;
  if (mappings.isLoading) list = <Loading />;
  else if (mappings.error) list = <ProblemMessage error={mappings.error} onRetry={mappings.refetch} />;
  else if (!mappings.data?.items.length) list = <p className="muted">{t('fimport.mappingsEmpty')}</p>;
  else
    list = (
      <DataTable
        label={t('fimport.mappingsLabel')}
        headers={[t('fimport.col.codes'), t('fimport.unit'), t('fimport.col.actions')]}
      >
        {mappings.data.items.map((m) => (
          <tr key={m.id}>
            <th scope="row">
              <code>{codesOf(m)}</code>
            </th>
            <td>{m.orgUnitName}</td>
            <td>
              <button
                type="button"
                className="button button-quiet"
                disabled={remove.isPending}
                onClick={() => remove.mutate(m.id)}
              >
                {t('fimport.remove')}
                <span className="visually-hidden">
                  {' '}
                  {t('fimport.removeLabel', { codes: codesOf(m), unit: m.orgUnitName })}
                </span>
              </button>
            </td>
          </tr>
        ))}
      </DataTable>
    );

  return (
    <section aria-labelledby="fimport-mappings-title" className="card">
      <h2 id="fimport-mappings-title">{t('fimport.mappingsTitle')}</h2>
      <p>{t('fimport.mappingsIntro')}</p>
      {remove.error && <ProblemMessage error={toApiError(remove.error)} />}
      {list}
      <ErrorSummary items={errors.summary} focusKey={attempt} />
      <form className="form-stack" noValidate onSubmit={submit} aria-busy={add.isPending || undefined}>
        <TextField
          id={ids['/from'] as string}
          label={t('fimport.from')}
          value={from}
          error={errors.fields['/from']}
          onChange={(e) => setFrom(e.target.value)}
          required
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          id={ids['/to'] as string}
          label={t('fimport.to')}
          value={to}
          error={errors.fields['/to']}
          onChange={(e) => setTo(e.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <SelectField
          id={ids['/orgUnitId'] as string}
          label={t('fimport.unit')}
          value={orgUnitId}
          error={errors.fields['/orgUnitId']}
          onChange={(e) => setOrgUnitId(e.target.value)}
          required
        >
          <UnitOptions units={options} empty={t('fimport.chooseUnit')} />
        </SelectField>
        <button type="submit" className="button" disabled={add.isPending}>
          {t('fimport.addMapping')}
        </button>
      </form>
    </section>
  );
}

/** "3-7, 84" ↔ [{ from: '3', to: '7' }, { from: '84', to: '84' }]. */
function accountsText(ranges: readonly { from: string; to: string }[]): string {
  return ranges.map((r) => (r.from === r.to ? r.from : `${r.from}-${r.to}`)).join(', ');
}
function parseAccounts(text: string): { from: string; to: string }[] | null {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  const out: { from: string; to: string }[] = [];
  for (const p of parts) {
    const m = /^(\d{1,10})\s*(?:[-–]\s*(\d{1,10}))?$/.exec(p);
    if (!m) return null;
    out.push({ from: m[1] as string, to: m[2] ?? (m[1] as string) });
  }
  return out.length ? out : null;
}

function SettingsForm({
  current,
  onMessage,
}: {
  current: FinancialImportSettingsView;
  onMessage: (m: string) => void;
}) {
  const queryClient = useQueryClient();
  const [dimension, setDimension] = useState(String(current.sieDimension));
  const [accounts, setAccounts] = useState(accountsText(current.netCostAccounts));
  const [columns, setColumns] = useState({
    ...current.columnMapping,
    account: current.columnMapping.account ?? '',
  });
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const ids: Record<string, string> = {
    '/sieDimension': 'fimport-dimension',
    '/netCostAccounts': 'fimport-accounts',
    '/columnMapping/period': 'fimport-col-period',
    '/columnMapping/code': 'fimport-col-code',
    '/columnMapping/account': 'fimport-col-account',
    '/columnMapping/budget': 'fimport-col-budget',
    '/columnMapping/outcome': 'fimport-col-outcome',
  };
  const fieldId = (p: string) =>
    ids[p] ?? (p.startsWith('/netCostAccounts') ? ids['/netCostAccounts'] : undefined);
  const save = useMutation({
    mutationFn: (body: FinancialImportSettingsView) => apiFetch(SETTINGS, { method: 'PUT', body }),
    onSuccess: async () => {
      setErrors(NO_ERRORS);
      await queryClient.invalidateQueries({ queryKey: [SETTINGS] });
      onMessage(t('fimport.settingsSaved'));
    },
    onError: (error) => {
      setErrors(formErrors(toApiError(error), fieldId));
      setAttempt((n) => n + 1);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const ranges = parseAccounts(accounts);
    if (!ranges) {
      setErrors({
        fields: { '/netCostAccounts': t('fimport.accountsInvalid') },
        summary: [{ fieldId: ids['/netCostAccounts'], message: t('fimport.accountsInvalid') }],
      });
      setAttempt((n) => n + 1);
      return;
    }
    save.mutate({
      sieDimension: Number(dimension),
      netCostAccounts: ranges,
      columnMapping: { ...columns, account: columns.account.trim() || null },
    });
  }

  const column = (key: keyof typeof columns, label: string, hint?: string) => (
    <TextField
      id={ids[`/columnMapping/${key}`] as string}
      label={label}
      hint={hint}
      value={columns[key]}
      error={errors.fields[`/columnMapping/${key}`]}
      onChange={(e) => setColumns({ ...columns, [key]: e.target.value })}
      autoComplete="off"
    />
  );

  return (
    <section aria-labelledby="fimport-settings-title" className="card">
      <h2 id="fimport-settings-title">{t('fimport.settingsTitle')}</h2>
      <ErrorSummary items={errors.summary} focusKey={attempt} />
      <form className="form-stack" noValidate onSubmit={submit} aria-busy={save.isPending || undefined}>
        <TextField
          id={ids['/sieDimension'] as string}
          label={t('fimport.dimension')}
          hint={t('fimport.dimensionHint')}
          value={dimension}
          error={errors.fields['/sieDimension']}
          inputMode="numeric"
          onChange={(e) => setDimension(e.target.value)}
        />
        <TextField
          id={ids['/netCostAccounts'] as string}
          label={t('fimport.accounts')}
          hint={t('fimport.accountsHint')}
          value={accounts}
          error={errors.fields['/netCostAccounts']}
          onChange={(e) => setAccounts(e.target.value)}
          autoComplete="off"
        />
        <fieldset>
          <legend>{t('fimport.columnsTitle')}</legend>
          <p className="field-hint">{t('fimport.columnsIntro')}</p>
          {column('period', t('fimport.col.period'))}
          {column('code', t('fimport.col.code'))}
          {column('account', t('fimport.col.account'), t('fimport.accountColumnHint'))}
          {column('budget', t('fimport.col.budget'))}
          {column('outcome', t('fimport.col.utfall'))}
        </fieldset>
        <button type="submit" className="button" disabled={save.isPending}>
          {t('fimport.saveSettings')}
        </button>
      </form>
    </section>
  );
}
