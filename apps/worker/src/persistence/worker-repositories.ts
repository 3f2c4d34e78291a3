import type { Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { MailMessageRepository } from '@rodtrad/mail';
import {
  DeadlineRepository,
  EffectLedgerRepository,
  EscalationRepository,
  OutboxRepository,
  ReminderDigestRepository,
  SessionRepository,
} from '@rodtrad/persistence';
import { WORKER_DATA_SOURCE } from '../tokens';

/**
 * The repositories the worker reads and writes through, built once over the process's connection
 * and injected wherever needed (unit tests hand in stand-ins). The document repository comes from
 * EngineModule.
 */
export const WORKER_REPOSITORIES = [
  DeadlineRepository,
  EffectLedgerRepository,
  EscalationRepository,
  MailMessageRepository,
  OutboxRepository,
  ReminderDigestRepository,
  SessionRepository,
] as const;

export const REPOSITORY_PROVIDERS: Provider[] = WORKER_REPOSITORIES.map((Repo) => ({
  provide: Repo,
  useFactory: (ds: DataSource) => new Repo(ds),
  inject: [WORKER_DATA_SOURCE],
}));
