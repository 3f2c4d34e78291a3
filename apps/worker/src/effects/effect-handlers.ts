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
];
