import type { DataSource, EntityManager } from 'typeorm';
import { DOCUMENT_TYPES, type DocumentTypeKey } from '@rodtrad/domain';
import { ApprovalRepository, type ApprovalRequestRow, type DocumentRow } from '@rodtrad/persistence';
import { composeApprovalMail, type ApprovalMailReason } from './approval-mail';
import { approvalLinkExpiry, newApprovalToken } from './approval-token';
import type { ApprovalMailOutbox, ApprovalSettings } from './approval-settings';

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
    stepTitle: string,
    target: LinkTarget,
    reason: ApprovalMailReason,
    now: Date,
  ): Promise<string> {
    const { token, hash } = newApprovalToken();
    const expiresAt = approvalLinkExpiry({
      now,
      ttlDays: this.settings.ttlDays,
      graceDays: this.settings.graceDays,
      dueAt: request.dueAt ? new Date(request.dueAt) : null,
    });
    await this.approvals.setToken(target.approvalId, { hash, expiresAt, version: doc.version }, m);
    const people: { id: string; name: string; email: string }[] = await m.query(
      'SELECT id, name, email FROM app_user WHERE id IN (?, ?)',
      [target.approverUserId, target.onBehalfOfUserId ?? target.approverUserId],
    );
    const approver = people.find((p) => p.id === target.approverUserId);
    if (!approver) throw new Error(`Approver ${target.approverUserId} does not exist`);
    const onBehalfOf = target.onBehalfOfUserId ? people.find((p) => p.id === target.onBehalfOfUserId) : null;
    const mail = composeApprovalMail({
      reason,
      approver,
      onBehalfOf: onBehalfOf ? { name: onBehalfOf.name } : null,
      delegationReason: target.delegationReason ?? null,
      document: {
        id: doc.id,
        title: doc.title,
        typeTitle: DOCUMENT_TYPES[doc.type as DocumentTypeKey]?.title ?? doc.type,
        orgUnitName: doc.orgUnitName ?? '',
        year: doc.year,
        period: doc.period,
      },
      stepTitle,
      mode: request.mode,
      dueAt: request.dueAt ? new Date(request.dueAt) : null,
      expiresAt,
      link: `${this.settings.publicUrl}/approve/${token}`,
      requireSignIn: request.requireSignIn,
      dedupeKey: `approval-link__${target.approvalId}`,
    });
    return this.mail.write(mail, m);
  }

  /** Queues mails written by committed transactions; a lost dispatch is re-queued by the mail reconciler. */
  async dispatch(mailIds: string[]): Promise<void> {
    for (const id of mailIds) await this.mail.dispatch(id);
  }
}
