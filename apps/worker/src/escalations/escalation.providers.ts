import { Logger, type Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import {
  AssessDeviations,
  BalanceRestorationTracking,
  CloseEscalations,
  DocumentEngine,
  FollowUpEscalation,
  OpenEscalation,
  ReconcileEscalations,
} from '@rodtrad/engine';
import { QueuedMailOutbox } from '@rodtrad/mail';
import { RecipientDirectory } from '../deadlines/recipient-directory';
import { WORKER_CONFIG, WORKER_DATA_SOURCE } from '../tokens';

/** The escalation use cases (libs/engine/src/escalations) the worker runs, built once. */
export const ESCALATION_PROVIDERS: Provider[] = [
  {
    provide: OpenEscalation,
    useFactory: (ds: DataSource) => new OpenEscalation(ds),
    inject: [WORKER_DATA_SOURCE],
  },
  {
    provide: AssessDeviations,
    useFactory: (ds: DataSource) => new AssessDeviations(ds),
    inject: [WORKER_DATA_SOURCE],
  },
  {
    provide: BalanceRestorationTracking,
    useFactory: (ds: DataSource, open: OpenEscalation) => new BalanceRestorationTracking(ds, open),
    inject: [WORKER_DATA_SOURCE, OpenEscalation],
  },
  {
    provide: FollowUpEscalation,
    useFactory: (
      ds: DataSource,
      engine: DocumentEngine,
      recipients: RecipientDirectory,
      mail: QueuedMailOutbox,
      c: AppConfig,
    ) =>
      new FollowUpEscalation(
        ds,
        engine,
        recipients,
        mail,
        { publicUrl: c.publicUrl, ksRecipientRoles: c.escalationRecipientRoles },
        new Logger('Escalations'),
      ),
    inject: [WORKER_DATA_SOURCE, DocumentEngine, RecipientDirectory, QueuedMailOutbox, WORKER_CONFIG],
  },
  {
    provide: CloseEscalations,
    useFactory: (ds: DataSource, restoration: BalanceRestorationTracking) =>
      new CloseEscalations(ds, restoration),
    inject: [WORKER_DATA_SOURCE, BalanceRestorationTracking],
  },
  {
    provide: ReconcileEscalations,
    useFactory: (ds: DataSource, followUp: FollowUpEscalation, close: CloseEscalations) =>
      new ReconcileEscalations(ds, followUp, close),
    inject: [WORKER_DATA_SOURCE, FollowUpEscalation, CloseEscalations],
  },
];
