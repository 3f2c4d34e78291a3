import { Inject, Injectable, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import {
  ApprovalLinks,
  DecideApproval,
  DelegateApproval,
  DocumentEngine,
  RenewApprovalLinks,
  type ApprovalSettings,
} from '@rodtrad/engine';
import { jobId, JOBS, openQueue, QUEUE_NAMESPACE, QUEUES, type QueueNamespace } from '@rodtrad/jobs';
import { QueuedMailOutbox } from '@rodtrad/mail';
import { APP_CONFIG, DATA_SOURCE } from '../infrastructure/tokens';

export const APPROVAL_SETTINGS = Symbol('APPROVAL_SETTINGS');

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

export const approvalSettings = (c: AppConfig): ApprovalSettings => ({
  publicUrl: c.publicUrl,
  ttlDays: c.approvalTtlDays,
  graceDays: c.approvalGraceDays,
  sessionSecret: c.sessionSecret,
});

/** The approval use cases (libs/engine/approvals) as injectable services. */
export const APPROVAL_PROVIDERS: Provider[] = [
  ApiMailOutbox,
  { provide: APPROVAL_SETTINGS, useFactory: approvalSettings, inject: [APP_CONFIG] },
  {
    provide: ApprovalLinks,
    useFactory: (ds: DataSource, mail: ApiMailOutbox, s: ApprovalSettings) => new ApprovalLinks(ds, mail, s),
    inject: [DATA_SOURCE, ApiMailOutbox, APPROVAL_SETTINGS],
  },
  {
    provide: RenewApprovalLinks,
    useFactory: (ds: DataSource, engine: DocumentEngine, links: ApprovalLinks) =>
      new RenewApprovalLinks(ds, engine, links),
    inject: [DATA_SOURCE, DocumentEngine, ApprovalLinks],
  },
  {
    provide: DecideApproval,
    useFactory: (ds: DataSource, engine: DocumentEngine, links: ApprovalLinks, renew: RenewApprovalLinks) =>
      new DecideApproval(ds, engine, links, renew),
    inject: [DATA_SOURCE, DocumentEngine, ApprovalLinks, RenewApprovalLinks],
  },
  {
    provide: DelegateApproval,
    useFactory: (ds: DataSource, engine: DocumentEngine, links: ApprovalLinks) =>
      new DelegateApproval(ds, engine, links),
    inject: [DATA_SOURCE, DocumentEngine, ApprovalLinks],
  },
];
