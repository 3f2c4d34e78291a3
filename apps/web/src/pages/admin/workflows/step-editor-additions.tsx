// The visual step editor's additions: a new event in a step, a new step, each key checked in Swedish
// before it is written into the definition.
import { useState } from 'react';
import { SelectField, TextField } from '../../../components/field';
import { t } from '../../../i18n/t';
import { addEvent, addStep, newEventProblem, newStepProblem, type StepView } from './step-editor';

export function NewEvent({
  step,
  targets,
  definition,
  onChange,
}: {
  step: StepView;
  targets: StepView[];
  definition: unknown;
  onChange: (d: unknown) => void;
}) {
  const id = `wfa-${step.key}-new-event`;
  const [event, setEvent] = useState('');
  const [label, setLabel] = useState('');
  const [target, setTarget] = useState(targets[0]?.key ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <fieldset className="wfa-group">
      <legend>{t('wf.steps.newEvent')}</legend>
      <TextField
        id={`${id}-key`}
        label={t('wf.steps.eventKey')}
        hint={t('wf.steps.eventKeyHint')}
        value={event}
        onChange={(e) => setEvent(e.target.value)}
      />
      <TextField
        id={`${id}-label`}
        label={t('wf.steps.eventLabel')}
        value={label}
        onChange={(e) => setLabel(e.target.value)}
      />
      <SelectField
        id={`${id}-target`}
        label={t('wf.steps.target')}
        value={target}
        onChange={(e) => setTarget(e.target.value)}
      >
        {targets.map((s) => (
          <option key={s.key} value={s.key}>
            {s.meta.title} ({s.key})
          </option>
        ))}
      </SelectField>
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          const why = newEventProblem(definition, step.key, event.trim(), label);
          setProblem(why);
          if (why) return;
          onChange(addEvent(definition, step.key, event.trim(), target, label, []));
          setEvent('');
          setLabel('');
        }}
      >
        {t('wf.steps.addEvent')}
      </button>
    </fieldset>
  );
}

export function NewStep({
  definition,
  onChange,
}: {
  definition: unknown;
  onChange: (d: unknown, key: string) => void;
}) {
  const [key, setKey] = useState('');
  const [title, setTitle] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <fieldset className="wfa-group">
      <legend>{t('wf.steps.newStep')}</legend>
      <TextField
        id="wfa-new-step-key"
        label={t('wf.steps.stepKey')}
        hint={t('wf.steps.stepKeyHint')}
        value={key}
        onChange={(e) => setKey(e.target.value)}
      />
      <TextField
        id="wfa-new-step-title"
        label={t('wf.steps.stepTitle')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
      />
      {problem && (
        <p className="field-error" role="alert">
          {problem}
        </p>
      )}
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          const why = newStepProblem(definition, key.trim(), title);
          setProblem(why);
          if (why) return;
          onChange(addStep(definition, key.trim(), title), key.trim());
          setKey('');
          setTitle('');
        }}
      >
        {t('wf.steps.addStep')}
      </button>
    </fieldset>
  );
}
