import type { GoalColour } from './goal-fulfilment';

/**
 * The municipality's goal fulfilment at year end (#16): every nämnd's nämndmål, with the colour
 * of each of its indicators at the verksamhetsberättelse (goalFulfilment over the mandate
 * period), rolled up per strategic area. The same rule judges a goal by its indicators and an
 * area by all the indicators of its goals:
 *
 * - green when at least `greenShare` (three in four) of the measured indicators are green,
 * - red when more than `1 − greenShare` (one in four) are red,
 * - yellow otherwise; no colour when no indicator could be measured.
 *
 * Indicators without a result ("saknas") are counted and shown, but do not colour the goal.
 */
export interface RollUpIndicator {
  namn: string;
  colour: GoalColour | null;
}

export interface RollUpGoal {
  namndId: string;
  namnd: string;
  id: string;
  titel: string;
  strategisktOmrade: string;
  indikatorer: readonly RollUpIndicator[];
}

export interface ColourCount {
  green: number;
  yellow: number;
  red: number;
  saknas: number;
}

export interface AreaRollUp {
  omrade: string;
  /** false for the goals whose area is not one of the mandate period's ("Övriga mål"). */
  strategic: boolean;
  colour: GoalColour | null;
  bedomning: string;
  indikatorer: ColourCount;
  namndmal: {
    namndId: string;
    namnd: string;
    id: string;
    titel: string;
    colour: GoalColour | null;
    indikatorer: ColourCount;
  }[];
}

export const DEFAULT_GREEN_SHARE = 0.75;
export const OTHER_GOALS_AREA = 'Övriga mål';

const WORDS: Record<GoalColour | 'none', string> = {
  green: 'Uppfyllt i hög grad',
  yellow: 'Delvis uppfyllt',
  red: 'Inte uppfyllt',
  none: 'Kan inte bedömas: inga uppmätta indikatorer',
};

export function countColours(indicators: readonly RollUpIndicator[]): ColourCount {
  const c: ColourCount = { green: 0, yellow: 0, red: 0, saknas: 0 };
  for (const i of indicators) c[i.colour ?? 'saknas'] += 1;
  return c;
}

/** The colour of a set of indicators by the rule above. */
export function rolledUpColour(count: ColourCount, greenShare = DEFAULT_GREEN_SHARE): GoalColour | null {
  const measured = count.green + count.yellow + count.red;
  if (!measured) return null;
  const eps = 1e-9;
  if (count.green / measured >= greenShare - eps) return 'green';
  if (count.red / measured > 1 - greenShare + eps) return 'red';
  return 'yellow';
}

export function rolledUpWords(colour: GoalColour | null): string {
  return WORDS[colour ?? 'none'];
}

/**
 * One row per strategic area, in the mandate period's order (areas without goals too, so the
 * report shows what no nämnd aimed at), then "Övriga mål" for goals naming no area of the period.
 */
export function rollUpGoalFulfilment(
  areas: readonly string[],
  goals: readonly RollUpGoal[],
  greenShare = DEFAULT_GREEN_SHARE,
): AreaRollUp[] {
  const known = new Set(areas);
  const row = (omrade: string, strategic: boolean, of: readonly RollUpGoal[]): AreaRollUp => {
    const indikatorer = countColours(of.flatMap((g) => g.indikatorer));
    const colour = rolledUpColour(indikatorer, greenShare);
    return {
      omrade,
      strategic,
      colour,
      bedomning: rolledUpWords(colour),
      indikatorer,
      namndmal: of.map((g) => {
        const count = countColours(g.indikatorer);
        return {
          namndId: g.namndId,
          namnd: g.namnd,
          id: g.id,
          titel: g.titel,
          colour: rolledUpColour(count, greenShare),
          indikatorer: count,
        };
      }),
    };
  };
  const rows = areas.map((a) =>
    row(
      a,
      true,
      goals.filter((g) => g.strategisktOmrade === a),
    ),
  );
  const others = goals.filter((g) => !known.has(g.strategisktOmrade));
  return others.length ? [...rows, row(OTHER_GOALS_AREA, false, others)] : rows;
}
