import type { Queryable } from './batched-transaction';

/**
 * Takes the next registration number of a body for a year. Runs inside the caller's
 * transaction: the row lock serialises concurrent registrations, and a rollback returns the
 * number, so the series has no gaps.
 */
export async function nextDiariumNumber(m: Queryable, bodyCode: string, year: number): Promise<number> {
  await m.query(
    'INSERT INTO diarium_sequence (body_code, year, last_number) VALUES (?, ?, 0) ON DUPLICATE KEY UPDATE last_number = last_number',
    [bodyCode, year],
  );
  const [{ n }] = await m.query(
    'SELECT last_number + 1 AS n FROM diarium_sequence WHERE body_code = ? AND year = ? FOR UPDATE',
    [bodyCode, year],
  );
  await m.query('UPDATE diarium_sequence SET last_number = ? WHERE body_code = ? AND year = ?', [
    n,
    bodyCode,
    year,
  ]);
  return Number(n);
}

/** The diarium: registering bodies and their number series. Every call runs in the caller's transaction. */
export class DiariumRepository {
  /** The code of the registering body of a kind ('ks' → the KS unit's code), or null without one. */
  async bodyCode(kind: string, m: Queryable): Promise<string | null> {
    const [unit] = await m.query('SELECT code FROM org_unit WHERE kind = ? ORDER BY code LIMIT 1', [kind]);
    return unit?.code ?? null;
  }

  /** The body's next number for the year (see nextDiariumNumber). */
  nextNumber(bodyCode: string, year: number, m: Queryable): Promise<number> {
    return nextDiariumNumber(m, bodyCode, year);
  }
}
