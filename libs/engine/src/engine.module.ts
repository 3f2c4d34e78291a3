import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { DocumentAuditRepository, DocumentRepository } from '@rodtrad/persistence';
import { DefinitionStore } from './definition-store';
import { DocumentEngine } from './document-engine';
import { createDocumentEngine } from './engine-factory';
import { MunicipalYearWheel } from './municipal-year-wheel';
import { OrgTreeCache } from './org-tree-cache';

export interface EngineModuleOptions {
  /** The process's open connection (the apps open it before Nest starts). */
  dataSource: DataSource;
  /** How many documents the engine remembers (AppConfig.documentCache); the engine's default when absent. */
  documentCache?: number;
}

/** What the engine module builds, once per process, and hands to the app that imports it. */
const EXPORTED = [
  DocumentEngine,
  DefinitionStore,
  MunicipalYearWheel,
  OrgTreeCache,
  DocumentRepository,
  DocumentAuditRepository,
] as const;

/**
 * The document engine and its collaborators, built once for the API and the worker alike: the
 * definition store, the municipality's year wheel (the engine's due dates), one organisation tree
 * per process, and the document and audit repositories for those who read documents without
 * changing them (nobody reaches through the engine for them).
 */
@Module({})
export class EngineModule {
  static forRoot(options: EngineModuleOptions): DynamicModule {
    const { dataSource: ds } = options;
    const providers: Provider[] = [
      { provide: DefinitionStore, useFactory: () => DefinitionStore.fromCwd(ds) },
      { provide: MunicipalYearWheel, useFactory: () => new MunicipalYearWheel(ds) },
      { provide: OrgTreeCache, useFactory: () => new OrgTreeCache(ds) },
      { provide: DocumentRepository, useFactory: () => new DocumentRepository(ds) },
      { provide: DocumentAuditRepository, useFactory: () => new DocumentAuditRepository(ds) },
      {
        provide: DocumentEngine,
        useFactory: (definitions: DefinitionStore, wheel: MunicipalYearWheel, org: OrgTreeCache) =>
          createDocumentEngine(ds, {
            definitions,
            orgTree: () => org.tree(),
            dueAt: wheel.dueAt,
            documentCache: options.documentCache,
          }),
        inject: [DefinitionStore, MunicipalYearWheel, OrgTreeCache],
      },
    ];
    return { module: EngineModule, providers, exports: [...EXPORTED] };
  }
}
