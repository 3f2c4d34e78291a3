import type { DataSource, EntityManager } from 'typeorm';
import type { OrgUnitKind, OrgUnitNode } from '@rodtrad/domain';
import { OrgUnitEntity } from '../entities/org-unit.entity';

export class OrgUnitRepository {
  constructor(private readonly ds: DataSource) {}

  async all(): Promise<OrgUnitNode[]> {
    return this.ds.query('SELECT id, parent_id AS parentId, kind, name, code FROM org_unit ORDER BY code');
  }

  async get(id: string): Promise<OrgUnitNode | null> {
    const rows: OrgUnitNode[] = await this.ds.query(
      'SELECT id, parent_id AS parentId, kind, name, code FROM org_unit WHERE id = ?',
      [id],
    );
    return rows[0] ?? null;
  }

  async codeTaken(code: string, exceptId?: string): Promise<boolean> {
    return (
      (await this.ds.query('SELECT id FROM org_unit WHERE code = ? AND id <> ?', [code, exceptId ?? '']))
        .length > 0
    );
  }

  async insert(
    unit: OrgUnitNode & { seedKey?: string | null },
    m: EntityManager = this.ds.manager,
  ): Promise<void> {
    await m.getRepository(OrgUnitEntity).insert({ ...unit, seedKey: unit.seedKey ?? null });
  }

  async update(
    id: string,
    patch: { name?: string; code?: string; parentId?: string | null; kind?: OrgUnitKind },
    m: EntityManager = this.ds.manager,
  ): Promise<void> {
    await m.getRepository(OrgUnitEntity).update({ id }, patch);
  }

  async isReferenced(id: string): Promise<boolean> {
    const [children, roles] = await Promise.all([
      this.ds.query('SELECT 1 FROM org_unit WHERE parent_id = ? LIMIT 1', [id]),
      this.ds.query('SELECT 1 FROM role_assignment WHERE org_unit_id = ? LIMIT 1', [id]),
    ]);
    return children.length > 0 || roles.length > 0;
  }

  async delete(id: string, m: EntityManager = this.ds.manager): Promise<void> {
    await m.getRepository(OrgUnitEntity).delete({ id });
  }
}
