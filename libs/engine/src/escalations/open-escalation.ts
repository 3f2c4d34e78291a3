import type { DataSource, EntityManager } from 'typeorm';
import { AdminAuditRepository, EscalationRepository, type NewEscalation } from '@rodtrad/persistence';

export interface OpenEscalationResult {
  id: string;
  /** False when the source had already escalated (the same source key): nothing was written. */
  created: boolean;
}

/**
 * Opens an escalation once per source key, with its audit entry and the `escalationOpened` outbox
 * row, in the caller's transaction. Every escalation opens here: a nämnd's ad-hoc report (API), a
 * report's deviations and the workflows' `escalate` (worker), a restoration behind its plan.
 */
export class OpenEscalation {
  private readonly escalations: EscalationRepository;
  private readonly audit: AdminAuditRepository;

  constructor(ds: DataSource) {
    this.escalations = new EscalationRepository(ds);
    this.audit = new AdminAuditRepository(ds);
  }

  async execute(e: NewEscalation, m: EntityManager): Promise<OpenEscalationResult> {
    const out = await this.escalations.open(e, m);
    if (out.created)
      await this.audit.append(
        {
          actorUserId: e.reportedByUserId,
          action: 'escalation.opened',
          entityType: 'escalation',
          entityId: out.id,
          details: {
            kind: e.kind,
            toBody: e.toBody,
            amount: e.amount,
            threshold: e.threshold,
            sourceDocumentId: e.sourceDocumentId,
          },
        },
        m,
      );
    return out;
  }
}
