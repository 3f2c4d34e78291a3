import type { DataSource } from 'typeorm';

export type ArchiveStatus = 'queued' | 'running' | 'done' | 'failed';

export interface ArchivePackageRow {
  year: number;
  status: ArchiveStatus;
  done: number;
  total: number;
  fileName: string | null;
  sha256: string | null;
  byteLength: number | null;
  error: string | null;
  requestedBy: string | null;
  requestedAt: Date;
  finishedAt: Date | null;
}

/** The archive package of each year: one row per year, its latest request and how far it got. */
export class ArchivePackageRepository {
  constructor(private readonly ds: DataSource) {}

  async get(year: number): Promise<ArchivePackageRow | null> {
    const [row] = await this.ds.query(
      `SELECT year, status, done, total, file_name AS fileName, sha256, byte_length AS byteLength, error,
              requested_by AS requestedBy, requested_at AS requestedAt, finished_at AS finishedAt
         FROM archive_package WHERE year = ?`,
      [year],
    );
    return row
      ? {
          ...row,
          year: Number(row.year),
          done: Number(row.done),
          total: Number(row.total),
          byteLength: row.byteLength === null ? null : Number(row.byteLength),
        }
      : null;
  }

  /**
   * A new request for the year, unless one is queued or running (then that one stands): returns
   * the row and whether this call made it.
   */
  async request(
    year: number,
    by: string | null,
    at = new Date(),
  ): Promise<{ row: ArchivePackageRow; created: boolean }> {
    const created = await this.ds.transaction(async (tx) => {
      const [current] = await tx.query('SELECT status FROM archive_package WHERE year = ? FOR UPDATE', [
        year,
      ]);
      if (current && (current.status === 'queued' || current.status === 'running')) return false;
      await tx.query(
        `INSERT INTO archive_package (year, status, done, total, file_name, sha256, byte_length, error, requested_by, requested_at, finished_at)
         VALUES (?, 'queued', 0, 0, NULL, NULL, NULL, NULL, ?, ?, NULL)
         ON DUPLICATE KEY UPDATE status = 'queued', done = 0, total = 0, file_name = NULL, sha256 = NULL, byte_length = NULL,
           error = NULL, requested_by = VALUES(requested_by), requested_at = VALUES(requested_at), finished_at = NULL`,
        [year, by, at],
      );
      return true;
    });
    return { row: (await this.get(year)) as ArchivePackageRow, created };
  }

  /** Moves the request of `requestedAt` on; false when a newer request replaced it. */
  async progress(
    year: number,
    requestedAt: Date,
    patch: Partial<
      Pick<
        ArchivePackageRow,
        'status' | 'done' | 'total' | 'fileName' | 'sha256' | 'byteLength' | 'error' | 'finishedAt'
      >
    >,
  ): Promise<boolean> {
    const columns: Record<string, string> = {
      status: 'status',
      done: 'done',
      total: 'total',
      fileName: 'file_name',
      sha256: 'sha256',
      byteLength: 'byte_length',
      error: 'error',
      finishedAt: 'finished_at',
    };
    const keys = Object.keys(patch).filter((k) => k in columns);
    if (!keys.length) return true;
    const res = await this.ds.query(
      `UPDATE archive_package SET ${keys.map((k) => `${columns[k]} = ?`).join(', ')} WHERE year = ? AND requested_at = ?`,
      [...keys.map((k) => (patch as Record<string, unknown>)[k]), year, requestedAt],
    );
    return Number((res as { affectedRows?: number }).affectedRows ?? 0) === 1;
  }
}
