import type { DataSource, EntityManager } from 'typeorm';
import { AdminAuditRepository, EscalationRepository } from '@rodtrad/persistence';
import type { BalanceRestorationTracking } from './balance-restoration-tracking';

export interface CloseEscalationsResult {
  closed: string[];
  tracking: string[];
}

/**
 * An åtgärdsplan became final: the escalations it answers close, audited; a balance-requirement
 * deficit instead moves into tracking until it is restored (BalanceRestorationTracking). Runs in
 * the caller's transaction; closing twice changes nothing.
 */
export class CloseEscalations {
  private readonly escalations: EscalationRepository;
  private readonly audit: AdminAuditRepository;

  constructor(
    ds: DataSource,
    private readonly restoration: BalanceRestorationTracking,
  ) {
    this.escalations = new EscalationRepository(ds);
    this.audit = new AdminAuditRepository(ds);
  }

  async execute(actionPlanDocumentId: string, m: EntityManager): Promise<CloseEscalationsResult> {
    const out: CloseEscalationsResult = { closed: [], tracking: [] };
    for (const id of await this.escalations.awaitingActionPlan(actionPlanDocumentId, m)) {
      const e = await this.escalations.get(id, m);
      if (e && (await this.restoration.tracks(e, m))) {
        await this.restoration.start(e, actionPlanDocumentId, m);
        out.tracking.push(id);
        continue;
      }
      if (!(await this.escalations.close(id, m))) continue;
      await this.audit.append(
        {
          actorUserId: null,
          action: 'escalation.closed',
          entityType: 'escalation',
          entityId: id,
          details: { actionPlanDocumentId },
        },
        m,
      );
      out.closed.push(id);
    }
    return out;
  }
}
