import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents go out (#20): the PDF of an adopted document frozen at adoption (its bytes and
 * SHA-256, written once), the secrecy marks that keep a document or a field from the public, and
 * the archive packages of closed years with their progress.
 */
export class Publication1764330000000 implements MigrationInterface {
  name = 'Publication1764330000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE document_pdf (
      document_id CHAR(36) NOT NULL PRIMARY KEY,
      sha256 CHAR(64) NOT NULL,
      byte_length INT NOT NULL,
      content LONGBLOB NOT NULL,
      layout_version VARCHAR(20) NOT NULL,
      frozen_at DATETIME(3) NOT NULL,
      CONSTRAINT fk_document_pdf_document FOREIGN KEY (document_id) REFERENCES document (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    await q.query(`CREATE TABLE document_secrecy (
      id CHAR(36) NOT NULL PRIMARY KEY,
      document_id CHAR(36) NOT NULL,
      pointer VARCHAR(300) NOT NULL,
      paragraph VARCHAR(120) NOT NULL,
      marked_by CHAR(36) NULL,
      marked_at DATETIME(3) NOT NULL,
      UNIQUE KEY ux_document_secrecy (document_id, pointer),
      CONSTRAINT fk_document_secrecy_document FOREIGN KEY (document_id) REFERENCES document (id)
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
    await q.query(`CREATE TABLE archive_package (
      year SMALLINT NOT NULL PRIMARY KEY,
      status VARCHAR(12) NOT NULL,
      done INT NOT NULL DEFAULT 0,
      total INT NOT NULL DEFAULT 0,
      file_name VARCHAR(200) NULL,
      sha256 CHAR(64) NULL,
      byte_length BIGINT NULL,
      error VARCHAR(500) NULL,
      requested_by CHAR(36) NULL,
      requested_at DATETIME(3) NOT NULL,
      finished_at DATETIME(3) NULL
    ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_swedish_ci`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE archive_package');
    await q.query('DROP TABLE document_secrecy');
    await q.query('DROP TABLE document_pdf');
  }
}
