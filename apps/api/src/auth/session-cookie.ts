import type { Response } from 'express';
import type { AppConfig } from '@rodtrad/config';
import { SESSION_COOKIE } from './session.guard';

/** The session cookie, as every way of signing in sets it: httpOnly, SameSite=Lax, Secure on https. */
export function setSessionCookie(res: Response, config: AppConfig, token: string, expiresAt: Date): void {
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.publicUrl.startsWith('https://'),
    path: '/',
    expires: expiresAt,
  });
}
