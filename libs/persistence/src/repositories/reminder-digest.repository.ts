import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { refuseIfStoredWithWarnings } from './insert-ignore';

export interface DigestItemRow {
  deadlineId: string;
  documentId: string;
  documentTitle: string;
  documentState: string;
  documentFinal: boolean;
  definitionId: string;
  unitName: string;
  state: string;
  dueAt: Date;
}

/** One mail a day per person: reminders that fall together are gathered into a digest row. */
export class ReminderDigestRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * Adds fired reminders to the person's open digest of the day (creating it), inside the
   * firing's transaction. Returns the digest id and whether it was created now.
   */
  async addItems(
    userId: string,
    date: string,
    deadlineIds: readonly string[],
    m: EntityManager,
  ): Promise<{ digestId: string; created: boolean }> {
    const candidate = randomUUID();
    const res = await m.query(
      'INSERT IGNORE INTO reminder_digest (id, user_id, digest_date, seq) VALUES (?, ?, ?, 1)',
      [candidate, userId, date],
    );
    refuseIfStoredWithWarnings(res, 'reminder_digest');
    let created = Number(res.affectedRows ?? 0) === 1;
    let [open] = await m.query(
      `SELECT id FROM reminder_digest WHERE user_id = ? AND digest_date = ? AND status = 'open' ORDER BY seq DESC LIMIT 1 FOR UPDATE`,
      [userId, date],
    );
    if (!open) {
      // The day's digest has gone out: a reminder that fires later that day starts a second one.
      const [{ seq }] = await m.query(
        'SELECT COALESCE(MAX(seq), 0) + 1 AS seq FROM reminder_digest WHERE user_id = ? AND digest_date = ?',
        [userId, date],
      );
      const id = randomUUID();
      await m.query('INSERT INTO reminder_digest (id, user_id, digest_date, seq) VALUES (?, ?, ?, ?)', [
        id,
        userId,
        date,
        Number(seq),
      ]);
      open = { id };
      created = true;
    }
    if (deadlineIds.length) {
      const items = await m.query(
        `INSERT IGNORE INTO reminder_digest_item (digest_id, deadline_id) VALUES ${deadlineIds.map(() => '(?, ?)').join(', ')}`,
        deadlineIds.flatMap((d) => [open.id, d]),
      );
      refuseIfStoredWithWarnings(items, 'reminder_digest_item', deadlineIds.length);
    }
    return { digestId: String(open.id), created };
  }

  /** Marks the digest sent, once: false when it already was. */
  async claimSending(id: string, m: EntityManager): Promise<{ userId: string } | null> {
    const res = await m.query(
      `UPDATE reminder_digest SET status = 'sent', sent_at = CURRENT_TIMESTAMP(3) WHERE id = ? AND status = 'open'`,
      [id],
    );
    if (Number(res.affectedRows ?? 0) !== 1) return null;
    const [r] = await m.query('SELECT user_id AS userId FROM reminder_digest WHERE id = ?', [id]);
    return { userId: String(r.userId) };
  }

  async items(id: string, m?: EntityManager): Promise<DigestItemRow[]> {
    const rows: Record<string, unknown>[] = await (m ?? this.ds).query(
      `SELECT dl.id AS deadlineId, d.id AS documentId, d.title AS documentTitle, d.state AS documentState,
              d.final AS documentFinal, d.definition_id AS definitionId, u.name AS unitName, dl.state, dl.due_at AS dueAt
         FROM reminder_digest_item i JOIN deadline dl ON dl.id = i.deadline_id
         JOIN document d ON d.id = dl.document_id JOIN org_unit u ON u.id = d.org_unit_id
        WHERE i.digest_id = ? ORDER BY dl.due_at`,
      [id],
    );
    return rows.map((r) => ({
      ...(r as unknown as DigestItemRow),
      deadlineId: String(r['deadlineId']),
      documentFinal: Number(r['documentFinal']) === 1,
    }));
  }

  /** Open digests older than `olderThanMs` (their job may be lost). */
  async openOlderThan(olderThanMs: number): Promise<string[]> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM reminder_digest WHERE status = 'open' AND created_at < NOW(3) - INTERVAL ? MICROSECOND`,
      [olderThanMs * 1000],
    );
    return rows.map((r) => String(r.id));
  }
}
