import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import { jobId, JOBS, openQueue, QUEUE_NAMESPACE, QUEUES, type QueueNamespace } from '@rodtrad/jobs';
import { QueuedMailOutbox } from '@rodtrad/mail';
import { APP_CONFIG, DATA_SOURCE } from '../infrastructure/tokens';

/** The API's producer side of the mail queue: approval links written here are sent by the worker. */
@Injectable()
export class ApiMailOutbox extends QueuedMailOutbox implements OnApplicationShutdown {
  private readonly queue: Queue;

  constructor(
    @Inject(DATA_SOURCE) ds: DataSource,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(QUEUE_NAMESPACE) namespace: QueueNamespace,
  ) {
    const queue = openQueue(QUEUES.mail, config.redisUrl, namespace);
    super(ds, queue);
    this.queue = queue;
  }

  /** Queues a failed mail again under a fresh job id (the failed job keeps its own for the record). */
  async resend(mailMessageId: string): Promise<void> {
    await this.queue.add(
      JOBS.sendMail,
      { mailMessageId },
      { jobId: jobId('resend', mailMessageId, Date.now()) },
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.queue.close();
  }
}
