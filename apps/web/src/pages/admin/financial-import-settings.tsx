// Administration › Import från ekonomisystemet: the responsibility codes mapped to units, and the
// settings (the SIE dimension, the net-cost accounts, the CSV/Excel column mapping).
import type {
  FinancialImportSettingsView,
  OrgUnitView,
  Page,
  ResponsibilityMappingList,
} from '@rodtrad/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { toApiError } from '../../api/api-error';
import { apiFetch } from '../../api/api-fetch';
import { useApiQuery } from '../../api/query-client';
import { DataTable } from '../../components/data-table';
import { ErrorSummary } from '../../components/error-summary';
import { Loading, ProblemMessage } from '../../components/feedback';
import { SelectField, TextField } from '../../components/field';
import { UnitOptions } from '../../components/unit-options';
import { t } from '../../i18n/t';
import { formErrors, NO_ERRORS, type FormErrors } from './form-errors';

const MAPPINGS = '/api/imports/ekonomi/mappings';
export const SETTINGS = '/api/imports/ekonomi/settings';

export const codesOf = (m: { from: string; to: string }) => (m.from === m.to ? m.from : `${m.from}–${m.to}`);

export function Mappings({ onMessage }: { onMessage: (m: string) => void }) {
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

export function SettingsForm({
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
