import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const DAY_MS = 24 * 3600_000;

/** 32 random bytes (256 bits) from the CSPRNG, base64url: 43 characters in the link. */
export function newApprovalToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashApprovalToken(token) };
}

/** Only this hash is stored: a database leak gives no working links. */
export function hashApprovalToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A token is 43 base64url characters; anything else is unknown without asking the database. */
export function isWellFormedApprovalToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(token);
}

/**
 * The CSRF token of a link's page: HMAC(SESSION_SECRET, token hash). The page's GET hands it out;
 * a POST must bring it back, so a form on another site cannot decide with a link it saw.
 */
export function approvalCsrfToken(secret: string, tokenHash: string): string {
  return createHmac('sha256', secret).update(`approval-csrf:${tokenHash}`).digest('base64url');
}

export function isValidApprovalCsrf(secret: string, tokenHash: string, given: unknown): boolean {
  if (typeof given !== 'string') return false;
  const expected = Buffer.from(approvalCsrfToken(secret, tokenHash));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * When a link sent now stops working: after `ttlDays`, and never after the step's deadline plus
 * `graceDays`. A step already past that deadline still gets `graceDays` from now, so a link is
 * never dead on arrival (overdue steps are the deadline machinery's business).
 */
export function approvalLinkExpiry(opts: {
  now: Date;
  ttlDays: number;
  graceDays: number;
  dueAt: Date | null;
}): Date {
  const byTtl = opts.now.getTime() + opts.ttlDays * DAY_MS;
  if (!opts.dueAt) return new Date(byTtl);
  const byDeadline = Math.max(opts.dueAt.getTime(), opts.now.getTime()) + opts.graceDays * DAY_MS;
  return new Date(Math.min(byTtl, byDeadline));
}
