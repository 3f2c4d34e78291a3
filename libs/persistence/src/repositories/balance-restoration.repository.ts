import type { DataSource, EntityManager } from 'typeorm';

export interface BalanceRestorationRow {
  escalationId: string;
  year: number;
  /** Kronor KF's särskild åtgärdsplan planned to restore this year. */
  planned: number;
  /** The year's balance-requirement result from its annual report; null until reported. */
  balanceResult: number | null;
  sourceDocumentId: string | null;
  reportedAt: Date | null;
  /** The escalation to KF this year's shortfall opened, if any. */
  followUpEscalationId: string | null;
}

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const affected = (res: unknown): number => Number((res as { affectedRows?: number }).affectedRows ?? 0);

/** The restoration of a negative balance-requirement result, year by year, per escalation. */
export class BalanceRestorationRepository {
  constructor(private readonly ds: DataSource) {}

  async rows(escalationId: string, m?: EntityManager): Promise<BalanceRestorationRow[]> {
    const rows: Record<string, unknown>[] = await (m ?? this.ds).query(
      `SELECT escalation_id AS escalationId, year, planned, balance_result AS balanceResult,
          source_document_id AS sourceDocumentId, reported_at AS reportedAt,
          follow_up_escalation_id AS followUpEscalationId
        FROM balance_restoration WHERE escalation_id = ? ORDER BY year`,
      [escalationId],
    );
    return rows.map((r) => ({
      escalationId: String(r['escalationId']),
      year: Number(r['year']),
      planned: Number(r['planned']),
      balanceResult: num(r['balanceResult']),
      sourceDocumentId: (r['sourceDocumentId'] as string | null) ?? null,
      reportedAt: (r['reportedAt'] as Date | null) ?? null,
      followUpEscalationId: (r['followUpEscalationId'] as string | null) ?? null,
    }));
  }

  /** The adopted plan's amount per year (a year named twice adds up). */
  async plan(
    escalationId: string,
    years: { year: number; amount: number }[],
    m: EntityManager,
  ): Promise<void> {
    for (const y of years)
      await m.query(
        `INSERT INTO balance_restoration (escalation_id, year, planned) VALUES (?, ?, ?)
          ON DUPLICATE KEY UPDATE planned = VALUES(planned)`,
        [escalationId, y.year, y.amount],
      );
  }

  /** A year's balance-requirement result as its annual report shows it (a later report replaces it). */
  async report(
    escalationId: string,
    year: number,
    balanceResult: number,
    sourceDocumentId: string,
    m: EntityManager,
  ): Promise<void> {
    await m.query(
      `INSERT INTO balance_restoration (escalation_id, year, balance_result, source_document_id, reported_at)
        VALUES (?, ?, ?, ?, CURRENT_TIMESTAMP(3))
        ON DUPLICATE KEY UPDATE balance_result = VALUES(balance_result),
          source_document_id = VALUES(source_document_id), reported_at = VALUES(reported_at)`,
      [escalationId, year, balanceResult, sourceDocumentId],
    );
  }

  /** Records the escalation a year's shortfall opened, once; false when the year already has one. */
  async linkFollowUp(
    escalationId: string,
    year: number,
    followUpId: string,
    m: EntityManager,
  ): Promise<boolean> {
    const res = await m.query(
      `UPDATE balance_restoration SET follow_up_escalation_id = ?
        WHERE escalation_id = ? AND year = ? AND follow_up_escalation_id IS NULL`,
      [followUpId, escalationId, year],
    );
    return affected(res) === 1;
  }

  /** The tracked escalation whose shortfall opened this one, or null. */
  async followUpOf(escalationId: string, m?: EntityManager): Promise<string | null> {
    const [r] = await (m ?? this.ds).query(
      'SELECT escalation_id AS id FROM balance_restoration WHERE follow_up_escalation_id = ?',
      [escalationId],
    );
    return r ? String(r.id) : null;
  }
}
