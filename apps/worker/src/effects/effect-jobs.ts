import { Injectable } from '@nestjs/common';
import { addJobsOnce, jobId, jobSpec, JOBS, QUEUES, type AddJobsOutcome } from '@rodtrad/jobs';
import type { OutboxRow } from '@rodtrad/persistence';
import { JobIdConflicts } from '../queues/job-id-conflicts';
import { WorkerQueues } from '../queues/worker-queues';
import { YIELDING_EFFECTS } from './effect-handlers';

/**
 * outbox__<row id>__<created_at ms>. The id alone repeats after a database is restored from a
 * backup (auto-increment starts again where the backup left it); with the moment of writing it
 * names one row for all time.
 */
export const effectJobId = (row: Pick<OutboxRow, 'id' | 'createdAt'>): string =>
  jobId('outbox', row.id, row.createdAt.getTime());

/** The BullMQ side of the outbox: one `handle-effect` job per row, for the relay and the reconciliation. */
@Injectable()
export class EffectJobs {
  constructor(
    private readonly queues: WorkerQueues,
    private readonly conflicts: JobIdConflicts,
  ) {}

  /** Gives each row its job (a finished job of a row still without receipt runs again). */
  async enqueue(rows: readonly OutboxRow[]): Promise<AddJobsOutcome> {
    const outcome = await addJobsOnce(
      this.queues.get(QUEUES.effects),
      rows.map((r) =>
        jobSpec(
          JOBS.handleEffect,
          { outboxId: r.id, createdAt: r.createdAt.getTime() },
          {
            jobId: effectJobId(r),
            // Deadline bookkeeping yields to the effects that reach people.
            ...(YIELDING_EFFECTS.has(r.effectType) ? { priority: 1 } : {}),
          },
        ),
      ),
    );
    return this.conflicts.record(QUEUES.effects, outcome);
  }
}
