import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Comments and attachments on a document (#18): a comment thread per document, and underlag
 * (files) with their SHA-256 and where they are stored (the storage port's key: a file under
 * ATTACHMENTS_DIR or an object in S3-compatible storage). A removed attachment keeps its row (when
 * and by whom), so the history still names it; its stored bytes are deleted.
 */
export class CommentsAttachments1764460000000 implements MigrationInterface {
  name = 'CommentsAttachments1764460000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE document_comment (
      id CHAR(36) NOT NULL PRIMARY KEY,
      document_id CHAR(36) NOT NULL,
      author_user_id CHAR(36) NOT NULL,
      body TEXT NOT NULL,
      mentions JSON NOT NULL,
      created_at DATETIME(3) NOT NULL,
      KEY document_comment_document (document_id, created_at)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    await q.query(`CREATE TABLE document_attachment (
      id CHAR(36) NOT NULL PRIMARY KEY,
      document_id CHAR(36) NOT NULL,
      file_name VARCHAR(255) NOT NULL,
      content_type VARCHAR(120) NOT NULL,
      size_bytes BIGINT NOT NULL,
      sha256 CHAR(64) NOT NULL,
      storage VARCHAR(8) NOT NULL,
      storage_key VARCHAR(300) NOT NULL,
      uploaded_by CHAR(36) NOT NULL,
      uploaded_at DATETIME(3) NOT NULL,
      removed_by CHAR(36) NULL,
      removed_at DATETIME(3) NULL,
      KEY document_attachment_document (document_id, uploaded_at)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE document_attachment');
    await q.query('DROP TABLE document_comment');
  }
}
