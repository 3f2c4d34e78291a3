import { isIsoDate } from '../arshjul/due-instant';
import { documentTypeTraits } from '../document-types/document-type-traits';
import { DomainError } from '../domain-error';
import { goalFulfilment, type GoalColour, type GoalFulfilment } from './goal-fulfilment';

/** An indicator of an adopted nämndmål (Mål- och budget): start value, target level, when. */
export interface IndicatorTarget {
  namn?: string;
  ingangsvarde?: number;
  malniva?: number;
  /** 'YYYY-MM-DD': when the target level is to be reached; the end of the mandate period if absent. */
  matdatum?: string;
}

/** The line an indicator is measured against runs from the start of the mandate period. */
export interface MandateSpan {
  startDate: string;
  endDate: string;
}

/** The mandate period as dates; a year without one is its own span. */
export function mandateSpan(
  period: { startYear: number; endYear: number } | null,
  year: number,
): MandateSpan {
  return period
    ? { startDate: `${period.startYear}-01-01`, endDate: `${period.endYear}-12-31` }
    : { startDate: `${year}-01-01`, endDate: `${year}-12-31` };
}

/** The day a report's indicator results stand at, or undefined for a type without goal results. */
export function resultDay(type: string, year: number): string | undefined {
  const at = documentTypeTraits(type)?.goalResultsAt;
  return at ? `${year}-${at}` : undefined;
}

/**
 * An indicator's latest value against the straight line from its start value to its target level
 * (goalFulfilment). Null when it cannot be measured: start or target missing, or figures that
 * contradict themselves (a target in the wrong direction, a target date before the start).
 */
export function indicatorFulfilment(
  target: IndicatorTarget,
  latestValue: number,
  at: string,
  span: MandateSpan,
): GoalFulfilment | null {
  if (typeof target.ingangsvarde !== 'number' || typeof target.malniva !== 'number') return null;
  if (!Number.isFinite(latestValue)) return null;
  const end =
    target.matdatum && isIsoDate(target.matdatum) && target.matdatum > span.startDate
      ? target.matdatum
      : span.endDate;
  try {
    return goalFulfilment({
      startValue: target.ingangsvarde,
      targetValue: target.malniva,
      startDate: span.startDate,
      endDate: end,
      latestValue,
      at,
    });
  } catch (err) {
    if (err instanceof DomainError) return null;
    throw err;
  }
}

/**
 * The rule for a goal judged by its indicators: off track as soon as one measured indicator is
 * red. Yellow (behind the line by at most the yellow band) is still on its way; unmeasured
 * indicators (null) do not count. No measured indicator at all: not off track by this rule.
 */
export function isGoalOffTrack(colours: readonly (GoalColour | null)[]): boolean {
  return colours.some((c) => c === 'red');
}

/** A nämndmål as the nämnd's adopted Mål- och budget has it. */
export interface AdoptedGoal {
  id?: string;
  titel?: string;
  indikatorer?: IndicatorTarget[];
}

/** One row of a report's `maluppfyllelse`: a goal's indicator, its latest value and the report's own assessment. */
export interface ReportedIndicator {
  namndmalId?: unknown;
  indikator?: unknown;
  utfall?: unknown;
  bedomning?: unknown;
}

export interface IndicatorAssessment {
  indikator: string;
  utfall: number | null;
  /** Null when the indicator cannot be measured against an adopted target. */
  colour: GoalColour | null;
  /** Where the line stands on the report's day, when measured. */
  expected: number | null;
  malniva: number | null;
  bedomning: string | null;
}

export interface GoalAssessment {
  namndmalId: string;
  titel: string | null;
  /** 'indicators' when at least one indicator was measured; otherwise the report's own bedömning. */
  basis: 'indicators' | 'bedomning';
  offTrack: boolean;
  indicators: IndicatorAssessment[];
  /** The indicators that make the goal off track (red ones, or those assessed ej-enligt-plan). */
  offTrackIndicators: IndicatorAssessment[];
}

export interface GoalDeviationInput {
  /** The nämndmål of the nämnd's adopted Mål- och budget; empty when none is adopted. */
  goals: readonly AdoptedGoal[];
  /** The report's `maluppfyllelse` rows. */
  results: readonly ReportedIndicator[];
  /** The day the report's figures stand at (resultDay). */
  at: string;
  span: MandateSpan;
}

const OFF_TRACK_BEDOMNING = 'ej-enligt-plan';
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * Goal fulfilment of a tertial or interim report, goal by goal (§5.4.2.1, §6.1 May and August).
 * Each reported indicator is measured against the target of the same goal and indicator name in
 * the adopted Mål- och budget. A goal with at least one measured indicator is judged by them
 * (isGoalOffTrack: off track when any is red), whatever the report's bedömning says. A goal none
 * of whose indicators can be measured (no adopted Mål- och budget, an indicator it does not list,
 * missing or contradictory figures) falls back to the report's own bedömning: off track when a
 * row says ej-enligt-plan. Goals come out in the order the report first names them.
 */
export function assessGoalFulfilment(input: GoalDeviationInput): GoalAssessment[] {
  const byGoal = new Map<string, ReportedIndicator[]>();
  for (const r of input.results) {
    const id = text(r.namndmalId).trim();
    if (!id) continue;
    byGoal.set(id, [...(byGoal.get(id) ?? []), r]);
  }
  return [...byGoal].map(([namndmalId, rows]) => {
    const goal = input.goals.find((g) => g.id === namndmalId);
    const indicators = rows.map((r): IndicatorAssessment => {
      const name = text(r.indikator);
      const utfall = typeof r.utfall === 'number' && Number.isFinite(r.utfall) ? r.utfall : null;
      const target = goal?.indikatorer?.find((i) => i.namn === name);
      const measured =
        target && utfall !== null ? indicatorFulfilment(target, utfall, input.at, input.span) : null;
      return {
        indikator: name,
        utfall,
        colour: measured?.colour ?? null,
        expected: measured?.expected ?? null,
        malniva: measured && target && typeof target.malniva === 'number' ? target.malniva : null,
        bedomning: typeof r.bedomning === 'string' ? r.bedomning : null,
      };
    });
    const measured = indicators.some((i) => i.colour !== null);
    const offTrackIndicators = measured
      ? indicators.filter((i) => isGoalOffTrack([i.colour]))
      : indicators.filter((i) => i.bedomning === OFF_TRACK_BEDOMNING);
    return {
      namndmalId,
      titel: goal?.titel ?? null,
      basis: measured ? 'indicators' : 'bedomning',
      offTrack: measured ? isGoalOffTrack(indicators.map((i) => i.colour)) : offTrackIndicators.length > 0,
      indicators,
      offTrackIndicators,
    };
  });
}
