import type { JsonObject } from './json';

/** Where a field's choices come from, as the server names it (`x-choices-from`, DocumentChoices). */
export interface ChoicesSource {
  id: string | null;
  title: string;
  adopted: boolean;
}

/**
 * The server injects choices as `enum` with `enumNames` (so it validates with `enum`); RJSF 6
 * no longer reads `enumNames` and would show the ids ("BIN-1"). For the page, each such field
 * becomes `oneOf` of `{ const, title }`, so people choose by name (#18). Pure; the original is
 * not changed.
 */
export function withChoiceTitles(schema: JsonObject): JsonObject {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node as Record<string, unknown>)) out[k] = walk(v);
    const values = out['enum'];
    const names = out['enumNames'];
    if (Array.isArray(values) && Array.isArray(names) && names.length === values.length) {
      delete out['enum'];
      delete out['enumNames'];
      out['oneOf'] = values.map((value, i) => ({ const: value, title: String(names[i]) }));
    }
    return out;
  };
  return walk(schema) as JsonObject;
}

/** The documents the form's choices come from that are not adopted yet (once each). Pure. */
export function pendingChoiceSources(schema: Record<string, unknown>): ChoicesSource[] {
  const found = new Map<string, ChoicesSource>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const from = (node as Record<string, unknown>)['x-choices-from'] as ChoicesSource | undefined;
    if (from && typeof from === 'object' && from.adopted === false)
      found.set(from.id ?? `?${from.title}`, from);
    Object.values(node as Record<string, unknown>).forEach(walk);
  };
  walk(schema);
  return [...found.values()];
}
