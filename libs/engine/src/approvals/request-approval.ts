import type { DataSource } from 'typeorm';
import type { OrgTree } from '@rodtrad/domain';
import { ApprovalRepository, type ApprovalMode } from '@rodtrad/persistence';
import { stateMeta, type StateMetaSpec } from '@rodtrad/workflow';
import type { DocumentEngine } from '../document-engine';
import { ApprovalLinks } from './approval-links';
import { ApproverResolver } from './approver-resolver';

/** The outbox payload of a requestApproval effect (the action's params plus the document's keys). */
export interface RequestApprovalPayload {
  documentId: string;
  state: string;
  approvers: { roles?: string[]; users?: string[] };
  mode: ApprovalMode;
  requireSignIn?: boolean;
}

export type RequestApprovalResult =
  | { outcome: 'requested'; requestId: string; approvers: number; mailsQueued: number }
  | { outcome: 'already-requested' }
  | { outcome: 'skipped'; reason: string };

/** The event that approves the step, and the one that sends it back (RETURN or REFER_BACK). */
export function approvalEvents(meta: StateMetaSpec | undefined): {
  approve: string | null;
  sendBack: string | null;
} {
  const events = meta?.events ?? {};
  return {
    approve: 'APPROVE' in events ? 'APPROVE' : null,
    sendBack: 'RETURN' in events ? 'RETURN' : 'REFER_BACK' in events ? 'REFER_BACK' : null,
  };
}

/**
 * Consumer of the `requestApproval` effect: creates the request and one row per approver, and mails
 * each approver whose turn it is a single-use link. Idempotent by the effect's dedupe key.
 */
export class RequestApproval {
  private readonly approvals: ApprovalRepository;
  private readonly resolver: ApproverResolver;

  constructor(
    private readonly ds: DataSource,
    private readonly engine: DocumentEngine,
    private readonly links: ApprovalLinks,
    private readonly orgTree: () => Promise<OrgTree>,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.approvals = new ApprovalRepository(ds);
    this.resolver = new ApproverResolver(ds);
  }

  async execute(effect: {
    dedupeKey: string;
    payload: RequestApprovalPayload;
  }): Promise<RequestApprovalResult> {
    const p = effect.payload;
    const { doc, def } = await this.engine.get(p.documentId);
    if (doc.final || doc.state !== p.state)
      return { outcome: 'skipped', reason: `the document has left ${p.state} (now ${doc.state})` };
    const meta = stateMeta(def.definition, p.state);
    const events = approvalEvents(meta);
    if (!events.approve) throw new Error(`Step ${p.state} of ${def.key} has no APPROVE event to send`);
    const now = this.now();
    const people = await this.resolver.resolve(p.approvers, doc.orgUnitId, await this.orgTree(), now);
    if (!people.length)
      throw new Error(`No active approver for ${JSON.stringify(p.approvers)} on unit ${doc.orgUnitId}`);
    const requireSignIn = p.requireSignIn ?? meta?.approval?.requireSignIn ?? false;
    const mails: string[] = [];
    const requestId = await this.ds.transaction(async (m) => {
      const id = await this.approvals.insertRequest(
        {
          documentId: doc.id,
          state: p.state,
          documentVersion: doc.version,
          mode: p.mode,
          approveEvent: events.approve as string,
          returnEvent: events.sendBack,
          requireSignIn,
          dueAt: doc.dueAt,
          dedupeKey: effect.dedupeKey,
        },
        m,
      );
      if (!id) return null;
      // An earlier round of this document that is still open is over now.
      for (const old of await this.approvals.openRequestsOf(doc.id, m)) {
        if (old.id === id) continue;
        await this.approvals.revokePending(old.id, m);
        await this.approvals.closeRequest(old.id, 'cancelled', m);
      }
      const ids = await this.approvals.insertApprovals(
        id,
        people.map((a, seq) => ({ approverUserId: a.userId, onBehalfOfUserId: a.onBehalfOfUserId, seq })),
        m,
      );
      const request = await this.approvals.request(id, m);
      if (!request) throw new Error(`Approval request ${id} vanished inside its own transaction`);
      const asked = people.map((a, i) => ({ ...a, approvalId: ids[i] }));
      for (const a of p.mode === 'sequence' ? asked.slice(0, 1) : asked)
        mails.push(
          await this.links.issue(
            m,
            request,
            doc,
            meta?.title ?? p.state,
            { approvalId: a.approvalId, approverUserId: a.userId, onBehalfOfUserId: a.onBehalfOfUserId },
            'requested',
            now,
          ),
        );
      return id;
    });
    if (!requestId) return { outcome: 'already-requested' };
    await this.links.dispatch(mails);
    return { outcome: 'requested', requestId, approvers: people.length, mailsQueued: mails.length };
  }
}
