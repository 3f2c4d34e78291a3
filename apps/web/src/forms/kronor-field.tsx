import { kronorInput, parseKronor } from '@rodtrad/domain';
import type { FieldProps } from '@rjsf/utils';
import { useEffect, useState, type ComponentType } from 'react';

/** A schema property is an amount in kronor when it says so: `"x-unit": "kronor"` (docs/forms.md). */
export function isKronorSchema(schema: unknown): boolean {
  return !!schema && typeof schema === 'object' && (schema as Record<string, unknown>)['x-unit'] === 'kronor';
}

/**
 * An amount in whole kronor (#18): shown grouped with "kr" ("12 500 000 kr"), typed with or
 * without spaces; a decimal part is refused with a message at the field, and the typed text is
 * kept as text so that neither the form nor the server takes it as a number.
 */
function KronorField(props: FieldProps) {
  const { fieldPathId, formData, onChange, readonly, disabled, required } = props;
  const id = fieldPathId.$id;
  const [text, setText] = useState(() => kronorInput(typeof formData === 'number' ? formData : undefined));
  const [problem, setProblem] = useState<string | null>(null);

  // Data changed from outside (reset, a server's prefill): show it, unless it is what was typed.
  useEffect(() => {
    if (typeof formData === 'number') {
      const parsed = parseKronor(text);
      if (!parsed.ok || parsed.value !== formData) setText(kronorInput(formData));
    } else if (formData === undefined && parseKronor(text).ok) setText('');
  }, [formData]);

  const hintId = `${id}__kronor`;
  return (
    <span className="kronor-input">
      <input
        id={id}
        name={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        className="form-control"
        value={text}
        readOnly={readonly}
        disabled={disabled}
        required={required}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? hintId : undefined}
        onChange={(e) => {
          const typed = e.target.value;
          setText(typed);
          const parsed = parseKronor(typed);
          setProblem(parsed.ok ? null : parsed.message);
          onChange(parsed.ok ? parsed.value : typed, fieldPathId.path, undefined, id);
        }}
        onBlur={() => {
          const parsed = parseKronor(text);
          if (parsed.ok) setText(kronorInput(parsed.value));
          props.onBlur(id, parsed.ok ? parsed.value : text);
        }}
        onFocus={() => props.onFocus(id, formData)}
      />
      <span aria-hidden="true">kr</span>
      {problem && (
        <span id={hintId} className="field-error" role="alert">
          {problem}
        </span>
      )}
    </span>
  );
}

/** RJSF's own number field, or the kronor field where the schema marks an amount. */
export function amountAwareNumberField(NumberField: ComponentType<FieldProps>): ComponentType<FieldProps> {
  return function AmountAwareNumberField(props: FieldProps) {
    return isKronorSchema(props.schema) ? <KronorField {...props} /> : <NumberField {...props} />;
  };
}
