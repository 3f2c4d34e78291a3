import type { OrgUnitView, UserView } from '@rodtrad/contracts';
import { useMutation } from '@tanstack/react-query';
import { useMemo, useState, type FormEvent } from 'react';
import { toApiError } from '../../api/api-error';
import { apiFetch } from '../../api/api-fetch';
import { bound } from '../../components/bound';
import { ErrorSummary } from '../../components/error-summary';
import { SelectField, TextField } from '../../components/field';
import { FormButtons } from '../../components/form-buttons';
import { UnitOptions } from '../../components/unit-options';
import { roleLabel, t } from '../../i18n/t';
import { formErrors, NO_ERRORS, type FormErrors } from './form-errors';

/** Where each role may be held (mirrors ROLES in libs/domain; the server has the last word, with a 422). */
export const ROLE_UNIT_KINDS: Record<string, string[]> = {
  admin: ['kommun'],
  registrator: ['kommun'],
  'kf.ordforande': ['kf'],
  'kf.sekreterare': ['kf'],
  'ks.ordforande': ['ks'],
  'ks.sekreterare': ['ks'],
  'namnd.ordforande': ['namnd', 'bolag', 'kommunalforbund'],
  'namnd.sekreterare': ['namnd', 'bolag', 'kommunalforbund'],
  forvaltningschef: ['forvaltning'],
  omradeschef: ['omrade'],
  enhetschef: ['enhet'],
  handlaggare: [],
};

interface RoleRow {
  role: string;
  orgUnitId: string;
}

interface Props {
  user: UserView | null;
  units: OrgUnitView[];
  onSaved: (message: string) => Promise<void> | void;
  onCancel: () => void;
}

const FIELD_IDS: Record<string, string> = {
  '/username': 'user-username',
  '/name': 'user-name',
  '/email': 'user-email',
  '/password': 'user-password',
};
const fieldId = (pointer: string) => {
  const role = /^\/roles\/(\d+)(?:\/(role|orgUnitId))?$/.exec(pointer);
  if (role) return role[2] === 'role' ? `user-role-${role[1]}` : `user-role-${role[1]}-unit`;
  return FIELD_IDS[pointer] ?? (pointer === '/roles' ? 'user-add-role' : undefined);
};

/** Create a user, or change one: name, e-mail, password, active, and every role on its unit. */
export function UserForm({ user, units, onSaved, onCancel }: Props) {
  const [username, setUsername] = useState(user?.username ?? '');
  const [name, setName] = useState(user?.name ?? '');
  const [email, setEmail] = useState(user?.email ?? '');
  const [password, setPassword] = useState('');
  const [active, setActive] = useState((user as { active?: boolean } | null)?.active ?? true);
  const [roles, setRoles] = useState<RoleRow[]>(
    (user?.roles ?? []).map((r) => ({ role: r.role, orgUnitId: String(r.orgUnitId ?? '') })),
  );
  const [errors, setErrors] = useState<FormErrors>(NO_ERRORS);
  const [attempt, setAttempt] = useState(0);
  const sortedUnits = useMemo(
    () => [...units].sort((a, b) => a.name.localeCompare(b.name, 'sv-SE')),
    [units],
  );
  const titleId = 'user-form-title';

  const save = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      user
        ? apiFetch(`/api/users/${encodeURIComponent(String(user.id))}`, { method: 'PATCH', body })
        : apiFetch('/api/users', { method: 'POST', body: { ...body, username: username.trim() } }),
    onSuccess: () =>
      onSaved(
        user ? t('admin.user.saved', { name: name.trim() }) : t('admin.user.created', { name: name.trim() }),
      ),
    onError: (error) => {
      setErrors(formErrors(toApiError(error), fieldId));
      setAttempt((n) => n + 1);
    },
  });
  const busy = save.isPending;

  function submit(event: FormEvent) {
    event.preventDefault();
    const body: Record<string, unknown> = { name: name.trim(), email: email.trim(), active, roles };
    if (password) body['password'] = password;
    save.mutate(body);
  }

  const setRole = (index: number, patch: Partial<RoleRow>) =>
    setRoles((list) => list.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  return (
    <form noValidate onSubmit={submit} className="form-stack">
      <h2 id={titleId}>{user ? t('admin.userEdit', { name: user.name }) : t('admin.userCreate')}</h2>
      <ErrorSummary items={errors.summary} focusKey={attempt} />
      {!user && (
        <TextField
          id="user-username"
          label={t('admin.user.username')}
          hint={t('admin.user.usernameHint')}
          required
          autoComplete="off"
          {...bound(username, setUsername, errors.fields['/username'])}
        />
      )}
      <TextField
        id="user-name"
        label={t('admin.user.name')}
        required
        {...bound(name, setName, errors.fields['/name'])}
      />
      <TextField
        id="user-email"
        type="email"
        label={t('admin.user.email')}
        required
        {...bound(email, setEmail, errors.fields['/email'])}
      />
      <TextField
        id="user-password"
        type="password"
        autoComplete="new-password"
        label={t('admin.user.password')}
        hint={t('admin.user.passwordHint')}
        {...bound(password, setPassword, errors.fields['/password'])}
      />
      <div className="field field-checkbox">
        <input
          id="user-active"
          type="checkbox"
          checked={active}
          onChange={(e) => setActive(e.target.checked)}
        />
        <label htmlFor="user-active">{t('admin.user.active')}</label>
      </div>
      <fieldset className="field">
        <legend>{t('admin.user.roles')}</legend>
        {roles.length === 0 && <p className="muted">{t('admin.user.noRoles')}</p>}
        {roles.map((row, index) => {
          const kinds = ROLE_UNIT_KINDS[row.role] ?? [];
          const options = kinds.length ? sortedUnits.filter((u) => kinds.includes(u.kind)) : sortedUnits;
          const unitError = errors.fields[`/roles/${index}/orgUnitId`] ?? errors.fields[`/roles/${index}`];
          const roleError = errors.fields[`/roles/${index}/role`];
          return (
            <div
              key={index}
              className="role-row"
              role="group"
              aria-label={t('admin.user.roleN', { n: index + 1 })}
            >
              <SelectField
                id={`user-role-${index}`}
                label={t('admin.user.role')}
                value={row.role}
                error={roleError}
                onChange={(e) => setRole(index, { role: e.target.value })}
              >
                {Object.keys(ROLE_UNIT_KINDS).map((role) => (
                  <option key={role} value={role}>
                    {roleLabel(role)}
                  </option>
                ))}
              </SelectField>
              <SelectField
                id={`user-role-${index}-unit`}
                label={t('admin.user.roleUnit')}
                value={row.orgUnitId}
                error={unitError}
                onChange={(e) => setRole(index, { orgUnitId: e.target.value })}
              >
                <UnitOptions units={options} empty={t('common.none')} />
              </SelectField>
              <button
                type="button"
                className="button button-quiet"
                onClick={() => setRoles((list) => list.filter((_, i) => i !== index))}
              >
                {t('admin.user.removeRole', { n: index + 1 })}
              </button>
            </div>
          );
        })}
        <button
          id="user-add-role"
          type="button"
          className="button button-secondary"
          onClick={() => setRoles((list) => [...list, { role: 'enhetschef', orgUnitId: '' }])}
        >
          {t('admin.user.addRole')}
        </button>
      </fieldset>
      <FormButtons
        busy={busy}
        label={user ? t('common.save') : t('common.create')}
        busyLabel={t('common.saving')}
        onCancel={onCancel}
      />
    </form>
  );
}
