// Validates form data with ajv 8 and turns its errors into Swedish messages per field. The same
// options and mapping serve RJSF in the browser, so server and form say the same thing.
import Ajv, { type ErrorObject, type Options, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { joinPointer } from '../json-pointer';
import type { FormFieldError, JsonObject } from '../workflow.types';

export const FORM_AJV_OPTIONS: Options = { allErrors: true, strict: false };

const TYPE_MESSAGES: Record<string, string> = {
  integer: 'Ange ett heltal',
  number: 'Ange ett tal',
  string: 'Ange en text',
  boolean: 'Ange ja eller nej',
  array: 'Ange en lista',
  object: 'Fel typ av värde',
  null: 'Fältet ska vara tomt',
};

const FORMAT_MESSAGES: Record<string, string> = {
  date: 'Ange ett datum (ÅÅÅÅ-MM-DD)',
  'date-time': 'Ange datum och tid',
  time: 'Ange en tid (TT:MM)',
  email: 'Ange en giltig e-postadress',
  uri: 'Ange en giltig webbadress',
  url: 'Ange en giltig webbadress',
};

const REQUIRED = 'Fältet är obligatoriskt';

/** One ajv error as a field error in Swedish, or null for errors that only repeat others. */
export function formErrorFromAjv(error: ErrorObject): FormFieldError | null {
  const p = error.params as Record<string, unknown>;
  const at = (message: string, pointer = error.instancePath): FormFieldError => ({ pointer, message });
  const limit = p['limit'] as number;
  switch (error.keyword) {
    case 'required':
    case 'dependencies':
    case 'dependentRequired':
      return at(REQUIRED, joinPointer(error.instancePath, String(p['missingProperty'])));
    case 'additionalProperties':
      return at('Fältet är inte tillåtet', joinPointer(error.instancePath, String(p['additionalProperty'])));
    case 'minLength':
      return at(limit === 1 ? REQUIRED : `Ange minst ${limit} tecken`);
    case 'maxLength':
      return at(`Ange högst ${limit} tecken`);
    case 'minimum':
      return at(`Värdet måste vara minst ${limit}`);
    case 'maximum':
      return at(`Värdet får vara högst ${limit}`);
    case 'exclusiveMinimum':
      return at(`Värdet måste vara större än ${limit}`);
    case 'exclusiveMaximum':
      return at(`Värdet måste vara mindre än ${limit}`);
    case 'multipleOf':
      return at(`Värdet måste vara en multipel av ${p['multipleOf']}`);
    case 'type': {
      const type = String(p['type']).split(',')[0];
      return at(TYPE_MESSAGES[type] ?? 'Fel typ av värde');
    }
    case 'format':
      return at(FORMAT_MESSAGES[String(p['format'])] ?? 'Värdet har fel format');
    case 'pattern':
      return at('Värdet har fel format');
    case 'enum':
      return at('Välj ett av de tillåtna värdena');
    case 'const':
      return at('Värdet är inte tillåtet');
    case 'minItems':
      return at(limit === 1 ? 'Lägg till minst en rad' : `Lägg till minst ${limit} rader`);
    case 'maxItems':
      return at(`Högst ${limit} ${limit === 1 ? 'rad är tillåten' : 'rader är tillåtna'}`);
    case 'uniqueItems':
      return at('Värdena måste vara unika');
    case 'minProperties':
      return at(REQUIRED);
    case 'oneOf':
    case 'anyOf':
      return at('Värdet uppfyller inte något av alternativen');
    case 'if':
      return null;
    default:
      return at('Värdet är ogiltigt');
  }
}

export function formErrorsFromAjv(errors: ErrorObject[] | null | undefined): FormFieldError[] {
  const seen = new Set<string>();
  const out: FormFieldError[] = [];
  for (const error of errors ?? []) {
    const mapped = formErrorFromAjv(error);
    if (!mapped) continue;
    const id = `${mapped.pointer}\u0000${mapped.message}`;
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(mapped);
  }
  return out;
}

export interface FormValidator {
  /** Field errors of `data` against a self-contained form schema; [] when valid. */
  validate(schema: JsonObject, data: unknown): FormFieldError[];
}

export function createFormValidator(): FormValidator {
  const ajv = new Ajv(FORM_AJV_OPTIONS);
  addFormats(ajv);
  const compiled = new WeakMap<object, ValidateFunction>();
  return {
    validate(schema, data) {
      let validate = compiled.get(schema);
      if (!validate) {
        // Two forms may carry the same $id; inlined schemas need none, and ajv refuses duplicates.
        const { $id: _id, ...withoutId } = schema;
        validate = ajv.compile(withoutId);
        compiled.set(schema, validate);
      }
      return validate(data) ? [] : formErrorsFromAjv(validate.errors);
    },
  };
}
