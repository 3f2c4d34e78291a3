import type { DataSource } from 'typeorm';
import {
  CONTROL_OUTCOME_LABELS,
  plannedControls,
  readControlFollowUp,
  riskMatrixGrid,
  summariseControls,
  type ControlSummary,
  type OrgTree,
  type OrgUnitNode,
  type RiskMatrix,
  type RiskMatrixGrid,
} from '@rodtrad/domain';
import { fromJsonColumn } from '@rodtrad/persistence';
import { RiskMatrixSettings } from './risk-matrix-settings';

/** The report types that follow up the plan's controls, for KS's summary. */
export const CONTROL_FOLLOW_UP_REPORTS = ['delarsrapport', 'verksamhetsberattelse'] as const;
export type ControlFollowUpReport = (typeof CONTROL_FOLLOW_UP_REPORTS)[number];

/** Kinds that adopt an internkontrollplan: each nämnd, and KS for its own administration. */
const PLAN_OWNERS = ['namnd', 'ks'] as const;

export interface DocumentRef {
  documentId: string;
  title: string;
  state: string;
  final: boolean;
}

export interface NamndRiskMatrix {
  year: number;
  orgUnitId: string;
  orgUnitName: string;
  matrix: RiskMatrix;
  plan: DocumentRef | null;
  grid: RiskMatrixGrid;
}

export interface NamndControlSummary extends Omit<ControlSummary, 'deviations'> {
  orgUnitId: string;
  code: string;
  name: string;
  plan: DocumentRef | null;
  report: DocumentRef | null;
  deviations: (ControlSummary['deviations'][number] & { utfallText: string })[];
}

interface DocRow {
  id: string;
  title: string;
  state: string;
  final: number | boolean;
  data: unknown;
}

const ref = (r: DocRow): DocumentRef => ({
  documentId: String(r.id),
  title: String(r.title),
  state: String(r.state),
  final: !!Number(r.final),
});

/**
 * Internal control followed up (#16): a nämnd's risks placed in the installation's risk matrix,
 * and, for KS, the municipality's summary of how each nämnd's controls went in its submitted
 * interim report or verksamhetsberättelse. Reads only; the rules are the domain's.
 */
export class InternalControlFollowUp {
  private readonly settings: RiskMatrixSettings;

  constructor(private readonly ds: DataSource) {
    this.settings = new RiskMatrixSettings(ds);
  }

  /** Whether the unit adopts an internkontrollplan (a nämnd or KS). */
  static ownsPlan(unit: OrgUnitNode | undefined): boolean {
    return !!unit && (PLAN_OWNERS as readonly string[]).includes(unit.kind);
  }

  /** The nämnd's plan of the year: the adopted one, else the one under way (newest first). */
  private async plan(orgUnitId: string, year: number): Promise<DocRow | null> {
    const [row] = await this.ds.query(
      `SELECT id, title, state, final, data FROM document
        WHERE type = 'internkontrollplan' AND org_unit_id = ? AND year = ?
        ORDER BY final DESC, decided_at DESC, created_at DESC LIMIT 1`,
      [orgUnitId, year],
    );
    return row ?? null;
  }

  async riskMatrix(unit: OrgUnitNode, year: number): Promise<NamndRiskMatrix> {
    const matrix = await this.settings.current();
    const plan = await this.plan(unit.id, year);
    const controls = plan ? plannedControls(fromJsonColumn(plan.data as string)) : [];
    return {
      year,
      orgUnitId: unit.id,
      orgUnitName: unit.name,
      matrix,
      plan: plan ? ref(plan) : null,
      grid: riskMatrixGrid(controls, matrix),
    };
  }

  /**
   * Per nämnd (and KS): the controls of its adopted plan, and their outcomes in its latest
   * submitted report of `report`'s type; a nämnd whose plan is not adopted counts no planned
   * controls, one whose report is not submitted yet reports none.
   */
  async summary(tree: OrgTree, year: number, report: ControlFollowUpReport): Promise<NamndControlSummary[]> {
    const units = tree
      .all()
      .filter((u) => InternalControlFollowUp.ownsPlan(u))
      .sort((a, b) => (a.kind === b.kind ? a.name.localeCompare(b.name, 'sv') : a.kind === 'ks' ? 1 : -1));
    const plans: (DocRow & { orgUnitId: string })[] = await this.ds.query(
      `SELECT id, title, state, final, data, org_unit_id AS orgUnitId FROM document
        WHERE type = 'internkontrollplan' AND year = ? AND final = 1 ORDER BY decided_at`,
      [year],
    );
    const reports: (DocRow & { orgUnitId: string })[] = await this.ds.query(
      `SELECT id, title, state, final, data, org_unit_id AS orgUnitId FROM document
        WHERE type = ? AND year = ? AND submitted_at IS NOT NULL ORDER BY created_at`,
      [report, year],
    );
    // The latest of each wins (ordered ascending above).
    const planOf = new Map(plans.map((p) => [String(p.orgUnitId), p]));
    const reportOf = new Map(reports.map((r) => [String(r.orgUnitId), r]));
    return units.map((u) => {
      const plan = planOf.get(u.id);
      const rep = reportOf.get(u.id);
      const s = summariseControls(
        plan ? plannedControls(fromJsonColumn(plan.data as string)) : [],
        rep ? readControlFollowUp(fromJsonColumn(rep.data as string)) : [],
      );
      return {
        orgUnitId: u.id,
        code: u.code,
        name: u.name,
        plan: plan ? ref(plan) : null,
        report: rep ? ref(rep) : null,
        ...s,
        deviations: s.deviations.map((d) => ({ ...d, utfallText: CONTROL_OUTCOME_LABELS[d.utfall] })),
      };
    });
  }
}
