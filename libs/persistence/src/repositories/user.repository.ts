import { escapeLike } from './like-pattern';
import type { Queryable } from './batched-transaction';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { RoleAssignment, RoleKey } from '@rodtrad/domain';
import { RoleAssignmentEntity } from '../entities/role-assignment.entity';
import { UserEntity } from '../entities/user.entity';

export interface UserWithRoles {
  id: string;
  username: string;
  name: string;
  email: string;
  active: boolean;
  /** Roles given by hand in Administration. */
  roles: RoleAssignment[];
  /** Roles derived from the provider's groups at the user's last sign-in (read-only here). */
  groupRoles: RoleAssignment[];
}

export type RoleSource = 'manual' | 'group';

export class UserRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * Locks the active administrators' rows (FOR UPDATE, in `m`'s transaction) and returns their
   * ids: two administrators removing each other at once cannot both see the other remain.
   */
  async lockActiveAdmins(m: Queryable): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT u.id FROM app_user u JOIN role_assignment r ON r.user_id = u.id
        WHERE r.role = 'admin' AND u.active = 1 ORDER BY u.id FOR UPDATE`,
    );
    return [...new Set(rows.map((r) => String(r.id)))];
  }

  async findCredentials(
    username: string,
  ): Promise<{ id: string; passwordHash: string | null; active: boolean } | null> {
    const rows: { id: string; passwordHash: string | null; active: number }[] = await this.ds.query(
      'SELECT id, password_hash AS passwordHash, active FROM app_user WHERE username = ?',
      [username],
    );
    return rows[0] ? { ...rows[0], active: !!rows[0].active } : null;
  }

  /** The user's roles: of one source, or (without) every role they hold, each once. */
  async rolesOf(userId: string, source?: RoleSource, m: Queryable = this.ds): Promise<RoleAssignment[]> {
    const rows: { role: RoleKey; orgUnitId: string }[] = await m.query(
      `SELECT DISTINCT role, org_unit_id AS orgUnitId FROM role_assignment WHERE user_id = ?${source ? ' AND source = ?' : ''} ORDER BY role, org_unit_id`,
      source ? [userId, source] : [userId],
    );
    return rows.map((r) => ({ role: r.role, orgUnitId: r.orgUnitId }));
  }

  async get(id: string): Promise<UserWithRoles | null> {
    const user = await this.ds.getRepository(UserEntity).findOne({ where: { id } });
    if (!user) return null;
    return {
      id: user.id,
      username: user.username,
      name: user.name,
      email: user.email,
      active: user.active,
      roles: await this.rolesOf(id, 'manual'),
      groupRoles: await this.rolesOf(id, 'group'),
    };
  }

  async list(
    limit: number,
    offset: number,
    search?: string,
  ): Promise<{ items: UserWithRoles[]; total: number }> {
    const where = search ? "WHERE username LIKE ? ESCAPE '\\\\' OR name LIKE ? ESCAPE '\\\\'" : '';
    const pattern = `%${escapeLike(search ?? '')}%`;
    const params = search ? [pattern, pattern] : [];
    const [{ total }] = await this.ds.query(`SELECT COUNT(*) AS total FROM app_user ${where}`, params);
    const users: { id: string; username: string; name: string; email: string; active: number }[] =
      await this.ds.query(
        `SELECT id, username, name, email, active FROM app_user ${where} ORDER BY name, username LIMIT ? OFFSET ?`,
        [...params, limit, offset],
      );
    const roles: { userId: string; role: RoleKey; orgUnitId: string; source: RoleSource }[] = users.length
      ? await this.ds.query(
          `SELECT user_id AS userId, role, org_unit_id AS orgUnitId, source FROM role_assignment WHERE user_id IN (${users.map(() => '?').join(',')}) ORDER BY role`,
          users.map((u) => u.id),
        )
      : [];
    return {
      total: Number(total),
      items: users.map((u) => ({
        ...u,
        active: !!u.active,
        roles: roles
          .filter((r) => r.userId === u.id && r.source === 'manual')
          .map(({ role, orgUnitId }) => ({ role, orgUnitId })),
        groupRoles: roles
          .filter((r) => r.userId === u.id && r.source === 'group')
          .map(({ role, orgUnitId }) => ({ role, orgUnitId })),
      })),
    };
  }

  async usernameTaken(username: string, exceptId?: string): Promise<boolean> {
    const rows = await this.ds.query('SELECT id FROM app_user WHERE username = ? AND id <> ?', [
      username,
      exceptId ?? '',
    ]);
    return rows.length > 0;
  }

  /** Inserts or replaces a user and their roles given by hand (not those from groups) in one transaction. */
  async save(
    user: {
      id?: string;
      username: string;
      name: string;
      email: string;
      active?: boolean;
      passwordHash?: string | null;
    },
    roles: RoleAssignment[] | undefined,
    manager?: EntityManager,
  ): Promise<string> {
    const run = async (m: EntityManager) => {
      const id = user.id ?? randomUUID();
      const existing = await m.getRepository(UserEntity).findOne({ where: { id } });
      const values: Partial<UserEntity> = {
        id,
        username: user.username,
        name: user.name,
        email: user.email,
        active: user.active ?? true,
      };
      if (user.passwordHash !== undefined) values.passwordHash = user.passwordHash;
      if (existing) await m.getRepository(UserEntity).update({ id }, values);
      else await m.getRepository(UserEntity).insert(values);
      if (roles) {
        await m.getRepository(RoleAssignmentEntity).delete({ userId: id, source: 'manual' });
        const unique = [...new Map(roles.map((r) => [`${r.role}|${r.orgUnitId}`, r])).values()];
        if (unique.length) {
          await m.getRepository(RoleAssignmentEntity).insert(
            unique.map((r) => ({
              id: randomUUID(),
              userId: id,
              role: r.role,
              orgUnitId: r.orgUnitId,
              source: 'manual' as const,
            })),
          );
        }
      }
      return id;
    };
    return manager ? run(manager) : this.ds.transaction(run);
  }

  /** The user the provider knows by (issuer, sub), active or not. */
  async findByOidcSubject(issuer: string, subject: string): Promise<{ id: string; active: boolean } | null> {
    const rows: { id: string; active: number }[] = await this.ds.query(
      'SELECT id, active FROM app_user WHERE oidc_issuer = ? AND oidc_subject = ?',
      [issuer, subject],
    );
    return rows[0] ? { id: rows[0].id, active: !!rows[0].active } : null;
  }

  /**
   * The one user not yet linked to a provider account whose e-mail (or username) is `value`,
   * compared without regard to case; null when none, or when several share it (never guess).
   */
  async findUnlinkedBy(
    column: 'email' | 'username',
    value: string,
  ): Promise<{ id: string; active: boolean } | null> {
    const rows: { id: string; active: number }[] = await this.ds.query(
      `SELECT id, active FROM app_user WHERE LOWER(${column}) = LOWER(?) AND oidc_subject IS NULL LIMIT 2`,
      [value],
    );
    return rows.length === 1 ? { id: rows[0].id, active: !!rows[0].active } : null;
  }

  /** Links the user to the provider's account; refuses (false) one already linked to another. */
  async linkOidcSubject(userId: string, issuer: string, subject: string): Promise<boolean> {
    const res = await this.ds.query(
      'UPDATE app_user SET oidc_issuer = ?, oidc_subject = ? WHERE id = ? AND oidc_subject IS NULL',
      [issuer, subject, userId],
    );
    return Number(res.affectedRows ?? 0) === 1;
  }

  /**
   * Replaces the user's roles from groups (their hand-given roles stay) in `m`'s transaction;
   * returns what was added and what was taken away.
   */
  async replaceGroupRoles(
    userId: string,
    roles: RoleAssignment[],
    m: Queryable,
  ): Promise<{ added: RoleAssignment[]; removed: RoleAssignment[] }> {
    const key = (r: RoleAssignment) => `${r.role}|${r.orgUnitId}`;
    const before = await this.rolesOf(userId, 'group', m);
    const wanted = new Map(roles.map((r) => [key(r), r]));
    const had = new Set(before.map(key));
    const removed = before.filter((r) => !wanted.has(key(r)));
    const added = [...wanted.values()].filter((r) => !had.has(key(r)));
    for (const r of removed)
      await m.query(
        "DELETE FROM role_assignment WHERE user_id = ? AND role = ? AND org_unit_id = ? AND source = 'group'",
        [userId, r.role, r.orgUnitId],
      );
    for (const r of added)
      await m.query(
        "INSERT INTO role_assignment (id, user_id, role, org_unit_id, source) VALUES (?, ?, ?, ?, 'group')",
        [randomUUID(), userId, r.role, r.orgUnitId],
      );
    return { added, removed };
  }
}
