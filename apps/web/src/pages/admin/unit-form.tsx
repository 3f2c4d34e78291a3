import type { OrgUnitView } from '@rodtrad/contracts';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { toApiError } from '../../api/api-error';
import { apiFetch } from '../../api/api-fetch';
import { bound } from '../../components/bound';
import { ErrorSummary } from '../../components/error-summary';
import { SelectField, TextField } from '../../components/field';
import { FormButtons } from '../../components/form-buttons';
import { orgKindLabel, t } from '../../i18n/t';
import { formErrors, NO_ERRORS, type FormErrors } from './form-errors';

const KINDS = ['kommun', 'kf', 'ks', 'namnd', 'bolag', 'kommunalforbund', 'forvaltning', 'omrade', 'enhet'];
const FIELD_IDS: Record<string, string> = {
  '/parentId': 'unit-parent',
  '/kind': 'unit-kind',
  '/name': 'unit-name',
  '/code': 'unit-code',
};

export function UnitForm({
  units,
  onSaved,
  onCancel,
}: {
  units: OrgUnitView[];
  onSaved: (message: string) => Promise<void> | void;
  onCancel: () => void;
}) {
  const sorted = useMemo(() => [...units].sort((a, b) => a.name.localeCompare(b.name, 'sv-SE')), [units]);
  const [parentId, setParentId] = useState(sorted[0] ? String(sorted[0].id) : '');
  const [kind, setKind] = useState('enhet');
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const create = useMutation({
    mutationFn: () =>
      apiFetch('/api/org-units', {
        method: 'POST',
        body: { parentId: parentId || null, kind, name: name.trim(), code: code.trim() },
      }),
    onSuccess: () => onSaved(t('admin.unit.created', { name: name.trim() })),
    onError: (error) => {
      setErrors(formErrors(toApiError(error), (p) => FIELD_IDS[p]));
      setAttempt((n) => n + 1);
    },
  });
  const busy = create.isPending;

  function submit(event: FormEvent) {
    event.preventDefault();
    create.mutate();
  }

  return (
    <form noValidate onSubmit={submit} className="form-stack">
      <h2 id="unit-form-title">{t('admin.unitCreate')}</h2>
      <ErrorSummary items={errors.summary} focusKey={attempt} />
      <SelectField
        id="unit-parent"
        label={t('admin.unit.parent')}
        {...bound(parentId, setParentId, errors.fields['/parentId'])}
      >
        {sorted.map((u) => (
          <option key={String(u.id)} value={String(u.id)}>
            {u.name} ({orgKindLabel(u.kind)})
          </option>
        ))}
      </SelectField>
      <SelectField
        id="unit-kind"
        label={t('admin.unit.kind')}
        hint={kind === 'bolag' || kind === 'kommunalforbund' ? t('admin.unit.ownedBodyHint') : undefined}
        {...bound(kind, setKind, errors.fields['/kind'])}
      >
        {KINDS.map((k) => (
          <option key={k} value={k}>
            {orgKindLabel(k)}
          </option>
        ))}
      </SelectField>
      <TextField
        id="unit-name"
        label={t('admin.unit.name')}
        required
        {...bound(name, setName, errors.fields['/name'])}
      />
      <TextField
        id="unit-code"
        label={t('admin.unit.code')}
        hint={t('admin.unit.codeHint')}
        required
        {...bound(code, setCode, errors.fields['/code'])}
      />
      <FormButtons
        busy={busy}
        label={t('common.create')}
        busyLabel={t('common.creating')}
        onCancel={onCancel}
      />
    </form>
  );
}
