import type { Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import { createDocumentEngine, DefinitionStore, DocumentEngine } from '@rodtrad/engine';
import { OrgTreeService } from '../auth/org-tree.service';
import { APP_CONFIG, DATA_SOURCE } from '../infrastructure/tokens';
import { YEAR_WHEEL_DUE_AT, type DueAtPort } from './year-wheel.port';

/** The document engine and the definition store, as injectable services. */
export const ENGINE_PROVIDERS: Provider[] = [
  {
    provide: DefinitionStore,
    useFactory: (ds: DataSource) => DefinitionStore.fromCwd(ds),
    inject: [DATA_SOURCE],
  },
  {
    provide: DocumentEngine,
    useFactory: (
      ds: DataSource,
      definitions: DefinitionStore,
      orgTree: OrgTreeService,
      dueAt: DueAtPort,
      config: AppConfig,
    ) =>
      createDocumentEngine(ds, {
        definitions,
        orgTree: () => orgTree.tree(),
        dueAt,
        documentCache: config.documentCache,
      }),
    inject: [DATA_SOURCE, DefinitionStore, OrgTreeService, YEAR_WHEEL_DUE_AT, APP_CONFIG],
  },
];
