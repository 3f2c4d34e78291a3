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

  /**
   * What keeps a unit from being deleted: its children, role assignments, documents or
   * escalations (their history must keep naming the unit). Empty when nothing does.
   */
  async references(id: string): Promise<('children' | 'roles' | 'documents' | 'escalations')[]> {
    const [r] = await this.ds.query(
      `SELECT EXISTS (SELECT 1 FROM org_unit WHERE parent_id = ?) AS children,
              EXISTS (SELECT 1 FROM role_assignment WHERE org_unit_id = ?) AS roles,
              EXISTS (SELECT 1 FROM document WHERE org_unit_id = ?) AS documents,
              EXISTS (SELECT 1 FROM escalation WHERE org_unit_id = ?) AS escalations`,
      [id, id, id, id],
    );
    return (['children', 'roles', 'documents', 'escalations'] as const).filter((k) => Number(r[k]) === 1);
  }

  async delete(id: string, m: EntityManager = this.ds.manager): Promise<void> {
    await m.getRepository(OrgUnitEntity).delete({ id });
  }
}
