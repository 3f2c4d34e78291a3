import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { PLAIN_TEXT_PATTERN } from '@rodtrad/contracts';
import type { FieldProblem } from '../problem/problem';

export type JsonSchema = Record<string, unknown>;

// Bodies are validated strictly as sent; query strings arrive as text and are coerced. `verbose`
// gives each error its value and schema, so a message can say what an empty field or a
// pattern's description means (it costs only when validation fails).
const bodyAjv = addFormats(new Ajv({ allErrors: true, strict: false, useDefaults: true, verbose: true }));
const queryAjv = addFormats(
  new Ajv({ allErrors: true, strict: false, useDefaults: true, coerceTypes: true, verbose: true }),
);
const cache = new WeakMap<JsonSchema, ValidateFunction>();

export function validatorFor(schema: JsonSchema): (data: unknown) => FieldProblem[] {
  let validate = cache.get(schema);
  if (!validate) {
    validate = (schema['x-query'] ? queryAjv : bodyAjv).compile(schema);
    cache.set(schema, validate);
  }
  const fn = validate;
  return (data) => (fn(data) ? [] : (fn.errors ?? []).map(toFieldProblem));
}

export function toFieldProblem(e: ErrorObject): FieldProblem {
  const p = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'required':
      return {
        pointer: `${e.instancePath}/${escapePointer(String(p['missingProperty']))}`,
        message: 'Fältet är obligatoriskt.',
      };
    case 'additionalProperties':
      return {
        pointer: `${e.instancePath}/${escapePointer(String(p['additionalProperty']))}`,
        message: 'Fältet är okänt och får inte skickas.',
      };
    case 'type':
      return { pointer: e.instancePath, message: `Fel typ: förväntade ${typeName(String(p['type']))}.` };
    case 'minLength':
      return {
        pointer: e.instancePath,
        message: p['limit'] === 1 ? 'Fältet får inte vara tomt.' : `Minst ${p['limit']} tecken.`,
      };
    case 'maxLength':
      return { pointer: e.instancePath, message: `Högst ${p['limit']} tecken.` };
    case 'minimum':
      return { pointer: e.instancePath, message: `Värdet måste vara minst ${p['limit']}.` };
    case 'maximum':
      return { pointer: e.instancePath, message: `Värdet får vara högst ${p['limit']}.` };
    case 'enum':
      return {
        pointer: e.instancePath,
        message: `Välj ett av: ${(p['allowedValues'] as unknown[]).join(', ')}.`,
      };
    case 'format':
      return { pointer: e.instancePath, message: `Ogiltigt format (${p['format']}).` };
    case 'pattern':
      return { pointer: e.instancePath, message: patternMessage(e, String(p['pattern'])) };
    case 'minItems':
      return { pointer: e.instancePath, message: `Minst ${p['limit']} rader.` };
    default:
      return { pointer: e.instancePath, message: e.message ?? 'Ogiltigt värde.' };
  }
}

/** What a pattern failure means to the person who typed it: empty, hidden characters, or the allowed form. */
function patternMessage(e: ErrorObject, pattern: string): string {
  if (e.data === '') return 'Fältet får inte vara tomt.';
  if (pattern === PLAIN_TEXT_PATTERN)
    return 'Texten innehåller styrtecken eller osynliga tecken som vänder textens riktning. Ta bort dem.';
  const described = (e.parentSchema as { description?: unknown } | undefined)?.description;
  return typeof described === 'string' && described.trim()
    ? `Värdet har fel form. Tillåtet: ${described.trim().replace(/\.$/, '')}.`
    : 'Värdet har fel form.';
}

const escapePointer = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');
const typeName = (t: string) =>
  ({ string: 'text', integer: 'heltal', number: 'tal', boolean: 'ja/nej', object: 'objekt', array: 'lista' })[
    t
  ] ?? t;
