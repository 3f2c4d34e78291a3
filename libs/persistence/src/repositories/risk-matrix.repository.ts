import type { DataSource, EntityManager } from 'typeorm';

export interface RiskMatrixRow {
  size: number;
  mediumFrom: number;
  highFrom: number;
  updatedAt: Date | null;
  updatedBy: string | null;
}

/** The installation's one risk matrix (table risk_matrix, migration 1764420000000). */
export class RiskMatrixRepository {
  constructor(private readonly ds: DataSource) {}

  async get(): Promise<RiskMatrixRow | null> {
    const [row] = await this.ds.query(
      'SELECT size, medium_from, high_from, updated_at, updated_by FROM risk_matrix WHERE id = 1',
    );
    return row
      ? {
          size: Number(row.size),
          mediumFrom: Number(row.medium_from),
          highFrom: Number(row.high_from),
          updatedAt: row.updated_at ?? null,
          updatedBy: row.updated_by ?? null,
        }
      : null;
  }

  async save(
    m: { size: number; mediumFrom: number; highFrom: number },
    userId: string | null,
    manager?: EntityManager,
  ): Promise<void> {
    await (manager ?? this.ds).query(
      `INSERT INTO risk_matrix (id, size, medium_from, high_from, updated_by) VALUES (1, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE size = VALUES(size), medium_from = VALUES(medium_from),
         high_from = VALUES(high_from), updated_by = VALUES(updated_by)`,
      [m.size, m.mediumFrom, m.highFrom, userId],
    );
  }
}
