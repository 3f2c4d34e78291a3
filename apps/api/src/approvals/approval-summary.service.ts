import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { approvalDecisionFormSchema } from '@rodtrad/contracts';
import {
  APPROVAL_SETTINGS,
  approvalCsrfToken,
  DocumentEngine,
  locateLiveApproval,
  type ApprovalHandle,
  type ApprovalSettings,
  type LiveApproval,
} from '@rodtrad/engine';
import { ApprovalRepository, DocumentAuditRepository } from '@rodtrad/persistence';
import { stateMeta } from '@rodtrad/workflow';
import { DATA_SOURCE } from '../infrastructure/tokens';

const iso = (d: Date | string | null | undefined) => (d ? new Date(d).toISOString() : null);

/** What the approval page shows. Reads only: mail scanners fetch links before people do. */
@Injectable()
export class ApprovalSummaryService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    private readonly approvals: ApprovalRepository,
    private readonly engine: DocumentEngine,
    @Inject(APPROVAL_SETTINGS) private readonly settings: ApprovalSettings,
  ) {}

  /** The signed-in approver's pending approvals, newest first. */
  async pendingFor(userId: string, limit: number, offset: number) {
    const { items, total } = await this.approvals.pendingFor(userId, limit, offset);
    return {
      total,
      items: items.map((i) => ({
        id: i.approvalId,
        documentId: i.documentId,
        title: i.documentTitle,
        type: i.documentType,
        orgUnitName: i.orgUnitName,
        state: i.state,
        mode: i.mode,
        onBehalfOf: i.onBehalfOfUserId ? { id: i.onBehalfOfUserId, name: i.onBehalfOfName ?? '' } : null,
        dueAt: iso(i.dueAt),
        expiresAt: iso(i.expiresAt),
        requestedAt: iso(i.requestedAt),
      })),
    };
  }

  locate(handle: ApprovalHandle): Promise<LiveApproval> {
    return locateLiveApproval(this.approvals, this.engine, handle, new Date());
  }

  async summary(handle: ApprovalHandle) {
    const live = await this.locate(handle);
    const { approval, request, doc, def } = live;
    const meta = stateMeta(def.definition, request.state);
    const form = meta?.form ? (await this.engine.formsFor(doc, def))[meta.form] : undefined;
    const people: { id: string; name: string }[] = await this.ds.query(
      'SELECT id, name FROM app_user WHERE id IN (?, ?)',
      [approval.approverUserId, approval.onBehalfOfUserId ?? approval.approverUserId],
    );
    const who = (id: string | null) => {
      const p = id ? people.find((x) => x.id === id) : undefined;
      return p ? { id: p.id, name: p.name } : null;
    };
    const stateTitle = meta?.title ?? request.state;
    // Who asked: the person whose step sent the document into the one awaiting approval.
    const last = (await new DocumentAuditRepository(this.ds).lastTransitions([doc.id])).get(doc.id);
    const requestedBy =
      last?.toState === request.state && last.actorUserId
        ? { id: last.actorUserId, name: last.actorName ?? '' }
        : null;
    const label = (event: string | null) => (event ? (meta?.events?.[event]?.label ?? null) : null);
    return {
      document: {
        id: doc.id,
        title: doc.title,
        type: doc.type,
        orgUnitId: doc.orgUnitId,
        orgUnitName: doc.orgUnitName ?? '',
        year: doc.year,
        period: doc.period,
        state: doc.state,
        stateTitle,
        dueAt: iso(doc.dueAt),
        version: doc.version,
      },
      title: doc.title,
      type: doc.type,
      orgUnitName: doc.orgUnitName ?? '',
      year: doc.year,
      period: doc.period,
      stateTitle,
      dueAt: iso(request.dueAt ?? doc.dueAt),
      expiresAt: iso(approval.tokenExpiresAt),
      mode: request.mode,
      approver: who(approval.approverUserId),
      onBehalfOf: who(approval.onBehalfOfUserId),
      requireSignIn: request.requireSignIn,
      signInMaxAge: request.signInMaxAge,
      data: doc.data,
      form: form ? { schema: form.schema, uiSchema: form.uiSchema ?? {} } : null,
      decisions: request.returnEvent ? ['approve', 'return'] : ['approve'],
      decisionSchema: approvalDecisionFormSchema,
      decisionLabels: {
        approve: label(request.approveEvent) ?? 'Godkänn',
        return: request.returnEvent ? (label(request.returnEvent) ?? 'Returnera för ändring') : null,
      },
      requestedBy,
      diarienummer: doc.diarienummer,
      csrfToken: approvalCsrfToken(this.settings.sessionSecret, live.tokenHash),
    };
  }
}
