import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { AppConfig } from '@rodtrad/config';
import { bullConnection, JOB_QUEUES, QUEUES, type QueueName } from '@rodtrad/jobs';
import { metrics, secondsSince } from '@rodtrad/observability';
import { JOB_HANDLERS, type JobHandler } from './job-handler';
import { WorkerQueues } from './worker-queues';
import { WORKER_CONFIG } from '../tokens';

/** Every job name the system enqueues, with the queue it goes to. */
export const EXPECTED_JOBS: { queue: QueueName; name: string }[] = Object.entries(JOB_QUEUES).map(
  ([name, queue]) => ({ queue, name }),
);

/**
 * Runs one BullMQ worker per queue that has handlers, dispatching by job name.
 * Closes them on shutdown so active jobs finish (or return to the queue) cleanly.
 */
@Injectable()
export class WorkerHost implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('WorkerHost');
  private readonly workers: Worker[] = [];

  constructor(
    @Inject(JOB_HANDLERS) private readonly handlers: JobHandler[],
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
    private readonly queues: WorkerQueues,
  ) {
    checkHandlers(handlers, EXPECTED_JOBS);
  }

  async onApplicationBootstrap(): Promise<void> {
    const byQueue = new Map<QueueName, Map<string, JobHandler>>();
    for (const h of this.handlers) {
      const named = byQueue.get(h.queue) ?? new Map<string, JobHandler>();
      named.set(h.name, h);
      byQueue.set(h.queue, named);
    }
    for (const [queue, handlers] of byQueue) {
      const worker = new Worker(
        queue,
        async (job: Job) => {
          const handler = handlers.get(job.name);
          if (!handler) throw new UnrecoverableError(`No handler for job "${job.name}" on queue "${queue}"`);
          return timed(queue, job, () => handler.handle(job));
        },
        {
          connection: bullConnection(this.config.redisUrl, 'worker'),
          prefix: this.queues.namespace.prefix,
          // Sending mail mostly waits on the SMTP server, so the mail queue has its own, higher setting.
          concurrency: queue === QUEUES.mail ? this.config.mailConcurrency : this.config.workerConcurrency,
        },
      );
      worker.on('failed', (job, err) =>
        this.logger.warn(
          `Job ${job?.name} (${job?.id}) failed on attempt ${job?.attemptsMade}: ${err.message}`,
        ),
      );
      worker.on('error', (err) => this.logger.error(`Worker error on ${queue}: ${err.message}`));
      this.workers.push(worker);
    }
    // Housekeeping on a schedule: idempotent upsert, so several workers agree on one schedule.
    for (const h of this.handlers)
      if (h.every)
        await this.queues.get(h.queue).upsertJobScheduler(h.name, { every: h.every }, { name: h.name });
    this.logger.log(
      `Workers running for queues: ${[...byQueue.keys()].join(', ')} (prefix ${this.queues.namespace.prefix})`,
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.close()));
  }
}

export function checkHandlers(handlers: JobHandler[], expected: { queue: QueueName; name: string }[]): void {
  const have = new Set(handlers.map((h) => `${h.queue}/${h.name}`));
  const missing = expected.filter((e) => !have.has(`${e.queue}/${e.name}`));
  if (missing.length)
    throw new Error(`No handler for job(s): ${missing.map((m) => `${m.queue}/${m.name}`).join(', ')}`);
}

/**
 * Runs a job, recording how long it waited (from when it was due: added, or its delay over) and
 * how long it ran, by queue (rodtrad_job_wait_seconds, rodtrad_job_duration_seconds).
 */
async function timed<T>(queue: QueueName, job: Job, run: () => Promise<T>): Promise<T> {
  const due = job.timestamp + (job.opts.delay ?? 0);
  metrics.jobWait.observe({ queue }, Math.max(0, Date.now() - due) / 1000);
  const started = process.hrtime.bigint();
  let outcome = 'failed';
  try {
    const result = await run();
    outcome = 'completed';
    return result;
  } finally {
    metrics.jobDuration.observe({ queue, job: job.name, outcome }, secondsSince(started));
  }
}
