import type { OrgTree } from '../org/org-unit';

/**
 * Which responsibility codes (ansvar) belong to which unit, and which accounts make up net cost.
 * Codes and accounts are compared as numbers when both are digits (`"90"` < `"100"`), else as text.
 */

/** A code or a range of codes (`from` = `to` for one code) mapped to an org unit. */
export interface ResponsibilityRange {
  from: string;
  to: string;
  orgUnitId: string;
}

/** A range of accounts by their leading digits: `{ from: '3', to: '7' }` is classes 3–7. */
export interface AccountRange {
  from: string;
  to: string;
}

/**
 * BAS kommun (Kommun-Bas 13): class 3 income, 4 material and purchased services, 5 staff, 6–7
 * other operating costs make up a nämnd's net cost (verksamhetens nettokostnad); class 8 (tax
 * revenue, general government grants, financial items) is budgeted centrally by the finance
 * department, outside the nämnder's frames; classes 1–2 are the balance sheet, 0 and 9 internal
 * and closing accounts.
 */
export const DEFAULT_NET_COST_ACCOUNTS: readonly AccountRange[] = [{ from: '3', to: '7' }];

/** The SIE standard's dimension 1, "Kostnadsställe/resultatenhet", where ansvar is kept by default. */
export const DEFAULT_RESPONSIBILITY_DIMENSION = 1;

export function compareCodes(a: string, b: string): number {
  if (/^\d+$/.test(a) && /^\d+$/.test(b)) {
    const x = a.replace(/^0+(?=\d)/, '');
    const y = b.replace(/^0+(?=\d)/, '');
    return x.length !== y.length ? x.length - y.length : x < y ? -1 : x > y ? 1 : 0;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

export function codeInRange(code: string, range: { from: string; to: string }): boolean {
  return compareCodes(range.from, code) <= 0 && compareCodes(code, range.to) <= 0;
}

export function rangesOverlap(a: { from: string; to: string }, b: { from: string; to: string }): boolean {
  return compareCodes(a.from, b.to) <= 0 && compareCodes(b.from, a.to) <= 0;
}

/** The unit a code maps to (ranges do not overlap: the administrator's mapping refuses that). */
export function unitOfCode(code: string, ranges: readonly ResponsibilityRange[]): string | undefined {
  return ranges.find((r) => codeInRange(code, r))?.orgUnitId;
}

/** Does the account count as net cost? Compared on as many leading digits as each bound has. */
export function isNetCostAccount(account: string, ranges: readonly AccountRange[]): boolean {
  return ranges.some(
    (r) =>
      compareCodes(r.from, account.slice(0, r.from.length)) <= 0 &&
      compareCodes(account.slice(0, r.to.length), r.to) <= 0,
  );
}

/** A problem with a new range against the saved ones, in Swedish, or null. */
export function responsibilityRangeProblem(
  range: { from: string; to: string },
  saved: readonly (ResponsibilityRange & { unitName?: string })[],
): { pointer: string; message: string } | null {
  if (!range.from.trim()) return { pointer: '/from', message: 'Ange en ansvarskod.' };
  if (compareCodes(range.from, range.to) > 0)
    return { pointer: '/to', message: 'Intervallets slut ligger före dess början.' };
  const clash = saved.find((s) => rangesOverlap(s, range));
  if (clash)
    return {
      pointer: '/from',
      message: `Koderna ${clash.from === clash.to ? clash.from : `${clash.from}–${clash.to}`} är redan kopplade${clash.unitName ? ` till ${clash.unitName}` : ''}.`,
    };
  return null;
}

/** The units whose figures a nämnd's report sums: the nämnd and everything below it. */
export function unitsOfReport(tree: OrgTree, ownerId: string): Set<string> {
  return new Set([ownerId, ...tree.descendants(ownerId).map((u) => u.id)]);
}
