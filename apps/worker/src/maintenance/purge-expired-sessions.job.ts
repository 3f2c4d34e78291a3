import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { JOBS, QUEUES } from '@rodtrad/jobs';
import { SessionRepository } from '@rodtrad/persistence';
import type { JobHandler } from '../queues/job-handler';
import { WORKER_DATA_SOURCE } from '../tokens';

@Injectable()
export class PurgeExpiredSessionsJob implements JobHandler {
  readonly queue = QUEUES.maintenance;
  readonly name = JOBS.purgeExpiredSessions;
  readonly every = 15 * 60_000;
  private readonly logger = new Logger('PurgeExpiredSessions');

  constructor(@Inject(WORKER_DATA_SOURCE) private readonly ds: DataSource) {}

  async handle(): Promise<{ purged: number }> {
    const purged = await new SessionRepository(this.ds).purgeExpired();
    if (purged) this.logger.log(`Purged ${purged} expired sessions`);
    return { purged };
  }
}
