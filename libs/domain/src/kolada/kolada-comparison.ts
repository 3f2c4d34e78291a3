import type { KoladaLink } from './kolada-link';
import type { KoladaValue } from './kolada-response';

/** The median of the numbers, or null for none (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number | null {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The municipalities an indicator is compared with, the municipality itself left out. */
export function comparisonMembers(
  link: KoladaLink,
  municipalityId: string,
  groupMembers: ReadonlyMap<string, readonly string[]>,
): string[] {
  const fromGroup = link.jamforelsegrupp ? (groupMembers.get(link.jamforelsegrupp) ?? []) : [];
  return [...new Set([...fromGroup, ...link.jamforelsekommuner])].filter((m) => m !== municipalityId);
}

export interface KoladaYearPoint {
  year: number;
  /** The municipality's total (T), kvinnor (K) and män (M), null where Kolada has none. */
  value: number | null;
  women: number | null;
  men: number | null;
  /** The median of the comparison municipalities' totals that year, and how many had one. */
  median: number | null;
  medianOf: number;
}

/**
 * The indicator's series: per year, the municipality's value (with its gender split where Kolada
 * gives one) beside the comparison group's median. Years where neither has a figure are left out.
 */
export function koladaSeries(
  link: KoladaLink,
  municipalityId: string,
  members: readonly string[],
  values: readonly KoladaValue[],
): KoladaYearPoint[] {
  const mine = values.filter((v) => v.kpi === link.kpi && v.municipalityId === municipalityId);
  const theirs = values.filter(
    (v) => v.kpi === link.kpi && v.gender === 'T' && v.value !== null && members.includes(v.municipalityId),
  );
  const years = [...new Set([...mine, ...theirs].map((v) => v.year))].sort((a, b) => a - b);
  const of = (year: number, gender: string) =>
    mine.find((v) => v.year === year && v.gender === gender)?.value ?? null;
  return years
    .map((year) => {
      const group = theirs.filter((v) => v.year === year).map((v) => v.value as number);
      return {
        year,
        value: of(year, 'T'),
        women: of(year, 'K'),
        men: of(year, 'M'),
        median: median(group),
        medianOf: group.length,
      };
    })
    .filter((p) => p.value !== null || p.median !== null);
}
