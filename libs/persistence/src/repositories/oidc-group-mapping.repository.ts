import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { RoleKey } from '@rodtrad/domain';
import type { Queryable } from './batched-transaction';

/** One of the provider's groups giving a role at a unit (and the units below it, as roles do). */
export interface GroupMappingRow {
  id: string;
  group: string;
  role: RoleKey;
  orgUnitId: string;
  orgUnitName: string;
}

/** The administrator's mapping of the provider's groups to roles at units. */
export class OidcGroupMappingRepository {
  constructor(private readonly ds: DataSource) {}

  async list(m: Queryable = this.ds): Promise<GroupMappingRow[]> {
    const rows: Record<string, unknown>[] = await m.query(
      `SELECT g.id, g.group_name AS groupName, g.role, g.org_unit_id AS orgUnitId, u.name AS orgUnitName
         FROM oidc_group_mapping g JOIN org_unit u ON u.id = g.org_unit_id
        ORDER BY g.group_name, g.role, u.name`,
    );
    return rows.map((r) => ({
      id: String(r['id']),
      group: String(r['groupName']),
      role: r['role'] as RoleKey,
      orgUnitId: String(r['orgUnitId']),
      orgUnitName: String(r['orgUnitName']),
    }));
  }

  async get(id: string): Promise<GroupMappingRow | null> {
    return (await this.list()).find((g) => g.id === id) ?? null;
  }

  /** Adds a mapping; null when the same group already gives that role at that unit. */
  async add(
    mapping: { group: string; role: RoleKey; orgUnitId: string },
    m: Queryable,
  ): Promise<string | null> {
    const id = randomUUID();
    const res = await m.query(
      'INSERT IGNORE INTO oidc_group_mapping (id, group_name, role, org_unit_id) VALUES (?, ?, ?, ?)',
      [id, mapping.group, mapping.role, mapping.orgUnitId],
    );
    return Number(res.affectedRows ?? 0) === 1 ? id : null;
  }

  async remove(id: string, m: Queryable): Promise<boolean> {
    const res = await m.query('DELETE FROM oidc_group_mapping WHERE id = ?', [id]);
    return Number(res.affectedRows ?? 0) === 1;
  }
}
