import type { Job } from 'bullmq';
import type { JobData, JobName, QueueName } from '@rodtrad/jobs';

/** One handler per (queue, job name); the worker refuses to start if a job name has none. */
export interface JobHandler<N extends JobName = JobName> {
  readonly queue: QueueName;
  readonly name: N;
  /** For housekeeping: the worker runs the job on this schedule (ms), one schedule for all workers. */
  readonly every?: number;
  handle(job: Job<JobData<N>>): Promise<unknown>;
}

export const JOB_HANDLERS = Symbol('JOB_HANDLERS');
