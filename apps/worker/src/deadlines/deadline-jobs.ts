import { Injectable } from '@nestjs/common';
import { jobId, JOBS, QUEUES } from '@rodtrad/jobs';
import { WorkerQueues } from '../queues/worker-queues';

export interface FireDeadlineJobData {
  deadlineId: string;
}
export interface SendReminderDigestJobData {
  digestId: string;
}

export const deadlineJobId = (deadlineId: string): string => jobId('deadline', deadlineId);
export const digestJobId = (digestId: string): string => jobId('digest', digestId);

/** The BullMQ side of deadlines: one delayed job per deadline row, id deadline__<row id>. */
@Injectable()
export class DeadlineJobs {
  constructor(private readonly queues: WorkerQueues) {}

  /** Adds the jobs that do not exist; an existing job (same id) is left as it is. */
  async ensure(rows: { id: string; fireAt: Date }[], now = Date.now()): Promise<void> {
    const q = this.queues.get(QUEUES.deadlines);
    for (let i = 0; i < rows.length; i += 1000) {
      await q.addBulk(
        rows.slice(i, i + 1000).map((r) => ({
          name: JOBS.fireDeadline,
          data: { deadlineId: r.id } satisfies FireDeadlineJobData,
          opts: { jobId: deadlineJobId(r.id), delay: Math.max(0, new Date(r.fireAt).getTime() - now) },
        })),
      );
    }
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
    const delay = Math.max(0, fireAt.getTime() - Date.now());
    if (!job) return this.ensure([{ id: deadlineId, fireAt }]);
    const state = await job.getState();
    if (state === 'delayed') await job.changeDelay(delay);
    else if (state === 'completed' || state === 'failed') {
      await job.remove();
      await this.ensure([{ id: deadlineId, fireAt }]);
    }
    // waiting/active: it runs now and, finding its moment in the future, puts itself back.
  }

  async ensureDigest(digestId: string, delayMs: number): Promise<void> {
    await this.queues
      .get(QUEUES.deadlines)
      .add(JOBS.sendReminderDigest, { digestId } satisfies SendReminderDigestJobData, {
        jobId: digestJobId(digestId),
        delay: Math.max(0, delayMs),
      });
  }
}
