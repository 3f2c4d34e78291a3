// The fields of a form schema as a flat list of property paths (`aktiviteter[].titel`), each with
// what an administrator would notice changing: type, format, title, choices, constraints and
// whether it is required. Used to diff two versions of a form without comparing JSON text.
import type { JsonObject } from '../workflow.types';

export interface FormField {
  /** Dotted property path; array items are `[]`, e.g. `aktiviteter[].titel`. */
  path: string;
  required: boolean;
  /** The attributes of the field itself (nested properties are fields of their own). */
  attributes: Record<string, unknown>;
}

const ATTRIBUTES = [
  'type',
  'format',
  'title',
  'enum',
  'const',
  'default',
  'minLength',
  'maxLength',
  'minimum',
  'maximum',
  'exclusiveMinimum',
  'exclusiveMaximum',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'readOnly',
] as const;

const isObject = (v: unknown): v is JsonObject => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Resolves a local `$ref` (`#/definitions/x`) against the root schema; other refs stay as they are. */
function resolveLocal(node: JsonObject, root: JsonObject, depth: number): JsonObject {
  const ref = node['$ref'];
  if (typeof ref !== 'string' || !ref.startsWith('#') || depth > 20) return node;
  let target: unknown = root;
  for (const part of ref.slice(1).split('/').filter(Boolean)) {
    const key = decodeURIComponent(part).replace(/~1/g, '/').replace(/~0/g, '~');
    target = isObject(target) ? target[key] : undefined;
  }
  if (!isObject(target)) return node;
  const { $ref: _ref, ...rest } = node;
  return { ...resolveLocal(target, root, depth + 1), ...rest };
}

/** Properties and required names of an object schema, including those of its `allOf` members. */
function objectMembers(
  node: JsonObject,
  root: JsonObject,
  depth: number,
): { properties: Record<string, JsonObject>; required: Set<string> } {
  const resolved = resolveLocal(node, root, depth);
  const properties: Record<string, JsonObject> = {};
  const required = new Set<string>(
    Array.isArray(resolved['required']) ? (resolved['required'] as string[]) : [],
  );
  if (Array.isArray(resolved['allOf']) && depth < 20) {
    for (const member of resolved['allOf']) {
      if (!isObject(member)) continue;
      const inner = objectMembers(member, root, depth + 1);
      Object.assign(properties, inner.properties);
      inner.required.forEach((r) => required.add(r));
    }
  }
  if (isObject(resolved['properties']))
    for (const [name, prop] of Object.entries(resolved['properties']))
      if (isObject(prop)) properties[name] = { ...(properties[name] ?? {}), ...prop };
  return { properties, required };
}

/** The properties an object schema (or an array's items) offers, with local refs and allOf resolved. */
export function formPropertiesOf(node: JsonObject, root: JsonObject): Record<string, JsonObject> {
  const props = objectMembers(node, root, 0).properties;
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, resolveLocal(v, root, 0)]));
}

/** The items schema of an array field, resolved, or undefined when the field is no array of objects. */
export function formItemsOf(node: JsonObject, root: JsonObject): JsonObject | undefined {
  const items = resolveLocal(node, root, 0)['items'];
  return isObject(items) ? resolveLocal(items, root, 0) : undefined;
}

function attributesOf(node: JsonObject): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of ATTRIBUTES) if (node[a] !== undefined) out[a] = node[a];
  return out;
}

/** Every field of a form schema, in schema order, nested ones after their parent. */
export function formFields(schema: JsonObject): FormField[] {
  const out: FormField[] = [];
  const walk = (node: JsonObject, prefix: string, depth: number) => {
    if (depth > 20) return;
    const { properties, required } = objectMembers(node, schema, depth);
    for (const [name, raw] of Object.entries(properties)) {
      const prop = resolveLocal(raw, schema, depth);
      const path = prefix ? `${prefix}.${name}` : name;
      out.push({ path, required: required.has(name), attributes: attributesOf(prop) });
      walk(prop, path, depth + 1);
      const items = isObject(prop['items']) ? resolveLocal(prop['items'], schema, depth) : undefined;
      if (items) walk(items, `${path}[]`, depth + 1);
    }
  };
  walk(schema, '', 0);
  return out;
}
