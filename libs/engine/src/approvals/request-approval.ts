import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { OrgTree } from '@rodtrad/domain';
import {
  ApprovalRepository,
  batchedTransaction,
  DocumentAuditRepository,
  type ApprovalMode,
  type ApprovalRequestRow,
} from '@rodtrad/persistence';
import { stateMeta, type StateMetaSpec } from '@rodtrad/workflow';
import type { DocumentEngine } from '../document-engine';
import { ApprovalLinks } from './approval-links';
import { ApproverResolver } from './approver-resolver';
import { stepWordsOf } from './approval-mail';

/** The outbox payload of a requestApproval effect (the action's params plus the document's keys). */
export interface RequestApprovalPayload {
  documentId: string;
  state: string;
  approvers: { roles?: string[]; users?: string[] };
  mode: ApprovalMode;
  requireSignIn?: boolean;
  /** Seconds: how fresh the approver's sign-in must be when deciding (else the step's approval.maxAge). */
  maxAge?: number;
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
    const approveEvent = events.approve;
    if (!approveEvent) throw new Error(`Step ${p.state} of ${def.key} has no APPROVE event to send`);
    const now = this.now();
    const people = await this.resolver.resolve(p.approvers, doc.orgUnitId, await this.orgTree(), now);
    if (!people.length)
      throw new Error(`No active approver for ${JSON.stringify(p.approvers)} on unit ${doc.orgUnitId}`);
    const requireSignIn = p.requireSignIn ?? meta?.approval?.requireSignIn ?? false;
    // Who asked: the person whose event brought the document into this step.
    const last = (await new DocumentAuditRepository(this.ds).lastTransitions([doc.id])).get(doc.id);
    const requestedBy = last?.toState === p.state ? last.actorName : null;
    const step = stepWordsOf(def.definition, {
      state: p.state,
      approveEvent,
      returnEvent: events.sendBack,
    });
    const fields = {
      documentId: doc.id,
      state: p.state,
      documentVersion: doc.version,
      mode: p.mode,
      approveEvent,
      returnEvent: events.sendBack,
      requireSignIn,
      signInMaxAge: requireSignIn ? (p.maxAge ?? meta?.approval?.maxAge ?? null) : null,
      dueAt: doc.dueAt,
      dedupeKey: effect.dedupeKey,
    };
    // Two round trips in the common case: the request's insert with the read that tells whether it
    // took (and which earlier rounds are open), then the approvals and mails with the COMMIT.
    const done = await batchedTransaction(this.ds, async (tx) => {
      const id = randomUUID();
      tx.later(ApprovalRepository.insertRequestStatement(id, fields));
      const rows = await this.approvals.openRequestsAndKey(doc.id, effect.dedupeKey, tx);
      if (!rows.some((r) => r.id === id)) return null;
      // The row as inserted, without reading it back.
      const request: ApprovalRequestRow = { ...fields, id, status: 'open', createdAt: now };
      // An earlier round of this document that is still open is over now.
      for (const old of rows) {
        if (old.id === id) continue;
        await this.approvals.revokePending(old.id, tx);
        await this.approvals.closeRequest(old.id, 'cancelled', tx);
      }
      // Those whose turn it is get their link in the insert itself; in sequence, the rest wait.
      const asked = p.mode === 'sequence' ? 1 : people.length;
      const links = people.map((_, seq) => (seq < asked ? this.links.mint(request, doc, now) : null));
      const { ids, statement } = ApprovalRepository.insertApprovalsStatement(
        id,
        people.map((a, seq) => ({
          approverUserId: a.userId,
          onBehalfOfUserId: a.onBehalfOfUserId,
          seq,
          token: links[seq],
        })),
      );
      tx.later(statement);
      const mails: string[] = [];
      for (const [seq, a] of people.entries()) {
        const link = links[seq];
        if (link)
          mails.push(
            this.links.writeMailLater(tx, {
              request,
              doc,
              step,
              target: {
                approvalId: ids[seq],
                approverUserId: a.userId,
                onBehalfOfUserId: a.onBehalfOfUserId,
              },
              link,
              reason: 'requested',
              requestedBy,
              contacts: {
                approver: { name: a.name, email: a.email },
                onBehalfOf: a.onBehalfOfName === null ? null : { name: a.onBehalfOfName },
              },
            }),
          );
      }
      return { requestId: id, mails };
    });
    if (!done) return { outcome: 'already-requested' };
    const { requestId, mails } = done;
    await this.links.dispatch(mails);
    return { outcome: 'requested', requestId, approvers: people.length, mailsQueued: mails.length };
  }
}
