import type { DataSource, EntityManager } from 'typeorm';
import { AdminAuditEntity } from '../entities/admin-audit.entity';

export interface AdminAuditRecord {
  actorUserId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  details?: unknown;
}

/** Append-only: there is no update or delete here, by design. */
export class AdminAuditRepository {
  constructor(private readonly ds: DataSource) {}

  async append(rec: AdminAuditRecord, m: EntityManager = this.ds.manager, at = new Date()): Promise<void> {
    await m.getRepository(AdminAuditEntity).insert({ ...rec, details: (rec.details ?? null) as object, at });
  }

  async list(entityType: string, entityId: string): Promise<AdminAuditEntity[]> {
    return this.ds
      .getRepository(AdminAuditEntity)
      .find({ where: { entityType, entityId }, order: { id: 'ASC' } });
  }
}
