// Per-step edit rights of fields, as data: a step's form marks what its editors may not change
// with "ui:readonly": true in its .ui.json (a field, an object, an array, or a column of an
// array's rows). The page shows those fields read-only, and the server keeps their stored
// values whatever a save sends (#18: the author cannot rewrite the reviewer's
// Granskningskommentar). Kept rather than refused: a form sends every field back, and values the
// server computes (a risk value, the annual budget) are written after this, from the inputs.
// A read-only field that is still empty may be filled: what the system gives when it creates a
// document (a KF-ärende's ursprung) can come from an API client too, and once written it stays.
import type { JsonObject } from '../workflow.types';

const isObject = (v: unknown): v is JsonObject => !!v && typeof v === 'object' && !Array.isArray(v);

/** Nothing written yet: undefined, null, blank text, or an empty list or object. */
function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  if (isObject(v)) return Object.values(v).every(isEmpty);
  return false;
}

/**
 * `after` with every field its step's uiSchema marks read-only set back to its value in `before`,
 * where `before` has one. Rows of an array are matched by position. Pure.
 */
export function keepReadOnlyFields(uiSchema: unknown, before: unknown, after: JsonObject): JsonObject {
  const keep = (ui: unknown, b: unknown, a: unknown): unknown => {
    if (!isObject(ui)) return a;
    if (ui['ui:readonly'] === true) return isEmpty(b) ? a : structuredClone(b);
    const rows = ui['items'];
    if (Array.isArray(a) && isObject(rows))
      return a.map((row, i) => keep(rows, Array.isArray(b) ? b[i] : undefined, row));
    if (!isObject(a)) return a;
    const out: JsonObject = { ...a };
    for (const [key, child] of Object.entries(ui)) {
      if (key.startsWith('ui:') || key === 'items') continue;
      const kept = keep(child, isObject(b) ? b[key] : undefined, a[key]);
      if (kept === undefined) delete out[key];
      else out[key] = kept as JsonObject[string];
    }
    return out;
  };
  return keep(uiSchema, before, after) as JsonObject;
}
