import type { RiskMatrixView } from '@rodtrad/contracts';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { toApiError } from '../../api/api-error';
import { apiFetch } from '../../api/api-fetch';
import { useApiQuery } from '../../api/query-client';
import { bound } from '../../components/bound';
import { ErrorSummary } from '../../components/error-summary';
import { Loading, ProblemMessage, StatusMessage } from '../../components/feedback';
import { FormButtons } from '../../components/form-buttons';
import { TextField } from '../../components/field';
import { t } from '../../i18n/t';
import { formErrors, NO_ERRORS, type FormErrors } from './form-errors';

const FIELD_IDS: Record<string, string> = {
  '/size': 'risk-matrix-size',
  '/mediumFrom': 'risk-matrix-medium',
  '/highFrom': 'risk-matrix-high',
};

/** The installation's risk matrix for internal control: its size and where medium and high begin. */
export function RiskMatrixPanel() {
  const query = useApiQuery<RiskMatrixView>('/api/risk-matrix');
  let body: React.ReactNode;
  if (query.isLoading) body = <Loading />;
  else if (query.error) body = <ProblemMessage error={query.error} onRetry={query.refetch} />;
  else if (query.data)
    body = (
      <RiskMatrixForm key={query.data.updatedAt ?? 'default'} value={query.data} onSaved={query.refetch} />
    );
  return (
    <section aria-labelledby="risk-matrix-title" className="card">
      <h2 id="risk-matrix-title">{t('admin.riskMatrix.title')}</h2>
      <p className="muted">{t('admin.riskMatrix.intro')}</p>
      {body}
    </section>
  );
}

function RiskMatrixForm({ value, onSaved }: { value: RiskMatrixView; onSaved: () => void }) {
  const [size, setSize] = useState(String(value.size));
  const [medium, setMedium] = useState(String(value.mediumFrom));
  const [high, setHigh] = useState(String(value.highFrom));
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const [message, setMessage] = useState<string | null>(null);

  const save = useMutation({
    mutationFn: (body: { size: number; mediumFrom: number; highFrom: number }) =>
      apiFetch<RiskMatrixView>('/api/risk-matrix', { method: 'PUT', body }),
    onSuccess: () => {
      setErrors(NO_ERRORS);
      setMessage(t('admin.riskMatrix.saved'));
      onSaved();
    },
    onError: (error) => {
      setErrors(formErrors(toApiError(error), (p) => FIELD_IDS[p]));
      setAttempt((n) => n + 1);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const fields = [
      ['/size', size],
      ['/mediumFrom', medium],
      ['/highFrom', high],
    ] as const;
    const local: FormErrors = { fields: {}, summary: [] };
    for (const [pointer, text] of fields)
      if (!/^\s*\d+\s*$/.test(text)) {
        local.fields[pointer] = t('admin.riskMatrix.invalidNumber');
        local.summary.push({ fieldId: FIELD_IDS[pointer], message: t('admin.riskMatrix.invalidNumber') });
      }
    if (local.summary.length) {
      setErrors(local);
      setAttempt((n) => n + 1);
      return;
    }
    save.mutate({ size: Number(size), mediumFrom: Number(medium), highFrom: Number(high) });
  }

  const levels = value.levels.map((l) => `${l.label} ${l.from}–${l.to}`).join(', ');
  return (
    <form noValidate onSubmit={submit} className="form-stack">
      <StatusMessage message={message} />
      <ErrorSummary items={errors.summary} focusKey={attempt} />
      <p>{t('admin.riskMatrix.levels', { levels })}</p>
      <TextField
        id="risk-matrix-size"
        inputMode="numeric"
        label={t('admin.riskMatrix.size')}
        hint={t('admin.riskMatrix.sizeHint')}
        {...bound(size, setSize, errors.fields['/size'])}
      />
      <TextField
        id="risk-matrix-medium"
        inputMode="numeric"
        label={t('admin.riskMatrix.mediumFrom')}
        {...bound(medium, setMedium, errors.fields['/mediumFrom'])}
      />
      <TextField
        id="risk-matrix-high"
        inputMode="numeric"
        label={t('admin.riskMatrix.highFrom')}
        {...bound(high, setHigh, errors.fields['/highFrom'])}
      />
      <FormButtons busy={save.isPending} label={t('common.save')} busyLabel={t('common.saving')} />
    </form>
  );
}
