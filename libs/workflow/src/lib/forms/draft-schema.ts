// A draft may be saved half-filled: the same schema without `required`, so types, formats and
// ranges are still checked on every save while completeness is checked when the step is left
// (the formComplete guard).
import type { JsonObject } from '../workflow.types';

const cache = new WeakMap<object, JsonObject>();

export function draftSchema(schema: JsonObject): JsonObject {
  let out = cache.get(schema);
  if (!out) {
    out = strip(schema) as JsonObject;
    cache.set(schema, out);
  }
  return out;
}

function strip(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(strip);
  if (!node || typeof node !== 'object') return node;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(node as JsonObject)) {
    if (k === 'required' && Array.isArray(v)) continue;
    if (k === 'minItems') continue;
    out[k] = strip(v);
  }
  return out;
}
