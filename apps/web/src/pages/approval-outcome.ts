import type { ApiError } from '../api/api-error';

export type LinkProblem = 'unknown' | 'used' | 'expired' | 'gone';

/**
 * Which Swedish page to show for a failed approval link. 404 is an unknown link; 410 is used or
 * expired, told apart by the problem's type URI, a `code`/`reason` extension, or its text.
 */
export function classifyLinkProblem(error: ApiError): LinkProblem | null {
  if (error.status === 404) return 'unknown';
  if (error.status !== 410) return null;
  const p = error.problem;
  const text = [error.type, p['code'], p['reason'], error.title, error.detail]
    .filter((v): v is string => typeof v === 'string')
    .join(' ')
    .toLowerCase();
  if (/expired|utg[aå]ngen|g[aå]tt ut/.test(text)) return 'expired';
  if (/used|consumed|already|anv[aä]nd|redan/.test(text)) return 'used';
  return 'gone';
}
