import type { DataSource, EntityManager } from 'typeorm';

/** KS's decision on one escalation (table escalation_decision). */
export interface EscalationDecisionRow {
  escalationId: string;
  decision: 'lamna_rad' | 'fora_till_kf' | 'anteckna';
  /** 'YYYY-MM-DD', the KS meeting. */
  meetingDate: string;
  paragraph: string;
  advice: string | null;
  comment: string | null;
  kfMatterDocumentId: string | null;
  /** How many the advice was mailed to (0 for other decisions, or when the nämnd had no one to mail). */
  adviceRecipients: number;
  decidedBy: string;
  decidedByName: string | null;
  decidedAt: Date;
}

export type NewEscalationDecision = Omit<
  EscalationDecisionRow,
  'decidedAt' | 'decidedByName' | 'adviceRecipients'
>;

const SELECT = `SELECT d.escalation_id AS escalationId, d.decision, DATE_FORMAT(d.meeting_date, '%Y-%m-%d') AS meetingDate,
  d.paragraph, d.advice, d.comment, d.kf_matter_document_id AS kfMatterDocumentId, d.advice_recipients AS adviceRecipients,
  d.decided_by AS decidedBy, u.name AS decidedByName, d.decided_at AS decidedAt
  FROM escalation_decision d LEFT JOIN app_user u ON u.id = d.decided_by`;

const toRow = (r: Record<string, unknown>): EscalationDecisionRow =>
  ({
    ...r,
    escalationId: String(r['escalationId']),
    adviceRecipients: Number(r['adviceRecipients']),
  }) as EscalationDecisionRow;

/** KS's decisions on escalations: one per escalation, written once. */
export class EscalationDecisionRepository {
  constructor(private readonly ds: DataSource) {}

  /** Records the decision; false when the escalation already had one (nothing is written). */
  async insert(d: NewEscalationDecision, m: EntityManager): Promise<boolean> {
    const res = await m.query(
      `INSERT IGNORE INTO escalation_decision
         (escalation_id, decision, meeting_date, paragraph, advice, comment, kf_matter_document_id, decided_by)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        d.escalationId,
        d.decision,
        d.meetingDate,
        d.paragraph,
        d.advice,
        d.comment,
        d.kfMatterDocumentId,
        d.decidedBy,
      ],
    );
    return Number((res as { affectedRows?: number }).affectedRows ?? 0) === 1;
  }

  async adviceMailed(escalationId: string, recipients: number): Promise<void> {
    await this.ds.query('UPDATE escalation_decision SET advice_recipients = ? WHERE escalation_id = ?', [
      recipients,
      escalationId,
    ]);
  }

  async get(escalationId: string, m?: EntityManager): Promise<EscalationDecisionRow | null> {
    const [r] = await (m ?? this.ds).query(`${SELECT} WHERE d.escalation_id = ?`, [escalationId]);
    return r ? toRow(r) : null;
  }

  /** KS's advice on the escalations an åtgärdsplan answers, oldest first. */
  async adviceForActionPlan(documentId: string): Promise<EscalationDecisionRow[]> {
    const rows = await this.ds.query(
      `${SELECT} JOIN escalation e ON e.id = d.escalation_id
        WHERE e.action_plan_document_id = ? AND d.decision = 'lamna_rad' ORDER BY d.decided_at, d.escalation_id`,
      [documentId],
    );
    return rows.map(toRow);
  }
}
