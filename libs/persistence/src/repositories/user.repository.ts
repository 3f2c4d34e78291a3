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
  roles: RoleAssignment[];
}

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

  async rolesOf(userId: string): Promise<RoleAssignment[]> {
    const rows: { role: RoleKey; orgUnitId: string }[] = await this.ds.query(
      'SELECT role, org_unit_id AS orgUnitId FROM role_assignment WHERE user_id = ? ORDER BY role, org_unit_id',
      [userId],
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
      roles: await this.rolesOf(id),
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
    const roles: { userId: string; role: RoleKey; orgUnitId: string }[] = users.length
      ? await this.ds.query(
          `SELECT user_id AS userId, role, org_unit_id AS orgUnitId FROM role_assignment WHERE user_id IN (${users.map(() => '?').join(',')}) ORDER BY role`,
          users.map((u) => u.id),
        )
      : [];
    return {
      total: Number(total),
      items: users.map((u) => ({
        ...u,
        active: !!u.active,
        roles: roles.filter((r) => r.userId === u.id).map(({ role, orgUnitId }) => ({ role, orgUnitId })),
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

  /** Inserts or replaces a user and their roles in one transaction. */
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
        await m.getRepository(RoleAssignmentEntity).delete({ userId: id });
        const unique = [...new Map(roles.map((r) => [`${r.role}|${r.orgUnitId}`, r])).values()];
        if (unique.length) {
          await m
            .getRepository(RoleAssignmentEntity)
            .insert(
              unique.map((r) => ({ id: randomUUID(), userId: id, role: r.role, orgUnitId: r.orgUnitId })),
            );
        }
      }
      return id;
    };
    return manager ? run(manager) : this.ds.transaction(run);
  }
}
