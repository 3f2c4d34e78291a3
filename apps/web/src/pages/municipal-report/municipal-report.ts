/** Pure helpers of the municipality's report page. */

export type MunicipalReportKind = 'arsredovisning' | 'delarsrapport-kommunen';

export const MUNICIPAL_REPORT_KINDS: readonly MunicipalReportKind[] = [
  'arsredovisning',
  'delarsrapport-kommunen',
];

/** The kind named in the address (`?typ=`), the annual report by default. */
export function reportKindOf(search: string): MunicipalReportKind {
  const typ = new URLSearchParams(search).get('typ');
  return typ === 'delarsrapport-kommunen' ? 'delarsrapport-kommunen' : 'arsredovisning';
}

/** A deviation in words beside the number (never the sign alone): negative an underskott. */
export function deviationWord(value: number | null): 'underskott' | 'overskott' | 'balans' | null {
  if (value === null) return null;
  return value < 0 ? 'underskott' : value > 0 ? 'overskott' : 'balans';
}

/** The target with its direction: "≥ 2", "≤ 41 200". */
export function targetText(riktning: 'minst' | 'hogst', target: string): string {
  return `${riktning === 'minst' ? '≥' : '≤'} ${target}`;
}
