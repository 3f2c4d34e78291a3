import type { Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import {
  AdminAuditRepository,
  OrgUnitRepository,
  SessionRepository,
  UserRepository,
} from '@rodtrad/persistence';
import { DATA_SOURCE } from '../infrastructure/tokens';

/** The persistence repositories, as injectable ports. */
export const REPOSITORY_PROVIDERS: Provider[] = [
  AdminAuditRepository,
  OrgUnitRepository,
  SessionRepository,
  UserRepository,
].map((Repo) => ({ provide: Repo, useFactory: (ds: DataSource) => new Repo(ds), inject: [DATA_SOURCE] }));
