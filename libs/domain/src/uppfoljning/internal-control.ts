import type { RiskLevel, RiskLevelThresholds } from './risk';
import { riskLevel } from './risk';

/**
 * The five marks of good internal control in Hallsberg (styrsystem §2), word for word: each
 * control of an internkontrollplan names the ones it serves (`kontrollmal`, at least one).
 */
export const CONTROL_AIMS = [
  'ändamålsenliga och väl dokumenterade system och rutiner för styrning',
  'en rättvisande och tillförlitlig redovisning och information om verksamheten',
  'säkerställande av att lagar, policies, reglementen m.m. tillämpas',
  'skydd mot förluster eller förstörelse av kommunens tillgångar',
  'eliminering eller upptäckt av allvarliga fel',
] as const;
export type ControlAim = (typeof CONTROL_AIMS)[number];

/**
 * The risk matrix of the installation: likelihood and consequence are each graded 1..size, the
 * risk value is their product, and two thresholds colour it low, medium and high. Swedish
 * municipalities mostly use 4 × 4 (the default); some use 5 × 5.
 */
export interface RiskMatrix extends RiskLevelThresholds {
  size: number;
}

export const DEFAULT_RISK_MATRIX: RiskMatrix = { size: 4, mediumFrom: 5, highFrom: 9 };
export const RISK_MATRIX_SIZES = { min: 2, max: 10 } as const;

export interface RiskMatrixProblem {
  pointer: string;
  message: string;
}

/** What is wrong with a matrix an administrator sends (Swedish, by JSON pointer); empty when none. */
export function riskMatrixProblems(m: RiskMatrix): RiskMatrixProblem[] {
  const problems: RiskMatrixProblem[] = [];
  const whole = (v: unknown) => typeof v === 'number' && Number.isInteger(v);
  if (!whole(m.size) || m.size < RISK_MATRIX_SIZES.min || m.size > RISK_MATRIX_SIZES.max) {
    problems.push({
      pointer: '/size',
      message: `Matrisens storlek ska vara ett heltal från ${RISK_MATRIX_SIZES.min} till ${RISK_MATRIX_SIZES.max}.`,
    });
    return problems;
  }
  const top = m.size * m.size;
  if (!whole(m.mediumFrom) || m.mediumFrom < 2 || m.mediumFrom > top)
    problems.push({
      pointer: '/mediumFrom',
      message: `Gränsen för medelrisk ska vara ett heltal från 2 till ${top}.`,
    });
  if (!whole(m.highFrom) || m.highFrom < 2 || m.highFrom > top)
    problems.push({
      pointer: '/highFrom',
      message: `Gränsen för hög risk ska vara ett heltal från 2 till ${top}.`,
    });
  else if (whole(m.mediumFrom) && m.highFrom <= m.mediumFrom)
    problems.push({
      pointer: '/highFrom',
      message: 'Gränsen för hög risk ska vara större än gränsen för medelrisk.',
    });
  return problems;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => !!v && typeof v === 'object' && !Array.isArray(v);
const isGrade = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1;

/**
 * The plan's data as it is stored: each risk's `riskvarde` is sannolikhet × konsekvens, whatever
 * the author sent (a typed value is never trusted); a risk not yet graded has none. The range of
 * the grades is the form's (its enum follows the matrix). Pure; data without `risker` is returned
 * as it is.
 */
export function withRiskValues<T>(data: T): T {
  if (!isObject(data) || !Array.isArray(data['risker'])) return data;
  const risker = (data['risker'] as unknown[]).map((r) => {
    if (!isObject(r)) return r;
    const { riskvarde: _typed, ...rest } = r;
    const s = r['sannolikhet'];
    const k = r['konsekvens'];
    return isGrade(s) && isGrade(k) ? { ...rest, riskvarde: s * k } : rest;
  });
  return { ...data, risker } as T;
}

/** One risk of a plan as the matrix and the follow-up read it; `nr` is its place in the plan, from 1. */
export interface PlannedControl {
  nr: number;
  risk: string;
  kontroll: string;
  sannolikhet: number | null;
  konsekvens: number | null;
  riskvarde: number | null;
  kontrollmal: string[];
}

/** The plan's risks and controls, in its order; the risk value computed (never the stored one). */
export function plannedControls(planData: unknown): PlannedControl[] {
  const risker = isObject(planData) && Array.isArray(planData['risker']) ? planData['risker'] : [];
  return risker.map((r, i) => {
    const o = isObject(r) ? r : {};
    const s = isGrade(o['sannolikhet']) ? o['sannolikhet'] : null;
    const k = isGrade(o['konsekvens']) ? o['konsekvens'] : null;
    return {
      nr: i + 1,
      risk: typeof o['risk'] === 'string' ? o['risk'] : '',
      kontroll: typeof o['kontroll'] === 'string' ? o['kontroll'] : '',
      sannolikhet: s,
      konsekvens: k,
      riskvarde: s !== null && k !== null ? s * k : null,
      kontrollmal: Array.isArray(o['kontrollmal'])
        ? o['kontrollmal'].filter((a): a is string => typeof a === 'string')
        : [],
    };
  });
}

export interface RiskMatrixCell {
  sannolikhet: number;
  konsekvens: number;
  riskvarde: number;
  level: RiskLevel;
  risks: { nr: number; risk: string }[];
}

export interface RiskMatrixGrid {
  /** Rows from the highest likelihood down (as the matrix is drawn), columns by consequence 1..size. */
  rows: { sannolikhet: number; cells: RiskMatrixCell[] }[];
  /** Risks graded outside the matrix (a plan adopted under a larger one) or not graded. */
  outside: { nr: number; risk: string }[];
  total: number;
}

/** Places each risk of a plan in the likelihood × consequence grid of the matrix. Pure. */
export function riskMatrixGrid(controls: readonly PlannedControl[], matrix: RiskMatrix): RiskMatrixGrid {
  const rows: RiskMatrixGrid['rows'] = [];
  for (let s = matrix.size; s >= 1; s--) {
    const cells: RiskMatrixCell[] = [];
    for (let k = 1; k <= matrix.size; k++)
      cells.push({
        sannolikhet: s,
        konsekvens: k,
        riskvarde: s * k,
        level: riskLevel(s * k, matrix),
        risks: [],
      });
    rows.push({ sannolikhet: s, cells });
  }
  const outside: RiskMatrixGrid['outside'] = [];
  for (const c of controls) {
    const s = c.sannolikhet;
    const k = c.konsekvens;
    if (s === null || k === null || s > matrix.size || k > matrix.size) {
      outside.push({ nr: c.nr, risk: c.risk });
      continue;
    }
    rows[matrix.size - s].cells[k - 1].risks.push({ nr: c.nr, risk: c.risk });
  }
  return { rows, outside, total: controls.length };
}

/** The outcome of one control in a report (delårsrapport, verksamhetsberättelse). */
export const CONTROL_OUTCOMES = ['genomford', 'avvikelse', 'ej-genomford'] as const;
export type ControlOutcome = (typeof CONTROL_OUTCOMES)[number];
export const CONTROL_OUTCOME_LABELS: Readonly<Record<ControlOutcome, string>> = {
  genomford: 'Genomförd utan avvikelse',
  avvikelse: 'Genomförd med avvikelse',
  'ej-genomford': 'Ej genomförd',
};

export interface ReportedControl {
  nr: number | null;
  kontroll: string;
  utfall: ControlOutcome | null;
  beskrivning: string;
  atgard: string;
}

/** The report's `internkontroll` rows, read defensively. */
export function readControlFollowUp(reportData: unknown): ReportedControl[] {
  const rows =
    isObject(reportData) && Array.isArray(reportData['internkontroll']) ? reportData['internkontroll'] : [];
  return rows.filter(isObject).map((r) => ({
    nr: isGrade(r['nr']) ? r['nr'] : null,
    kontroll: typeof r['kontroll'] === 'string' ? r['kontroll'] : '',
    utfall: (CONTROL_OUTCOMES as readonly unknown[]).includes(r['utfall'])
      ? (r['utfall'] as ControlOutcome)
      : null,
    beskrivning: typeof r['beskrivning'] === 'string' ? r['beskrivning'] : '',
    atgard: typeof r['atgard'] === 'string' ? r['atgard'] : '',
  }));
}

/** The rows a report starts with: one per control of the nämnd's adopted plan, outcome to be filled in. */
export function controlFollowUpPrefill(planData: unknown): { nr: number; kontroll: string }[] {
  return plannedControls(planData).map((c) => ({ nr: c.nr, kontroll: c.kontroll }));
}

export interface ControlDeviation extends ReportedControl {
  utfall: 'avvikelse' | 'ej-genomford';
}

export interface ControlSummary {
  /** Controls in the adopted plan. */
  planned: number;
  /** Reported as carried out (with or without a deviation). */
  performed: number;
  withDeviation: number;
  notPerformed: number;
  /** Planned controls the report gives no outcome for. */
  unreported: number;
  /** Every control that deviated or was not carried out, in the report's order. */
  deviations: ControlDeviation[];
}

/**
 * A nämnd's follow-up of its plan: how many controls were planned, carried out, found deviations
 * or were not carried out, and which. A reported row counts once; a planned control with no row
 * (by its number, else by its text) or no outcome is unreported. Pure.
 */
export function summariseControls(
  plan: readonly PlannedControl[],
  reported: readonly ReportedControl[],
): ControlSummary {
  const withOutcome = reported.filter((r) => r.utfall !== null);
  // A row names its control by its number in the plan; a row without one (typed in by hand) by its text.
  const covered = new Set(
    withOutcome.map(
      (r) => r.nr ?? plan.find((c) => c.kontroll !== '' && c.kontroll === r.kontroll)?.nr ?? null,
    ),
  );
  const count = (o: ControlOutcome) => withOutcome.filter((r) => r.utfall === o).length;
  return {
    planned: plan.length,
    performed: count('genomford') + count('avvikelse'),
    withDeviation: count('avvikelse'),
    notPerformed: count('ej-genomford'),
    unreported: plan.filter((c) => !covered.has(c.nr)).length,
    deviations: withOutcome.filter(
      (r): r is ControlDeviation => r.utfall === 'avvikelse' || r.utfall === 'ej-genomford',
    ),
  };
}
