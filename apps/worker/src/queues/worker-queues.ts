import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { AppConfig } from '@rodtrad/config';
import { openQueue, QUEUE_NAMESPACE, type QueueName, type QueueNamespace } from '@rodtrad/jobs';
import { WORKER_CONFIG } from '../tokens';

/** Producer side of the queues, for handlers that add jobs (one Queue per name, closed on shutdown). */
@Injectable()
export class WorkerQueues implements OnApplicationShutdown {
  private readonly queues = new Map<QueueName, Queue>();

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
    @Inject(QUEUE_NAMESPACE) readonly namespace: QueueNamespace,
  ) {}

  get(name: QueueName): Queue {
    let q = this.queues.get(name);
    if (!q) {
      q = openQueue(name, this.config.redisUrl, this.namespace);
      this.queues.set(name, q);
    }
    return q;
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all([...this.queues.values()].map((q) => q.close()));
  }
}
