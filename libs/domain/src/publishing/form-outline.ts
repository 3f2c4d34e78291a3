// A document's forms as one outline: the fields in the order (`ui:order`) and with the labels
// (`title`) of its forms. The forms of a document's steps overlap (each step's schema includes the
// content schema and adds its own fields: the review comment, the decision), so the outline is
// their union, first seen first. Pure: the schemas come in as plain JSON.

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonSchema = { [key: string]: unknown };

export interface FormLike {
  schema: JsonSchema;
  uiSchema?: JsonSchema;
}

/** One field of the outline: its key, label and schema, with the ui schema that belongs to it. */
export interface OutlineField {
  key: string;
  label: string;
  schema: JsonSchema;
  ui: JsonSchema;
  /** A hint of the unit: "hela kronor" in the field's or a parent's description or help. */
  kronor: boolean;
  children: OutlineField[] | null;
  /** For an array: the outline of one item (object items), or null for a list of values. */
  items: OutlineField[] | null;
}

const isObject = (v: unknown): v is JsonSchema => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Properties of an object schema including those of its `allOf` members, in first-seen order. */
export function objectProperties(schema: JsonSchema): Map<string, JsonSchema> {
  const out = new Map<string, JsonSchema>();
  const visit = (s: unknown, depth: number) => {
    if (!isObject(s) || depth > 10) return;
    for (const member of Array.isArray(s['allOf']) ? s['allOf'] : []) visit(member, depth + 1);
    if (isObject(s['properties']))
      for (const [k, v] of Object.entries(s['properties'])) {
        if (!isObject(v)) continue;
        const known = out.get(k);
        out.set(k, known ? { ...known, ...v } : v);
      }
  };
  visit(schema, 0);
  return out;
}

/** Keys in the order of `ui:order` (with `*` standing for the rest, as RJSF reads it). */
export function orderedKeys(keys: string[], ui: JsonSchema | undefined): string[] {
  const order = Array.isArray(ui?.['ui:order']) ? (ui?.['ui:order'] as string[]) : [];
  if (!order.length) return keys;
  const named = order.filter((k) => k !== '*' && keys.includes(k));
  const rest = keys.filter((k) => !named.includes(k));
  const star = order.indexOf('*');
  if (star < 0) return [...named, ...rest];
  const before = order.slice(0, star).filter((k) => keys.includes(k));
  const after = order.slice(star + 1).filter((k) => keys.includes(k));
  return [...before, ...rest, ...after];
}

const KRONOR = /hela kronor/i;
const mentionsKronor = (schema: JsonSchema, ui: JsonSchema) =>
  KRONOR.test(String(schema['description'] ?? '')) || KRONOR.test(String(ui['ui:help'] ?? ''));

function outlineOf(schema: JsonSchema, ui: JsonSchema, kronor: boolean): OutlineField[] {
  const props = objectProperties(schema);
  return orderedKeys([...props.keys()], ui).map((key) => {
    const s = props.get(key) as JsonSchema;
    const u = isObject(ui[key]) ? (ui[key] as JsonSchema) : {};
    return fieldOf(key, s, u, kronor || mentionsKronor(s, u));
  });
}

function fieldOf(key: string, schema: JsonSchema, ui: JsonSchema, kronor: boolean): OutlineField {
  const label = typeof schema['title'] === 'string' ? schema['title'] : key;
  const isObj =
    schema['type'] === 'object' || isObject(schema['properties']) || Array.isArray(schema['allOf']);
  let items: OutlineField[] | null = null;
  if (schema['type'] === 'array' && isObject(schema['items'])) {
    const itemSchema = schema['items'] as JsonSchema;
    const itemUi = isObject(ui['items']) ? (ui['items'] as JsonSchema) : {};
    if (itemSchema['type'] === 'object' || isObject(itemSchema['properties']))
      items = outlineOf(itemSchema, itemUi, kronor || mentionsKronor(itemSchema, itemUi));
  }
  return {
    key,
    label,
    schema,
    ui,
    kronor,
    children: isObj && schema['type'] !== 'array' ? outlineOf(schema, ui, kronor) : null,
    items,
  };
}

/**
 * The union of a document's forms, in the order of its steps: fields of the first form first,
 * a later form's new fields where its `ui:order` puts them relative to those already seen.
 */
export function formOutline(forms: FormLike[]): OutlineField[] {
  const merged = new Map<string, JsonSchema>();
  const uiMerged: JsonSchema = {};
  let order: string[] = [];
  for (const form of forms) {
    const props = objectProperties(form.schema);
    const ui = form.uiSchema ?? {};
    const keys = orderedKeys([...props.keys()], ui);
    for (const [k, v] of props) merged.set(k, { ...(merged.get(k) ?? {}), ...v });
    for (const [k, v] of Object.entries(ui)) if (!(k in uiMerged)) uiMerged[k] = v;
    // New keys go right after the key they follow in this form (or first, if they lead it).
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i] as string;
      if (order.includes(k)) continue;
      const prev = keys
        .slice(0, i)
        .reverse()
        .find((p) => order.includes(p));
      const at = prev ? order.indexOf(prev) + 1 : 0;
      order = [...order.slice(0, at), k, ...order.slice(at)];
    }
  }
  return order.map((key) => {
    const s = merged.get(key) as JsonSchema;
    const u = isObject(uiMerged[key]) ? (uiMerged[key] as JsonSchema) : {};
    return fieldOf(key, s, u, mentionsKronor(s, u));
  });
}
