import type { InputHTMLAttributes, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';

interface FieldChrome {
  id: string;
  label: string;
  hint?: string;
  error?: string;
}

function describedBy(id: string, hint?: string, error?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function Chrome({ id, label, hint, error, children }: FieldChrome & { children: React.ReactNode }) {
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

/** A labelled input whose hint and error are tied to it with aria-describedby. */
export function TextField({
  id,
  label,
  hint,
  error,
  ...input
}: FieldChrome & Omit<InputHTMLAttributes<HTMLInputElement>, 'id'>) {
  return (
    <Chrome id={id} label={label} hint={hint} error={error}>
      <input
        id={id}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...input}
      />
    </Chrome>
  );
}

export function TextAreaField({
  id,
  label,
  hint,
  error,
  ...textarea
}: FieldChrome & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'>) {
  return (
    <Chrome id={id} label={label} hint={hint} error={error}>
      <textarea
        id={id}
        className="input"
        rows={4}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...textarea}
      />
    </Chrome>
  );
}

/** A labelled select (its options as children), with hint and error tied to it like TextField. */
export function SelectField({
  id,
  label,
  hint,
  error,
  children,
  ...select
}: FieldChrome & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'>) {
  return (
    <Chrome id={id} label={label} hint={hint} error={error}>
      <select
        id={id}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, hint, error)}
        {...select}
      >
        {children}
      </select>
    </Chrome>
  );
}
