import { Injectable } from '@nestjs/common';
import { addJobsOnce, jobId, jobSpec, JOBS, QUEUES, type AddJobsOutcome } from '@rodtrad/jobs';
import { JobIdConflicts } from '../queues/job-id-conflicts';
import { WorkerQueues } from '../queues/worker-queues';

export const deadlineJobId = (deadlineId: string): string => jobId('deadline', deadlineId);
export const digestJobId = (digestId: string): string => jobId('digest', digestId);

/** The BullMQ side of deadlines: one delayed job per deadline row, id deadline__<row id>. */
@Injectable()
export class DeadlineJobs {
  constructor(
    private readonly queues: WorkerQueues,
    private readonly conflicts: JobIdConflicts,
  ) {}

  /**
   * Gives each pending deadline its job: a job that is waiting or delayed is left as it is; a
   * finished one (the deadline still pending, as after a restore from backup) runs again.
   */
  async ensure(rows: { id: string; fireAt: Date }[], now = Date.now()): Promise<AddJobsOutcome> {
    const outcome = await addJobsOnce(
      this.queues.get(QUEUES.deadlines),
      rows.map((r) =>
        jobSpec(
          JOBS.fireDeadline,
          { deadlineId: r.id },
          { jobId: deadlineJobId(r.id), delay: Math.max(0, new Date(r.fireAt).getTime() - now) },
        ),
      ),
    );
    return this.conflicts.record(QUEUES.deadlines, outcome);
  }

  /** Removes the jobs of cancelled deadlines; a job that is running finds its row cancelled. */
  async remove(deadlineIds: string[]): Promise<void> {
    const q = this.queues.get(QUEUES.deadlines);
    await Promise.all(deadlineIds.map((id) => q.remove(deadlineJobId(id)).catch(() => 0)));
  }

  /** Moves a deadline's job to its new moment (adds it when it is missing). */
  async retime(deadlineId: string, fireAt: Date): Promise<void> {
    const q = this.queues.get(QUEUES.deadlines);
    const job = await q.getJob(deadlineJobId(deadlineId));
    const state = job ? await job.getState() : 'missing';
    if (job && state === 'delayed') await job.changeDelay(Math.max(0, fireAt.getTime() - Date.now()));
    // Missing or finished: added (again). Waiting or active: it runs now and, finding its moment
    // in the future, puts itself back.
    else if (state !== 'waiting' && state !== 'active') await this.ensure([{ id: deadlineId, fireAt }]);
  }

  /** A digest's job, once (a finished job of a digest still open runs again). */
  async ensureDigest(digestId: string, delayMs: number): Promise<void> {
    const outcome = await addJobsOnce(this.queues.get(QUEUES.deadlines), [
      jobSpec(
        JOBS.sendReminderDigest,
        { digestId },
        { jobId: digestJobId(digestId), delay: Math.max(0, delayMs) },
      ),
    ]);
    this.conflicts.record(QUEUES.deadlines, outcome);
  }
}
