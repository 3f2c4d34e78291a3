import type { DataSource, EntityManager } from 'typeorm';
import { AdminAuditRepository } from './admin-audit.repository';

export interface CommentRow {
  id: string;
  documentId: string;
  authorUserId: string;
  authorName: string;
  authorUsername: string;
  body: string;
  /** User ids of the people mentioned (those who may read the document). */
  mentions: string[];
  createdAt: Date;
}

export interface AttachmentRow {
  id: string;
  documentId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storage: 'disk' | 's3';
  storageKey: string;
  uploadedBy: string;
  uploaderName: string;
  uploaderUsername: string;
  uploadedAt: Date;
  removedAt: Date | null;
}

/** What the admin audit chain says happened to a document's comments and attachments. */
export interface CollaborationAuditEntry {
  seq: number;
  at: Date;
  actorUserId: string | null;
  actorName: string | null;
  action: string;
  details: Record<string, unknown>;
  hash: string;
}

export const COLLABORATION_ACTIONS = [
  'document.comment-added',
  'document.attachment-added',
  'document.attachment-removed',
] as const;

/**
 * A document's comments and attachments (#18). Every addition and removal is also an entry in the
 * keyed admin audit chain, in the same transaction (as the secrecy marks are), so the history can
 * show it and it can be verified later; comments are never changed or deleted (allmän handling).
 */
export class DocumentCollaborationRepository {
  private readonly audit: AdminAuditRepository;

  constructor(private readonly ds: DataSource) {
    this.audit = new AdminAuditRepository(ds);
  }

  async comments(documentId: string): Promise<CommentRow[]> {
    const rows: (Omit<CommentRow, 'mentions'> & { mentions: unknown })[] = await this.ds.query(
      `SELECT c.id, c.document_id AS documentId, c.author_user_id AS authorUserId, u.name AS authorName,
              u.username AS authorUsername, c.body, c.mentions, c.created_at AS createdAt
         FROM document_comment c JOIN app_user u ON u.id = c.author_user_id
        WHERE c.document_id = ? ORDER BY c.created_at, c.id`,
      [documentId],
    );
    return rows.map((r) => ({
      ...r,
      mentions: (typeof r.mentions === 'string' ? JSON.parse(r.mentions) : r.mentions) as string[],
    }));
  }

  async addComment(
    c: { id: string; documentId: string; authorUserId: string; body: string; mentions: string[]; at: Date },
    m?: EntityManager,
  ): Promise<void> {
    const write = async (tx: EntityManager) => {
      await tx.query(
        `INSERT INTO document_comment (id, document_id, author_user_id, body, mentions, created_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
        [c.id, c.documentId, c.authorUserId, c.body, JSON.stringify(c.mentions), c.at],
      );
      await this.audit.append(
        {
          actorUserId: c.authorUserId,
          action: 'document.comment-added',
          entityType: 'document',
          entityId: c.documentId,
          details: { commentId: c.id, body: c.body, mentions: c.mentions },
        },
        tx,
        c.at,
      );
    };
    if (m) await write(m);
    else await this.ds.transaction(write);
  }

  async attachments(documentId: string): Promise<AttachmentRow[]> {
    return this.selectAttachments('a.document_id = ? AND a.removed_at IS NULL', [documentId]);
  }

  async attachment(documentId: string, id: string): Promise<AttachmentRow | undefined> {
    return (
      await this.selectAttachments('a.document_id = ? AND a.id = ? AND a.removed_at IS NULL', [
        documentId,
        id,
      ])
    )[0];
  }

  private async selectAttachments(where: string, params: unknown[]): Promise<AttachmentRow[]> {
    const rows: AttachmentRow[] = await this.ds.query(
      `SELECT a.id, a.document_id AS documentId, a.file_name AS fileName, a.content_type AS contentType,
              a.size_bytes AS sizeBytes, a.sha256, a.storage, a.storage_key AS storageKey,
              a.uploaded_by AS uploadedBy, u.name AS uploaderName, u.username AS uploaderUsername,
              a.uploaded_at AS uploadedAt, a.removed_at AS removedAt
         FROM document_attachment a JOIN app_user u ON u.id = a.uploaded_by
        WHERE ${where} ORDER BY a.uploaded_at, a.id`,
      params,
    );
    return rows.map((r) => ({ ...r, sizeBytes: Number(r.sizeBytes) }));
  }

  async addAttachment(
    a: Omit<AttachmentRow, 'uploaderName' | 'uploaderUsername' | 'removedAt'>,
  ): Promise<void> {
    await this.ds.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO document_attachment
           (id, document_id, file_name, content_type, size_bytes, sha256, storage, storage_key, uploaded_by, uploaded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          a.id,
          a.documentId,
          a.fileName,
          a.contentType,
          a.sizeBytes,
          a.sha256,
          a.storage,
          a.storageKey,
          a.uploadedBy,
          a.uploadedAt,
        ],
      );
      await this.audit.append(
        {
          actorUserId: a.uploadedBy,
          action: 'document.attachment-added',
          entityType: 'document',
          entityId: a.documentId,
          details: {
            attachmentId: a.id,
            fileName: a.fileName,
            contentType: a.contentType,
            sizeBytes: a.sizeBytes,
            sha256: a.sha256,
          },
        },
        tx,
        a.uploadedAt,
      );
    });
  }

  /** Marks the attachment removed (the row stays for the history); false when it was already. */
  async removeAttachment(a: AttachmentRow, by: string, at: Date): Promise<boolean> {
    return this.ds.transaction(async (tx) => {
      const res = await tx.query(
        'UPDATE document_attachment SET removed_by = ?, removed_at = ? WHERE id = ? AND removed_at IS NULL',
        [by, at, a.id],
      );
      if (Number(res.affectedRows ?? 0) === 0) return false;
      await this.audit.append(
        {
          actorUserId: by,
          action: 'document.attachment-removed',
          entityType: 'document',
          entityId: a.documentId,
          details: { attachmentId: a.id, fileName: a.fileName, sha256: a.sha256 },
        },
        tx,
        at,
      );
      return true;
    });
  }

  /** The document's comment and attachment entries of the admin audit chain, oldest first. */
  async auditEntries(documentId: string): Promise<CollaborationAuditEntry[]> {
    const rows: (Omit<CollaborationAuditEntry, 'details'> & { details: unknown })[] = await this.ds.query(
      `SELECT a.seq, a.at, a.actor_user_id AS actorUserId, u.name AS actorName, a.action, a.details, a.hash
         FROM admin_audit a LEFT JOIN app_user u ON u.id = a.actor_user_id
        WHERE a.entity_type = 'document' AND a.entity_id = ? AND a.action IN (?)
        ORDER BY a.seq`,
      [documentId, COLLABORATION_ACTIONS],
    );
    return rows.map((r) => ({
      ...r,
      seq: Number(r.seq),
      details: ((typeof r.details === 'string' ? JSON.parse(r.details) : r.details) ?? {}) as Record<
        string,
        unknown
      >,
    }));
  }
}
