import {
  Module,
  type DynamicModule,
  type InjectionToken,
  type ModuleMetadata,
  type Provider,
} from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import { DocumentAuditRepository, DocumentRepository } from '@rodtrad/persistence';
import type { ApprovalSettings } from './approvals/approval-settings';
import { DefinitionStore } from './definition-store';
import { DocumentEngine } from './document-engine';
import { createDocumentEngine } from './engine-factory';
import type { EscalationSettings } from './escalations/follow-up-escalation';
import { MunicipalYearWheel } from './municipal-year-wheel';
import { OrgTreeCache } from './org-tree-cache';
import { DocumentPublisher } from './publishing/document-publisher';
import { RecipientDirectory } from './recipient-directory';
import {
  APPROVAL_PROVIDERS,
  APPROVAL_SETTINGS,
  dataSourceProvider,
  ENGINE_MAIL_OUTBOX,
  ESCALATION_PROVIDERS,
  ESCALATION_SETTINGS,
} from './use-case-providers';

/** The settings the engine's use cases take from the app's configuration. */
export type EngineConfig = Pick<
  AppConfig,
  | 'documentCache'
  | 'publicUrl'
  | 'approvalTtlDays'
  | 'approvalGraceDays'
  | 'sessionSecret'
  | 'escalationRecipientRoles'
>;

export interface EngineModuleOptions {
  /** The process's open connection (the apps open it before Nest starts). */
  dataSource: DataSource;
  config: EngineConfig;
  /**
   * The app's mail outbox (an EngineMailOutbox, ports.ts), by its injection token: the API's
   * ApiMailOutbox, the worker's QueuedMailOutbox on its mail queue.
   */
  mailOutbox: InjectionToken;
  /** Modules that export `mailOutbox` (none when a global module of the app does). */
  imports?: ModuleMetadata['imports'];
}

export const approvalSettings = (c: EngineConfig): ApprovalSettings => ({
  publicUrl: c.publicUrl,
  ttlDays: c.approvalTtlDays,
  graceDays: c.approvalGraceDays,
  sessionSecret: c.sessionSecret,
});

export const escalationSettings = (c: EngineConfig): EscalationSettings => ({
  publicUrl: c.publicUrl,
  ksRecipientRoles: c.escalationRecipientRoles,
});

/** What the engine module builds, once per process, and hands to the app that imports it. */
const EXPORTED: InjectionToken[] = [
  DocumentEngine,
  DefinitionStore,
  MunicipalYearWheel,
  OrgTreeCache,
  RecipientDirectory,
  DocumentRepository,
  DocumentAuditRepository,
  DocumentPublisher,
  APPROVAL_SETTINGS,
  ...[...APPROVAL_PROVIDERS, ...ESCALATION_PROVIDERS].map((p) => (p as { provide: InjectionToken }).provide),
];

/**
 * The document engine and its collaborators, built once per process for the API and the worker
 * alike (global, so every module injects the same ones): the definition store, the municipality's
 * year wheel (the engine's due dates), one organisation tree and the directory of people over it,
 * the document and audit repositories for those who read documents without changing them (nobody
 * reaches through the engine for them), and the approval and escalation use cases. What differs
 * per app comes in through the options: the settings from its configuration and its mail outbox.
 */
@Module({})
export class EngineModule {
  static forRoot(options: EngineModuleOptions): DynamicModule {
    const { dataSource: ds, config } = options;
    const providers: Provider[] = [
      dataSourceProvider(ds),
      { provide: DefinitionStore, useFactory: () => DefinitionStore.fromCwd(ds) },
      { provide: MunicipalYearWheel, useFactory: () => new MunicipalYearWheel(ds) },
      { provide: OrgTreeCache, useFactory: () => new OrgTreeCache(ds) },
      {
        provide: RecipientDirectory,
        useFactory: (org: OrgTreeCache) => new RecipientDirectory(ds, org),
        inject: [OrgTreeCache],
      },
      { provide: DocumentRepository, useFactory: () => new DocumentRepository(ds) },
      { provide: DocumentAuditRepository, useFactory: () => new DocumentAuditRepository(ds) },
      {
        provide: DocumentPublisher,
        useFactory: (definitions: DefinitionStore, org: OrgTreeCache) =>
          new DocumentPublisher(ds, definitions, () => org.tree()),
        inject: [DefinitionStore, OrgTreeCache],
      },
      {
        provide: DocumentEngine,
        useFactory: (definitions: DefinitionStore, wheel: MunicipalYearWheel, org: OrgTreeCache) =>
          createDocumentEngine(ds, {
            definitions,
            orgTree: () => org.tree(),
            dueAt: wheel.dueAt,
            documentCache: config.documentCache,
          }),
        inject: [DefinitionStore, MunicipalYearWheel, OrgTreeCache],
      },
      { provide: APPROVAL_SETTINGS, useValue: approvalSettings(config) },
      { provide: ESCALATION_SETTINGS, useValue: escalationSettings(config) },
      { provide: ENGINE_MAIL_OUTBOX, useExisting: options.mailOutbox },
      ...APPROVAL_PROVIDERS,
      ...ESCALATION_PROVIDERS,
    ];
    return {
      module: EngineModule,
      global: true,
      imports: options.imports ?? [],
      providers,
      exports: EXPORTED,
    };
  }
}
