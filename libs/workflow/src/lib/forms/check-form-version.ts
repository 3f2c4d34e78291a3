// Checks a new version of a form before it is stored: the schema must be a valid JSON Schema that
// ajv compiles with the options the server and RJSF use, RJSF must be able to render it (an object
// at the root), and the uiSchema may only name fields that exist. Every problem has a pointer into
// the request body ({ schema, uiSchema }).
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { joinPointer } from '../json-pointer';
import type { FormFieldError, JsonObject } from '../workflow.types';
import { formItemsOf, formPropertiesOf } from './form-fields';
import { FORM_AJV_OPTIONS } from './form-validator';

const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

function checkSchema(schema: JsonObject): FormFieldError[] {
  const ajv = new Ajv(FORM_AJV_OPTIONS);
  addFormats(ajv);
  const { $id: _id, ...withoutId } = schema;
  const problems: FormFieldError[] = [];
  if (!ajv.validateSchema(withoutId)) {
    // ajv explains one mistake several ways (enum, type, anyOf); the first says it best.
    const seen = new Set<string>();
    for (const e of ajv.errors ?? [])
      if (!seen.has(e.instancePath) && seen.add(e.instancePath))
        problems.push({
          pointer: `/schema${e.instancePath}`,
          message: `Ogiltigt JSON Schema: ${e.message ?? e.keyword}.`,
        });
    return problems;
  }
  try {
    ajv.compile(withoutId);
  } catch (e) {
    problems.push({ pointer: '/schema', message: `Schemat går inte att kompilera: ${(e as Error).message}` });
  }
  if (schema['type'] !== 'object')
    problems.push({
      pointer: '/schema/type',
      message: 'Formulärets rot måste ha type "object" för att formuläret ska kunna visas.',
    });
  return problems;
}

function checkUiSchema(ui: JsonObject, node: JsonObject, root: JsonObject, at: string): FormFieldError[] {
  const problems: FormFieldError[] = [];
  const properties = formPropertiesOf(node, root);
  const items = formItemsOf(node, root);
  for (const [key, value] of Object.entries(ui)) {
    const pointer = joinPointer(at, key);
    if (key === 'ui:order') {
      if (!Array.isArray(value)) continue;
      value.forEach((name, i) => {
        if (name !== '*' && !(String(name) in properties))
          problems.push({
            pointer: joinPointer(pointer, String(i)),
            message: `Fältet "${name}" i ui:order finns inte i schemat.`,
          });
      });
      continue;
    }
    if (key.startsWith('ui:')) continue;
    if (key === 'items' && items) {
      if (isObject(value)) problems.push(...checkUiSchema(value, items, root, pointer));
      continue;
    }
    if (!Object.hasOwn(properties, key)) {
      problems.push({ pointer, message: `Fältet "${key}" finns inte i schemat.` });
      continue;
    }
    if (isObject(value)) problems.push(...checkUiSchema(value, properties[key], root, pointer));
  }
  return problems;
}

export function checkFormVersion(form: { schema: unknown; uiSchema?: unknown }): FormFieldError[] {
  if (!isObject(form.schema)) return [{ pointer: '/schema', message: 'Schemat måste vara ett objekt.' }];
  const problems = checkSchema(form.schema);
  if (form.uiSchema !== undefined && !isObject(form.uiSchema))
    problems.push({ pointer: '/uiSchema', message: 'uiSchema måste vara ett objekt.' });
  else if (form.uiSchema && problems.length === 0)
    problems.push(...checkUiSchema(form.uiSchema, form.schema, form.schema, '/uiSchema'));
  return problems;
}
