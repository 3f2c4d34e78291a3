import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { createReadStream, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import type { ArchiveStatusView } from '@rodtrad/contracts';
import { isYearClosed } from '@rodtrad/domain';
import {
  addJobsOnce,
  jobId,
  jobSpec,
  JOBS,
  openQueue,
  QUEUE_NAMESPACE,
  QUEUES,
  type QueueNamespace,
} from '@rodtrad/jobs';
import { ArchivePackageRepository, type ArchivePackageRow } from '@rodtrad/persistence';
import { ApiProblem } from '../common/problem/problem';
import { APP_CONFIG, CLOCK, DATA_SOURCE, type Clock } from '../infrastructure/tokens';

/** 'YYYY-MM-DD' in Sweden: a year ends at midnight in Stockholm. */
const STOCKHOLM_DAY = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' });

export const statusView = (r: ArchivePackageRow): ArchiveStatusView => ({
  year: r.year,
  status: r.status,
  done: r.done,
  total: r.total,
  requestedAt: new Date(r.requestedAt).toISOString(),
  finishedAt: r.finishedAt ? new Date(r.finishedAt).toISOString() : null,
  sha256: r.sha256,
  error: r.error,
});

/** Archive packages of closed years: requested here, built by the worker, served from ARCHIVE_DIR. */
@Injectable()
export class ArchiveService implements OnApplicationShutdown {
  private readonly queue: Queue;
  private readonly packages: ArchivePackageRepository;

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(QUEUE_NAMESPACE) namespace: QueueNamespace,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    this.queue = openQueue(QUEUES.archive, config.redisUrl, namespace);
    this.packages = new ArchivePackageRepository(ds);
  }

  async request(year: number, userId: string): Promise<ArchiveStatusView> {
    const [{ total, open }] = await this.ds.query(
      'SELECT COUNT(*) AS total, COALESCE(SUM(final = 0), 0) AS open FROM document WHERE year = ?',
      [year],
    );
    const today = STOCKHOLM_DAY.format(this.clock.now());
    if (!isYearClosed(year, today, Number(open), Number(total)))
      throw ApiProblem.conflict(
        'year-not-closed',
        `${year} är inte avslutat: ${Number(open)} av ${Number(total)} dokument har inte nått sitt slutsteg, och året har inte tagit slut.`,
        { open: Number(open), total: Number(total) },
      );
    const { row } = await this.packages.request(year, userId);
    // The job of the row's request, under its one id: a lost job (Redis away) is added again.
    if (row.status === 'queued')
      await addJobsOnce(this.queue, [
        jobSpec(
          JOBS.buildArchivePackage,
          { year, requestedAt: new Date(row.requestedAt).getTime() },
          { jobId: jobId('archive', year, new Date(row.requestedAt).getTime()) },
        ),
      ]);
    return statusView(row);
  }

  async status(year: number): Promise<ArchivePackageRow> {
    const row = await this.packages.get(year);
    if (!row) throw ApiProblem.notFound(`Ett arkivpaket för ${year}`);
    return row;
  }

  /** The finished package's file, or null when it is gone from ARCHIVE_DIR. */
  file(row: ArchivePackageRow) {
    if (!row.fileName) return null;
    const path = join(resolve(this.config.archiveDir), row.fileName);
    return existsSync(path) ? { stream: createReadStream(path), name: row.fileName } : null;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
