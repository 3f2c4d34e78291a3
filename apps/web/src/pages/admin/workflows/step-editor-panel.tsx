import { ROLE_KEYS } from '@rodtrad/domain';
import { useState } from 'react';
import { SelectField, TextField } from '../../../components/field';
import { roleLabel, t } from '../../../i18n/t';
import {
  parseReminders,
  setEventPermission,
  setEventTarget,
  setStepMeta,
  steps,
  toggle,
  type StepView,
} from './step-editor';
import { NewEvent, NewStep } from './step-editor-additions';

interface StepEditorProps {
  definition: unknown;
  /** The draft's form names, for "which form this step shows". */
  forms: readonly string[];
  readOnly: boolean;
  /** A new definition: the JSON beside the editor is written from it. */
  onChange: (definition: unknown) => void;
}

/**
 * The visual editor of a workflow: its steps, who may edit and send what from each, where each
 * event leads, the step's form and its deadline. It edits the same definition as the JSON beside
 * it; guards and effects are edited there.
 */
export function StepEditorPanel({ definition, forms, readOnly, onChange }: StepEditorProps) {
  const all = steps(definition);
  const [selected, setSelected] = useState(all[0]?.key ?? '');
  const step = all.find((s) => s.key === selected) ?? all[0];
  if (!step) return null;
  return (
    <section className="card" aria-labelledby="wfa-steps">
      <h2 id="wfa-steps">{t('wf.steps.title')}</h2>
      <p className="muted">{t('wf.steps.intro')}</p>
      <SelectField
        id="wfa-step"
        label={t('wf.steps.pick')}
        value={step.key}
        onChange={(e) => setSelected(e.target.value)}
      >
        {all.map((s) => (
          <option key={s.key} value={s.key}>
            {s.meta.title} ({s.key}){s.final ? ` – ${t('wf.steps.final')}` : ''}
          </option>
        ))}
      </SelectField>
      <fieldset className="wfa-step" disabled={readOnly}>
        <legend>{t('wf.steps.legend', { title: step.meta.title })}</legend>
        <StepFields key={step.key} step={step} forms={forms} definition={definition} onChange={onChange} />
        {!step.final &&
          step.transitions.map((tr) => (
            <EventFields
              key={tr.event}
              step={step}
              event={tr.event}
              target={tr.target}
              guarded={tr.guarded}
              targets={all}
              definition={definition}
              onChange={onChange}
            />
          ))}
        {!step.final && (
          <NewEvent
            key={`new-event-${step.key}`}
            step={step}
            targets={all}
            definition={definition}
            onChange={onChange}
          />
        )}
      </fieldset>
      {!readOnly && (
        <NewStep definition={definition} onChange={(d, key) => (onChange(d), setSelected(key))} />
      )}
    </section>
  );
}

function StepFields({
  step,
  forms,
  definition,
  onChange,
}: {
  step: StepView;
  forms: readonly string[];
  definition: unknown;
  onChange: (d: unknown) => void;
}) {
  const id = `wfa-${step.key}`;
  const deadline = step.meta.deadline;
  const [reminders, setReminders] = useState(deadline?.reminders?.join(', ') ?? '');
  const remindersParsed = parseReminders(reminders);
  const set = (patch: Parameters<typeof setStepMeta>[2]) =>
    onChange(setStepMeta(definition, step.key, patch));
  return (
    <>
      <TextField
        id={`${id}-title`}
        label={t('wf.steps.stepTitle')}
        value={step.meta.title}
        error={step.meta.title.trim() ? undefined : t('wf.steps.titleRequired')}
        onChange={(e) => set({ title: e.target.value })}
      />
      {!step.final && (
        <>
          <SelectField
            id={`${id}-form`}
            label={t('wf.steps.form')}
            value={step.meta.form ?? ''}
            onChange={(e) => set({ form: e.target.value || undefined })}
          >
            <option value="">{t('wf.steps.noForm')}</option>
            {forms.map((f) => (
              <option key={f} value={f}>
                {f}
              </option>
            ))}
          </SelectField>
          <Roles
            id={`${id}-editors`}
            legend={t('wf.steps.editableBy')}
            value={step.meta.editableBy}
            onChange={(roles) => set({ editableBy: roles })}
          />
          <Roles
            id={`${id}-responsible`}
            legend={t('wf.steps.responsible')}
            value={step.meta.responsible}
            onChange={(roles) => set({ responsible: roles })}
          />
          <fieldset className="wfa-group">
            <legend>{t('wf.steps.deadline')}</legend>
            <div className="field field-checkbox">
              <input
                id={`${id}-has-deadline`}
                type="checkbox"
                checked={!!deadline}
                onChange={(e) =>
                  set({
                    deadline: e.target.checked
                      ? { key: definitionKey(definition), reminders: [14, 3, 1] }
                      : undefined,
                  })
                }
              />
              <label htmlFor={`${id}-has-deadline`}>{t('wf.steps.hasDeadline')}</label>
            </div>
            {deadline && (
              <>
                <TextField
                  id={`${id}-deadline-key`}
                  label={t('wf.steps.deadlineKey')}
                  hint={t('wf.steps.deadlineKeyHint')}
                  value={deadline.key}
                  onChange={(e) => set({ deadline: { ...deadline, key: e.target.value } })}
                />
                <TextField
                  id={`${id}-reminders`}
                  label={t('wf.steps.reminders')}
                  hint={t('wf.steps.remindersHint')}
                  value={reminders}
                  error={remindersParsed ? undefined : t('wf.steps.remindersInvalid')}
                  onChange={(e) => {
                    setReminders(e.target.value);
                    const parsed = parseReminders(e.target.value);
                    if (parsed) set({ deadline: { ...deadline, reminders: parsed } });
                  }}
                />
                <div className="field field-checkbox">
                  <input
                    id={`${id}-escalate`}
                    type="checkbox"
                    checked={!!deadline.escalate}
                    onChange={(e) =>
                      set({ deadline: { ...deadline, escalate: e.target.checked || undefined } })
                    }
                  />
                  <label htmlFor={`${id}-escalate`}>{t('wf.steps.escalate')}</label>
                </div>
              </>
            )}
          </fieldset>
        </>
      )}
    </>
  );
}

function EventFields({
  step,
  event,
  target,
  guarded,
  targets,
  definition,
  onChange,
}: {
  step: StepView;
  event: string;
  target: string | null;
  guarded: boolean;
  targets: StepView[];
  definition: unknown;
  onChange: (d: unknown) => void;
}) {
  const id = `wfa-${step.key}-${event}`;
  const permission = step.meta.events?.[event] ?? { label: event, roles: [] };
  const setPermission = (patch: Parameters<typeof setEventPermission>[3]) =>
    onChange(setEventPermission(definition, step.key, event, patch));
  return (
    <fieldset className="wfa-group">
      <legend>{t('wf.steps.event', { event, label: permission.label })}</legend>
      <TextField
        id={`${id}-label`}
        label={t('wf.steps.eventLabel')}
        value={permission.label}
        error={permission.label.trim() ? undefined : t('wf.steps.eventLabelRequired')}
        onChange={(e) => setPermission({ label: e.target.value })}
      />
      <SelectField
        id={`${id}-target`}
        label={t('wf.steps.target')}
        value={target ?? ''}
        onChange={(e) => onChange(setEventTarget(definition, step.key, event, e.target.value))}
      >
        {target === null && <option value="">{t('wf.steps.noTarget')}</option>}
        {targets.map((s) => (
          <option key={s.key} value={s.key}>
            {s.meta.title} ({s.key})
          </option>
        ))}
      </SelectField>
      <Roles
        id={`${id}-roles`}
        legend={t('wf.steps.eventRoles')}
        value={permission.roles}
        onChange={(roles) => setPermission({ roles })}
      />
      <div className="field field-checkbox">
        <input
          id={`${id}-comment`}
          type="checkbox"
          checked={!!permission.requiresComment}
          onChange={(e) => setPermission({ requiresComment: e.target.checked })}
        />
        <label htmlFor={`${id}-comment`}>{t('wf.steps.requiresComment')}</label>
      </div>
      {guarded && <p className="muted">{t('wf.steps.guarded')}</p>}
    </fieldset>
  );
}

function Roles({
  id,
  legend,
  value,
  onChange,
}: {
  id: string;
  legend: string;
  value: readonly string[] | undefined;
  onChange: (roles: string[]) => void;
}) {
  return (
    <fieldset className="wfa-group wfa-roles">
      <legend>{legend}</legend>
      {ROLE_KEYS.map((role) => (
        <div className="field field-checkbox" key={role}>
          <input
            id={`${id}-${role}`}
            type="checkbox"
            checked={!!value?.includes(role)}
            onChange={(e) => onChange(toggle(value, role, e.target.checked))}
          />
          <label htmlFor={`${id}-${role}`}>{roleLabel(role)}</label>
        </div>
      ))}
    </fieldset>
  );
}

function definitionKey(definition: unknown): string {
  const key = (definition as { key?: unknown } | null)?.key;
  return typeof key === 'string' ? key : '';
}
