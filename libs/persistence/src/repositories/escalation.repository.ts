import { refuseIfStoredWithWarnings } from './insert-ignore';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { EscalationKind } from '@rodtrad/domain';
import { OutboxRepository } from './outbox.repository';

export type { EscalationKind } from '@rodtrad/domain';
/**
 * `tracking`: KF has adopted the särskild åtgärdsplan of a negative balance-requirement result,
 * and the restoration is followed up year by year until the deficit is restored (then `closed`).
 */
export type EscalationStatus = 'open' | 'acknowledged' | 'tracking' | 'closed';

export interface EscalationRow {
  id: string;
  kind: EscalationKind;
  status: EscalationStatus;
  orgUnitId: string;
  orgUnitName: string;
  year: number;
  sourceDocumentId: string | null;
  sourceDocumentTitle: string | null;
  amount: number | null;
  threshold: number | null;
  measures: string | null;
  description: string | null;
  actionPlanDocumentId: string | null;
  actionPlanState: string | null;
  toBody: 'ks' | 'kf';
  reportedByUserId: string | null;
  acknowledgedBy: string | null;
  acknowledgedAt: Date | null;
  acknowledgedComment: string | null;
  closedAt: Date | null;
  createdAt: Date;
}

export interface NewEscalation {
  kind: EscalationKind;
  orgUnitId: string;
  year: number;
  sourceDocumentId: string | null;
  /** One escalation per source: `<kind>__<document id>`, or a fresh key for ad-hoc reports. */
  sourceKey: string;
  amount: number | null;
  threshold: number | null;
  measures: string | null;
  description: string | null;
  toBody: 'ks' | 'kf';
  reportedByUserId: string | null;
}

export interface DeviationThresholdRow {
  orgUnitId: string;
  kronor: number | null;
  shareOfFrame: number | null;
  /** Limit of a significant investment overrun in kronor (null: not configured). */
  investmentKronor?: number | null;
  /** Limit as a share of the report's investment budget (null: not configured; default 5 %). */
  investmentShare?: number | null;
}

/** Effect written when an escalation opens: the worker then creates its åtgärdsplan and mails KS/KF. */
export const ESCALATION_OPENED = 'escalationOpened';

const SELECT = `SELECT e.id, e.kind, e.status, e.org_unit_id AS orgUnitId, u.name AS orgUnitName, e.year,
  e.source_document_id AS sourceDocumentId, sd.title AS sourceDocumentTitle, e.amount, e.threshold, e.measures,
  e.description, e.action_plan_document_id AS actionPlanDocumentId, ap.state AS actionPlanState, e.to_body AS toBody,
  e.reported_by_user_id AS reportedByUserId, e.acknowledged_by AS acknowledgedBy, e.acknowledged_at AS acknowledgedAt,
  e.acknowledged_comment AS acknowledgedComment, e.closed_at AS closedAt, e.created_at AS createdAt
  FROM escalation e JOIN org_unit u ON u.id = e.org_unit_id
  LEFT JOIN document sd ON sd.id = e.source_document_id
  LEFT JOIN document ap ON ap.id = e.action_plan_document_id`;

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Number(v));
const toRow = (r: Record<string, unknown>): EscalationRow =>
  ({
    ...r,
    id: String(r['id']),
    year: Number(r['year']),
    amount: num(r['amount']),
    threshold: num(r['threshold']),
  }) as EscalationRow;
const affected = (res: unknown): number => Number((res as { affectedRows?: number }).affectedRows ?? 0);

/** Escalations to KS/KF and the nämnders' deviation thresholds. */
export class EscalationRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * Opens the escalation unless one exists for the same source, in the caller's transaction, with
   * the `escalationOpened` outbox row beside it. Returns the id and whether it is new.
   */
  async open(e: NewEscalation, m: EntityManager): Promise<{ id: string; created: boolean }> {
    const id = randomUUID();
    const res = await m.query(
      `INSERT IGNORE INTO escalation (id, kind, org_unit_id, year, source_document_id, source_key, amount, threshold,
         measures, description, to_body, reported_by_user_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        e.kind,
        e.orgUnitId,
        e.year,
        e.sourceDocumentId,
        e.sourceKey,
        e.amount,
        e.threshold,
        e.measures,
        e.description,
        e.toBody,
        e.reportedByUserId,
      ],
    );
    refuseIfStoredWithWarnings(res, 'escalation');
    if (affected(res) !== 1) {
      const [existing] = await m.query('SELECT id FROM escalation WHERE source_key = ?', [e.sourceKey]);
      return { id: String(existing.id), created: false };
    }
    await new OutboxRepository(this.ds).add(
      [
        {
          documentId: e.sourceDocumentId,
          effectType: ESCALATION_OPENED,
          payload: { escalationId: id, orgUnitId: e.orgUnitId, year: e.year, kind: e.kind },
          dedupeKey: `escalation__${id}__opened`,
        },
      ],
      m,
    );
    return { id, created: true };
  }

  async get(id: string, m?: EntityManager): Promise<EscalationRow | null> {
    const [r] = await (m ?? this.ds).query(`${SELECT} WHERE e.id = ?`, [id]);
    return r ? toRow(r) : null;
  }

  async bySourceDocument(documentId: string): Promise<EscalationRow[]> {
    const rows = await this.ds.query(`${SELECT} WHERE e.source_document_id = ? ORDER BY e.created_at`, [
      documentId,
    ]);
    return rows.map(toRow);
  }

  async list(
    f: {
      status?: 'open' | 'tracking' | 'closed';
      year?: number;
      orgUnitIds?: string[];
      /** Only those to KS, not closed, on which KS has not decided yet. */
      awaitingKsDecision?: boolean;
    },
    limit: number,
    offset: number,
  ): Promise<{ items: EscalationRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (f.awaitingKsDecision)
      where.push(
        `e.to_body = 'ks' AND e.status <> 'closed' AND NOT EXISTS (SELECT 1 FROM escalation_decision d WHERE d.escalation_id = e.id)`,
      );
    // "open" means not yet closed: acknowledged escalations are still open business for KS.
    if (f.status === 'open') where.push(`e.status <> 'closed'`);
    if (f.status === 'closed') where.push(`e.status = 'closed'`);
    if (f.status === 'tracking') where.push(`e.status = 'tracking'`);
    if (f.year !== undefined) {
      where.push('e.year = ?');
      params.push(f.year);
    }
    if (f.orgUnitIds) {
      if (!f.orgUnitIds.length) return { items: [], total: 0 };
      where.push(`e.org_unit_id IN (${f.orgUnitIds.map(() => '?').join(',')})`);
      params.push(...f.orgUnitIds);
    }
    const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
    const [{ n }] = await this.ds.query(`SELECT COUNT(*) AS n FROM escalation e${clause}`, params);
    const rows = await this.ds.query(`${SELECT}${clause} ORDER BY e.created_at DESC, e.id LIMIT ? OFFSET ?`, [
      ...params,
      limit,
      offset,
    ]);
    return { items: rows.map(toRow), total: Number(n) };
  }

  /** Links the åtgärdsplan once; false when it already had one. */
  async linkActionPlan(id: string, documentId: string): Promise<boolean> {
    const res = await this.ds.query(
      'UPDATE escalation SET action_plan_document_id = ? WHERE id = ? AND action_plan_document_id IS NULL',
      [documentId, id],
    );
    return affected(res) === 1;
  }

  async acknowledge(id: string, userId: string, comment: string | null, m: EntityManager): Promise<boolean> {
    const res = await m.query(
      `UPDATE escalation SET status = 'acknowledged', acknowledged_by = ?, acknowledged_at = CURRENT_TIMESTAMP(3),
         acknowledged_comment = ? WHERE id = ? AND status = 'open'`,
      [userId, comment, id],
    );
    return affected(res) === 1;
  }

  /** The escalations still waiting for this åtgärdsplan (open or acknowledged), locked; their ids. */
  async awaitingActionPlan(documentId: string, m: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT id FROM escalation WHERE action_plan_document_id = ? AND status IN ('open', 'acknowledged')
        ORDER BY created_at, id FOR UPDATE`,
      [documentId],
    );
    return rows.map((r) => String(r.id));
  }

  /** Closes an escalation that is not yet closed; false when it already was. */
  async close(id: string, m: EntityManager): Promise<boolean> {
    const res = await m.query(
      `UPDATE escalation SET status = 'closed', closed_at = CURRENT_TIMESTAMP(3) WHERE id = ? AND status <> 'closed'`,
      [id],
    );
    return affected(res) === 1;
  }

  /** Moves an escalation whose plan was adopted into tracking; false unless it was open or acknowledged. */
  async startTracking(id: string, m: EntityManager): Promise<boolean> {
    const res = await m.query(
      `UPDATE escalation SET status = 'tracking' WHERE id = ? AND status IN ('open', 'acknowledged')`,
      [id],
    );
    return affected(res) === 1;
  }

  /** A nämnd's escalations in tracking whose deficit year is before `year`, locked; their ids. */
  async trackingBefore(orgUnitId: string, year: number, m: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await m.query(
      `SELECT id FROM escalation WHERE status = 'tracking' AND org_unit_id = ? AND year < ?
        ORDER BY year, created_at FOR UPDATE`,
      [orgUnitId, year],
    );
    return rows.map((r) => String(r.id));
  }

  /** Åtgärdsplaner that are final while an escalation still waits for them (reconciliation). */
  async finalPlansOfOpenEscalations(): Promise<string[]> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT DISTINCT d.id FROM escalation e JOIN document d ON d.id = e.action_plan_document_id
        WHERE e.status IN ('open', 'acknowledged') AND d.final = 1`,
    );
    return rows.map((r) => String(r.id));
  }

  /** Open escalations that still lack an åtgärdsplan (reconciliation retries them). */
  async withoutActionPlan(olderThanMs: number): Promise<string[]> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM escalation WHERE status <> 'closed' AND action_plan_document_id IS NULL
          AND created_at < NOW(3) - INTERVAL ? MICROSECOND`,
      [olderThanMs * 1000],
    );
    return rows.map((r) => String(r.id));
  }

  async threshold(orgUnitId: string): Promise<DeviationThresholdRow | null> {
    const [r] = await this.ds.query(
      `SELECT org_unit_id AS orgUnitId, kronor, share_of_frame AS shareOfFrame,
              investment_kronor AS investmentKronor, investment_share AS investmentShare
         FROM deviation_threshold WHERE org_unit_id = ?`,
      [orgUnitId],
    );
    return r
      ? {
          orgUnitId: String(r.orgUnitId),
          kronor: num(r.kronor),
          shareOfFrame: num(r.shareOfFrame),
          investmentKronor: num(r.investmentKronor),
          investmentShare: num(r.investmentShare),
        }
      : null;
  }

  /** Saves the limits; an investment limit left out (undefined) keeps its stored value. */
  async saveThreshold(t: DeviationThresholdRow, userId: string | null, m?: EntityManager): Promise<void> {
    const keepKronor = t.investmentKronor === undefined ? 1 : 0;
    const keepShare = t.investmentShare === undefined ? 1 : 0;
    await (m ?? this.ds).query(
      `INSERT INTO deviation_threshold (org_unit_id, kronor, share_of_frame, investment_kronor, investment_share, updated_by)
       VALUES (?, ?, ?, ?, ?, ?)
       ON DUPLICATE KEY UPDATE kronor = VALUES(kronor), share_of_frame = VALUES(share_of_frame),
         investment_kronor = IF(?, investment_kronor, VALUES(investment_kronor)),
         investment_share = IF(?, investment_share, VALUES(investment_share)),
         updated_by = VALUES(updated_by)`,
      [
        t.orgUnitId,
        t.kronor,
        t.shareOfFrame,
        t.investmentKronor ?? null,
        t.investmentShare ?? null,
        userId,
        keepKronor,
        keepShare,
      ],
    );
  }
}
