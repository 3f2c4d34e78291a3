import { Injectable } from '@nestjs/common';
import { DelayedError, type Job } from 'bullmq';
import { JOBS, QUEUES, type FireDeadlineJobData } from '@rodtrad/jobs';
import type { JobHandler } from '../queues/job-handler';
import { DeadlineFiring, type FiringOutcome } from './deadline-firing.service';

/**
 * A deadline's moment has come: its job asks DeadlineFiring to fire it (in a batch with the
 * others due now, exactly once among all workers). A job that wakes early, because its date was
 * moved later, goes back to sleep until the new moment.
 */
@Injectable()
export class FireDeadlineJob implements JobHandler<typeof JOBS.fireDeadline> {
  readonly queue = QUEUES.deadlines;
  readonly name = JOBS.fireDeadline;

  constructor(private readonly firing: DeadlineFiring) {}

  async handle(job: Job<FireDeadlineJobData>): Promise<FiringOutcome> {
    const outcome = await this.firing.fire(job.data.deadlineId);
    if ('early' in outcome) {
      await job.moveToDelayed(outcome.fireAt.getTime(), job.token);
      throw new DelayedError();
    }
    return outcome;
  }
}
