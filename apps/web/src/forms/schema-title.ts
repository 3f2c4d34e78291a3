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
 * with the row number when it sits in an array. Local $refs and allOf/anyOf are not followed.
 */
export function fieldTitle(schema: JsonObject, path: string[]): string | undefined {
  let node: JsonValue | undefined = schema;
  let title: string | undefined;
  let row: number | undefined;
  for (const segment of path) {
    if (!isObject(node)) return title;
    const properties: JsonValue | undefined = node['properties'];
    if (isObject(properties) && isObject(properties[segment])) {
      node = properties[segment];
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
