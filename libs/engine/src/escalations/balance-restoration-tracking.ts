import type { DataSource, EntityManager } from 'typeorm';
import {
  balanceRecoveryDeadlineYear,
  balanceResultOfReport,
  followRestorationOf,
  readRestorationPlan,
  type RestorationPlanYear,
  kronorText,
} from '@rodtrad/domain';
import {
  AdminAuditRepository,
  BalanceRestorationRepository,
  EscalationRepository,
  fromJsonColumn,
  type DocumentRow,
  type EscalationRow,
} from '@rodtrad/persistence';
import type { OpenEscalation } from './open-escalation';

/**
 * A negative balance-requirement result is restored over the three following years
 * (kommunallagen 11 kap. 12 §). When KF adopts the särskild åtgärdsplan, its escalation moves into
 * `tracking` with the plan's amount per year; each following year's årsredovisning of the
 * municipality (on submission, when KS hands it to KF) records that year's balance-requirement
 * result, computed from its balanskravsutredning. A year that leaves the restoration behind the
 * plan escalates to KF again (a new `balance` escalation with a särskild plan of its own, for what
 * is left); once the whole deficit is restored, the escalation closes. Every step is audited and
 * runs in the caller's transaction.
 */
export class BalanceRestorationTracking {
  private readonly rows: BalanceRestorationRepository;
  private readonly escalations: EscalationRepository;
  private readonly audit: AdminAuditRepository;

  constructor(
    ds: DataSource,
    private readonly openEscalation: OpenEscalation,
  ) {
    this.rows = new BalanceRestorationRepository(ds);
    this.escalations = new EscalationRepository(ds);
    this.audit = new AdminAuditRepository(ds);
  }

  /**
   * Adopting the plan starts tracking, rather than closing, for a balance escalation with a
   * deficit; not for the escalation of a shortfall, which its own plan answers and closes.
   */
  async tracks(e: EscalationRow, m: EntityManager): Promise<boolean> {
    return (
      e.kind === 'balance' &&
      e.amount !== null &&
      e.amount < 0 &&
      (await this.rows.followUpOf(e.id, m)) === null
    );
  }

  /** KF adopted the plan: tracking starts, and following years already reported are followed up at once. */
  async start(e: EscalationRow, planDocumentId: string, m: EntityManager): Promise<void> {
    if (!(await this.escalations.startTracking(e.id, m))) return;
    const [plan] = await m.query('SELECT data FROM document WHERE id = ?', [planDocumentId]);
    const data = fromJsonColumn<Record<string, unknown>>(plan?.data) ?? {};
    const deficit = Math.abs(e.amount ?? 0);
    // A plan without years (adopted before plans stated them) restores it all by the law's last year.
    const read = readRestorationPlan(data['aterstallande']);
    const planned = merge(
      read.length ? read : [{ year: balanceRecoveryDeadlineYear(e.year), amount: deficit }],
    );
    await this.rows.plan(e.id, planned, m);
    await this.audit.append(
      {
        actorUserId: null,
        action: 'escalation.tracking',
        entityType: 'escalation',
        entityId: e.id,
        details: { actionPlanDocumentId: planDocumentId, deficit, planned },
      },
      m,
    );
    const reports: { id: string; year: number; data: unknown }[] = await m.query(
      `SELECT id, year, data FROM document WHERE type = 'arsredovisning' AND org_unit_id = ? AND year > ?
        AND submitted_at IS NOT NULL ORDER BY year`,
      [e.orgUnitId, e.year],
    );
    for (const r of reports) {
      const result = balanceResultOfReport(fromJsonColumn(r.data));
      if (result !== undefined) await this.record(e, Number(r.year), result, String(r.id), m);
    }
    await this.followUp(e, m);
  }

  /**
   * A submitted annual report: its balance-requirement result follows up every deficit of earlier
   * years that the nämnd is still restoring. Returns the escalations followed up.
   */
  async onAnnualReport(doc: DocumentRow, namndId: string, m: EntityManager): Promise<string[]> {
    const result = balanceResultOfReport(doc.data);
    if (result === undefined) return [];
    const ids = await this.escalations.trackingBefore(namndId, doc.year, m);
    for (const id of ids) {
      const e = await this.escalations.get(id, m);
      if (!e) continue;
      await this.record(e, doc.year, Number(result), doc.id, m);
      await this.followUp(e, m);
    }
    return ids;
  }

  private async record(
    e: EscalationRow,
    year: number,
    balanceResult: number,
    documentId: string,
    m: EntityManager,
  ): Promise<void> {
    await this.rows.report(e.id, year, balanceResult, documentId, m);
    await this.audit.append(
      {
        actorUserId: null,
        action: 'escalation.restoration-reported',
        entityType: 'escalation',
        entityId: e.id,
        details: { year, balanceResult, sourceDocumentId: documentId },
      },
      m,
    );
  }

  /** Escalates each reported year behind the plan (once), and closes when all is restored. */
  private async followUp(e: EscalationRow, m: EntityManager): Promise<void> {
    const rows = await this.rows.rows(e.id, m);
    const status = followRestorationOf(e.amount ?? 0, e.year, rows);
    for (const y of status.years) {
      const row = rows.find((r) => r.year === y.year);
      if (!y.behindPlan || !row?.sourceDocumentId || row.followUpEscalationId) continue;
      const left = status.deficit - y.achievedToDate;
      const opened = await this.openEscalation.execute(
        {
          kind: 'balance',
          orgUnitId: e.orgUnitId,
          year: y.year,
          sourceDocumentId: row.sourceDocumentId,
          sourceKey: `restoration__${e.id}__${y.year}`,
          amount: -left,
          threshold: 0,
          measures: null,
          description:
            `Underskottet från ${e.year} (${kronorText(status.deficit)}) återställs inte enligt den särskilda åtgärdsplan som fullmäktige antog: ` +
            `till och med ${y.year} skulle ${kronorText(y.plannedToDate)} ha återställts, men ${kronorText(y.achievedToDate)} har återställts ` +
            `(balanskravsresultatet ${y.year}: ${kronorText(y.balanceResult ?? 0)}). Kvar att återställa: ${kronorText(left)}; ` +
            `underskottet ska enligt kommunallagen vara återställt senast ${status.deadlineYear}.`,
          toBody: 'kf',
          reportedByUserId: null,
        },
        m,
      );
      await this.rows.linkFollowUp(e.id, y.year, opened.id, m);
      await this.audit.append(
        {
          actorUserId: null,
          action: 'escalation.restoration-behind',
          entityType: 'escalation',
          entityId: e.id,
          details: {
            year: y.year,
            plannedToDate: y.plannedToDate,
            achievedToDate: y.achievedToDate,
            followUpEscalationId: opened.id,
          },
        },
        m,
      );
    }
    if (status.fullyRestored && (await this.escalations.close(e.id, m)))
      await this.audit.append(
        {
          actorUserId: null,
          action: 'escalation.closed',
          entityType: 'escalation',
          entityId: e.id,
          details: { restored: status.restored, years: status.years.map((y) => [y.year, y.achieved]) },
        },
        m,
      );
  }
}

/** One amount per year, in year order. */
function merge(years: RestorationPlanYear[]): RestorationPlanYear[] {
  const by = new Map<number, number>();
  for (const y of years) by.set(y.year, (by.get(y.year) ?? 0) + y.amount);
  return [...by].sort(([a], [b]) => a - b).map(([year, amount]) => ({ year, amount }));
}
