/**
 * Where the browser goes after signing in: a path of Rödtråd itself, never another site. Accepts
 * `/…` but not `//host` or `/\host` (which browsers read as another host), no control characters,
 * no scheme; at most 2,000 characters. Returns null for anything else.
 */
export function localReturnPath(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2000) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if ([...value].some((c) => c <= '\u001f' || c === '\u007f' || c === '\\')) return null;
  let parsed: URL;
  try {
    parsed = new URL(value, 'http://rodtrad.invalid');
  } catch {
    return null;
  }
  if (parsed.origin !== 'http://rodtrad.invalid') return null;
  return parsed.pathname + parsed.search + parsed.hash;
}
