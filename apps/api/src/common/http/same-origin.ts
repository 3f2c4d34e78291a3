import type { NextFunction, Request, Response } from 'express';
import { SESSION_COOKIE } from '../../auth/session.guard';
import { ApiProblem, PROBLEM_CONTENT_TYPE } from '../problem/problem';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF protection for requests a browser authenticates with the session cookie. SameSite=Lax
 * alone lets a page on a sibling site (same registrable domain) send the cookie with a POST; so
 * every state-changing request that carries the cookie and no bearer token must come from our own
 * origin: `Origin` equal to PUBLIC_URL's origin or to the origin the request was sent to (its
 * Host), or, without `Origin`, `Sec-Fetch-Site` saying same-origin. A request with neither header
 * does not come from a browser (no cookie can be abused there). Bearer-token requests are not
 * affected. Refused with 403 problem+json before any handler (the queue dashboard included).
 */
export function sameOriginForCookieSessions(publicUrl: string) {
  const publicOrigin = new URL(publicUrl).origin;
  return (req: Request, res: Response, next: NextFunction): void => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (req.headers.authorization?.startsWith('Bearer ')) return next();
    const cookies = req.cookies as Record<string, string> | undefined;
    if (!cookies?.[SESSION_COOKIE]) return next();
    if (fromOwnOrigin(req, publicOrigin)) return next();
    const problem = ApiProblem.forbidden(
      'Begäran kom från en annan webbplats än Rödtråd och avvisades. Öppna Rödtråd på dess egen adress och försök igen.',
    );
    res
      .status(problem.status)
      .type(PROBLEM_CONTENT_TYPE)
      .send(
        JSON.stringify({ ...problem.toProblem(req.originalUrl.split('?')[0]), code: 'cross-site-request' }),
      );
  };
}

function fromOwnOrigin(req: Request, publicOrigin: string): boolean {
  const origin = req.headers.origin;
  if (origin && origin !== 'null') {
    if (origin === publicOrigin) return true;
    try {
      return new URL(origin).host === req.headers.host;
    } catch {
      return false;
    }
  }
  if (origin === 'null') return false;
  const site = req.headers['sec-fetch-site'];
  if (site === undefined) return true; // not a browser
  return site === 'same-origin' || site === 'none';
}
