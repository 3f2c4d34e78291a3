import { Injectable, Logger } from '@nestjs/common';
import { JOBS, QUEUES } from '@rodtrad/jobs';
import { SessionRepository } from '@rodtrad/persistence';
import type { JobHandler } from '../queues/job-handler';

@Injectable()
export class PurgeExpiredSessionsJob implements JobHandler<typeof JOBS.purgeExpiredSessions> {
  readonly queue = QUEUES.maintenance;
  readonly name = JOBS.purgeExpiredSessions;
  readonly every = 15 * 60_000;
  private readonly logger = new Logger('PurgeExpiredSessions');

  constructor(private readonly sessions: SessionRepository) {}

  async handle(): Promise<{ purged: number }> {
    const purged = await this.sessions.purgeExpired();
    if (purged) this.logger.log(`Purged ${purged} expired sessions`);
    return { purged };
  }
}
