import type { Provider } from '@nestjs/common';
import { defaultWheelDueAt } from '@rodtrad/engine';

/** The due moment of a year-wheel key; the default is the source's wheel. */
export type DueAtPort = (
  key: string,
  year: number,
  period: string | null,
  createdAt: Date,
) => Promise<Date | null>;
export const YEAR_WHEEL_DUE_AT = Symbol('YEAR_WHEEL_DUE_AT');

export const DEFAULT_YEAR_WHEEL_PROVIDER: Provider = {
  provide: YEAR_WHEEL_DUE_AT,
  useValue: defaultWheelDueAt,
};
