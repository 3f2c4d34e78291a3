import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { Queryable, Statement } from './batched-transaction';
import { onlyDuplicatesIgnored } from './insert-ignore';

export type ApprovalMode = 'all' | 'any' | 'sequence';
export type ApprovalRequestStatus = 'open' | 'approved' | 'rejected' | 'returned' | 'cancelled';
export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'returned' | 'delegated' | 'revoked';

export interface ApprovalRequestRow {
  id: string;
  documentId: string;
  state: string;
  documentVersion: number;
  mode: ApprovalMode;
  approveEvent: string;
  returnEvent: string | null;
  requireSignIn: boolean;
  /** Seconds: the approver's sign-in must be at most this old when they decide (OIDC max_age); null: any. */
  signInMaxAge: number | null;
  status: ApprovalRequestStatus;
  dueAt: Date | null;
  dedupeKey: string;
  createdAt: Date;
}

export interface ApprovalRow {
  id: string;
  requestId: string;
  approverUserId: string;
  onBehalfOfUserId: string | null;
  seq: number;
  status: ApprovalStatus;
  decidedAt: Date | null;
  comment: string | null;
  tokenHash: string | null;
  tokenExpiresAt: Date | null;
  tokenUsedAt: Date | null;
  sentVersion: number | null;
}

/** A new approver row; the token fields are set when the link is sent (now, or at its turn). */
export interface NewApproval {
  approverUserId: string;
  onBehalfOfUserId: string | null;
  seq: number;
  delegationReason?: string | null;
  token?: { hash: string; expiresAt: Date; version: number } | null;
}

export interface PendingApprovalView {
  approvalId: string;
  requestId: string;
  documentId: string;
  documentTitle: string;
  documentType: string;
  orgUnitName: string;
  state: string;
  mode: ApprovalMode;
  onBehalfOfUserId: string | null;
  onBehalfOfName: string | null;
  dueAt: Date | null;
  expiresAt: Date | null;
  requestedAt: Date;
}

const REQUEST_COLUMNS = `r.id, r.document_id AS documentId, r.state, r.document_version AS documentVersion, r.mode,
  r.approve_event AS approveEvent, r.return_event AS returnEvent, r.require_sign_in AS requireSignIn,
  r.sign_in_max_age AS signInMaxAge, r.status,
  r.due_at AS dueAt, r.dedupe_key AS dedupeKey, r.created_at AS createdAt`;
const APPROVAL_COLUMNS = `a.id, a.request_id AS requestId, a.approver_user_id AS approverUserId,
  a.on_behalf_of_user_id AS onBehalfOfUserId, a.seq, a.status, a.decided_at AS decidedAt, a.comment,
  a.token_hash AS tokenHash, a.token_expires_at AS tokenExpiresAt, a.token_used_at AS tokenUsedAt,
  a.sent_version AS sentVersion`;

const toRequest = (r: Record<string, unknown>): ApprovalRequestRow => ({
  ...(r as unknown as ApprovalRequestRow),
  documentVersion: Number(r['documentVersion']),
  requireSignIn: Number(r['requireSignIn']) === 1,
  signInMaxAge:
    r['signInMaxAge'] === null || r['signInMaxAge'] === undefined ? null : Number(r['signInMaxAge']),
});
const toApproval = (r: Record<string, unknown>): ApprovalRow => ({
  ...(r as unknown as ApprovalRow),
  seq: Number(r['seq']),
  sentVersion: r['sentVersion'] === null ? null : Number(r['sentVersion']),
});
const affected = (res: unknown): number => Number((res as { affectedRows?: number }).affectedRows ?? 0);

/** approval_request and approval: who is asked to approve which step, and their single-use links. */
export class ApprovalRepository {
  constructor(private readonly ds: DataSource) {}

  /** Inserts the request unless its effect's dedupe key exists; null when it already did. */
  async insertRequest(
    r: Omit<ApprovalRequestRow, 'id' | 'status' | 'createdAt'>,
    m: EntityManager,
  ): Promise<string | null> {
    const id = randomUUID();
    const { sql, params, check } = ApprovalRepository.insertRequestStatement(id, r);
    const res = await m.query(sql, params);
    check?.(res);
    return affected(res) === 1 ? id : null;
  }

  /**
   * `insertRequest` as a statement to send ahead of a read (a BatchedTransaction's): whether it
   * took shows in `openRequestsAndKey`, where the row of the dedupe key has this id only if so.
   */
  static insertRequestStatement(
    id: string,
    r: Omit<ApprovalRequestRow, 'id' | 'status' | 'createdAt'>,
  ): Statement {
    return {
      sql: `INSERT IGNORE INTO approval_request (id, document_id, state, document_version, mode, approve_event,
         return_event, require_sign_in, sign_in_max_age, due_at, dedupe_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      params: [
        id,
        r.documentId,
        r.state,
        r.documentVersion,
        r.mode,
        r.approveEvent,
        r.returnEvent,
        r.requireSignIn ? 1 : 0,
        r.requireSignIn ? (r.signInMaxAge ?? null) : null,
        r.dueAt,
        r.dedupeKey,
      ],
      check: onlyDuplicatesIgnored('approval_request'),
    };
  }

  /** The document's open requests and the request of `dedupeKey` (open or not), in one read. */
  async openRequestsAndKey(
    documentId: string,
    dedupeKey: string,
    m: Queryable,
  ): Promise<ApprovalRequestRow[]> {
    const rows: Record<string, unknown>[] = await m.query(
      `SELECT ${REQUEST_COLUMNS} FROM approval_request r
        WHERE (r.document_id = ? AND r.status = 'open') OR r.dedupe_key = ?`,
      [documentId, dedupeKey],
    );
    return rows.map(toRequest);
  }

  /** Inserts the rows in one statement; returns their ids in the order of `rows`. */
  async insertApprovals(requestId: string, rows: NewApproval[], m: EntityManager): Promise<string[]> {
    const { ids, statement } = ApprovalRepository.insertApprovalsStatement(requestId, rows);
    if (statement) await m.query(statement.sql, statement.params);
    return ids;
  }

  /** `insertApprovals` as one statement (null for no rows), for a BatchedTransaction to send later. */
  static insertApprovalsStatement(
    requestId: string,
    rows: NewApproval[],
  ): { ids: string[]; statement: Statement | null } {
    const ids = rows.map(() => randomUUID());
    if (!rows.length) return { ids, statement: null };
    const sentAt = new Date();
    return {
      ids,
      statement: {
        sql: `INSERT INTO approval (id, request_id, approver_user_id, on_behalf_of_user_id, seq, delegation_reason,
         token_hash, token_expires_at, sent_version, sent_at) VALUES ${rows.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`,
        params: rows.flatMap((a, i) => [
          ids[i],
          requestId,
          a.approverUserId,
          a.onBehalfOfUserId,
          a.seq,
          a.delegationReason ?? null,
          a.token?.hash ?? null,
          a.token?.expiresAt ?? null,
          a.token?.version ?? null,
          a.token ? sentAt : null,
        ]),
      },
    };
  }

  /** Gives a waiting approver (sequence mode) their link. */
  async setToken(
    approvalId: string,
    token: { hash: string; expiresAt: Date; version: number },
    m: EntityManager,
  ): Promise<void> {
    await m.query(
      `UPDATE approval SET token_hash = ?, token_expires_at = ?, sent_version = ?, sent_at = CURRENT_TIMESTAMP(3)
        WHERE id = ? AND token_hash IS NULL`,
      [token.hash, token.expiresAt, token.version, approvalId],
    );
  }

  async byTokenHash(hash: string, m?: EntityManager): Promise<ApprovalRow | null> {
    const [r] = await (m ?? this.ds).query(
      `SELECT ${APPROVAL_COLUMNS} FROM approval a WHERE a.token_hash = ?`,
      [hash],
    );
    return r ? toApproval(r) : null;
  }

  async byId(id: string, m?: EntityManager): Promise<ApprovalRow | null> {
    const [r] = await (m ?? this.ds).query(`SELECT ${APPROVAL_COLUMNS} FROM approval a WHERE a.id = ?`, [id]);
    return r ? toApproval(r) : null;
  }

  async request(id: string, m?: EntityManager): Promise<ApprovalRequestRow | null> {
    const [r] = await (m ?? this.ds).query(
      `SELECT ${REQUEST_COLUMNS} FROM approval_request r WHERE r.id = ?`,
      [id],
    );
    return r ? toRequest(r) : null;
  }

  /** Locks the request row: deciders of one request take turns, so exactly one closes it. */
  async lockRequest(id: string, m: EntityManager): Promise<ApprovalRequestRow | null> {
    const [r] = await m.query(`SELECT ${REQUEST_COLUMNS} FROM approval_request r WHERE r.id = ? FOR UPDATE`, [
      id,
    ]);
    return r ? toRequest(r) : null;
  }

  async approvalsOf(requestId: string, m?: EntityManager): Promise<ApprovalRow[]> {
    const rows: Record<string, unknown>[] = await (m ?? this.ds).query(
      `SELECT ${APPROVAL_COLUMNS} FROM approval a WHERE a.request_id = ? ORDER BY a.seq, a.created_at`,
      [requestId],
    );
    return rows.map(toApproval);
  }

  async openRequestsOf(documentId: string, m?: EntityManager): Promise<ApprovalRequestRow[]> {
    const rows: Record<string, unknown>[] = await (m ?? this.ds).query(
      `SELECT ${REQUEST_COLUMNS} FROM approval_request r WHERE r.document_id = ? AND r.status = 'open'`,
      [documentId],
    );
    return rows.map(toRequest);
  }

  /** Open requests whose document has moved on (another step or another version) since sending. */
  async staleOpenRequests(limit = 500): Promise<ApprovalRequestRow[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT ${REQUEST_COLUMNS} FROM approval_request r JOIN document d ON d.id = r.document_id
        WHERE r.status = 'open' AND (d.state <> r.state OR d.final = 1 OR EXISTS (
          SELECT 1 FROM approval a WHERE a.request_id = r.id AND a.status = 'pending'
             AND a.token_hash IS NOT NULL AND a.sent_version <> d.version))
        ORDER BY r.created_at LIMIT ?`,
      [limit],
    );
    return rows.map(toRequest);
  }

  /**
   * Consumes a link: the one statement that makes it single-use. Only a pending, unexpired,
   * unused link of an open request is taken; false otherwise (someone else got there first).
   */
  async consume(
    where: { tokenHash: string } | { approvalId: string },
    now: Date,
    m: EntityManager,
  ): Promise<boolean> {
    const [column, value] =
      'tokenHash' in where ? ['a.token_hash', where.tokenHash] : ['a.id', where.approvalId];
    const res = await m.query(
      `UPDATE approval a JOIN approval_request r ON r.id = a.request_id
          SET a.token_used_at = ?
        WHERE ${column} = ? AND a.token_used_at IS NULL AND a.status = 'pending' AND a.token_hash IS NOT NULL
          AND a.token_expires_at > ? AND r.status = 'open'`,
      [now, value, now],
    );
    return affected(res) >= 1;
  }

  /** Undoes `consume` when the step's event was refused: the link works again, nothing changed. */
  async release(approvalId: string, m: EntityManager): Promise<void> {
    await m.query(
      `UPDATE approval SET token_used_at = NULL, status = 'pending', decided_at = NULL, comment = NULL WHERE id = ?`,
      [approvalId],
    );
  }

  async recordDecision(
    approvalId: string,
    status: 'approved' | 'rejected' | 'returned' | 'delegated',
    comment: string | null,
    now: Date,
    m: EntityManager,
    delegationReason?: string,
  ): Promise<void> {
    await m.query(
      `UPDATE approval SET status = ?, comment = ?, decided_at = ?, delegation_reason = COALESCE(?, delegation_reason),
         token_used_at = COALESCE(token_used_at, ?) WHERE id = ?`,
      [status, comment, now, delegationReason ?? null, now, approvalId],
    );
  }

  /** Kills the links of these approvals (or all pending ones of the request); the rows stay for 410s. */
  async revokePending(requestId: string, m: Queryable, approvalIds?: string[]): Promise<number> {
    const only = approvalIds?.length ? ` AND id IN (${approvalIds.map(() => '?').join(',')})` : '';
    const res = await m.query(
      `UPDATE approval SET status = 'revoked' WHERE request_id = ? AND status = 'pending'${only}`,
      [requestId, ...(approvalIds ?? [])],
    );
    return affected(res);
  }

  async closeRequest(requestId: string, status: ApprovalRequestStatus, m: Queryable): Promise<boolean> {
    const res = await m.query(
      `UPDATE approval_request SET status = ?, closed_at = CURRENT_TIMESTAMP(3) WHERE id = ? AND status = 'open'`,
      [status, requestId],
    );
    return affected(res) === 1;
  }

  async reopenRequest(requestId: string, m: EntityManager): Promise<void> {
    await m.query(`UPDATE approval_request SET status = 'open', closed_at = NULL WHERE id = ?`, [requestId]);
  }

  /** Moves the request to the document's new version, after its links were sent afresh. */
  async rebaseRequest(requestId: string, version: number, m: EntityManager): Promise<void> {
    await m.query('UPDATE approval_request SET document_version = ? WHERE id = ?', [version, requestId]);
  }

  /** The signed-in approver's links whose turn it is, newest first. */
  async pendingFor(
    userId: string,
    limit: number,
    offset: number,
  ): Promise<{ items: PendingApprovalView[]; total: number }> {
    const where = `FROM approval a JOIN approval_request r ON r.id = a.request_id JOIN document d ON d.id = r.document_id
      JOIN org_unit u ON u.id = d.org_unit_id LEFT JOIN app_user ob ON ob.id = a.on_behalf_of_user_id
     WHERE a.approver_user_id = ? AND a.status = 'pending' AND a.token_hash IS NOT NULL AND r.status = 'open'`;
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT a.id AS approvalId, r.id AS requestId, d.id AS documentId, d.title AS documentTitle, d.type AS documentType,
              u.name AS orgUnitName, r.state, r.mode, a.on_behalf_of_user_id AS onBehalfOfUserId, ob.name AS onBehalfOfName, r.due_at AS dueAt,
              a.token_expires_at AS expiresAt, r.created_at AS requestedAt
         ${where} ORDER BY r.created_at DESC, a.id LIMIT ? OFFSET ?`,
      [userId, limit, offset],
    );
    const [{ n }] = await this.ds.query(`SELECT COUNT(*) AS n ${where}`, [userId]);
    return { items: rows as unknown as PendingApprovalView[], total: Number(n) };
  }
}
