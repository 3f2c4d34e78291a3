import type { Provider } from '@nestjs/common';
import { MunicipalYearWheel } from '@rodtrad/engine';
import { YEAR_WHEEL_DUE_AT } from '../documents/year-wheel.port';

/**
 * The due-date port over the municipality's year wheel (built once by EngineModule, which gives
 * the engine the same wheel): new documents and transitions get the dates the municipality set,
 * not the source's defaults.
 */
export const MUNICIPAL_YEAR_WHEEL_PROVIDERS: Provider[] = [
  {
    provide: YEAR_WHEEL_DUE_AT,
    useFactory: (wheel: MunicipalYearWheel) => wheel.dueAt,
    inject: [MunicipalYearWheel],
  },
];
