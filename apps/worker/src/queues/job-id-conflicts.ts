import { Injectable, Logger } from '@nestjs/common';
import type { AddJobsOutcome } from '@rodtrad/jobs';

/**
 * Job ids that turned out to name another row's job (see `addJobsOnce`). Each one is an error in
 * the log and is counted here; the job itself was added under a fresh id, so nothing is lost.
 */
@Injectable()
export class JobIdConflicts {
  private readonly logger = new Logger('JobIds');
  /** Conflicts seen by this process since it started, by queue. */
  readonly counts = new Map<string, number>();

  record(queue: string, outcome: AddJobsOutcome): AddJobsOutcome {
    for (const c of outcome.conflicts) {
      this.counts.set(queue, (this.counts.get(queue) ?? 0) + 1);
      this.logger.error(
        `Job id ${c.jobId} on queue ${queue} already named a job for other data ` +
          `(${JSON.stringify(c.existingData)}): added as ${c.addedAs} instead`,
      );
    }
    return outcome;
  }

  total(): number {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }
}
