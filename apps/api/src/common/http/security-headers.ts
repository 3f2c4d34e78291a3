import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';

/** Swagger UI's page starts itself with an inline script; nothing else we serve has one. */
export const RELAXED_SCRIPT_PATHS = ['/api/docs'];

/**
 * Helmet's headers with a Content-Security-Policy that allows no inline script anywhere (the web
 * app, the approval pages, the queue dashboard, every API response), except on Swagger UI's pages
 * under /api/docs. Inline styles stay allowed: React renders style attributes.
 */
export function securityHeaders(publicUrl: string) {
  const policy = (scriptSrc: string[]) =>
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc,
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          frameAncestors: ["'none'"],
          upgradeInsecureRequests: publicUrl.startsWith('https://') ? [] : null,
        },
      },
      referrerPolicy: { policy: 'no-referrer' }, // approval tokens live in URLs
    });
  const strict = headersOf(policy(["'self'"]));
  const relaxed = headersOf(policy(["'self'", "'unsafe-inline'"]));
  return (req: Request, res: Response, next: NextFunction) => {
    const headers = RELAXED_SCRIPT_PATHS.some(
      (p) => req.path === p || req.path.startsWith(`${p}/`) || req.path.startsWith(`${p}-`),
    )
      ? relaxed
      : strict;
    for (const [name, value] of headers) res.setHeader(name, value);
    res.removeHeader('X-Powered-By');
    next();
  };
}

/**
 * The headers a helmet middleware sets, read once: every directive above is a constant, so the
 * headers are the same on every response, and helmet's thirteen middlewares (the policy string
 * built anew each time) need not run per request (#21).
 */
function headersOf(middleware: ReturnType<typeof helmet>): [string, string][] {
  const headers: [string, string][] = [];
  let done = false;
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) =>
      headers.push([name, String(value)]),
    removeHeader: () => undefined,
  };
  middleware({} as Request, res as unknown as Response, (err?: unknown) => {
    if (err) throw err;
    done = true;
  });
  if (!done) throw new Error('helmet did not set its headers synchronously');
  return headers;
}
