import type { DataSource } from 'typeorm';
import type { OrgTree } from '@rodtrad/domain';
import { AdminAuditRepository, ApprovalRepository, type ApprovalRow } from '@rodtrad/persistence';
import type { DocumentEngine } from '../document-engine';
import { ApprovalError } from './approval-error';
import { stepWordsOf } from './approval-mail';
import { ApprovalLinks } from './approval-links';
import { ApproverAuthority } from './approver-authority';
import { ApproverResolver } from './approver-resolver';

export interface ReassignResult {
  /** Pending approvals whose approver may no longer decide them: revoked, their links dead. */
  revoked: number;
  /** Approvals issued instead to whoever the step now asks (mailed when it is their turn). */
  issued: number;
}

/**
 * When a person may no longer decide an approval (deactivated, a role taken away, a standing
 * substitute's period over), their pending approval is revoked at once, and the step is asked
 * again of whoever it now asks: the holders of its roles today, or a standing substitute valid
 * now. Each reassignment is audited; the new approvers are mailed a link when it is their turn.
 * Runs when an administrator changes a user, and when such a link is used.
 */
export class ReassignApprovals {
  private readonly approvals: ApprovalRepository;
  private readonly audit: AdminAuditRepository;
  private readonly resolver: ApproverResolver;
  readonly authority: ApproverAuthority;

  constructor(
    private readonly ds: DataSource,
    private readonly engine: DocumentEngine,
    private readonly links: ApprovalLinks,
    private readonly orgTree: () => Promise<OrgTree>,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.approvals = new ApprovalRepository(ds);
    this.audit = new AdminAuditRepository(ds);
    this.resolver = new ApproverResolver(ds);
    this.authority = new ApproverAuthority(ds, orgTree);
  }

  /**
   * When a link is used: refuses an approver who may no longer decide (403, in Swedish), after
   * asking the step again of whoever it asks now.
   */
  async requireAuthority(
    approval: Pick<ApprovalRow, 'approverUserId' | 'onBehalfOfUserId'>,
    request: { id: string; dedupeKey: string },
    orgUnitId: string,
    now: Date,
  ): Promise<void> {
    const verdict = await this.authority.verdict(approval, request, orgUnitId, now);
    if (verdict.ok) return;
    await this.request(request.id, null);
    throw new ApprovalError(
      'not-authorised',
      verdict.reason === 'inactive'
        ? 'Kontot som länken skickades till är avslutat, så länken gäller inte längre. Den som nu ska besluta har fått en ny länk.'
        : 'Du har inte längre den roll som beslutet kräver för den här enheten, så länken gäller inte längre. Den som nu har rollen har fått en ny länk.',
    );
  }

  /** Every open request where `userId` has a pending approval, as approver or as the one stood in for. */
  async forUser(userId: string, changedByUserId: string | null): Promise<ReassignResult> {
    const rows: { requestId: string }[] = await this.ds.query(
      `SELECT DISTINCT a.request_id AS requestId FROM approval a JOIN approval_request r ON r.id = a.request_id
        WHERE r.status = 'open' AND a.status = 'pending' AND (a.approver_user_id = ? OR a.on_behalf_of_user_id = ?)`,
      [userId, userId],
    );
    const total: ReassignResult = { revoked: 0, issued: 0 };
    for (const r of rows) {
      const one = await this.request(String(r.requestId), changedByUserId);
      total.revoked += one.revoked;
      total.issued += one.issued;
    }
    return total;
  }

  async request(requestId: string, changedByUserId: string | null): Promise<ReassignResult> {
    const now = this.now();
    const mails: string[] = [];
    const result = await this.ds.transaction(async (m): Promise<ReassignResult> => {
      const request = await this.approvals.lockRequest(requestId, m);
      if (!request || request.status !== 'open') return { revoked: 0, issued: 0 };
      const { doc, def } = await this.engine.get(request.documentId);
      // A step that was left is RenewApprovalLinks' to close.
      if (doc.final || doc.state !== request.state) return { revoked: 0, issued: 0 };
      const all = await this.approvals.approvalsOf(request.id, m);
      const lost: ApprovalRow[] = [];
      for (const a of all.filter((x) => x.status === 'pending'))
        if (!(await this.authority.verdict(a, request, doc.orgUnitId, now, m)).ok) lost.push(a);
      if (!lost.length) return { revoked: 0, issued: 0 };
      await this.approvals.revokePending(
        request.id,
        m,
        lost.map((a) => a.id),
      );

      // Ask again: whoever the step asks now and has no say in this request yet.
      const staying = all.filter(
        (a) => !lost.includes(a) && a.status !== 'revoked' && a.status !== 'delegated',
      );
      const involved = new Set(staying.flatMap((a) => [a.approverUserId, a.onBehalfOfUserId ?? '']));
      const people = (
        await this.resolver.resolve(
          await this.authority.askedFor(request, m),
          doc.orgUnitId,
          await this.orgTree(),
          now,
        )
      ).filter((p) => !involved.has(p.userId) && !involved.has(p.onBehalfOfUserId ?? ''));
      // They take the place of the first one lost: at once when it was that one's turn.
      const seq = Math.min(...lost.map((a) => a.seq));
      const theirTurn = lost.some((a) => a.tokenHash !== null);
      const ids = await this.approvals.insertApprovals(
        request.id,
        people.map((p) => ({ approverUserId: p.userId, onBehalfOfUserId: p.onBehalfOfUserId, seq })),
        m,
      );
      if (theirTurn) {
        const step = stepWordsOf(def.definition, request);
        for (const [i, p] of people.entries())
          mails.push(
            await this.links.issue(
              m,
              request,
              doc,
              step,
              { approvalId: ids[i], approverUserId: p.userId, onBehalfOfUserId: p.onBehalfOfUserId },
              'reassigned',
              now,
            ),
          );
      }
      await this.audit.append(
        {
          actorUserId: changedByUserId,
          action: 'approval.reassigned',
          entityType: 'approval_request',
          entityId: request.id,
          details: {
            documentId: doc.id,
            revoked: lost.map((a) => ({ approvalId: a.id, approverUserId: a.approverUserId })),
            askedInstead: people.map((p, i) => ({ approvalId: ids[i], approverUserId: p.userId })),
            mailed: theirTurn,
          },
        },
        m,
        now,
      );
      return { revoked: lost.length, issued: people.length };
    });
    await this.links.dispatch(mails);
    return result;
  }
}
