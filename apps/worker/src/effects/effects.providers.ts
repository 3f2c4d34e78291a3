import type { Provider } from '@nestjs/common';
import { DeadlineFiring } from '../deadlines/deadline-firing.service';
import { DeadlineJobs } from '../deadlines/deadline-jobs';
import { DeadlineReconciler } from '../deadlines/deadline-reconciler.service';
import { FireDeadlineJob } from '../deadlines/fire-deadline.job';
import { SendReminderDigestJob } from '../deadlines/send-reminder-digest.job';
import { SendMailJob } from '../mail/send-mail.job';
import { JobIdConflicts } from '../queues/job-id-conflicts';
import { EFFECT_HANDLERS } from './effect-handler';
import { EFFECT_HANDLER_CLASSES } from './effect-handlers';
import { EffectJobs } from './effect-jobs';
import { HandleEffectJob } from './handle-effect.job';
import { OutboxRelay } from './outbox-relay.service';

/** Job handlers of the outbox relay, deadlines, escalations and mail (for HANDLERS in worker.module). */
export const EFFECTS_JOB_HANDLERS = [HandleEffectJob, FireDeadlineJob, SendReminderDigestJob, SendMailJob];

/** Services behind them (for the providers of worker.module). */
export const EFFECTS_PROVIDERS: Provider[] = [
  JobIdConflicts,
  EffectJobs,
  DeadlineJobs,
  DeadlineFiring,
  ...EFFECT_HANDLER_CLASSES,
  { provide: EFFECT_HANDLERS, useFactory: (...h: unknown[]) => h, inject: EFFECT_HANDLER_CLASSES },
  OutboxRelay,
  DeadlineReconciler,
];
