import type { ErrorSchema } from '@rjsf/utils';
import type { FieldProblemView } from '@rodtrad/contracts';

/** RFC 6901: "/goals/0/a~1b" → ["goals", "0", "a/b"]. Accepts the "#/…" URI fragment form too. */
export function parsePointer(pointer: string): string[] {
  let text = pointer.trim();
  if (text.startsWith('#')) text = decodeURIComponent(text.slice(1));
  if (text === '' || text === '/') return [];
  if (!text.startsWith('/')) text = `/${text}`;
  return text
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
}

export interface MappedErrors {
  /** For RJSF's `extraErrors`: messages placed at the fields they concern. */
  extraErrors: ErrorSchema;
  /** Errors about the request itself (not a form field), to show above the form. */
  general: string[];
  count: number;
}

export interface MapOptions {
  /** The body key that holds the form data ("data" in PUT /documents/{id}/data); pointers are relative to the body. */
  dataKey?: string;
  /** Other body keys: errors there are not about a field. */
  otherBodyKeys?: string[];
}

/**
 * Maps a problem+json `errors[]` (JSON pointers) to RJSF's ErrorSchema. Pointers may be relative to
 * the request body ("/data/goals/0/title") or to the form data itself ("/goals/0/title").
 */
export function mapFieldErrors(errors: FieldProblemView[], options: MapOptions = {}): MappedErrors {
  const dataKey = options.dataKey ?? 'data';
  const otherKeys = new Set(options.otherBodyKeys ?? ['expectedVersion']);
  const extraErrors: ErrorSchema = {};
  const general: string[] = [];
  for (const { pointer, message } of errors) {
    let path = parsePointer(pointer);
    if (path.length > 0 && otherKeys.has(path[0])) {
      general.push(message);
      continue;
    }
    if (dataKey && path[0] === dataKey) path = path.slice(1);
    addAt(extraErrors, path, message);
  }
  return { extraErrors, general, count: errors.length };
}

type Node = { __errors?: string[]; [key: string]: unknown };

function addAt(root: ErrorSchema, path: string[], message: string): void {
  let node = root as Node;
  for (const segment of path) {
    // "__errors" as a property name would collide with RJSF's own key; nest it one level safely.
    const key = segment === '__errors' ? '__errors_' : segment;
    const child = node[key];
    if (typeof child !== 'object' || child === null || Array.isArray(child)) node[key] = {};
    node = node[key] as Node;
  }
  node.__errors = [...(node.__errors ?? []), message];
}
