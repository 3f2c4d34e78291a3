/**
 * Amounts of an import are held in whole öre (integers), so sums over a hundred thousand lines are
 * exact; the reports get whole kronor, rounded once at the end.
 */

/** `"-1234.5"` (SIE: a point, at most two decimals) → −123450 öre; undefined when not an amount. */
export function sieAmountToOre(text: string): number | undefined {
  const m = /^([-+]?)(\d{1,15})(?:\.(\d{1,2}))?$/.exec(text);
  if (!m) return undefined;
  const ore = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' && ore !== 0 ? -ore : ore;
}

/**
 * A Swedish amount as a spreadsheet or CSV export writes it: `"1 234 567,89"`, `"-1234,5"`,
 * `"−12 000"` (a typographic minus), `"1234.50"`, `"(1 500)"` is not accepted. Thousands may be
 * separated by a space, a no-break space or a point when a comma is the decimal sign. Empty → 0.
 */
export function swedishAmountToOre(text: string): number | undefined {
  let t = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (t === '') return 0;
  t = t.replace(/^[\u2212\u2013]/, '-');
  if (t.includes(',')) {
    if (/,.*[.,]/.test(t)) return undefined;
    t = t.replace(/\.(?=\d{3}(?:\D|$))/g, '').replace(',', '.');
  }
  const m = /^([-+]?)(\d{1,15})(?:\.(\d{1,2}))?$/.exec(t);
  if (!m) return undefined;
  const ore = Number(m[2]) * 100 + Number((m[3] ?? '').padEnd(2, '0'));
  return m[1] === '-' && ore !== 0 ? -ore : ore;
}

/** A number from a spreadsheet cell (kronor, possibly with decimals) → öre. */
export function kronorNumberToOre(value: number): number | undefined {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e13) return undefined;
  return Math.round(value * 100);
}

/** Whole kronor from öre, rounded half away from zero (−0 is 0). */
export function oreToKronor(ore: number): number {
  const k = Math.sign(ore) * Math.round(Math.abs(ore) / 100);
  return k === 0 ? 0 : k;
}

/** `"2091-03"`, `"209103"`, `"2091-03-31"`, `"2091/03"` → { year, month }; undefined otherwise. */
export function parseImportPeriod(text: string): { year: number; month: number } | undefined {
  const m = /^(\d{4})[-/]?(\d{2})(?:[-/]?(\d{2}))?$/.exec(text.trim());
  if (!m) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  if (year < 1900 || year > 2999 || month < 1 || month > 12) return undefined;
  if (m[3] !== undefined) {
    const day = Number(m[3]);
    if (day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return undefined;
  }
  return { year, month };
}
