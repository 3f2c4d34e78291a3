import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { SessionEntity } from '../entities/session.entity';

export interface SessionUserRow {
  userId: string;
  username: string;
  name: string;
  email: string;
  expiresAt: Date;
  /** How the session was signed in, and when the person last authenticated (null: not known). */
  authMethod: 'password' | 'oidc';
  authTime: Date | null;
  roles: { role: string; orgUnitId: string }[];
}

/** What an OpenID sign-in adds to its session. */
export interface OidcSessionFacts {
  authTime: Date | null;
  sid: string | null;
  idToken: string;
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Sessions live in the database so that any API process can serve any user. */
export class SessionRepository {
  constructor(private readonly ds: DataSource) {}

  /** A new session; `oidc` for one signed in through the provider (else a password, now). */
  async create(
    userId: string,
    ttlMs: number,
    now = new Date(),
    oidc?: OidcSessionFacts,
  ): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + ttlMs);
    await this.ds.getRepository(SessionEntity).insert({
      tokenHash: hashToken(token),
      userId,
      createdAt: now,
      expiresAt,
      authMethod: oidc ? 'oidc' : 'password',
      authTime: oidc ? oidc.authTime : now,
      oidcSid: oidc?.sid ?? null,
      idToken: oidc?.idToken ?? null,
    });
    return { token, expiresAt };
  }

  /** The session's user and their role assignments, in one round trip (every request asks). */
  async find(token: string, now = new Date()): Promise<SessionUserRow | null> {
    const rows: (Omit<SessionUserRow, 'roles'> & { role: string | null; orgUnitId: string | null })[] =
      await this.ds.query(
        `SELECT DISTINCT u.id AS userId, u.username, u.name, u.email, s.expires_at AS expiresAt,
                s.auth_method AS authMethod, s.auth_time AS authTime, r.role, r.org_unit_id AS orgUnitId
         FROM session s JOIN app_user u ON u.id = s.user_id
         LEFT JOIN role_assignment r ON r.user_id = u.id
        WHERE s.token_hash = ? AND s.expires_at > ? AND u.active = 1
        ORDER BY r.role, r.org_unit_id`,
        [hashToken(token), now],
      );
    if (!rows.length) return null;
    const { userId, username, name, email, expiresAt, authMethod, authTime } = rows[0];
    const roles = rows
      .filter((r) => r.role !== null)
      .map((r) => ({ role: r.role as string, orgUnitId: r.orgUnitId as string }));
    return { userId, username, name, email, expiresAt, authMethod, authTime, roles };
  }

  async delete(token: string): Promise<void> {
    await this.ds.getRepository(SessionEntity).delete({ tokenHash: hashToken(token) });
  }

  /** The ID token of an OpenID session (for signing out at the provider), or null. */
  async idTokenOf(token: string): Promise<string | null> {
    const rows: { idToken: string | null }[] = await this.ds.query(
      "SELECT id_token AS idToken FROM session WHERE token_hash = ? AND auth_method = 'oidc'",
      [hashToken(token)],
    );
    return rows[0]?.idToken ?? null;
  }

  /**
   * A back-channel logout: ends the OpenID sessions of the provider's session `sid` (when given)
   * or all OpenID sessions of the user; returns the users whose sessions ended.
   */
  async deleteOidcSessions(where: { userId: string; sid: string | null }): Promise<number> {
    const res = where.sid
      ? await this.ds.query(
          "DELETE FROM session WHERE user_id = ? AND oidc_sid = ? AND auth_method = 'oidc'",
          [where.userId, where.sid],
        )
      : await this.ds.query("DELETE FROM session WHERE user_id = ? AND auth_method = 'oidc'", [where.userId]);
    return Number(res.affectedRows ?? 0);
  }

  async deleteForUser(userId: string): Promise<void> {
    await this.ds.getRepository(SessionEntity).delete({ userId });
  }

  async purgeExpired(now = new Date()): Promise<number> {
    const res = await this.ds.query('DELETE FROM session WHERE expires_at <= ?', [now]);
    return Number(res.affectedRows ?? 0);
  }
}
