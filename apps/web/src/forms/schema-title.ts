import type { JsonObject, JsonValue } from './json';

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** ".goals.0.title" or "goals/0/title" → ["goals", "0", "title"] (RJSF property paths and pointers). */
export function propertyPath(property: string | undefined): string[] {
  if (!property) return [];
  return property
    .replace(/\[['"]?([^\]'"]+)['"]?\]/g, '.$1')
    .split(/[./]/)
    .filter(Boolean);
}

/**
 * The human title of the field a path points at, from the JSON Schema ("Mål" for goals/0/title),
 * with the row number when it sits in an array. allOf/anyOf/oneOf are searched; $refs are not followed.
 */
export function fieldTitle(schema: JsonObject, path: string[]): string | undefined {
  let node: JsonValue | undefined = schema;
  let title: string | undefined;
  let row: number | undefined;
  for (const segment of path) {
    if (!isObject(node)) return title;
    const property = propertyOf(node, segment);
    if (property) {
      node = property;
    } else if (/^\d+$/.test(segment) && isObject(node['items'])) {
      node = node['items'];
      row = Number(segment) + 1;
      continue;
    } else {
      return title;
    }
    title = isObject(node) && typeof node['title'] === 'string' ? node['title'] : segment;
  }
  return title && row !== undefined ? `${title} (${row})` : title;
}

function propertyOf(node: JsonObject, name: string): JsonObject | undefined {
  const properties = node['properties'];
  if (isObject(properties) && isObject(properties[name])) return properties[name];
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    const members = node[key];
    if (!Array.isArray(members)) continue;
    for (const member of members) {
      const found = isObject(member) ? propertyOf(member, name) : undefined;
      if (found) return found;
    }
  }
  return undefined;
}
