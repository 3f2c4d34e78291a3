import type { DataSource } from 'typeorm';
import { AdminAuditRepository, ApprovalRepository } from '@rodtrad/persistence';
import { stateMeta } from '@rodtrad/workflow';
import type { DocumentEngine } from '../document-engine';
import type { EngineActor } from '../ports';
import { ApprovalError } from './approval-error';
import {
  actOn,
  deadLink,
  deadLinkCode,
  locateLiveApproval,
  type ApprovalCaller,
  type ApprovalHandle,
  type LiveApproval,
} from './approval-link-check';
import { stepWordsOf } from './approval-mail';
import { ApprovalLinks } from './approval-links';
import { evaluateApprovalMode } from './approval-mode';
import type { ReassignApprovals } from './reassign-approvals';
import type { RenewApprovalLinks } from './renew-approval-links';

export type ApprovalDecision = 'approve' | 'reject' | 'return';

export interface DecideApprovalCommand extends ApprovalCaller {
  decision: ApprovalDecision;
  comment?: string | null;
}

export interface DecideApprovalResult {
  decision: ApprovalDecision;
  /** `recorded`: others still have to decide; otherwise the request's final status. */
  outcome: 'recorded' | 'approved' | 'rejected' | 'returned';
  documentId: string;
  state: string;
  version: number;
}

const STATUS = { approve: 'approved', reject: 'rejected', return: 'returned' } as const;

/**
 * An approver decides. The link is consumed by one guarded UPDATE (single use, even under
 * concurrent clicks); the request row is locked so that exactly one decider closes it; when the
 * mode is satisfied the step's event goes through the engine as the approver ("on behalf of" a
 * delegating approver). If the engine refuses (a guard, a concurrent change), everything is undone
 * and the link works again.
 */
export class DecideApproval {
  private readonly approvals: ApprovalRepository;
  private readonly audit: AdminAuditRepository;

  constructor(
    private readonly ds: DataSource,
    private readonly engine: DocumentEngine,
    private readonly links: ApprovalLinks,
    private readonly renew: RenewApprovalLinks,
    private readonly reassign: ReassignApprovals,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.approvals = new ApprovalRepository(ds);
    this.audit = new AdminAuditRepository(ds);
  }

  async execute(cmd: DecideApprovalCommand): Promise<DecideApprovalResult> {
    const comment = cmd.comment?.trim() || null;
    if (cmd.decision !== 'approve' && !comment)
      throw new ApprovalError(
        'invalid-request',
        'Skriv vad som behöver ändras när du returnerar dokumentet.',
        [{ pointer: '/comment', message: 'Skriv vad som behöver ändras.' }],
      );
    const now = this.now();
    const live = await actOn(await this.locate(cmd.handle, now), cmd, this.reassign, now);
    if (cmd.decision !== 'approve' && !live.request.returnEvent)
      throw new ApprovalError(
        'invalid-request',
        'Steget kan inte returneras härifrån; det kan bara godkännas.',
        [{ pointer: '/decision', message: 'Steget saknar retur.' }],
      );

    const mails: string[] = [];
    const revoked: string[] = [];
    const closed = await this.ds.transaction(async (m) => {
      const request = await this.approvals.lockRequest(live.request.id, m);
      const where = 'token' in cmd.handle ? { tokenHash: live.tokenHash } : { approvalId: live.approval.id };
      if (!request || !(await this.approvals.consume(where, now, m))) {
        const fresh = await this.approvals.byId(live.approval.id, m);
        throw deadLink((fresh && request && deadLinkCode(fresh, request, live.doc, now)) || 'token-used');
      }
      await this.approvals.recordDecision(live.approval.id, STATUS[cmd.decision], comment, now, m);
      const votes = (await this.approvals.approvalsOf(request.id, m)).map((a) => ({
        id: a.id,
        seq: a.seq,
        status: a.status,
        sent: a.tokenHash !== null,
      }));
      const outcome = evaluateApprovalMode(request.mode, votes);
      if (outcome.kind === 'waiting') {
        const step = stepWordsOf(live.def.definition, request);
        for (const id of outcome.sendTo) {
          const next = await this.approvals.byId(id, m);
          if (!next) continue;
          mails.push(
            await this.links.issue(
              m,
              request,
              live.doc,
              step,
              { ...next, approvalId: next.id },
              'your-turn',
              now,
            ),
          );
        }
        return null;
      }
      const status = outcome.kind === 'approved' ? 'approved' : outcome.status;
      revoked.push(...votes.filter((v) => v.status === 'pending').map((v) => v.id));
      if (revoked.length) await this.approvals.revokePending(request.id, m, revoked);
      await this.approvals.closeRequest(request.id, status, m);
      return status;
    });

    if (!closed) {
      await this.auditSignedIn(cmd, live, 'recorded');
      await this.links.dispatch(mails);
      return {
        decision: cmd.decision,
        outcome: 'recorded',
        documentId: live.doc.id,
        state: live.doc.state,
        version: live.doc.version,
      };
    }
    const event = closed === 'approved' ? live.request.approveEvent : (live.request.returnEvent as string);
    const eventComment = cmd.decision === 'reject' ? `Avslag: ${comment}` : comment;
    try {
      const r = await this.engine.transition({
        documentId: live.doc.id,
        event: { type: event, ...(eventComment ? { comment: eventComment } : {}) },
        expectedVersion: live.doc.version,
        actor: this.actor(live, event, 'token' in cmd.handle ? 'email-link' : 'user'),
      });
      await this.auditSignedIn(cmd, live, closed);
      return {
        decision: cmd.decision,
        outcome: closed,
        documentId: r.id,
        state: r.state,
        version: r.version,
      };
    } catch (e) {
      await this.ds.transaction(async (m) => {
        await this.approvals.release(live.approval.id, m);
        await this.approvals.reopenRequest(live.request.id, m);
        for (const id of revoked)
          await m.query(`UPDATE approval SET status = 'pending' WHERE id = ? AND status = 'revoked'`, [id]);
      });
      throw e;
    }
  }

  /**
   * A decision the step let only a signed-in approver make is audited with when they
   * authenticated (the identity provider's auth_time) and how fresh the step asked it to be.
   */
  private async auditSignedIn(
    cmd: DecideApprovalCommand,
    live: LiveApproval,
    outcome: string,
  ): Promise<void> {
    if (!live.request.requireSignIn) return;
    await this.audit.append({
      actorUserId: cmd.signedInUserId,
      action: 'approval.decided',
      entityType: 'approval',
      entityId: live.approval.id,
      details: {
        documentId: live.doc.id,
        requestId: live.request.id,
        state: live.request.state,
        decision: cmd.decision,
        outcome,
        authTime: cmd.signedInAuthTime ? cmd.signedInAuthTime.toISOString() : null,
        signInMaxAge: live.request.signInMaxAge,
      },
    });
  }

  /** A link whose document changed is dead; its approvers get fresh ones now (POST may change things). */
  private async locate(handle: ApprovalHandle, now: Date): Promise<LiveApproval> {
    try {
      return await locateLiveApproval(this.approvals, this.engine, handle, now);
    } catch (e) {
      if (e instanceof ApprovalError && e.code === 'token-revoked')
        await this.renew.renewDocument(handle, now);
      throw e;
    }
  }

  /**
   * The approval itself is the authority: the definition named this person, so the actor carries
   * the event's roles on the document's unit. The audit records the approver, the person they act
   * for, and that it came by mail link.
   */
  private actor(live: LiveApproval, event: string, via: 'email-link' | 'user'): EngineActor {
    const roles = stateMeta(live.def.definition, live.request.state)?.events?.[event]?.roles ?? [];
    return {
      userId: live.approval.approverUserId,
      onBehalfOfUserId: live.approval.onBehalfOfUserId,
      via,
      roles: roles.map((role) => ({ role: role as never, orgUnitId: live.doc.orgUnitId })),
    };
  }
}
