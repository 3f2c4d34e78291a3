import { Injectable } from '@nestjs/common';
import { MunicipalYearWheel } from '@rodtrad/engine';
import {
  DeadlineRepository,
  DocumentRepository,
  EffectLedgerRepository,
  type NewDeadline,
} from '@rodtrad/persistence';
import type { EffectPayloads } from '@rodtrad/workflow';
import { effectDocumentId, type EffectContext, type EffectHandler } from '../effects/effect-handler';
import { DeadlineJobs } from './deadline-jobs';

const DAY_MS = 86_400_000;
/** Reminders before a deadline when the step names none (days). */
export const DEFAULT_REMINDER_DAYS = [14, 3, 1];

/**
 * `scheduleDeadline`: the due moment and its reminders as deadline rows (generation = this outbox
 * row), then a delayed job per row. Skipped when the step was already left: a later
 * `cancelDeadlines` of the same step exists in the outbox, whether or not it has run yet.
 *
 * The due moment is reckoned again from the year wheel as it is now: a date moved after the
 * transition read the wheel (whose `rescheduleDeadlines` may have run before these rows existed)
 * still reaches them, and the document's `due_at` with them.
 */
@Injectable()
export class ScheduleDeadlineEffect implements EffectHandler<'scheduleDeadline'> {
  readonly effectType = 'scheduleDeadline';

  constructor(
    private readonly ledger: EffectLedgerRepository,
    private readonly deadlines: DeadlineRepository,
    private readonly documents: DocumentRepository,
    private readonly jobs: DeadlineJobs,
    private readonly wheel: MunicipalYearWheel,
  ) {}

  async handle(effect: EffectContext<'scheduleDeadline'>): Promise<unknown> {
    const p = effect.payload;
    if (!p.dueAt) {
      await this.ledger.once(effect.dedupeKey, async () => ({ skipped: 'no due date' }));
      return { scheduled: 0 };
    }
    const reckoned = new Date(p.dueAt);
    const dueAt = (await this.dueNow(p)) ?? reckoned;
    const now = Date.now();
    await this.ledger.once(effect.dedupeKey, async (m) => {
      if (dueAt.getTime() !== reckoned.getTime())
        await m.query('UPDATE document SET due_at = ? WHERE id = ? AND state = ? AND due_at = ?', [
          dueAt,
          p.documentId,
          p.state,
          reckoned,
        ]);
      const [left] = await m.query(
        `SELECT id FROM outbox WHERE document_id = ? AND effect_type = 'cancelDeadlines' AND id > ?
            AND (JSON_EXTRACT(payload, '$.state') IS NULL OR JSON_UNQUOTE(JSON_EXTRACT(payload, '$.state')) IN (?, 'null'))
          LIMIT 1`,
        [p.documentId, effect.outboxId, p.state],
      );
      if (left) return { skipped: 'step already left' };
      const base = {
        documentId: p.documentId,
        state: p.state,
        key: p.key,
        dueAt,
        generation: effect.outboxId,
        onDue: p.onDue ?? null,
        escalate: !!p.escalate,
      };
      const reminders = p.reminders?.length ? p.reminders : DEFAULT_REMINDER_DAYS;
      const rows: NewDeadline[] = [
        { ...base, kind: 'due', offsetDays: 0, fireAt: dueAt },
        ...reminders
          .filter((d) => d > 0)
          .map((d) => ({
            ...base,
            kind: 'reminder' as const,
            offsetDays: d,
            fireAt: new Date(dueAt.getTime() - d * DAY_MS),
          }))
          // A reminder whose moment has passed before the step even began would only confuse.
          .filter((r) => r.fireAt.getTime() > now),
      ];
      await this.deadlines.insertMissing(rows, m);
      return { rows: rows.length };
    });
    // Always (also on a retry after the commit): every pending row of this generation has its job.
    const rows = (await this.deadlines.ofGeneration(p.documentId, effect.outboxId)).filter(
      (r) => r.status === 'pending',
    );
    await this.jobs.ensure(rows);
    return { scheduled: rows.length };
  }

  /** The due moment by the wheel as it is now, reckoned from the same moment as the engine did. */
  private async dueNow(p: EffectPayloads['scheduleDeadline']): Promise<Date | null> {
    if (!p.dueFrom) return null; // written before the engine said what it reckoned from
    const doc = await this.documents.get(p.documentId);
    // With the wheel's revision read along with the document, an unchanged wheel is not read again.
    return doc ? this.wheel.dueAt(p.key, doc.year, doc.period, new Date(p.dueFrom), doc.wheelRevision) : null;
  }
}

/** `cancelDeadlines`: the step was left; its pending rows are cancelled and their jobs removed. */
@Injectable()
export class CancelDeadlinesEffect implements EffectHandler<'cancelDeadlines'> {
  readonly effectType = 'cancelDeadlines';

  constructor(
    private readonly ledger: EffectLedgerRepository,
    private readonly deadlines: DeadlineRepository,
    private readonly jobs: DeadlineJobs,
  ) {}

  async handle(effect: EffectContext<'cancelDeadlines'>): Promise<unknown> {
    const state = effect.payload.state ?? null;
    const documentId = effectDocumentId(effect);
    const out = await this.ledger.once(effect.dedupeKey, (m) =>
      this.deadlines.cancel(documentId, state, effect.outboxId, m),
    );
    if (out.done) await this.jobs.remove(out.result);
    return { cancelled: out.done ? out.result.length : 0 };
  }
}

/**
 * `rescheduleDeadlines` {key, year, period}: a year-wheel date moved. Pending rows under that key
 * get their new moments from the edited wheel, and their jobs are moved. Idempotent by nature.
 */
@Injectable()
export class RescheduleDeadlinesEffect implements EffectHandler<'rescheduleDeadlines'> {
  readonly effectType = 'rescheduleDeadlines';

  constructor(
    private readonly ledger: EffectLedgerRepository,
    private readonly deadlines: DeadlineRepository,
    private readonly jobs: DeadlineJobs,
    private readonly wheel: MunicipalYearWheel,
  ) {}

  async handle(effect: EffectContext<'rescheduleDeadlines'>): Promise<unknown> {
    const { key, year, period } = effect.payload;
    const rows = await this.deadlines.pendingForKey(key, Number(year), period ?? null);
    let moved = 0;
    for (const r of rows) {
      const due = await this.wheel.dueAt(key, Number(year), r.period, new Date(r.documentCreatedAt));
      if (!due) continue;
      const fireAt = new Date(due.getTime() - r.offsetDays * DAY_MS);
      if (
        due.getTime() !== new Date(r.dueAt).getTime() ||
        fireAt.getTime() !== new Date(r.fireAt).getTime()
      ) {
        if (await this.deadlines.retime(r.id, due, fireAt)) moved++;
      }
      await this.jobs.retime(r.id, fireAt);
    }
    await this.ledger.once(effect.dedupeKey, async () => ({ moved }));
    return { moved };
  }
}
