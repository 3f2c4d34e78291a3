import type { Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import {
  ApprovalLinks,
  DocumentEngine,
  OrgTreeCache,
  RenewApprovalLinks,
  RequestApproval,
} from '@rodtrad/engine';
import { QueuedMailOutbox } from '@rodtrad/mail';
import { WORKER_CONFIG, WORKER_DATA_SOURCE } from '../tokens';

/** The approval use cases the worker runs: requesting approval (an effect) and renewing stale links. */
export const APPROVAL_PROVIDERS: Provider[] = [
  {
    provide: ApprovalLinks,
    useFactory: (ds: DataSource, mail: QueuedMailOutbox, c: AppConfig) =>
      new ApprovalLinks(ds, mail, {
        publicUrl: c.publicUrl,
        ttlDays: c.approvalTtlDays,
        graceDays: c.approvalGraceDays,
        sessionSecret: c.sessionSecret,
      }),
    inject: [WORKER_DATA_SOURCE, QueuedMailOutbox, WORKER_CONFIG],
  },
  {
    provide: RequestApproval,
    useFactory: (ds: DataSource, engine: DocumentEngine, links: ApprovalLinks, org: OrgTreeCache) =>
      new RequestApproval(ds, engine, links, () => org.tree()),
    inject: [WORKER_DATA_SOURCE, DocumentEngine, ApprovalLinks, OrgTreeCache],
  },
  {
    provide: RenewApprovalLinks,
    useFactory: (ds: DataSource, engine: DocumentEngine, links: ApprovalLinks) =>
      new RenewApprovalLinks(ds, engine, links),
    inject: [WORKER_DATA_SOURCE, DocumentEngine, ApprovalLinks],
  },
];
