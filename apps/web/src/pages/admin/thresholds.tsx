import type { DeviationThresholdView, OrgUnitView } from '@rodtrad/contracts';
import { useMutation } from '@tanstack/react-query';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { toApiError } from '../../api/api-error';
import { apiFetch } from '../../api/api-fetch';
import { useApiQuery } from '../../api/query-client';
import { bound } from '../../components/bound';
import { ErrorSummary } from '../../components/error-summary';
import { Loading, NotAvailable, ProblemMessage, StatusMessage } from '../../components/feedback';
import { FormButtons } from '../../components/form-buttons';
import { SelectField, TextField } from '../../components/field';
import { UnitOptions } from '../../components/unit-options';
import { formatNumber, formatSum } from '../../i18n/format';
import { t } from '../../i18n/t';
import { formErrors, NO_ERRORS, type FormErrors } from './form-errors';

const FIELD_IDS: Record<string, string> = {
  '/kronor': 'threshold-kronor',
  '/shareOfFrame': 'threshold-share',
  '/investmentKronor': 'threshold-investment-kronor',
  '/investmentShare': 'threshold-investment-share',
};

/** "1 234 567" or "1,5" as Swedes type them → a number; '' → null; garbage → NaN. */
export function parseSwedishNumber(text: string): number | null {
  const cleaned = text
    .replace(/[\s\u00a0]/g, '')
    .replace(/kr$/i, '')
    .replace(/%$/, '')
    .replace(',', '.');
  if (!cleaned) return null;
  return /^-?\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : Number.NaN;
}

/** Per nämnd: the threshold of a significant budget deviation, in kronor and/or a share of the frame. */
export function ThresholdsPanel({ units }: { units: OrgUnitView[] }) {
  const namnder = useMemo(
    () =>
      units
        .filter((u) => u.kind === 'namnd' || u.kind === 'bolag')
        .sort((a, b) => a.name.localeCompare(b.name, 'sv-SE')),
    [units],
  );
  const [unitId, setUnitId] = useState('');
  const selected = unitId || (namnder[0] ? String(namnder[0].id) : '');
  const query = useApiQuery<DeviationThresholdView>(
    selected ? `/api/org-units/${encodeURIComponent(selected)}/thresholds` : null,
  );
  const unitName = namnder.find((u) => String(u.id) === selected)?.name ?? '';

  let body: React.ReactNode;
  if (!namnder.length) body = <p className="muted">{t('admin.orgEmpty')}</p>;
  else if (query.isLoading) body = <Loading />;
  else if (query.error?.isNotFound) body = <NotAvailable />;
  else if (query.error) body = <ProblemMessage error={query.error} onRetry={query.refetch} />;
  else if (query.data)
    body = <ThresholdForm key={selected} unitName={unitName} value={query.data} onSaved={query.refetch} />;

  return (
    <section aria-labelledby="thresholds-title" className="card">
      <h2 id="thresholds-title">{t('admin.thresholdsTitle')}</h2>
      <p className="muted">{t('admin.thresholdsIntro')}</p>
      {namnder.length > 0 && (
        <SelectField
          id="threshold-unit"
          label={t('escalations.namnd')}
          value={selected}
          onChange={(e) => setUnitId(e.target.value)}
        >
          <UnitOptions units={namnder} />
        </SelectField>
      )}
      {body}
    </section>
  );
}

function ThresholdForm({
  unitName,
  value,
  onSaved,
}: {
  unitName: string;
  value: DeviationThresholdView;
  onSaved: () => void;
}) {
  const [kronor, setKronor] = useState(value.kronor === null ? '' : String(value.kronor));
  const [share, setShare] = useState(
    value.shareOfFrame === null ? '' : formatNumber(value.shareOfFrame * 100),
  );
  const [investmentKronor, setInvestmentKronor] = useState(
    value.investmentKronor === null ? '' : String(value.investmentKronor),
  );
  const [investmentShare, setInvestmentShare] = useState(
    value.investmentShare === null ? '' : formatNumber(value.investmentShare * 100),
  );
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => setMessage(null), [unitName]);

  const save = useMutation({
    mutationFn: (body: {
      kronor: number | null;
      shareOfFrame: number | null;
      investmentKronor: number | null;
      investmentShare: number | null;
    }) =>
      apiFetch(`/api/org-units/${encodeURIComponent(value.orgUnitId)}/thresholds`, { method: 'PUT', body }),
    onSuccess: () => {
      setErrors(NO_ERRORS);
      setMessage(t('admin.threshold.saved', { unit: unitName }));
      onSaved();
    },
    onError: (error) => {
      setErrors(formErrors(toApiError(error), (p) => FIELD_IDS[p]));
      setAttempt((n) => n + 1);
    },
  });
  const busy = save.isPending;

  function submit(event: FormEvent) {
    event.preventDefault();
    setMessage(null);
    const k = parseSwedishNumber(kronor);
    const s = parseSwedishNumber(share);
    const ik = parseSwedishNumber(investmentKronor);
    const is = parseSwedishNumber(investmentShare);
    const local: FormErrors = { fields: {}, summary: [] };
    for (const [pointer, v] of [
      ['/kronor', k],
      ['/shareOfFrame', s],
      ['/investmentKronor', ik],
      ['/investmentShare', is],
    ] as const) {
      if (v !== null && Number.isNaN(v)) {
        local.fields[pointer] = t('admin.threshold.invalidNumber');
        local.summary.push({ fieldId: FIELD_IDS[pointer], message: t('admin.threshold.invalidNumber') });
      }
    }
    if (local.summary.length) {
      setErrors(local);
      setAttempt((n) => n + 1);
      return;
    }
    const fraction = (percent: number | null) =>
      percent === null ? null : Math.round(percent * 1000) / 100000;
    save.mutate({
      kronor: k,
      shareOfFrame: fraction(s),
      investmentKronor: ik,
      investmentShare: fraction(is),
    });
  }

  return (
    <form noValidate onSubmit={submit} className="form-stack">
      <StatusMessage message={message} />
      <ErrorSummary items={errors.summary} focusKey={attempt} />
      <p>
        {value.frame === null
          ? t('admin.threshold.noFrame', { year: value.year })
          : t('admin.threshold.frame', { year: value.year, frame: formatSum(value.frame) })}
        {value.effectiveThreshold !== null && (
          <>
            {' · '}
            <strong>{t('admin.threshold.effective', { amount: formatSum(value.effectiveThreshold) })}</strong>
          </>
        )}
      </p>
      <TextField
        id="threshold-kronor"
        inputMode="numeric"
        label={t('admin.threshold.kronor')}
        hint={t('admin.threshold.kronorHint')}
        {...bound(kronor, setKronor, errors.fields['/kronor'])}
      />
      <TextField
        id="threshold-share"
        inputMode="decimal"
        label={t('admin.threshold.share')}
        hint={t('admin.threshold.shareHint')}
        {...bound(share, setShare, errors.fields['/shareOfFrame'])}
      />
      <TextField
        id="threshold-investment-kronor"
        inputMode="numeric"
        label={t('admin.threshold.investmentKronor')}
        hint={t('admin.threshold.investmentKronorHint')}
        {...bound(investmentKronor, setInvestmentKronor, errors.fields['/investmentKronor'])}
      />
      <TextField
        id="threshold-investment-share"
        inputMode="decimal"
        label={t('admin.threshold.investmentShare')}
        hint={t('admin.threshold.investmentShareHint')}
        {...bound(investmentShare, setInvestmentShare, errors.fields['/investmentShare'])}
      />
      <FormButtons busy={busy} label={t('common.save')} busyLabel={t('common.saving')} />
    </form>
  );
}
