import { Injectable, Logger } from '@nestjs/common';
import { JOBS, QUEUES } from '@rodtrad/jobs';
import type { JobHandler } from '../queues/job-handler';
import { WorkerQueues } from '../queues/worker-queues';

/** How often the effects queue is looked over. */
export const PROMOTE_WAITING_EFFECTS_EVERY_MS = 30_000;
/** How long a yielding effect may wait behind the others before it takes its turn in line. */
export const MAX_YIELD_MS = 60_000;
/** Jobs looked at per pass, oldest first. */
const BATCH = 1_000;

/**
 * The deadline bookkeeping effects yield to the other effects (YIELDING_EFFECTS, a BullMQ
 * priority). After a burst that is what we want; under a load that never lets up it would leave
 * them waiting for ever, and a deadline whose rows are never written never fires. So on a
 * schedule, every yielding effect that has waited longer than MAX_YIELD_MS loses its priority and
 * joins the end of the ordinary line: it then waits at most for what was queued before it.
 */
@Injectable()
export class PromoteWaitingEffectsJob implements JobHandler<typeof JOBS.promoteWaitingEffects> {
  readonly queue = QUEUES.maintenance;
  readonly name = JOBS.promoteWaitingEffects;
  readonly every = PROMOTE_WAITING_EFFECTS_EVERY_MS;
  private readonly logger = new Logger('Effects');

  constructor(private readonly queues: WorkerQueues) {}

  handle(): Promise<{ promoted: number }> {
    return this.promote(Date.now());
  }

  /** Promotes what has waited longer than MAX_YIELD_MS at `now`. */
  async promote(now: number): Promise<{ promoted: number }> {
    // Oldest first (FIFO within the one priority the yielding effects have).
    const waiting = await this.queues.get(QUEUES.effects).getJobs(['prioritized'], 0, BATCH - 1, true);
    let promoted = 0;
    for (const job of waiting) {
      if (now - job.timestamp < MAX_YIELD_MS) continue;
      await job.changePriority({ priority: 0 });
      promoted++;
    }
    if (promoted)
      this.logger.warn(`${promoted} deadline bookkeeping effect(s) waited over a minute: now in line`);
    return { promoted };
  }
}
