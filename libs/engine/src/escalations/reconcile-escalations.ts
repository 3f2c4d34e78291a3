import type { DataSource } from 'typeorm';
import { EscalationRepository } from '@rodtrad/persistence';
import type { CloseEscalations } from './close-escalations';
import type { FollowUpEscalation } from './follow-up-escalation';

/** Retries follow-ups that a crash left undone, and closes escalations whose plan became final. */
export class ReconcileEscalations {
  private readonly escalations: EscalationRepository;

  constructor(
    private readonly ds: DataSource,
    private readonly followUp: FollowUpEscalation,
    private readonly close: CloseEscalations,
  ) {
    this.escalations = new EscalationRepository(ds);
  }

  async execute(olderThanMs: number): Promise<void> {
    for (const id of await this.escalations.withoutActionPlan(olderThanMs))
      await this.followUp.execute(id).catch(() => undefined);
    for (const planId of await this.escalations.finalPlansOfOpenEscalations())
      await this.ds.transaction((m) => this.close.execute(planId, m));
  }
}
