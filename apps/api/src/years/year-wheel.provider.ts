import type { Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { MunicipalYearWheel } from '@rodtrad/engine';
import { DATA_SOURCE } from '../infrastructure/tokens';
import { YEAR_WHEEL_DUE_AT } from '../documents/year-wheel.port';

/**
 * The municipality's year wheel from the database, and the engine's due-date port over it:
 * new documents and transitions get the dates the municipality set, not the source's defaults.
 */
export const MUNICIPAL_YEAR_WHEEL_PROVIDERS: Provider[] = [
  {
    provide: MunicipalYearWheel,
    useFactory: (ds: DataSource) => new MunicipalYearWheel(ds),
    inject: [DATA_SOURCE],
  },
  {
    provide: YEAR_WHEEL_DUE_AT,
    useFactory: (wheel: MunicipalYearWheel) => wheel.dueAt,
    inject: [MunicipalYearWheel],
  },
];
