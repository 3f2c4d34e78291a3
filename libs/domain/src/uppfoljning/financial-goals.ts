/**
 * KF's financial goals and goals for god ekonomisk hushållning (§2.1, "Fastställs i
 * budgetdokumentet"), followed up in the municipality's interim and annual report with a traffic
 * light. Each goal is one indicator with a start value and a target for the budget year, reached
 * when the outcome is at least (`minst`) or at most (`hogst`) the target.
 */
export type FinancialGoalDirection = 'minst' | 'hogst';

/** green: reached; yellow: not reached but better than the start value; red: neither; grey: no outcome. */
export type FinancialGoalLight = 'green' | 'yellow' | 'red' | 'grey';

export interface FinancialGoal {
  mal: string;
  indikator: string;
  enhet?: string;
  riktning: FinancialGoalDirection;
  startvarde?: number | null;
  malvarde: number;
}

export interface FinancialGoalFollowUp extends FinancialGoal {
  utfall: number | null;
  light: FinancialGoalLight;
  /** Swedish, for the page and the report: "Uppnått", "Ej uppnått, men bättre än ingångsvärdet", … */
  bedomning: string;
}

const WORDS: Record<FinancialGoalLight, string> = {
  green: 'Uppnått',
  yellow: 'Ej uppnått, men bättre än ingångsvärdet',
  red: 'Ej uppnått',
  grey: 'Utfall saknas',
};

/**
 * The light of one goal: green when the outcome is at least (`minst`) or at most (`hogst`) the
 * target, the target itself included; yellow when it is not, but the outcome has moved from the
 * start value towards the target; red otherwise (also when there is no start value to compare
 * with); grey when there is no outcome.
 */
export function financialGoalLight(
  goal: FinancialGoal,
  utfall: number | null | undefined,
): FinancialGoalLight {
  if (utfall === null || utfall === undefined || !Number.isFinite(utfall)) return 'grey';
  const better = (a: number, b: number) => (goal.riktning === 'minst' ? a > b : a < b);
  const reached = utfall === goal.malvarde || better(utfall, goal.malvarde);
  if (reached) return 'green';
  const start = goal.startvarde;
  return typeof start === 'number' && Number.isFinite(start) && better(utfall, start) ? 'yellow' : 'red';
}

/** Each goal with its outcome (matched by indicator) and light, in the goals' order. */
export function followUpFinancialGoals(
  goals: readonly FinancialGoal[],
  outcomes: readonly { indikator: string; utfall: number | null }[],
): FinancialGoalFollowUp[] {
  return goals.map((goal) => {
    const found = outcomes.find((o) => o.indikator === goal.indikator);
    const utfall = found && typeof found.utfall === 'number' ? found.utfall : null;
    const light = financialGoalLight(goal, utfall);
    return { ...goal, utfall, light, bedomning: WORDS[light] };
  });
}

/** Reads goals as stored in Budget och flerårsplan's form; anything malformed is left out. */
export function readFinancialGoals(value: unknown): FinancialGoal[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => {
    const g = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;
    if (typeof g['mal'] !== 'string' || typeof g['indikator'] !== 'string') return [];
    if (typeof g['malvarde'] !== 'number') return [];
    const riktning: FinancialGoalDirection = g['riktning'] === 'hogst' ? 'hogst' : 'minst';
    return [
      {
        mal: g['mal'],
        indikator: g['indikator'],
        ...(typeof g['enhet'] === 'string' ? { enhet: g['enhet'] } : {}),
        riktning,
        startvarde: typeof g['startvarde'] === 'number' ? g['startvarde'] : null,
        malvarde: g['malvarde'],
      },
    ];
  });
}
