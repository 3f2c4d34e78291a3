import type { Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import { createDocumentEngine, DocumentEngine, MunicipalYearWheel } from '@rodtrad/engine';
import { WORKER_CONFIG, WORKER_DATA_SOURCE } from '../tokens';

/** The same engine the API uses, over the municipality's edited year wheel. */
export const ENGINE_PROVIDERS: Provider[] = [
  {
    provide: MunicipalYearWheel,
    useFactory: (ds: DataSource) => new MunicipalYearWheel(ds),
    inject: [WORKER_DATA_SOURCE],
  },
  {
    provide: DocumentEngine,
    useFactory: (ds: DataSource, wheel: MunicipalYearWheel, config: AppConfig) =>
      createDocumentEngine(ds, { dueAt: wheel.dueAt, documentCache: config.documentCache }),
    inject: [WORKER_DATA_SOURCE, MunicipalYearWheel, WORKER_CONFIG],
  },
];
