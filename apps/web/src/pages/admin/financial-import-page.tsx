import type {
  FinancialImportList,
  FinancialImportSettingsView,
  FinancialImportView,
} from '@rodtrad/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { toApiError } from '../../api/api-error';
import { apiFetch } from '../../api/api-fetch';
import { useApiQuery } from '../../api/query-client';
import { DataTable } from '../../components/data-table';
import { ErrorSummary } from '../../components/error-summary';
import { Loading, ProblemMessage, StatusMessage } from '../../components/feedback';
import { SelectField, TextField } from '../../components/field';
import { PageHeading } from '../../components/page-heading';
import { formatDateTime } from '../../i18n/format';
import { t } from '../../i18n/t';
import { formErrors, NO_ERRORS, type FormErrors } from './form-errors';
import { ImportResult } from './financial-import-result';
import { Mappings, SETTINGS, SettingsForm } from './financial-import-settings';

const IMPORTS = '/api/imports/ekonomi';

/** The upload is multipart (the file streamed to the API). */
const uploadFile = (form: FormData) => apiFetch<FinancialImportView>(IMPORTS, { method: 'POST', body: form });

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
