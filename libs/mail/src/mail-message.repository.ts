import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import {
  fromJsonColumn,
  onlyDuplicatesIgnored,
  refuseIfStoredWithWarnings,
  type Statement,
} from '@rodtrad/persistence';

/** A mail to send: the worker sends it once, from MAIL_FROM. */
export interface OutgoingMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Mails with the same thread key are threaded together by mail clients. */
  threadKey?: string;
  /** Unique per mail: writing the same key twice keeps the first mail and sends it once. */
  dedupeKey: string;
}

export type MailStatus = 'pending' | 'sent' | 'failed';

export interface MailMessageRow extends OutgoingMail {
  id: string;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

const INSERT = `INSERT IGNORE INTO mail_message (id, dedupe_key, to_addresses, subject, text_body, html_body, thread_key)
  VALUES`;

/** The subject column's width. */
export const MAX_SUBJECT = 300;

/** A subject that does not fit is shortened visibly, with an ellipsis, never cut silently. */
export function fitSubject(subject: string): string {
  return subject.length <= MAX_SUBJECT ? subject : `${subject.slice(0, MAX_SUBJECT - 1).trimEnd()}…`;
}

/** One row's values for INSERT, in its column order; a mail without recipients is refused. */
function rowValues(mail: OutgoingMail, id: string): unknown[] {
  if (!mail.to.length) throw new Error(`Mail ${mail.dedupeKey} has no recipients`);
  return [
    id,
    mail.dedupeKey,
    JSON.stringify([...new Set(mail.to)]),
    fitSubject(mail.subject),
    mail.text,
    mail.html,
    mail.threadKey ?? null,
  ];
}

/** The `mail_message` table: every outgoing mail, its state and its failures. */
export class MailMessageRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * Writes the mail unless its dedupe key exists, inside the caller's transaction when `m` is
   * given. Returns the row's id (the existing one on a repeat) and whether it is already sent.
   */
  async add(mail: OutgoingMail, m?: EntityManager): Promise<{ id: string; status: MailStatus }> {
    const q = m ?? this.ds;
    const { id, statement } = MailMessageRepository.addStatement(mail);
    const res = await q.query(statement.sql, statement.params);
    statement.check?.(res);
    // Inserted: the row is ours and pending, nothing to read back.
    if (affected(res) === 1) return { id, status: 'pending' };
    const [row] = await q.query('SELECT id, status FROM mail_message WHERE dedupe_key = ?', [mail.dedupeKey]);
    return { id: String(row.id), status: row.status as MailStatus };
  }

  /**
   * The insert of `add` as a statement to send with others (a BatchedTransaction's COMMIT), and
   * the id the row gets. Only for mails whose dedupe key is new by construction (it names a row
   * created in the same transaction): a repeated key inserts nothing, and the id then names no row.
   */
  static addStatement(mail: OutgoingMail): { id: string; statement: Statement } {
    const id = randomUUID();
    return {
      id,
      statement: {
        sql: `${INSERT} (?, ?, ?, ?, ?, ?, ?)`,
        params: rowValues(mail, id),
        check: onlyDuplicatesIgnored('mail_message'),
      },
    };
  }

  /**
   * `add` for many mails at once, in the caller's transaction: one insert per chunk and one read
   * of the ids. Returns the row ids in the order of `mails` (existing rows for repeated keys).
   */
  async addMany(mails: readonly OutgoingMail[], m: EntityManager): Promise<string[]> {
    const chunk = 200;
    const ids = new Map<string, string>();
    for (let i = 0; i < mails.length; i += chunk) {
      const part = mails.slice(i, i + chunk);
      const res = await m.query(
        `${INSERT} ${part.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        part.flatMap((mail) => rowValues(mail, randomUUID())),
      );
      refuseIfStoredWithWarnings(res, 'mail_message', part.length);
      const rows: { id: string; dedupeKey: string }[] = await m.query(
        `SELECT id, dedupe_key AS dedupeKey FROM mail_message WHERE dedupe_key IN (${part.map(() => '?').join(', ')})`,
        part.map((mail) => mail.dedupeKey),
      );
      for (const r of rows) ids.set(String(r.dedupeKey), String(r.id));
    }
    return mails.map((mail) => ids.get(mail.dedupeKey) as string);
  }

  async get(id: string): Promise<MailMessageRow | null> {
    const [r] = await this.ds.query('SELECT * FROM mail_message WHERE id = ?', [id]);
    return r ? toRow(r) : null;
  }

  /** A page of mails, newest first, optionally of one status: one read for the rows, one for the count. */
  async list(
    filter: { status?: MailStatus },
    limit: number,
    offset: number,
  ): Promise<{ items: MailMessageRow[]; total: number }> {
    const where = filter.status ? 'WHERE status = ?' : '';
    const params = filter.status ? [filter.status] : [];
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT * FROM mail_message ${where} ORDER BY created_at DESC, id LIMIT ? OFFSET ?`,
      [...params, limit, offset],
    );
    const [{ n }] = await this.ds.query(`SELECT COUNT(*) AS n FROM mail_message ${where}`, params);
    return { items: rows.map(toRow), total: Number(n) };
  }

  /** Puts a failed mail back to pending; false when it is not failed (unknown, pending or sent). */
  async requeueFailed(id: string): Promise<boolean> {
    const res = await this.ds.query(
      `UPDATE mail_message SET status = 'pending' WHERE id = ? AND status = 'failed'`,
      [id],
    );
    return affected(res) === 1;
  }

  async byDedupeKey(dedupeKey: string): Promise<MailMessageRow | null> {
    const [r] = await this.ds.query('SELECT * FROM mail_message WHERE dedupe_key = ?', [dedupeKey]);
    return r ? toRow(r) : null;
  }

  /**
   * Marks the mail sent; false when someone else already had (the caller then did nothing new).
   * Once delivered, the approval-link tokens in the stored bodies are blanked: the outbox no
   * longer needs them, and a database reader must not find usable links there.
   */
  async markSent(id: string): Promise<boolean> {
    const res = await this.ds.query(
      `UPDATE mail_message SET status = 'sent', sent_at = CURRENT_TIMESTAMP(3), attempts = attempts + 1, last_error = NULL,
              text_body = REGEXP_REPLACE(text_body, '/approve/[A-Za-z0-9_-]+', '/approve/[skickad]'),
              html_body = REGEXP_REPLACE(html_body, '/approve/[A-Za-z0-9_-]+', '/approve/[skickad]')
        WHERE id = ? AND status <> 'sent'`,
      [id],
    );
    return affected(res) === 1;
  }

  /** Records a failed attempt; `final` keeps the mail as failed (visible, not retried). */
  async recordFailure(id: string, error: string, final: boolean): Promise<void> {
    await this.ds.query(
      `UPDATE mail_message SET attempts = attempts + 1, last_error = ?, status = IF(?, 'failed', status)
        WHERE id = ? AND status <> 'sent'`,
      [error.slice(0, 500), final ? 1 : 0, id],
    );
  }

  /** Pending mails older than `olderThanMs`: their job may have been lost with Redis. */
  async pendingIds(olderThanMs: number, limit = 1000): Promise<string[]> {
    const rows: { id: string }[] = await this.ds.query(
      `SELECT id FROM mail_message WHERE status = 'pending' AND created_at < NOW(3) - INTERVAL ? MICROSECOND
        ORDER BY created_at LIMIT ?`,
      [olderThanMs * 1000, limit],
    );
    return rows.map((r) => String(r.id));
  }
}

function affected(res: unknown): number {
  const r = res as { affectedRows?: number } | [unknown, number];
  if (Array.isArray(r)) return Number(r[1]);
  return Number(r.affectedRows ?? 0);
}

function toRow(r: Record<string, unknown>): MailMessageRow {
  return {
    id: String(r['id']),
    dedupeKey: String(r['dedupe_key']),
    to: fromJsonColumn<string[]>(r['to_addresses']),
    subject: String(r['subject']),
    text: String(r['text_body']),
    html: String(r['html_body']),
    threadKey: (r['thread_key'] as string | null) ?? undefined,
    status: r['status'] as MailStatus,
    attempts: Number(r['attempts']),
    lastError: (r['last_error'] as string | null) ?? null,
    createdAt: r['created_at'] as Date,
    sentAt: (r['sent_at'] as Date | null) ?? null,
  };
}
