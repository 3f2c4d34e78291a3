import { createHash, randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { AdminAuditRepository } from './admin-audit.repository';

export interface FrozenPdf {
  documentId: string;
  sha256: string;
  byteLength: number;
  content: Buffer;
  layoutVersion: string;
  frozenAt: Date;
}

export interface SecrecyRow {
  id: string;
  documentId: string;
  /** '' for the whole document, else a JSON pointer into its data ("/analys", "/risker/2"). */
  pointer: string;
  paragraph: string;
  markedBy: string | null;
  markedAt: Date;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/**
 * The published side of documents: the PDF frozen at adoption (written once, never replaced) and
 * the secrecy marks. Each change is also an entry in the keyed admin audit chain, in the same
 * transaction, so the frozen PDF's SHA-256 and every secrecy decision can be verified later.
 */
export class PublicationRepository {
  private readonly audit: AdminAuditRepository;

  constructor(private readonly ds: DataSource) {
    this.audit = new AdminAuditRepository(ds);
  }

  async frozenPdf(documentId: string): Promise<FrozenPdf | null> {
    const [row] = await this.ds.query(
      `SELECT document_id AS documentId, sha256, byte_length AS byteLength, content, layout_version AS layoutVersion,
              frozen_at AS frozenAt FROM document_pdf WHERE document_id = ?`,
      [documentId],
    );
    return row ? { ...row, byteLength: Number(row.byteLength), content: Buffer.from(row.content) } : null;
  }

  /** Which of these documents have a frozen PDF, with its checksum (for listings without the bytes). */
  async frozenChecksums(documentIds: readonly string[]): Promise<Map<string, string>> {
    if (!documentIds.length) return new Map();
    const rows: { documentId: string; sha256: string }[] = await this.ds.query(
      `SELECT document_id AS documentId, sha256 FROM document_pdf WHERE document_id IN (${documentIds.map(() => '?').join(',')})`,
      [...documentIds],
    );
    return new Map(rows.map((r) => [r.documentId, r.sha256]));
  }

  /**
   * Stores the PDF of an adopted document once: a second call (a job run twice) keeps the first
   * and returns it. The audit entry `document.pdf-frozen` carries the SHA-256.
   */
  async freeze(
    documentId: string,
    content: Buffer,
    layoutVersion: string,
    at = new Date(),
  ): Promise<FrozenPdf> {
    const hash = sha256(content);
    await this.ds.transaction(async (tx) => {
      const res = await tx.query(
        `INSERT IGNORE INTO document_pdf (document_id, sha256, byte_length, content, layout_version, frozen_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
        [documentId, hash, content.length, content, layoutVersion, at],
      );
      if (Number((res as { affectedRows?: number }).affectedRows ?? 0) === 1)
        await this.audit.append(
          {
            actorUserId: null,
            action: 'document.pdf-frozen',
            entityType: 'document',
            entityId: documentId,
            details: { sha256: hash, byteLength: content.length, layoutVersion },
          },
          tx,
          at,
        );
    });
    return (await this.frozenPdf(documentId)) as FrozenPdf;
  }

  async secrecy(documentId: string): Promise<SecrecyRow[]> {
    return this.ds.query(
      `SELECT id, document_id AS documentId, pointer, paragraph, marked_by AS markedBy, marked_at AS markedAt
         FROM document_secrecy WHERE document_id = ? ORDER BY pointer`,
      [documentId],
    );
  }

  /** The marks of many documents at once, by document. */
  async secrecyOf(documentIds: readonly string[]): Promise<Map<string, SecrecyRow[]>> {
    const out = new Map<string, SecrecyRow[]>();
    if (!documentIds.length) return out;
    const rows: SecrecyRow[] = await this.ds.query(
      `SELECT id, document_id AS documentId, pointer, paragraph, marked_by AS markedBy, marked_at AS markedAt
         FROM document_secrecy WHERE document_id IN (${documentIds.map(() => '?').join(',')}) ORDER BY pointer`,
      [...documentIds],
    );
    for (const r of rows) out.set(r.documentId, [...(out.get(r.documentId) ?? []), r]);
    return out;
  }

  /** Marks (or re-marks with another paragraph) a document ('' ) or a field as secret. */
  async mark(documentId: string, pointer: string, paragraph: string, by: string | null): Promise<void> {
    await this.ds.transaction(async (tx: EntityManager) => {
      await tx.query(
        `INSERT INTO document_secrecy (id, document_id, pointer, paragraph, marked_by, marked_at)
         VALUES (?, ?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE paragraph = VALUES(paragraph), marked_by = VALUES(marked_by), marked_at = VALUES(marked_at)`,
        [randomUUID(), documentId, pointer, paragraph, by, new Date()],
      );
      await this.audit.append(
        {
          actorUserId: by,
          action: 'document.secrecy-marked',
          entityType: 'document',
          entityId: documentId,
          details: { pointer, paragraph },
        },
        tx,
      );
    });
  }

  /** Lifts a mark; false when there was none. */
  async unmark(documentId: string, pointer: string, by: string | null): Promise<boolean> {
    return this.ds.transaction(async (tx: EntityManager) => {
      const res = await tx.query('DELETE FROM document_secrecy WHERE document_id = ? AND pointer = ?', [
        documentId,
        pointer,
      ]);
      if (Number((res as { affectedRows?: number }).affectedRows ?? 0) !== 1) return false;
      await this.audit.append(
        {
          actorUserId: by,
          action: 'document.secrecy-lifted',
          entityType: 'document',
          entityId: documentId,
          details: { pointer },
        },
        tx,
      );
      return true;
    });
  }
}
