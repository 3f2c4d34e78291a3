import type { DataSource } from 'typeorm';
import {
  canOwnDocument,
  ESCALATION_RECIPIENTS,
  ESCALATION_RULES,
  type EscalationBody,
  type OrgTree,
} from '@rodtrad/domain';
import { escalationMail, type MailOutbox } from '@rodtrad/mail';
import { EscalationRepository, type EscalationRow } from '@rodtrad/persistence';
import type { DocumentEngine } from '../document-engine';
import { EngineError } from '../engine-error';
import { SYSTEM_ACTOR } from '../ports';

/** Who receives an escalation's mail, and the organisation it is placed in. */
export interface EscalationRecipients {
  tree(): Promise<OrgTree>;
  withRoles(roles: readonly string[]): Promise<{ email: string }[]>;
}

export interface EscalationSettings {
  publicUrl: string;
  /** The roles mailed when an escalation goes to KS (ESCALATION_RECIPIENT_ROLES). */
  ksRecipientRoles: readonly string[];
}

/**
 * What follows an opened escalation: its åtgärdsplan (created by the system, linked once) and the
 * mail to KS or KF. Every step is idempotent, so retries and reconciliation may run it again.
 */
export class FollowUpEscalation {
  private readonly escalations: EscalationRepository;

  constructor(
    private readonly ds: DataSource,
    private readonly engine: DocumentEngine,
    private readonly recipients: EscalationRecipients,
    private readonly mail: MailOutbox,
    private readonly settings: EscalationSettings,
    /** Where a follow-up that cannot be done is told (the worker's logger). */
    private readonly log: { warn(message: string): void } = { warn: () => undefined },
  ) {
    this.escalations = new EscalationRepository(ds);
  }

  async execute(escalationId: string): Promise<{ actionPlanDocumentId: string | null }> {
    const actionPlanDocumentId = await this.ensureActionPlan(escalationId);
    const e = await this.escalations.get(escalationId);
    if (e) await this.notify(e);
    return { actionPlanDocumentId };
  }

  private async ensureActionPlan(escalationId: string): Promise<string | null> {
    const e = await this.escalations.get(escalationId);
    if (!e || e.status === 'closed') return null;
    if (e.actionPlanDocumentId) return e.actionPlanDocumentId;
    const tree = await this.recipients.tree();
    const owner = planOwner(e.orgUnitId, tree);
    if (!owner) {
      this.log.warn(`Escalation ${e.id}: ${e.orgUnitName} cannot own an åtgärdsplan; none created`);
      return null;
    }
    const rule = ESCALATION_RULES[e.kind];
    const data = {
      avvikelse: {
        typ: rule.planType,
        ...(e.amount !== null ? { belopp: Math.abs(e.amount) } : {}),
        beskrivning: [e.description, e.measures ? `Föreslagna åtgärder: ${e.measures}` : null]
          .filter(Boolean)
          .join('\n'),
      },
      ...(rule.sarskildPlan ? { sarskild: true } : {}),
    };
    const planId = await this.planFor(owner, e.year, data, rule.sarskildPlan);
    await this.escalations.linkActionPlan(e.id, planId);
    return (await this.escalations.get(e.id))?.actionPlanDocumentId ?? null;
  }

  /**
   * The åtgärdsplan a deviation joins or gets: the nämnd's plan of the year while it is still
   * being written (a second deviation joins it), otherwise a new plan numbered within the year
   * (the first has no number, then 2, 3, …), so every deviation has a plan that can close it.
   * A balance-requirement deviation joins only a särskild plan (KF adopts it), others only an
   * ordinary one.
   */
  private async planFor(
    owner: string,
    year: number,
    data: Record<string, unknown>,
    sarskild: boolean,
  ): Promise<string> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const plans: { id: string; final: number; period: string; sarskild: number }[] = await this.ds.query(
        `SELECT id, final, period,
            COALESCE(JSON_VALUE(data, '$.sarskild') = 'true', 0) AS sarskild
           FROM document WHERE type = 'atgardsplan' AND org_unit_id = ? AND year = ?`,
        [owner, year],
      );
      const open = plans.find((p) => Number(p.final) === 0 && Boolean(Number(p.sarskild)) === sarskild);
      if (open) return String(open.id);
      const taken = plans.map((p) => (p.period ? Number(p.period) : 1));
      const next = taken.length ? Math.max(...taken) + 1 : 1;
      try {
        const doc = await this.engine.create({
          type: 'atgardsplan',
          orgUnitId: owner,
          year,
          period: next === 1 ? null : String(next),
          data,
          actor: SYSTEM_ACTOR,
        });
        return doc.id;
      } catch (err) {
        // Another deviation took the same number at the same moment: look again.
        if (!(err instanceof EngineError) || err.code !== 'slot-taken') throw err;
      }
    }
    throw new Error(`No åtgärdsplan could be created for ${owner} in ${year}`);
  }

  private async notify(e: EscalationRow): Promise<void> {
    const to = (await this.recipients.withRoles(this.rolesFor(e.toBody))).map((r) => r.email);
    if (!to.length) return;
    const mail = escalationMail({
      kind: e.kind,
      toBody: e.toBody,
      unitName: e.orgUnitName,
      sourceTitle: e.sourceDocumentTitle,
      amount: e.amount,
      threshold: e.threshold,
      measures: e.measures,
      description: e.description,
      escalationUrl: `${this.settings.publicUrl}/avvikelser/${e.id}`,
      actionPlanUrl: e.actionPlanDocumentId
        ? `${this.settings.publicUrl}/dokument/${e.actionPlanDocumentId}`
        : null,
    });
    await this.mail.enqueue({
      ...mail,
      to,
      threadKey: `escalation-${e.id}`,
      dedupeKey: `escalation__${e.id}__${e.toBody}`,
    });
  }

  private rolesFor(body: EscalationBody): readonly string[] {
    const roles = ESCALATION_RECIPIENTS[body];
    return roles === 'configured' ? this.settings.ksRecipientRoles : roles;
  }
}

/** The nämnd that writes the plan (an åtgärdsplan is owned by a nämnd, or by KF). */
function planOwner(orgUnitId: string, tree: OrgTree): string | null {
  const unit = tree.namndOf(orgUnitId) ?? tree.get(orgUnitId);
  return unit && canOwnDocument('atgardsplan', unit.kind) ? unit.id : null;
}
