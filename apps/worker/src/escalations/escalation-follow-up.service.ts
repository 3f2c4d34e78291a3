import { Inject, Injectable, Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import { canOwnDocument, type OrgTree } from '@rodtrad/domain';
import { DocumentEngine, EngineError, SYSTEM_ACTOR } from '@rodtrad/engine';
import { escalationMail, QueuedMailOutbox } from '@rodtrad/mail';
import {
  AdminAuditRepository,
  EscalationRepository,
  type EscalationRow,
  type NewEscalation,
} from '@rodtrad/persistence';
import { RecipientDirectory } from '../deadlines/recipient-directory';
import { WORKER_CONFIG, WORKER_DATA_SOURCE } from '../tokens';
import { BalanceRestorationTracking } from './balance-restoration-tracking';

const PLAN_TYPE = { budget: 'budget', goal: 'mal', balance: 'balanskrav', adhoc: 'budget' } as const;
const KF_ROLES = ['kf.ordforande', 'kf.sekreterare'];

/**
 * What follows an escalation: its åtgärdsplan (created by the system, linked once), the mail to
 * KS or KF, and its closing when the plan is final. Every step is idempotent, so retries and
 * reconciliation may run it again.
 */
@Injectable()
export class EscalationFollowUp {
  private readonly logger = new Logger('Escalations');
  readonly repo: EscalationRepository;
  /** The restoration of a negative balance-requirement result, after KF adopted its plan. */
  readonly restoration: BalanceRestorationTracking;
  private readonly audit: AdminAuditRepository;

  constructor(
    @Inject(WORKER_DATA_SOURCE) private readonly ds: DataSource,
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
    private readonly engine: DocumentEngine,
    private readonly recipients: RecipientDirectory,
    private readonly mail: QueuedMailOutbox,
  ) {
    this.repo = new EscalationRepository(ds);
    this.audit = new AdminAuditRepository(ds);
    this.restoration = new BalanceRestorationTracking(ds, this.repo, this.audit, (e, m) => this.open(e, m));
  }

  /** Opens (once per source) inside the caller's transaction, with its audit entry. */
  async open(e: NewEscalation, m: EntityManager): Promise<{ id: string; created: boolean }> {
    const out = await this.repo.open(e, m);
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

  async followUp(escalationId: string): Promise<{ actionPlanDocumentId: string | null }> {
    const actionPlanDocumentId = await this.ensureActionPlan(escalationId);
    const e = await this.repo.get(escalationId);
    if (e) await this.notify(e);
    return { actionPlanDocumentId };
  }

  async ensureActionPlan(escalationId: string): Promise<string | null> {
    const e = await this.repo.get(escalationId);
    if (!e || e.status === 'closed') return null;
    if (e.actionPlanDocumentId) return e.actionPlanDocumentId;
    const tree = await this.recipients.tree();
    const owner = this.planOwner(e.orgUnitId, tree);
    if (!owner) {
      this.logger.warn(`Escalation ${e.id}: ${e.orgUnitName} cannot own an åtgärdsplan; none created`);
      return null;
    }
    const data = {
      avvikelse: {
        typ: PLAN_TYPE[e.kind],
        ...(e.amount !== null ? { belopp: Math.abs(e.amount) } : {}),
        beskrivning: [e.description, e.measures ? `Föreslagna åtgärder: ${e.measures}` : null]
          .filter(Boolean)
          .join('\n'),
      },
      ...(e.kind === 'balance' ? { sarskild: true } : {}),
    };
    const planId = await this.planFor(owner, e.year, data, e.kind === 'balance');
    await this.repo.linkActionPlan(e.id, planId);
    return (await this.repo.get(e.id))?.actionPlanDocumentId ?? null;
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

  /**
   * The åtgärdsplan is final: its escalations close, audited; a balance-requirement deficit
   * instead moves into tracking until it is restored (BalanceRestorationTracking).
   */
  async closeForPlan(
    documentId: string,
    m: EntityManager,
  ): Promise<{ closed: string[]; tracking: string[] }> {
    const out = { closed: [] as string[], tracking: [] as string[] };
    for (const id of await this.repo.awaitingActionPlan(documentId, m)) {
      const e = await this.repo.get(id, m);
      if (e && (await this.restoration.tracks(e, m))) {
        await this.restoration.start(e, documentId, m);
        out.tracking.push(id);
        continue;
      }
      if (!(await this.repo.close(id, m))) continue;
      await this.audit.append(
        {
          actorUserId: null,
          action: 'escalation.closed',
          entityType: 'escalation',
          entityId: id,
          details: { actionPlanDocumentId: documentId },
        },
        m,
      );
      out.closed.push(id);
    }
    return out;
  }

  /** Retries follow-ups that a crash left undone, and closes escalations whose plan became final. */
  async reconcile(olderThanMs: number): Promise<void> {
    for (const id of await this.repo.withoutActionPlan(olderThanMs))
      await this.followUp(id).catch(() => undefined);
    for (const planId of await this.repo.finalPlansOfOpenEscalations())
      await this.ds.transaction((m) => this.closeForPlan(planId, m));
  }

  private async notify(e: EscalationRow): Promise<void> {
    const roles = e.toBody === 'kf' ? KF_ROLES : this.config.escalationRecipientRoles;
    const to = (await this.recipients.withRoles(roles)).map((r) => r.email);
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
      escalationUrl: `${this.config.publicUrl}/avvikelser/${e.id}`,
      actionPlanUrl: e.actionPlanDocumentId
        ? `${this.config.publicUrl}/dokument/${e.actionPlanDocumentId}`
        : null,
    });
    await this.mail.enqueue({
      ...mail,
      to,
      threadKey: `escalation-${e.id}`,
      dedupeKey: `escalation__${e.id}__${e.toBody}`,
    });
  }

  /** The nämnd that writes the plan (an åtgärdsplan is owned by a nämnd, or by KF). */
  private planOwner(orgUnitId: string, tree: OrgTree): string | null {
    const unit = tree.namndOf(orgUnitId) ?? tree.get(orgUnitId);
    return unit && canOwnDocument('atgardsplan', unit.kind) ? unit.id : null;
  }
}
