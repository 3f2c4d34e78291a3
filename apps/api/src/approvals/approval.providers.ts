import type { Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import {
  ApprovalLinks,
  DecideApproval,
  DelegateApproval,
  DocumentEngine,
  OrgTreeCache,
  ReassignApprovals,
  RenewApprovalLinks,
  type ApprovalSettings,
} from '@rodtrad/engine';
import { APP_CONFIG, DATA_SOURCE } from '../infrastructure/tokens';
import { ApiMailOutbox } from '../mail/api-mail-outbox';

export const APPROVAL_SETTINGS = Symbol('APPROVAL_SETTINGS');

export const approvalSettings = (c: AppConfig): ApprovalSettings => ({
  publicUrl: c.publicUrl,
  ttlDays: c.approvalTtlDays,
  graceDays: c.approvalGraceDays,
  sessionSecret: c.sessionSecret,
});

/** The approval use cases (libs/engine/approvals) as injectable services. */
export const APPROVAL_PROVIDERS: Provider[] = [
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
    provide: ReassignApprovals,
    useFactory: (ds: DataSource, engine: DocumentEngine, links: ApprovalLinks, org: OrgTreeCache) =>
      new ReassignApprovals(ds, engine, links, () => org.tree()),
    inject: [DATA_SOURCE, DocumentEngine, ApprovalLinks, OrgTreeCache],
  },
  {
    provide: DecideApproval,
    useFactory: (
      ds: DataSource,
      engine: DocumentEngine,
      links: ApprovalLinks,
      renew: RenewApprovalLinks,
      reassign: ReassignApprovals,
    ) => new DecideApproval(ds, engine, links, renew, reassign),
    inject: [DATA_SOURCE, DocumentEngine, ApprovalLinks, RenewApprovalLinks, ReassignApprovals],
  },
  {
    provide: DelegateApproval,
    useFactory: (ds: DataSource, engine: DocumentEngine, links: ApprovalLinks, reassign: ReassignApprovals) =>
      new DelegateApproval(ds, engine, links, reassign),
    inject: [DATA_SOURCE, DocumentEngine, ApprovalLinks, ReassignApprovals],
  },
];
