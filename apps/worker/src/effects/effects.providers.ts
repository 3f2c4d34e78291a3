import type { Provider } from '@nestjs/common';
import { DeadlineFiring } from '../deadlines/deadline-firing.service';
import { DeadlineJobs } from '../deadlines/deadline-jobs';
import { DeadlineReconciler } from '../deadlines/deadline-reconciler.service';
import { FireDeadlineJob } from '../deadlines/fire-deadline.job';
import { RecipientDirectory } from '../deadlines/recipient-directory';
import { SendReminderDigestJob } from '../deadlines/send-reminder-digest.job';
import { ESCALATION_PROVIDERS } from '../escalations/escalation.providers';
import { MAIL_PROVIDERS } from '../mail/mail.providers';
import { SendMailJob } from '../mail/send-mail.job';
import { JobIdConflicts } from '../queues/job-id-conflicts';
import { WorkerQueues } from '../queues/worker-queues';
import { EFFECT_HANDLERS } from './effect-handler';
import { EFFECT_HANDLER_CLASSES } from './effect-handlers';
import { EffectJobs } from './effect-jobs';
import { HandleEffectJob } from './handle-effect.job';
import { OutboxRelay } from './outbox-relay.service';

/** Job handlers of the outbox relay, deadlines, escalations and mail (for HANDLERS in worker.module). */
export const EFFECTS_JOB_HANDLERS = [HandleEffectJob, FireDeadlineJob, SendReminderDigestJob, SendMailJob];

/** Services behind them (for the providers of worker.module). */
export const EFFECTS_PROVIDERS: Provider[] = [
  WorkerQueues,
  JobIdConflicts,
  EffectJobs,
  ...MAIL_PROVIDERS,
  RecipientDirectory,
  DeadlineJobs,
  DeadlineFiring,
  ...ESCALATION_PROVIDERS,
  ...EFFECT_HANDLER_CLASSES,
  { provide: EFFECT_HANDLERS, useFactory: (...h: unknown[]) => h, inject: EFFECT_HANDLER_CLASSES },
  OutboxRelay,
  DeadlineReconciler,
];
