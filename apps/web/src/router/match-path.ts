export type Params = Record<string, string>;

/** "/dokument/:id" against "/dokument/42" → { id: "42" }; null when it does not match. */
export function matchPath(pattern: string, pathname: string): Params | null {
  const want = split(pattern);
  const have = split(pathname);
  if (want.length !== have.length) return null;
  const params: Params = {};
  for (let i = 0; i < want.length; i += 1) {
    const segment = want[i];
    if (segment.startsWith(':')) {
      try {
        params[segment.slice(1)] = decodeURIComponent(have[i]);
      } catch {
        return null;
      }
    } else if (segment !== have[i]) {
      return null;
    }
  }
  return params;
}

function split(path: string): string[] {
  return path.split('/').filter((segment) => segment.length > 0);
}

/** Only same-site paths are followed after sign-in, so a crafted ?next= cannot send users away. */
export function safeNext(next: string | null | undefined, fallback = '/'): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
