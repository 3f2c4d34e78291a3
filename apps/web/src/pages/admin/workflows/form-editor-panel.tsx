import { useMutation } from '@tanstack/react-query';
import { lazy, Suspense, useMemo, useState } from 'react';
import type { FieldProblemView } from '@rodtrad/contracts';
import { Loading, ProblemMessage, StatusMessage } from '../../../components/feedback';
import type { JsonObject } from '../../../forms/json';
import { t } from '../../../i18n/t';
import { parseJson, workflowApi, type StoredVersion } from './workflow-admin-api';

const SchemaForm = lazy(() => import('../../../forms/schema-form'));
const pretty = (v: unknown) => JSON.stringify(v ?? {}, null, 2);
const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Schema and uiSchema of one form of the draft, with a live preview as RJSF renders it. */
export function FormEditorPanel({ stored, onSaved }: { stored: StoredVersion; onSaved: () => void }) {
  const names = Object.keys(stored.forms).sort();
  const [name, setName] = useState(names[0] ?? '');
  const [schema, setSchema] = useState(() => pretty(stored.forms[name]?.schema));
  const [uiSchema, setUiSchema] = useState(() => pretty(stored.forms[name]?.uiSchema));
  const [problems, setProblems] = useState<FieldProblemView[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const parsedSchema = useMemo(() => parseJson(schema), [schema]);
  const parsedUi = useMemo(() => parseJson(uiSchema), [uiSchema]);
  const saveForm = useMutation({
    mutationFn: (form: { schema: JsonObject; uiSchema: JsonObject }) =>
      workflowApi.saveForm(stored.key, name, form),
    onMutate: () => setMessage(null),
    onSuccess: (saved) => {
      setProblems([]);
      setMessage(t('wf.formSaved', { version: saved.version }));
      onSaved();
    },
    // A refused schema lists its problems with their pointers; anything else is a plain failure.
    onError: (err) => {
      if (err.status === 422) setProblems(err.fieldErrors);
    },
  });
  const error = saveForm.error && saveForm.error.status !== 422 ? saveForm.error : null;
  if (!names.length) return null;

  function pick(next: string) {
    setName(next);
    setSchema(pretty(stored.forms[next]?.schema));
    setUiSchema(pretty(stored.forms[next]?.uiSchema));
    setProblems([]);
  }
  function save() {
    if (isObject(parsedSchema.value) && isObject(parsedUi.value))
      saveForm.mutate({ schema: parsedSchema.value, uiSchema: parsedUi.value });
  }
  const previewable =
    isObject(parsedSchema.value) && parsedSchema.value['type'] === 'object' && isObject(parsedUi.value);
  return (
    <section className="card" aria-labelledby="wfa-forms">
      <h2 id="wfa-forms">{t('wf.formsTitle')}</h2>
      <StatusMessage message={message} />
      {error && <ProblemMessage error={error} />}
      <div className="wfa-inline">
        <label htmlFor="wfa-form-name">{t('wf.formPick')}</label>
        <select id="wfa-form-name" value={name} onChange={(e) => pick(e.target.value)}>
          {names.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <div className="wfa-two">
        <div>
          <label htmlFor="wfa-form-schema">{t('wf.formSchema')}</label>
          <textarea
            id="wfa-form-schema"
            className="wfa-json"
            rows={16}
            spellCheck={false}
            value={schema}
            onChange={(e) => setSchema(e.target.value)}
          />
          {parsedSchema.error && (
            <p className="field-error">{t('wf.jsonInvalid', { message: parsedSchema.error })}</p>
          )}
          <label htmlFor="wfa-form-ui">{t('wf.formUiSchema')}</label>
          <textarea
            id="wfa-form-ui"
            className="wfa-json"
            rows={8}
            spellCheck={false}
            value={uiSchema}
            onChange={(e) => setUiSchema(e.target.value)}
          />
          {parsedUi.error && (
            <p className="field-error">{t('wf.jsonInvalid', { message: parsedUi.error })}</p>
          )}
          {problems.length > 0 && (
            <ul className="notice notice-error wfa-problems" role="alert">
              {problems.map((p, i) => (
                <li key={i}>
                  <code>{p.pointer}</code> {p.message}
                </li>
              ))}
            </ul>
          )}
          <button
            type="button"
            className="button"
            onClick={save}
            disabled={!previewable || saveForm.isPending}
          >
            {t('wf.formSave')}
          </button>
        </div>
        <div>
          <h3>{t('wf.formPreview')}</h3>
          {previewable && (
            <Suspense fallback={<Loading />}>
              <SchemaForm
                id="wfa-preview"
                schema={parsedSchema.value as JsonObject}
                uiSchema={parsedUi.value as JsonObject}
                formData={{}}
                readonly={false}
              >
                <span />
              </SchemaForm>
            </Suspense>
          )}
        </div>
      </div>
    </section>
  );
}
