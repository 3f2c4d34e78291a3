import type { DataSource } from 'typeorm';
import {
  assessGoalFulfilment,
  balanceResultOfReport,
  budgetDeviation,
  deviationMeaning,
  ESCALATION_RULES,
  escalationChecksFor,
  investmentTotals,
  isSignificantBudgetDeviation,
  isSignificantInvestmentDeviation,
  overrunProjects,
  periodDeviation,
  readEkonomi,
  readInvesteringar,
  resultDay,
  type EscalationKind,
  type GoalAssessment,
  type OrgTree,
  type ReportedIndicator,
  kronorText,
} from '@rodtrad/domain';
import type { DocumentRow, NewEscalation } from '@rodtrad/persistence';
import { DeviationThresholds } from '../deviation-thresholds';
import { AdoptedGoals } from './adopted-goals';

const num = (n: number) => new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 }).format(n);

/** One check of a submitted report: the escalation it calls for, or null. */
type DeviationCheck = (doc: DocumentRow, namndId: string) => Promise<NewEscalation | null>;

/**
 * Reads a submitted report and says which deviations must escalate by themselves (§5.4.2):
 * a forecast overrun of at least the nämnd's threshold (budget, or decided investments), indicators not on track, a negative
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
    // The municipality's balanskravsutredning (årsredovisning), computed from its table.
    balance: async (doc, namndId) => {
      const balans = balanceResultOfReport(doc.data);
      return balans !== undefined && balans < 0 ? this.balance(doc, namndId) : null;
    },
    // Reported by a nämnd, never found in a report.
    adhoc: null,
    investment: (doc, namndId) => this.investment(doc, namndId),
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

  /**
   * A full-year forecast overrun of at least the nämnd's threshold (to KS): arsbudget − prognos,
   * in net cost (a cost positive), negative and |deviation| ≥ threshold.
   */
  private async budget(doc: DocumentRow, namndId: string): Promise<NewEscalation | null> {
    const data = doc.data ?? {};
    const e = readEkonomi(data['ekonomi']);
    if (!e) return null;
    const threshold = await this.thresholds.thresholdFor(namndId, doc.year);
    if (threshold === null || !isSignificantBudgetDeviation(e, threshold)) return null;
    const deviation = budgetDeviation(e);
    const period = periodDeviation(e);
    return {
      ...base(doc, namndId),
      kind: 'budget',
      sourceKey: `budget__${doc.id}`,
      amount: deviation,
      threshold,
      measures: str(data['foreslagnaAtgarder']),
      description:
        `Prognosen för helåret (${kronorText(e.prognos)}) överskrider årsbudgeten (${kronorText(e.arsbudget)}): ` +
        `underskott ${kronorText(-deviation)}, minst gränsen ${kronorText(threshold)}. ` +
        `Perioden: budget ${kronorText(e.periodbudget)}, utfall ${kronorText(e.utfall)}, ${deviationMeaning(period)} ${kronorText(Math.abs(period))}.`,
      toBody: ESCALATION_RULES.budget.toBody,
    };
  }

  /**
   * Decided investments forecast to cost at least the nämnd's investment threshold more than their
   * budget, all projects together (to KS, like a budget deviation).
   */
  private async investment(doc: DocumentRow, namndId: string): Promise<NewEscalation | null> {
    const data = doc.data ?? {};
    const projects = readInvesteringar(data['investeringar']);
    if (!projects.length) return null;
    const totals = investmentTotals(projects);
    const threshold = await this.thresholds.investmentThresholdFor(namndId, totals.budget);
    if (threshold === null || !isSignificantInvestmentDeviation(projects, threshold)) return null;
    const over = overrunProjects(projects)
      .map((p) => `${p.projekt} (prognos ${kronorText(p.prognos)} mot budget ${kronorText(p.budget)})`)
      .join('; ');
    return {
      ...base(doc, namndId),
      kind: 'investment',
      sourceKey: `investment__${doc.id}`,
      amount: totals.avvikelse,
      threshold,
      measures: str(data['foreslagnaAtgarder']),
      description:
        `De beslutade investeringarna prognostiseras till ${kronorText(totals.prognos)} mot budget ${kronorText(totals.budget)}: ` +
        `underskott ${kronorText(-totals.avvikelse)}, minst gränsen ${kronorText(threshold)}.` +
        (over ? ` Över budget: ${over}.` : ''),
      toBody: ESCALATION_RULES.investment.toBody,
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

  /**
   * The balance-requirement escalation of the municipality's annual report (to KF, special
   * åtgärdsplan), for the unit that owns it (KS, which prepared it).
   */
  balance(doc: DocumentRow, orgUnitId: string): NewEscalation {
    const balans = balanceResultOfReport(doc.data) ?? NaN;
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
        ? `Balanskravsresultatet ${doc.year} är ${kronorText(balans)} och ska återställas inom tre år.`
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
