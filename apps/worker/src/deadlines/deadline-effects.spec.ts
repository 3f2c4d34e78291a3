import type { EntityManager } from 'typeorm';
import type { MunicipalYearWheel } from '@rodtrad/engine';
import type { DeadlineRepository, DeadlineRow, DocumentRepository, NewDeadline } from '@rodtrad/persistence';
import type { EffectContext } from '../effects/effect-handler';
import { effectLedgerStandIn } from '../testing/effect-ledger.stand-in';
import { standIn } from '../testing/stand-in';
import { CancelDeadlinesEffect, DEFAULT_REMINDER_DAYS, ScheduleDeadlineEffect } from './deadline-effects';
import type { DeadlineJobs } from './deadline-jobs';

const DAY = 86_400_000;
const KEYS = {
  documentId: 'doc-1',
  documentType: 'manadsrapport',
  orgUnitId: 'unit-1',
  year: 2027,
  period: null,
};

function scheduleEffect(payload: Partial<EffectContext<'scheduleDeadline'>['payload']>) {
  return {
    outboxId: '10',
    effectType: 'scheduleDeadline',
    dedupeKey: 'doc-1__v1__0__scheduleDeadline',
    documentId: 'doc-1',
    payload: { ...KEYS, state: 'draft', key: 'manadsrapport', ...payload },
  } satisfies EffectContext<'scheduleDeadline'>;
}

/** A deadline table and the jobs given to its rows; `stepLeft` says a later cancel is in the outbox. */
function scheduling(opts: { stepLeft?: boolean } = {}) {
  const table: (NewDeadline & { id: string; status: 'pending' })[] = [];
  const jobs: string[] = [];
  const m = standIn<EntityManager>({
    query: async <T>() => (opts.stepLeft ? [{ id: '11' }] : []) as T,
  });
  const { ledger, receipts } = effectLedgerStandIn(m);
  const handler = new ScheduleDeadlineEffect(
    ledger,
    standIn<DeadlineRepository>({
      insertMissing: async (rows) => {
        for (const r of rows) table.push({ ...r, id: `${r.kind}-${r.offsetDays}`, status: 'pending' });
      },
      ofGeneration: async (_doc, generation) =>
        table.filter((r) => r.generation === generation) as unknown as DeadlineRow[],
    }),
    standIn<DocumentRepository>(),
    standIn<DeadlineJobs>({
      ensure: async (rows) => {
        jobs.push(...rows.map((r) => r.id));
        return { added: rows.length, kept: 0, rerun: 0, conflicts: [] };
      },
    }),
    standIn<MunicipalYearWheel>(),
  );
  return { handler, table, jobs, receipts };
}

describe('ScheduleDeadlineEffect', () => {
  it('writes the due moment and the reminders still ahead, each with its job', async () => {
    const dueAt = new Date(Date.now() + 5 * DAY);
    const { handler, table, jobs } = scheduling();
    const result = await handler.handle(
      scheduleEffect({ dueAt: dueAt.toISOString(), reminders: [], onDue: 'X' }),
    );

    // Default reminders 14, 3 and 1 days before; the one 14 days before has passed already.
    expect(DEFAULT_REMINDER_DAYS).toEqual([14, 3, 1]);
    expect(table.map((r) => [r.kind, r.offsetDays, r.fireAt.getTime() - dueAt.getTime()])).toEqual([
      ['due', 0, 0],
      ['reminder', 3, -3 * DAY],
      ['reminder', 1, -1 * DAY],
    ]);
    expect(table.every((r) => r.generation === '10' && r.onDue === 'X')).toBe(true);
    expect(jobs).toEqual(['due-0', 'reminder-3', 'reminder-1']);
    expect(result).toEqual({ scheduled: 3 });
  });

  it('schedules nothing for a step whose date the year wheel does not give', async () => {
    const { handler, table, receipts } = scheduling();
    expect(await handler.handle(scheduleEffect({ dueAt: null }))).toEqual({ scheduled: 0 });
    expect(table).toEqual([]);
    expect(receipts.get('doc-1__v1__0__scheduleDeadline')).toEqual({ skipped: 'no due date' });
  });

  it('writes no deadline for a step the document has already left', async () => {
    const { handler, table, jobs } = scheduling({ stepLeft: true });
    const dueAt = new Date(Date.now() + 5 * DAY).toISOString();
    expect(await handler.handle(scheduleEffect({ dueAt }))).toEqual({ scheduled: 0 });
    expect(table).toEqual([]);
    expect(jobs).toEqual([]);
  });
});

describe('CancelDeadlinesEffect', () => {
  it("cancels the step's pending deadlines and removes their jobs, once", async () => {
    const { ledger } = effectLedgerStandIn();
    const cancelled: { documentId: string; state: string | null; before: string }[] = [];
    const removed: string[] = [];
    const handler = new CancelDeadlinesEffect(
      ledger,
      standIn<DeadlineRepository>({
        cancel: async (documentId, state, before) => {
          cancelled.push({ documentId, state, before });
          return ['d1', 'd2'];
        },
      }),
      standIn<DeadlineJobs>({ remove: async (ids) => void removed.push(...ids) }),
    );
    const effect = {
      outboxId: '12',
      effectType: 'cancelDeadlines',
      dedupeKey: 'doc-1__v2__0__cancelDeadlines',
      documentId: 'doc-1',
      payload: { ...KEYS, state: 'draft' },
    } satisfies EffectContext<'cancelDeadlines'>;

    expect(await handler.handle(effect)).toEqual({ cancelled: 2 });
    expect(cancelled).toEqual([{ documentId: 'doc-1', state: 'draft', before: '12' }]);
    expect(removed).toEqual(['d1', 'd2']);
    expect(await handler.handle(effect)).toEqual({ cancelled: 0 });
    expect(removed).toEqual(['d1', 'd2']);
  });
});
