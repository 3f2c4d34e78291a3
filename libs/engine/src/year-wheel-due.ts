import { addDays, defaultYearWheel, dueInstant, type YearWheelEntry } from '@rodtrad/domain';

/**
 * The due instant of a year-wheel key: a fixed date (end of that day in Stockholm), or, for
 * keys relative to the trigger (åtgärdsplan), N days after the document was created.
 * `wheel` defaults to the source's year wheel; the municipality's edited wheel replaces it.
 */
export function dueAtFromWheel(
  wheel: readonly YearWheelEntry[],
  key: string,
  period: string | null,
  createdAt: Date,
): Date | null {
  const candidates = wheel.filter((e) => e.key === key);
  const entry =
    candidates.find((e) => (e.period ?? null) === period) ??
    (candidates.length === 1 ? candidates[0] : undefined);
  if (!entry) return null;
  if (entry.date) return dueInstant(entry.date);
  if (entry.relativeDays !== undefined)
    return dueInstant(addDays(createdAt.toISOString().slice(0, 10), entry.relativeDays));
  return null;
}

// The default wheel of a year never changes: build it once per year.
const defaultWheels = new Map<number, readonly YearWheelEntry[]>();
const wheelOf = (year: number) => {
  let wheel = defaultWheels.get(year);
  if (!wheel) defaultWheels.set(year, (wheel = defaultYearWheel(year)));
  return wheel;
};

export const defaultWheelDueAt = (
  key: string,
  year: number,
  period: string | null,
  createdAt: Date,
): Promise<Date | null> => Promise.resolve(dueAtFromWheel(wheelOf(year), key, period, createdAt));
