/** The due moment of a year-wheel key (provided from the municipality's edited wheel). */
export type DueAtPort = (
  key: string,
  year: number,
  period: string | null,
  createdAt: Date,
  wheelRevision?: string,
) => Promise<Date | null>;
export const YEAR_WHEEL_DUE_AT = Symbol('YEAR_WHEEL_DUE_AT');
