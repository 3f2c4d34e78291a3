import type { DataSource, EntityManager } from 'typeorm';
import type { BodyOwnership, OrgUnitKind, OrgUnitNode } from '@rodtrad/domain';
import { OrgUnitEntity } from '../entities/org-unit.entity';
import { fromJsonColumn } from './json-column';

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

  /** What the municipality holds of the unit (a company's share, a kommunalförbund's members). */
  async ownership(id: string, m: EntityManager = this.ds.manager): Promise<BodyOwnership> {
    const rows: { share: string | null; members: unknown }[] = await m.query(
      'SELECT ownership_share AS share, member_municipalities AS members FROM org_unit WHERE id = ?',
      [id],
    );
    return ownershipOf(rows[0]);
  }

  async setOwnership(id: string, o: BodyOwnership, m: EntityManager = this.ds.manager): Promise<void> {
    await m.query('UPDATE org_unit SET ownership_share = ?, member_municipalities = ? WHERE id = ?', [
      o.sharePercent,
      o.memberMunicipalities.length ? JSON.stringify(o.memberMunicipalities) : null,
      id,
    ]);
  }

  /** Every company and kommunalförbund with its holding, by name. */
  async ownedBodies(): Promise<(OrgUnitNode & { ownership: BodyOwnership })[]> {
    const rows: (OrgUnitNode & { share: string | null; members: unknown })[] = await this.ds.query(
      `SELECT id, parent_id AS parentId, kind, name, code, ownership_share AS share,
              member_municipalities AS members
         FROM org_unit WHERE kind IN ('bolag', 'kommunalforbund') ORDER BY name`,
    );
    return rows.map(({ share, members, ...unit }) => ({
      ...unit,
      ownership: ownershipOf({ share, members }),
    }));
  }

  async delete(id: string, m: EntityManager = this.ds.manager): Promise<void> {
    await m.getRepository(OrgUnitEntity).delete({ id });
  }
}

function ownershipOf(row: { share: string | number | null; members: unknown } | undefined): BodyOwnership {
  const members = row ? fromJsonColumn<unknown>(row.members) : null;
  return {
    sharePercent: row?.share === null || row?.share === undefined ? null : Number(row.share),
    memberMunicipalities: Array.isArray(members)
      ? members.filter((x): x is string => typeof x === 'string')
      : [],
  };
}
