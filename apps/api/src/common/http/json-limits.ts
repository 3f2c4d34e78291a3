import type { FieldProblem } from '../problem/problem';

/**
 * MariaDB refuses a JSON document nested deeper than 32 levels, and some of our own work on a
 * document (the canonical hash of its data) walks it recursively: a body nested deeper is refused
 * before anything reads it.
 */
export const MAX_JSON_DEPTH = 32;

/** A UTF-16 surrogate without its pair: not a character, and not storable as utf8mb4. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const MAX_PROBLEMS = 20;

const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/**
 * What in a parsed JSON body could not be stored: nesting deeper than MAX_JSON_DEPTH and strings
 * (or keys) with lone surrogates, each with its JSON pointer. Iterative, so no body can exhaust
 * the stack.
 */
export function jsonStorageProblems(body: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const stack: { value: unknown; pointer: string; depth: number }[] = [
    { value: body, pointer: '', depth: 1 },
  ];
  while (stack.length && problems.length < MAX_PROBLEMS) {
    const { value, pointer, depth } = stack.pop() as (typeof stack)[number];
    if (typeof value === 'string') {
      if (LONE_SURROGATE.test(value))
        problems.push({
          pointer,
          message: 'Texten innehåller ett ogiltigt tecken (ett ensamt surrogattecken).',
        });
      continue;
    }
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_JSON_DEPTH) {
      problems.push({ pointer, message: `Innehållet är nästlat i fler än ${MAX_JSON_DEPTH} nivåer.` });
      continue;
    }
    const entries: [string, unknown][] = Array.isArray(value)
      ? value.map((v, i) => [String(i), v])
      : Object.entries(value as Record<string, unknown>);
    for (const [key, child] of entries.reverse()) {
      const childPointer = `${pointer}/${escapePointer(key)}`;
      if (LONE_SURROGATE.test(key))
        problems.push({
          pointer: childPointer,
          message: 'Namnet innehåller ett ogiltigt tecken (ett ensamt surrogattecken).',
        });
      stack.push({ value: child, pointer: childPointer, depth: depth + 1 });
    }
  }
  return problems.slice(0, MAX_PROBLEMS);
}
