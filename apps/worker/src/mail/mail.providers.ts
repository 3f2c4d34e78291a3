import type { Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import { QUEUES } from '@rodtrad/jobs';
import { createTransport, QueuedMailOutbox } from '@rodtrad/mail';
import { WorkerQueues } from '../queues/worker-queues';
import { WORKER_CONFIG, WORKER_DATA_SOURCE } from '../tokens';

export const MAIL_TRANSPORT = Symbol('MAIL_TRANSPORT');

export const MAIL_PROVIDERS: Provider[] = [
  {
    provide: MAIL_TRANSPORT,
    useFactory: (config: AppConfig) =>
      createTransport(config.smtpUrl, config.mailFrom, { maxConnections: config.mailConcurrency }),
    inject: [WORKER_CONFIG],
  },
  {
    provide: QueuedMailOutbox,
    useFactory: (ds: DataSource, queues: WorkerQueues) => new QueuedMailOutbox(ds, queues.get(QUEUES.mail)),
    inject: [WORKER_DATA_SOURCE, WorkerQueues],
  },
];
