import { Global, Module, type Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { MailMessageRepository } from '@rodtrad/mail';
import {
  AdminAuditRepository,
  ApprovalRepository,
  BalanceRestorationRepository,
  EscalationRepository,
  OidcGroupMappingRepository,
  OrgUnitRepository,
  SessionRepository,
  StandingSubstituteRepository,
  UserRepository,
} from '@rodtrad/persistence';
import { DATA_SOURCE } from './tokens';

/**
 * The repositories the API reads and writes through, built once over the process's connection and
 * injected wherever needed. The document and audit repositories come from EngineModule.
 */
const REPOSITORIES = [
  AdminAuditRepository,
  ApprovalRepository,
  BalanceRestorationRepository,
  EscalationRepository,
  MailMessageRepository,
  OidcGroupMappingRepository,
  OrgUnitRepository,
  SessionRepository,
  StandingSubstituteRepository,
  UserRepository,
] as const;

const providers: Provider[] = REPOSITORIES.map((Repo) => ({
  provide: Repo,
  useFactory: (ds: DataSource) => new Repo(ds),
  inject: [DATA_SOURCE],
}));

@Global()
@Module({ providers, exports: [...REPOSITORIES] })
export class RepositoriesModule {}
