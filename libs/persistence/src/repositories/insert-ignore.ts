/**
 * INSERT IGNORE makes a repeated key a no-op, which is how the idempotent inserts here dedupe;
 * but it also turns every other error into a warning: a value out of range stored clamped, a text
 * cut. A row that was inserted with warnings is refused here (the caller's transaction rolls it
 * back), so only the duplicate is ever ignored.
 */
export function refuseIfStoredWithWarnings(res: unknown, table: string): void {
  const r = res as { affectedRows?: number; warningStatus?: number } | undefined;
  if (r && Number(r.affectedRows ?? 0) > 0 && Number(r.warningStatus ?? 0) > 0)
    throw new Error(
      `A row of ${table} would have been stored altered (${r.warningStatus} warning(s), e.g. a value out of range): refused`,
    );
}
