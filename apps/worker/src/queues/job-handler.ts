import type { Job } from 'bullmq';
import type { QueueName } from '@rodtrad/jobs';

/** One handler per (queue, job name); the worker refuses to start if a job name has none. */
export interface JobHandler<T = unknown> {
  readonly queue: QueueName;
  readonly name: string;
  /** For housekeeping: the worker runs the job on this schedule (ms), one schedule for all workers. */
  readonly every?: number;
  handle(job: Job<T>): Promise<unknown>;
}

export const JOB_HANDLERS = Symbol('JOB_HANDLERS');
