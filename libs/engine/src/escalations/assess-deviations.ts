import type { DataSource } from 'typeorm';
import {
  assessGoalFulfilment,
  budgetDeviation,
  ESCALATION_RULES,
  escalationChecksFor,
  isSignificantBudgetDeviation,
  resultDay,
  type EscalationKind,
  type GoalAssessment,
  type OrgTree,
  type ReportedIndicator,
} from '@rodtrad/domain';
import type { DocumentRow, NewEscalation } from '@rodtrad/persistence';
import { DeviationThresholds } from '../deviation-thresholds';
import { AdoptedGoals } from './adopted-goals';

const kr = (n: number) => `${new Intl.NumberFormat('sv-SE').format(n)} kr`;
const num = (n: number) => new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 }).format(n);

/** One check of a submitted report: the escalation it calls for, or null. */
type DeviationCheck = (doc: DocumentRow, namndId: string) => Promise<NewEscalation | null>;

/**
 * Reads a submitted report and says which deviations must escalate by themselves (§5.4.2):
 * a deficit that reaches the nämnd's threshold, indicators not on track, a negative
 * balance-requirement result. Which checks a report runs is the domain's (escalationChecksFor:
 * ESCALATION_RULES over the document type's traits); how each check reads the report is here.
 * Each escalation is keyed by kind and source document.
 */
export class AssessDeviations {
  private readonly thresholds: DeviationThresholds;
  private readonly adoptedGoals: AdoptedGoals;
  private readonly checks: Readonly<Record<EscalationKind, DeviationCheck | null>> = {
    budget: (doc, namndId) => this.budget(doc, namndId),
    goal: (doc, namndId) => this.goal(doc, namndId),
    balance: async (doc, namndId) => {
      const balans = doc.data?.['balanskravsresultat'];
      return Number.isSafeInteger(balans) && Number(balans) < 0 ? this.balance(doc, namndId) : null;
    },
    // Reported by a nämnd, never found in a report.
    adhoc: null,
  };

  constructor(ds: DataSource) {
    this.thresholds = new DeviationThresholds(ds);
    this.adoptedGoals = new AdoptedGoals(ds);
  }

  async execute(doc: DocumentRow, tree: OrgTree): Promise<NewEscalation[]> {
    const namnd = tree.namndOf(doc.orgUnitId) ?? tree.require(doc.orgUnitId);
    const out: NewEscalation[] = [];
    for (const kind of escalationChecksFor(doc.type)) {
      const found = await this.checks[kind]?.(doc, namnd.id);
      if (found) out.push(found);
    }
    return out;
  }

  /** A full-year forecast whose deficit reaches the nämnd's threshold (to KS). */
  private async budget(doc: DocumentRow, namndId: string): Promise<NewEscalation | null> {
    const data = doc.data ?? {};
    const ekonomi = data['ekonomi'] as { budget?: unknown; prognos?: unknown } | undefined;
    if (!Number.isSafeInteger(ekonomi?.budget) || !Number.isSafeInteger(ekonomi?.prognos)) return null;
    const e = { budget: Number(ekonomi?.budget), prognos: Number(ekonomi?.prognos) };
    const threshold = await this.thresholds.thresholdFor(namndId, doc.year);
    if (threshold === null || !isSignificantBudgetDeviation(e, threshold)) return null;
    return {
      ...base(doc, namndId),
      kind: 'budget',
      sourceKey: `budget__${doc.id}`,
      amount: budgetDeviation(e),
      threshold,
      measures: str(data['foreslagnaAtgarder']),
      description: `Prognosen för helåret (${kr(e.prognos)}) avviker från budget (${kr(e.budget)}) med ${kr(budgetDeviation(e))}.`,
      toBody: ESCALATION_RULES.budget.toBody,
    };
  }

  /** Nämndmål whose indicators are not on track (to KS). */
  private async goal(doc: DocumentRow, namndId: string): Promise<NewEscalation | null> {
    const data = doc.data ?? {};
    const behind = (await this.goalsOffTrack(doc, namndId)).filter((g) => g.offTrack);
    if (!behind.length) return null;
    return {
      ...base(doc, namndId),
      kind: 'goal',
      sourceKey: `goal__${doc.id}`,
      amount: null,
      threshold: null,
      measures: str(data['bristandeMaluppfyllelse']) ?? str(data['foreslagnaAtgarder']),
      description: describeGoals(behind),
      toBody: ESCALATION_RULES.goal.toBody,
    };
  }

  /**
   * The report's goals, each measured by its indicators' latest values against the targets of
   * the nämnd's adopted Mål- och budget (assessGoalFulfilment). A goal without measurable
   * indicators (no adopted Mål- och budget, or none of its indicators in it) falls back to the
   * report's own `bedomning`.
   */
  private async goalsOffTrack(doc: DocumentRow, namndId: string): Promise<GoalAssessment[]> {
    const results = doc.data?.['maluppfyllelse'];
    if (!Array.isArray(results) || !results.length) return [];
    const { goals, span } = await this.adoptedGoals.of(namndId, doc.year);
    return assessGoalFulfilment({
      goals,
      span,
      results: results as ReportedIndicator[],
      at: resultDay(doc.type, doc.year) as string,
    });
  }

  /** The balance-requirement escalation of an annual report (to KF, special åtgärdsplan). */
  balance(doc: DocumentRow, orgUnitId: string): NewEscalation {
    const balans = Number(doc.data?.['balanskravsresultat'] ?? NaN);
    return {
      orgUnitId,
      year: doc.year,
      sourceDocumentId: doc.id,
      reportedByUserId: null,
      kind: 'balance',
      sourceKey: `balance__${doc.id}`,
      amount: Number.isSafeInteger(balans) ? balans : null,
      threshold: 0,
      measures: str(doc.data?.['aterstallandeBalanskrav']),
      description: Number.isSafeInteger(balans)
        ? `Balanskravsresultatet ${doc.year} är ${kr(balans)} och ska återställas inom tre år.`
        : 'Negativt balanskravsresultat.',
      toBody: ESCALATION_RULES.balance.toBody,
    };
  }
}

/** Names each goal off track and the indicators that make it so. */
function describeGoals(behind: GoalAssessment[]): string {
  const items = behind.flatMap((g) =>
    g.offTrackIndicators.map((i) => {
      const value = i.utfall === null ? 'inget utfall' : num(i.utfall);
      return g.basis === 'indicators'
        ? `${g.namndmalId} (${i.indikator}: ${value} mot ${num(i.expected ?? 0)} enligt plan, målnivå ${num(i.malniva ?? 0)})`
        : `${g.namndmalId} (${i.indikator}: ${value}) enligt rapportens bedömning`;
    }),
  );
  const measured = behind.some((g) => g.basis === 'indicators');
  return (
    `Nämndmål som inte nås enligt plan: ${items.join('; ')}.` +
    (measured
      ? ' Indikatorerna är mätta mot linjen från ingångsvärde till målnivå i nämndens fastställda Mål- och budget.'
      : '')
  );
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

function base(doc: DocumentRow, namndId: string) {
  return { orgUnitId: namndId, year: doc.year, sourceDocumentId: doc.id, reportedByUserId: null };
}
