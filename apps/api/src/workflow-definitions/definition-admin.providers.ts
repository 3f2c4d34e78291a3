import type { Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  DefinitionMigration,
  DefinitionStore,
  FormVersionAuthoring,
  WorkflowDefinitionAuthoring,
} from '@rodtrad/engine';
import { DATA_SOURCE } from '../infrastructure/tokens';
import { YEAR_WHEEL_DUE_AT, type DueAtPort } from './year-wheel.port';

/** The use cases of administering definition and form versions, as injectable services. */
export const DEFINITION_ADMIN_PROVIDERS: Provider[] = [
  {
    provide: WorkflowDefinitionAuthoring,
    useFactory: (ds: DataSource, store: DefinitionStore) => new WorkflowDefinitionAuthoring(ds, store),
    inject: [DATA_SOURCE, DefinitionStore],
  },
  {
    provide: FormVersionAuthoring,
    useFactory: (store: DefinitionStore, authoring: WorkflowDefinitionAuthoring) =>
      new FormVersionAuthoring(store, authoring),
    inject: [DefinitionStore, WorkflowDefinitionAuthoring],
  },
  {
    provide: DefinitionMigration,
    useFactory: (ds: DataSource, authoring: WorkflowDefinitionAuthoring, dueAt: DueAtPort) =>
      new DefinitionMigration(ds, authoring, { dueAt, now: () => new Date() }),
    inject: [DATA_SOURCE, WorkflowDefinitionAuthoring, YEAR_WHEEL_DUE_AT],
  },
];
