import { Logger, type InjectionToken, type Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ApprovalLinks } from './approvals/approval-links';
import type { ApprovalSettings } from './approvals/approval-settings';
import { DecideApproval } from './approvals/decide-approval';
import { DelegateApproval } from './approvals/delegate-approval';
import { ReassignApprovals } from './approvals/reassign-approvals';
import { RenewApprovalLinks } from './approvals/renew-approval-links';
import { RequestApproval } from './approvals/request-approval';
import { DeviationThresholds } from './deviation-thresholds';
import { DocumentEngine } from './document-engine';
import { AcknowledgeEscalation } from './escalations/acknowledge-escalation';
import { AssessDeviations } from './escalations/assess-deviations';
import { BalanceRestorationTracking } from './escalations/balance-restoration-tracking';
import { CloseEscalations } from './escalations/close-escalations';
import { DecideOnEscalation } from './escalations/decide-on-escalation';
import { FollowUpEscalation, type EscalationSettings } from './escalations/follow-up-escalation';
import { OpenEscalation } from './escalations/open-escalation';
import { ReconcileEscalations } from './escalations/reconcile-escalations';
import { ReferToKf } from './kf-matters/refer-to-kf';
import { ReferCompanyFindings } from './companies/refer-company-findings';
import { OrgTreeCache } from './org-tree-cache';
import type { EngineMailOutbox } from './ports';
import { RecipientDirectory } from './recipient-directory';

/** The approval settings (links, their lifetime and signing secret), injected by this token. */
export const APPROVAL_SETTINGS = Symbol('APPROVAL_SETTINGS');
/** The escalation settings (the public address in mails, the roles told at KS), injected by this token. */
export const ESCALATION_SETTINGS = Symbol('ESCALATION_SETTINGS');
/** The app's mail outbox (EngineMailOutbox), as the engine's use cases inject it. */
export const ENGINE_MAIL_OUTBOX = Symbol('ENGINE_MAIL_OUTBOX');

const DS = Symbol('ENGINE_DATA_SOURCE');

/** The process's connection, under the engine's own token (the apps name theirs differently). */
export const dataSourceProvider = (ds: DataSource): Provider => ({ provide: DS, useValue: ds });

/** A use case built over the connection and the providers `inject` names, in the order `make` takes them. */
function built<T>(
  provide: InjectionToken,
  make: (ds: DataSource, ...deps: never[]) => T,
  inject: InjectionToken[] = [],
): Provider {
  return { provide, useFactory: make as (...args: unknown[]) => T, inject: [DS, ...inject] };
}

/** The approval use cases (libs/engine/src/approvals): request, decide, delegate, reassign, renew links. */
export const APPROVAL_PROVIDERS: Provider[] = [
  built(
    ApprovalLinks,
    (ds, mail: EngineMailOutbox, settings: ApprovalSettings) => new ApprovalLinks(ds, mail, settings),
    [ENGINE_MAIL_OUTBOX, APPROVAL_SETTINGS],
  ),
  built(
    RequestApproval,
    (ds, engine: DocumentEngine, links: ApprovalLinks, org: OrgTreeCache) =>
      new RequestApproval(ds, engine, links, () => org.tree()),
    [DocumentEngine, ApprovalLinks, OrgTreeCache],
  ),
  built(
    RenewApprovalLinks,
    (ds, engine: DocumentEngine, links: ApprovalLinks) => new RenewApprovalLinks(ds, engine, links),
    [DocumentEngine, ApprovalLinks],
  ),
  built(
    ReassignApprovals,
    (ds, engine: DocumentEngine, links: ApprovalLinks, org: OrgTreeCache) =>
      new ReassignApprovals(ds, engine, links, () => org.tree()),
    [DocumentEngine, ApprovalLinks, OrgTreeCache],
  ),
  built(
    DecideApproval,
    (
      ds,
      engine: DocumentEngine,
      links: ApprovalLinks,
      renew: RenewApprovalLinks,
      reassign: ReassignApprovals,
    ) => new DecideApproval(ds, engine, links, renew, reassign),
    [DocumentEngine, ApprovalLinks, RenewApprovalLinks, ReassignApprovals],
  ),
  built(
    DelegateApproval,
    (ds, engine: DocumentEngine, links: ApprovalLinks, reassign: ReassignApprovals) =>
      new DelegateApproval(ds, engine, links, reassign),
    [DocumentEngine, ApprovalLinks, ReassignApprovals],
  ),
];

/**
 * The escalation use cases (libs/engine/src/escalations): open, acknowledge, assess a report,
 * follow up (åtgärdsplan and mail), track balance restoration, close and reconcile.
 */
export const ESCALATION_PROVIDERS: Provider[] = [
  built(DeviationThresholds, (ds) => new DeviationThresholds(ds)),
  built(OpenEscalation, (ds) => new OpenEscalation(ds)),
  built(AcknowledgeEscalation, (ds) => new AcknowledgeEscalation(ds)),
  built(ReferToKf, (ds, engine: DocumentEngine) => new ReferToKf(ds, engine), [DocumentEngine]),
  built(
    DecideOnEscalation,
    (
      ds,
      refer: ReferToKf,
      recipients: RecipientDirectory,
      mail: EngineMailOutbox,
      settings: EscalationSettings,
    ) => new DecideOnEscalation(ds, refer, recipients, mail, settings),
    [ReferToKf, RecipientDirectory, ENGINE_MAIL_OUTBOX, ESCALATION_SETTINGS],
  ),
  built(
    ReferCompanyFindings,
    (
      ds,
      refer: ReferToKf,
      recipients: RecipientDirectory,
      mail: EngineMailOutbox,
      settings: EscalationSettings,
    ) => new ReferCompanyFindings(ds, refer, recipients, mail, settings),
    [ReferToKf, RecipientDirectory, ENGINE_MAIL_OUTBOX, ESCALATION_SETTINGS],
  ),
  built(AssessDeviations, (ds) => new AssessDeviations(ds)),
  built(BalanceRestorationTracking, (ds, open: OpenEscalation) => new BalanceRestorationTracking(ds, open), [
    OpenEscalation,
  ]),
  built(
    FollowUpEscalation,
    (
      ds,
      engine: DocumentEngine,
      recipients: RecipientDirectory,
      mail: EngineMailOutbox,
      settings: EscalationSettings,
    ) => new FollowUpEscalation(ds, engine, recipients, mail, settings, new Logger('Escalations')),
    [DocumentEngine, RecipientDirectory, ENGINE_MAIL_OUTBOX, ESCALATION_SETTINGS],
  ),
  built(
    CloseEscalations,
    (ds, restoration: BalanceRestorationTracking) => new CloseEscalations(ds, restoration),
    [BalanceRestorationTracking],
  ),
  built(
    ReconcileEscalations,
    (ds, followUp: FollowUpEscalation, close: CloseEscalations) =>
      new ReconcileEscalations(ds, followUp, close),
    [FollowUpEscalation, CloseEscalations],
  ),
];
