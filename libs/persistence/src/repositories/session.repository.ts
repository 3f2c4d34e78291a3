import { createHash, randomBytes } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { SessionEntity } from '../entities/session.entity';

export interface SessionUserRow {
  userId: string;
  username: string;
  name: string;
  email: string;
  expiresAt: Date;
  roles: { role: string; orgUnitId: string }[];
}

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Sessions live in the database so that any API process can serve any user. */
export class SessionRepository {
  constructor(private readonly ds: DataSource) {}

  async create(userId: string, ttlMs: number, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(now.getTime() + ttlMs);
    await this.ds
      .getRepository(SessionEntity)
      .insert({ tokenHash: hashToken(token), userId, createdAt: now, expiresAt });
    return { token, expiresAt };
  }

  /** The session's user and their role assignments, in one round trip (every request asks). */
  async find(token: string, now = new Date()): Promise<SessionUserRow | null> {
    const rows: (Omit<SessionUserRow, 'roles'> & { role: string | null; orgUnitId: string | null })[] =
      await this.ds.query(
        `SELECT u.id AS userId, u.username, u.name, u.email, s.expires_at AS expiresAt, r.role, r.org_unit_id AS orgUnitId
         FROM session s JOIN app_user u ON u.id = s.user_id
         LEFT JOIN role_assignment r ON r.user_id = u.id
        WHERE s.token_hash = ? AND s.expires_at > ? AND u.active = 1
        ORDER BY r.role, r.org_unit_id`,
        [hashToken(token), now],
      );
    if (!rows.length) return null;
    const { userId, username, name, email, expiresAt } = rows[0];
    const roles = rows
      .filter((r) => r.role !== null)
      .map((r) => ({ role: r.role as string, orgUnitId: r.orgUnitId as string }));
    return { userId, username, name, email, expiresAt, roles };
  }

  async delete(token: string): Promise<void> {
    await this.ds.getRepository(SessionEntity).delete({ tokenHash: hashToken(token) });
  }

  async deleteForUser(userId: string): Promise<void> {
    await this.ds.getRepository(SessionEntity).delete({ userId });
  }

  async purgeExpired(now = new Date()): Promise<number> {
    const res = await this.ds.query('DELETE FROM session WHERE expires_at <= ?', [now]);
    return Number(res.affectedRows ?? 0);
  }
}
