import type { OutboxEffectType } from '@rodtrad/workflow';
import {
  CancelDeadlinesEffect,
  RescheduleDeadlinesEffect,
  ScheduleDeadlineEffect,
} from '../deadlines/deadline-effects';
import { DeadlineEventEffect } from '../deadlines/deadline-event.effect';
import {
  CreateDocumentEffect,
  DocumentFinishedEffect,
  DocumentSubmittedEffect,
  EscalateEffect,
  EscalationOpenedEffect,
} from '../escalations/escalation-effects';
import { NotifyEffect } from '../notifications/notify.effect';
import { RequestApprovalEffect } from '../approvals/request-approval.effect';
import { FreezePdfEffect } from './freeze-pdf.effect';

/**
 * The effect handlers, one class per outbox `effect_type` (its `effectType` field). Adding an
 * effect is one line here. An effect type with no class is recorded in `effect_failure` and
 * fails visibly in the queue.
 */
export const EFFECT_HANDLER_CLASSES = [
  ScheduleDeadlineEffect,
  CancelDeadlinesEffect,
  RescheduleDeadlinesEffect,
  DeadlineEventEffect,
  NotifyEffect,
  DocumentSubmittedEffect,
  EscalateEffect,
  CreateDocumentEffect,
  EscalationOpenedEffect,
  DocumentFinishedEffect,
  RequestApprovalEffect,
  FreezePdfEffect,
];

/**
 * Effects that only keep a document's deadline rows in step with it. In the effects queue they
 * yield to every other effect (a BullMQ priority; jobs without one go first), so after a burst of
 * transitions the approval requests, notifications and escalations reach people without waiting
 * behind this bookkeeping, which runs as soon as they are done. Their order among themselves is
 * kept (FIFO within a priority), and a deadline fires only while its document is still in the
 * deadline's state, so a cancel that comes a little later lets nothing fire in between. One that
 * has waited over a minute joins the ordinary line (PromoteWaitingEffectsJob), so a load that
 * never lets up cannot hold it back for ever.
 */
export const YIELDING_EFFECTS: ReadonlySet<string> = new Set<string>([
  'scheduleDeadline',
  'cancelDeadlines',
  'rescheduleDeadlines',
] satisfies OutboxEffectType[]);
