import type { DataSource } from 'typeorm';
import { ApprovalRepository } from '@rodtrad/persistence';
import type { DocumentEngine } from '../document-engine';
import type { ApprovalHandle } from './approval-link-check';
import { stepWordsOf } from './approval-mail';
import { ApprovalLinks } from './approval-links';
import { hashApprovalToken, isWellFormedApprovalToken } from './approval-token';

export interface RenewResult {
  cancelled: number;
  renewed: number;
}

/**
 * Keeps links honest about the document they were sent for. A request whose step was left another
 * way (an event in the app, a deadline) is cancelled and its links revoked; a pending link sent for
 * an older version of the document is revoked and its approver mailed a fresh one.
 * Runs on a schedule in the worker, and at once when someone uses such a link.
 */
export class RenewApprovalLinks {
  private readonly approvals: ApprovalRepository;

  constructor(
    private readonly ds: DataSource,
    private readonly engine: DocumentEngine,
    private readonly links: ApprovalLinks,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.approvals = new ApprovalRepository(ds);
  }

  async renewStale(limit = 500): Promise<RenewResult> {
    const total: RenewResult = { cancelled: 0, renewed: 0 };
    for (const r of await this.approvals.staleOpenRequests(limit)) {
      const one = await this.renewRequest(r.id, this.now());
      total.cancelled += one.cancelled;
      total.renewed += one.renewed;
    }
    return total;
  }

  async renewDocument(handle: ApprovalHandle, now: Date): Promise<RenewResult> {
    const approval =
      'token' in handle
        ? isWellFormedApprovalToken(handle.token)
          ? await this.approvals.byTokenHash(hashApprovalToken(handle.token))
          : null
        : await this.approvals.byId(handle.approvalId);
    return approval ? this.renewRequest(approval.requestId, now) : { cancelled: 0, renewed: 0 };
  }

  async renewRequest(requestId: string, now: Date): Promise<RenewResult> {
    const mails: string[] = [];
    const result = await this.ds.transaction(async (m): Promise<RenewResult> => {
      const request = await this.approvals.lockRequest(requestId, m);
      if (!request || request.status !== 'open') return { cancelled: 0, renewed: 0 };
      const { doc, def } = await this.engine.get(request.documentId);
      if (doc.final || doc.state !== request.state) {
        await this.approvals.revokePending(request.id, m);
        await this.approvals.closeRequest(request.id, 'cancelled', m);
        return { cancelled: 1, renewed: 0 };
      }
      const stale = (await this.approvals.approvalsOf(request.id, m)).filter(
        (a) => a.status === 'pending' && a.tokenHash && a.sentVersion !== doc.version,
      );
      if (!stale.length) return { cancelled: 0, renewed: 0 };
      await this.approvals.revokePending(
        request.id,
        m,
        stale.map((a) => a.id),
      );
      const ids = await this.approvals.insertApprovals(
        request.id,
        stale.map((a) => ({
          approverUserId: a.approverUserId,
          onBehalfOfUserId: a.onBehalfOfUserId,
          seq: a.seq,
        })),
        m,
      );
      const step = stepWordsOf(def.definition, request);
      for (const [i, a] of stale.entries())
        mails.push(
          await this.links.issue(m, request, doc, step, { ...a, approvalId: ids[i] }, 'renewed', now),
        );
      await this.approvals.rebaseRequest(request.id, doc.version, m);
      return { cancelled: 0, renewed: stale.length };
    });
    await this.links.dispatch(mails);
    return result;
  }
}
