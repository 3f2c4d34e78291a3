import type { NextFunction, Request, Response } from 'express';
import { securityHeaders } from './security-headers';

/** The headers a response gets on `path`, and whether the request went on. */
function headersOn(publicUrl: string, path: string) {
  const headers: Record<string, string> = {};
  const removed: string[] = [];
  let next = false;
  securityHeaders(publicUrl)(
    { path } as Request,
    {
      setHeader: (name: string, value: string) => (headers[name.toLowerCase()] = value),
      removeHeader: (name: string) => removed.push(name),
    } as unknown as Response,
    (() => (next = true)) as NextFunction,
  );
  return { headers, removed, next };
}

describe('securityHeaders', () => {
  it('allows no inline script on the API and the web app, and sends helmet’s other headers', () => {
    const { headers, removed, next } = headersOn('https://rodtrad.hallsberg.se', '/api/documents');
    expect(next).toBe(true);
    const csp = headers['content-security-policy'];
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toContain("script-src 'self' 'unsafe-inline'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain('upgrade-insecure-requests');
    expect(headers).toMatchObject({
      'referrer-policy': 'no-referrer',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
    });
    expect(removed).toEqual(['X-Powered-By']);
  });

  it('lets Swagger UI under /api/docs run its inline script, and nothing else', () => {
    for (const path of ['/api/docs', '/api/docs/', '/api/docs/swagger-ui-init.js', '/api/docs-json'])
      expect(headersOn('http://localhost:3000', path).headers['content-security-policy']).toContain(
        "script-src 'self' 'unsafe-inline'",
      );
    expect(
      headersOn('http://localhost:3000', '/api/documentation').headers['content-security-policy'],
    ).toContain("script-src 'self';");
  });

  it('asks browsers to upgrade to https only when PUBLIC_URL is https', () => {
    expect(headersOn('http://localhost:3000', '/').headers['content-security-policy']).not.toContain(
      'upgrade-insecure-requests',
    );
  });

  it('gives every response its own copy of the same headers', () => {
    expect(headersOn('https://x.example', '/a')).toEqual(headersOn('https://x.example', '/b'));
  });
});
