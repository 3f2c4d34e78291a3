import type { OrgUnitView, YearStatusRow } from '@rodtrad/contracts';

// Pure shaping of the registrar's view into the start page's "Året i korthet": per nämnd, what is
// late, what falls due soon and what waits for a decision. Unit tested without a DOM.

export interface NamndOverview {
  namndId: string;
  namndName: string;
  /** Past the due date and not decided. */
  late: number;
  /** Not decided, not late, due within `soonDays`. */
  dueSoon: number;
  /** Submitted and waiting for review or decision. */
  awaitingDecision: number;
}

/** How far ahead "förfaller snart" looks. */
export const SOON_DAYS = 14;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * One row per nämnd-like body (nämnd, KS, bolag) that has anything late, due soon or waiting,
 * the most late first. A unit's rows count for the nearest such body above it (or itself).
 */
export function overviewPerNamnd(
  rows: readonly YearStatusRow[],
  units: readonly OrgUnitView[],
  now: Date,
  soonDays = SOON_DAYS,
): NamndOverview[] {
  const byId = new Map(units.map((u) => [String(u.id), u]));
  const bodyOf = (unitId: string): OrgUnitView | undefined => {
    const seen = new Set<string>();
    let unit = byId.get(unitId);
    while (unit && !seen.has(String(unit.id))) {
      if (unit.kind === 'namnd' || unit.kind === 'ks' || unit.kind === 'bolag') return unit;
      seen.add(String(unit.id));
      unit = unit.parentId === null ? undefined : byId.get(String(unit.parentId));
    }
    return undefined;
  };
  const soon = now.getTime() + soonDays * DAY_MS;
  const out = new Map<string, NamndOverview>();
  for (const row of rows) {
    if (row.phase === 'decided') continue;
    const body = bodyOf(String(row.orgUnitId));
    if (!body) continue;
    const due = row.dueAt ? new Date(row.dueAt).getTime() : null;
    const late = row.overdue;
    const dueSoon = !late && due !== null && due >= now.getTime() && due <= soon;
    const waiting = row.phase === 'submitted';
    if (!late && !dueSoon && !waiting) continue;
    const id = String(body.id);
    const entry = out.get(id) ?? {
      namndId: id,
      namndName: body.name,
      late: 0,
      dueSoon: 0,
      awaitingDecision: 0,
    };
    if (late) entry.late++;
    if (dueSoon) entry.dueSoon++;
    if (waiting) entry.awaitingDecision++;
    out.set(id, entry);
  }
  return [...out.values()].sort(
    (a, b) => b.late - a.late || b.dueSoon - a.dueSoon || a.namndName.localeCompare(b.namndName, 'sv-SE'),
  );
}
