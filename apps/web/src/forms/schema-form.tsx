import Form, { getDefaultRegistry } from '@rjsf/core';
import type { ErrorSchema, RJSFSchema, UiSchema } from '@rjsf/utils';
import validator from '@rjsf/validator-ajv8';
import { useMemo, type ReactNode } from 'react';
import type { JsonObject } from './json';
import { customFields } from './ekonomi-fields';
import { amountAwareNumberField } from './kronor-field';
import { withChoiceTitles } from './schema-choices';
import { buttonTemplates } from './rjsf-buttons';
import { ErrorListTemplate } from './rjsf-error-list';
import { transformErrors, translateString } from './rjsf-sv';

const templates = { ButtonTemplates: buttonTemplates, ErrorListTemplate };
// Every number field: an amount in kronor where the schema marks it (`"x-unit": "kronor"`).
const fields = {
  ...customFields,
  NumberField: amountAwareNumberField(getDefaultRegistry().fields.NumberField),
};

/**
 * ajv compiles schemas with `new Function`, which the API's Content-Security-Policy forbids
 * (script-src without 'unsafe-eval'). Where it is forbidden the form does not validate in the
 * browser; the server validates every save and event and its 422 errors appear at the fields.
 */
export const CLIENT_VALIDATION: boolean = (() => {
  try {
    return new Function('return true')() === true;
  } catch {
    return false;
  }
})();

export interface SchemaFormProps {
  id: string;
  schema: Record<string, unknown>;
  uiSchema?: Record<string, unknown>;
  formData: Record<string, unknown> | null | undefined;
  readonly?: boolean;
  extraErrors?: ErrorSchema;
  onChange?: (data: JsonObject) => void;
  onSubmit?: (data: JsonObject) => void;
  /** The reader typed, chose or added a row (RJSF's onChange also fires when it fills in defaults). */
  onUserInput?: () => void;
  /** Buttons under the form; none when read-only. */
  children?: ReactNode;
}

/**
 * RJSF over the same JSON Schema the server validates with, in Swedish. The browser's own
 * validation is off (noHtml5Validate) so ajv's messages, and the server's, are the ones shown.
 */
export default function SchemaForm(props: SchemaFormProps) {
  const uiSchema = (props.uiSchema ?? {}) as UiSchema;
  // Read-only: no add/remove/move buttons on arrays either.
  const effectiveUiSchema = props.readonly
    ? {
        ...uiSchema,
        'ui:globalOptions': {
          ...(uiSchema['ui:globalOptions'] ?? {}),
          addable: false,
          removable: false,
          orderable: false,
          copyable: false,
        },
      }
    : uiSchema;
  const userInput = props.onUserInput;
  // Choices injected by the server (enum + enumNames) are offered by name.
  const schema = useMemo(() => withChoiceTitles(props.schema as JsonObject), [props.schema]);
  const form = (
    <Form
      id={props.id}
      idPrefix={props.id}
      className="schema-form"
      schema={schema as RJSFSchema}
      uiSchema={effectiveUiSchema}
      formData={props.formData ?? {}}
      validator={validator}
      noHtml5Validate
      noValidate={!CLIENT_VALIDATION}
      showErrorList="top"
      focusOnFirstError
      readonly={props.readonly}
      extraErrors={props.extraErrors}
      transformErrors={transformErrors}
      translateString={translateString}
      templates={templates}
      fields={fields}
      onChange={(event) => props.onChange?.(event.formData as JsonObject)}
      onSubmit={(event) => props.onSubmit?.(event.formData as JsonObject)}
    >
      {props.readonly ? <></> : props.children}
    </Form>
  );
  if (!userInput || props.readonly) return form;
  // Input, change and the array buttons (add, remove, move) are the reader's; mounting is not.
  return (
    <div
      onInputCapture={userInput}
      onChangeCapture={userInput}
      onClickCapture={(e) => {
        if ((e.target as HTMLElement).closest('button[type="button"]')) userInput();
      }}
    >
      {form}
    </div>
  );
}
