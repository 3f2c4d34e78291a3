import type { DataSource } from 'typeorm';
import { AdminAuditRepository, ApprovalRepository } from '@rodtrad/persistence';
import type { DocumentEngine } from '../document-engine';
import { ApprovalError } from './approval-error';
import {
  actOn,
  deadLink,
  deadLinkCode,
  locateLiveApproval,
  type ApprovalCaller,
} from './approval-link-check';
import { stepWordsOf } from './approval-mail';
import { ApprovalLinks } from './approval-links';
import type { ReassignApprovals } from './reassign-approvals';

export interface DelegateApprovalCommand extends ApprovalCaller {
  substitute: { userId: string } | { username: string };
  reason: string;
}

/**
 * An approver hands the approval to a substitute (ersättare): the old link is consumed and marked
 * delegated, the substitute gets a row of their own (on behalf of the original approver) and a new
 * link by mail. Decisions by the substitute are audited as "X on behalf of Y".
 */
export class DelegateApproval {
  private readonly approvals: ApprovalRepository;
  private readonly adminAudit: AdminAuditRepository;

  constructor(
    private readonly ds: DataSource,
    private readonly engine: DocumentEngine,
    private readonly links: ApprovalLinks,
    private readonly reassign: ReassignApprovals,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.approvals = new ApprovalRepository(ds);
    this.adminAudit = new AdminAuditRepository(ds);
  }

  async execute(cmd: DelegateApprovalCommand): Promise<{ substitute: { id: string; name: string } }> {
    const reason = cmd.reason.trim();
    if (!reason)
      throw new ApprovalError('invalid-request', 'Ange skälet till att du lämnar över.', [
        { pointer: '/reason', message: 'Skäl krävs.' },
      ]);
    const now = this.now();
    const live = await actOn(
      await locateLiveApproval(this.approvals, this.engine, cmd.handle, now),
      cmd,
      this.reassign,
      now,
    );
    const pointer = 'userId' in cmd.substitute ? '/substituteUserId' : '/substituteUsername';
    const [sub] = await this.ds.query(
      'SELECT id, name FROM app_user WHERE active = 1 AND ' +
        ('userId' in cmd.substitute ? 'id = ?' : 'username = ?'),
      ['userId' in cmd.substitute ? cmd.substitute.userId : cmd.substitute.username],
    );
    if (!sub)
      throw new ApprovalError('invalid-request', 'Ersättaren finns inte bland Rödtråds aktiva användare.', [
        { pointer, message: 'Okänd eller inaktiv användare.' },
      ]);
    const principal = live.approval.onBehalfOfUserId ?? live.approval.approverUserId;
    if (sub.id === live.approval.approverUserId || sub.id === principal)
      throw new ApprovalError('invalid-request', 'Välj någon annan än den som redan är tillfrågad.', [
        { pointer, message: 'Ersättaren måste vara en annan person.' },
      ]);
    // No authority beyond one's own: the approval goes only to someone the step asks for this
    // unit, or to the principal's standing substitute registered by an administrator.
    const authority = this.reassign.authority;
    const asked = await authority.askedUserIds(await authority.askedFor(live.request), live.doc.orgUnitId);
    if (!(await authority.mayStandIn(String(sub.id), principal, asked, now)))
      throw new ApprovalError(
        'invalid-request',
        `${sub.name} kan inte besluta i det här steget för ${live.doc.orgUnitName ?? 'enheten'}. ` +
          'Lämna över till någon som har den roll steget kräver för enheten, eller be en administratör registrera en ersättare.',
        [
          {
            pointer,
            message:
              'Personen har inte rollen som steget kräver för enheten och är ingen registrerad ersättare.',
          },
        ],
      );

    const mails: string[] = [];
    await this.ds.transaction(async (m) => {
      const request = await this.approvals.lockRequest(live.request.id, m);
      const where = 'token' in cmd.handle ? { tokenHash: live.tokenHash } : { approvalId: live.approval.id };
      if (!request || !(await this.approvals.consume(where, now, m))) {
        const fresh = await this.approvals.byId(live.approval.id, m);
        throw deadLink((fresh && request && deadLinkCode(fresh, request, live.doc, now)) || 'token-used');
      }
      await this.approvals.recordDecision(live.approval.id, 'delegated', null, now, m, reason);
      const [id] = await this.approvals.insertApprovals(
        request.id,
        [
          {
            approverUserId: sub.id,
            onBehalfOfUserId: principal,
            seq: live.approval.seq,
            delegationReason: reason,
          },
        ],
        m,
      );
      const step = stepWordsOf(live.def.definition, request);
      mails.push(
        await this.links.issue(
          m,
          request,
          live.doc,
          step,
          { approvalId: id, approverUserId: sub.id, onBehalfOfUserId: principal, delegationReason: reason },
          'delegated',
          now,
        ),
      );
      await this.adminAudit.append(
        {
          actorUserId: live.approval.approverUserId,
          action: 'approval.delegate',
          entityType: 'approval',
          entityId: live.approval.id,
          details: {
            documentId: live.doc.id,
            substituteUserId: sub.id,
            onBehalfOfUserId: principal,
            reason,
            newApprovalId: id,
          },
        },
        m,
        now,
      );
    });
    await this.links.dispatch(mails);
    return { substitute: { id: String(sub.id), name: String(sub.name) } };
  }
}
