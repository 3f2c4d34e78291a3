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
  const strict = policy(["'self'"]);
  const relaxed = policy(["'self'", "'unsafe-inline'"]);
  return (req: Request, res: Response, next: NextFunction) =>
    (RELAXED_SCRIPT_PATHS.some(
      (p) => req.path === p || req.path.startsWith(`${p}/`) || req.path.startsWith(`${p}-`),
    )
      ? relaxed
      : strict)(req, res, next);
}
