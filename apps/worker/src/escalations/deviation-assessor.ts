import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  assessGoalFulfilment,
  budgetDeviation,
  isSignificantBudgetDeviation,
  resultDay,
  type GoalAssessment,
  type OrgTree,
  type ReportedIndicator,
} from '@rodtrad/domain';
import { DeviationThresholds } from '@rodtrad/engine';
import type { DocumentRow, NewEscalation } from '@rodtrad/persistence';
import { WORKER_DATA_SOURCE } from '../tokens';
import { AdoptedGoals } from './adopted-goals';

const BUDGET_REPORTS = ['manadsrapport', 'tertialrapport', 'delarsrapport'];
const GOAL_REPORTS = ['tertialrapport', 'delarsrapport'];

const kr = (n: number) => `${new Intl.NumberFormat('sv-SE').format(n)} kr`;
const num = (n: number) => new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 }).format(n);

/**
 * Reads a submitted report and says which deviations must escalate by themselves (§5.4.2):
 * a deficit that reaches the nämnd's threshold, indicators not on track, a negative
 * balance-requirement result. Each escalation is keyed by kind and source document.
 */
@Injectable()
export class DeviationAssessor {
  private readonly thresholds: DeviationThresholds;
  private readonly adoptedGoals: AdoptedGoals;

  constructor(@Inject(WORKER_DATA_SOURCE) ds: DataSource) {
    this.thresholds = new DeviationThresholds(ds);
    this.adoptedGoals = new AdoptedGoals(ds);
  }

  async assess(doc: DocumentRow, tree: OrgTree): Promise<NewEscalation[]> {
    const data = doc.data ?? {};
    const namnd = tree.namndOf(doc.orgUnitId) ?? tree.require(doc.orgUnitId);
    const base = {
      orgUnitId: namnd.id,
      year: doc.year,
      sourceDocumentId: doc.id,
      reportedByUserId: null,
    };
    const out: NewEscalation[] = [];
    const ekonomi = data['ekonomi'] as { budget?: unknown; prognos?: unknown } | undefined;
    if (
      BUDGET_REPORTS.includes(doc.type) &&
      Number.isSafeInteger(ekonomi?.budget) &&
      Number.isSafeInteger(ekonomi?.prognos)
    ) {
      const e = { budget: Number(ekonomi?.budget), prognos: Number(ekonomi?.prognos) };
      const threshold = await this.thresholds.thresholdFor(namnd.id, doc.year);
      if (threshold !== null && isSignificantBudgetDeviation(e, threshold)) {
        out.push({
          ...base,
          kind: 'budget',
          sourceKey: `budget__${doc.id}`,
          amount: budgetDeviation(e),
          threshold,
          measures: str(data['foreslagnaAtgarder']),
          description: `Prognosen för helåret (${kr(e.prognos)}) avviker från budget (${kr(e.budget)}) med ${kr(budgetDeviation(e))}.`,
          toBody: 'ks',
        });
      }
    }
    if (GOAL_REPORTS.includes(doc.type)) {
      const behind = (await this.goalsOffTrack(doc, namnd.id)).filter((g) => g.offTrack);
      if (behind.length)
        out.push({
          ...base,
          kind: 'goal',
          sourceKey: `goal__${doc.id}`,
          amount: null,
          threshold: null,
          measures: str(data['bristandeMaluppfyllelse']) ?? str(data['foreslagnaAtgarder']),
          description: describeGoals(behind),
          toBody: 'ks',
        });
    }
    const balans = data['balanskravsresultat'];
    if (doc.type === 'verksamhetsberattelse' && Number.isSafeInteger(balans) && Number(balans) < 0)
      out.push(this.balance(doc, namnd.id));
    return out;
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
      toBody: 'kf',
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
