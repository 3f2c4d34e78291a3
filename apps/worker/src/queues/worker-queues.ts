import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { AppConfig } from '@rodtrad/config';
import { bullConnection, DEFAULT_JOB_OPTIONS, type QueueName } from '@rodtrad/jobs';
import { WORKER_CONFIG } from '../tokens';

/** Producer side of the queues, for handlers that add jobs (one Queue per name, closed on shutdown). */
@Injectable()
export class WorkerQueues implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(@Inject(WORKER_CONFIG) private readonly config: AppConfig) {}

  get(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = new Queue(name, {
        connection: bullConnection(this.config.redisUrl, 'producer'),
        prefix: this.config.queuePrefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      });
      this.queues.set(name, q);
    }
    return q;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
