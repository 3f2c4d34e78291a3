import type { DataSource, EntityManager } from 'typeorm';
import { DOCUMENT_TYPES, type DocumentTypeKey } from '@rodtrad/domain';
import {
  ApprovalRepository,
  type ApprovalRequestRow,
  type BatchedTransaction,
  type DocumentRow,
} from '@rodtrad/persistence';
import {
  composeApprovalMail,
  type ApprovalMail,
  type ApprovalMailReason,
  type StepWords,
} from './approval-mail';
import { approvalLinkExpiry, newApprovalToken } from './approval-token';
import type { ApprovalMailOutbox, ApprovalSettings } from './approval-settings';

/** A link's token (for the mail only) and what the approval row stores of it. */
export interface MintedLink {
  token: string;
  hash: string;
  expiresAt: Date;
  version: number;
}

/** Whom a link's mail goes to, and the name of whom they stand in for. */
export interface LinkContacts {
  approver: { name: string; email: string };
  onBehalfOf: { name: string } | null;
}

/** What a mail carrying a link says: the request and document, the step, who gets it and why. */
export interface LinkMail {
  request: ApprovalRequestRow;
  doc: DocumentRow;
  step: StepWords;
  target: LinkTarget;
  link: MintedLink;
  reason: ApprovalMailReason;
  contacts: LinkContacts;
  /** Who sent the document to the step (the first request's mails say so). */
  requestedBy?: string | null;
}

export interface LinkTarget {
  approvalId: string;
  approverUserId: string;
  onBehalfOfUserId: string | null;
  delegationReason?: string | null;
}

/**
 * Gives an approval row its single-use link and writes the mail carrying it, in the caller's
 * transaction. The token itself exists only in the mail; the row keeps its sha256.
 */
export class ApprovalLinks {
  readonly approvals: ApprovalRepository;

  constructor(
    private readonly ds: DataSource,
    private readonly mail: ApprovalMailOutbox,
    private readonly settings: ApprovalSettings,
  ) {
    this.approvals = new ApprovalRepository(ds);
  }

  /** Returns the mail row's id, to dispatch once the transaction has committed. */
  async issue(
    m: EntityManager,
    request: ApprovalRequestRow,
    doc: DocumentRow,
    step: StepWords,
    target: LinkTarget,
    reason: ApprovalMailReason,
    now: Date,
  ): Promise<string> {
    const link = this.mint(request, doc, now);
    await this.approvals.setToken(target.approvalId, link, m);
    const contacts = await this.contactsOf(m, target);
    return this.mail.write(this.compose({ request, doc, step, target, link, reason, contacts }), m);
  }

  /**
   * A new link for a row about to be inserted (its hash goes into the insert, see `insertApprovals`):
   * the token itself only ever reaches the mail that `writeMailLater` writes.
   */
  mint(request: Pick<ApprovalRequestRow, 'dueAt'>, doc: Pick<DocumentRow, 'version'>, now: Date): MintedLink {
    const { token, hash } = newApprovalToken();
    const expiresAt = approvalLinkExpiry({
      now,
      ttlDays: this.settings.ttlDays,
      graceDays: this.settings.graceDays,
      dueAt: request.dueAt ? new Date(request.dueAt) : null,
    });
    return { token, hash, expiresAt, version: doc.version };
  }

  /**
   * Writes the mail carrying a minted link, in a BatchedTransaction that inserts the approval row
   * itself: the mail's insert travels with the COMMIT. Returns the mail row's id, to dispatch
   * after the commit.
   */
  writeMailLater(tx: BatchedTransaction, mail: LinkMail): string {
    return this.mail.writeLater(this.compose(mail), tx);
  }

  private compose({
    request,
    doc,
    step,
    target,
    link,
    reason,
    contacts: { approver, onBehalfOf },
    requestedBy,
  }: LinkMail): ApprovalMail {
    return composeApprovalMail({
      reason,
      approver,
      onBehalfOf,
      delegationReason: target.delegationReason ?? null,
      document: {
        id: doc.id,
        title: doc.title,
        typeTitle: DOCUMENT_TYPES[doc.type as DocumentTypeKey]?.title ?? doc.type,
        orgUnitName: doc.orgUnitName ?? '',
        year: doc.year,
        period: doc.period,
        diarienummer: doc.diarienummer,
      },
      stepTitle: step.title,
      decisionLabels: { approve: step.approve, return: step.return },
      requestedBy: requestedBy ?? null,
      mode: request.mode,
      dueAt: request.dueAt ? new Date(request.dueAt) : null,
      expiresAt: link.expiresAt,
      link: `${this.settings.publicUrl}/approve/${link.token}`,
      requireSignIn: request.requireSignIn,
      dedupeKey: `approval-link__${target.approvalId}`,
    });
  }

  private async contactsOf(m: EntityManager, target: LinkTarget): Promise<LinkContacts> {
    const people: { id: string; name: string; email: string }[] = await m.query(
      'SELECT id, name, email FROM app_user WHERE id IN (?, ?)',
      [target.approverUserId, target.onBehalfOfUserId ?? target.approverUserId],
    );
    const approver = people.find((p) => p.id === target.approverUserId);
    if (!approver) throw new Error(`Approver ${target.approverUserId} does not exist`);
    const onBehalfOf = target.onBehalfOfUserId ? people.find((p) => p.id === target.onBehalfOfUserId) : null;
    return {
      approver: { name: approver.name, email: approver.email },
      onBehalfOf: onBehalfOf ? { name: onBehalfOf.name } : null,
    };
  }

  /** Queues mails written by committed transactions; a lost dispatch is re-queued by the mail reconciler. */
  async dispatch(mailIds: string[]): Promise<void> {
    await Promise.all(mailIds.map((id) => this.mail.dispatch(id)));
  }
}
