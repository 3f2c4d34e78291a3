/**
 * INSERT IGNORE makes a repeated key a no-op, which is how the idempotent inserts here dedupe;
 * but it also turns every other error into a warning: a value out of range stored clamped, a text
 * cut, a NULL made a default. Each ignored duplicate leaves one warning, so a statement of `rows`
 * rows that inserted `affectedRows` of them may carry `rows − affectedRows` warnings and no more:
 * anything beyond that is another error, and the statement is refused here (the caller's
 * transaction rolls it back). Only the duplicate is ever ignored.
 */
export function refuseIfStoredWithWarnings(res: unknown, table: string, rows = 1): void {
  const r = res as { affectedRows?: number; warningStatus?: number } | undefined;
  if (!r) return;
  const duplicates = rows - Number(r.affectedRows ?? 0);
  const warnings = Number(r.warningStatus ?? 0);
  if (warnings > duplicates)
    throw new Error(
      `A row of ${table} would have been stored altered (${warnings} warning(s) for ${duplicates} duplicate(s) of ${rows} row(s), e.g. a value out of range or too long): refused`,
    );
}

/** The same check as a Statement's `check`, for inserts sent in a batch whose results nobody reads. */
export const onlyDuplicatesIgnored =
  (table: string, rows = 1) =>
  (res: unknown): void =>
    refuseIfStoredWithWarnings(res, table, rows);
