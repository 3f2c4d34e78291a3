import { Logger } from '@nestjs/common';
import type { AppConfig } from '@rodtrad/config';
import type { ReconcileEscalations } from '@rodtrad/engine';
import type { AddJobsOutcome } from '@rodtrad/jobs';
import type { MailMessageRepository, QueuedMailOutbox } from '@rodtrad/mail';
import type {
  DeadlineRepository,
  OutboxRepository,
  OutboxRow,
  ReminderDigestRepository,
} from '@rodtrad/persistence';
import type { EffectJobs } from '../effects/effect-jobs';
import { JobIdConflicts } from '../queues/job-id-conflicts';
import { standIn } from '../testing/stand-in';
import type { DeadlineJobs } from './deadline-jobs';
import { DeadlineReconciler, EFFECT_LOST_AFTER_MS } from './deadline-reconciler.service';

const outcome = (o: Partial<AddJobsOutcome> = {}): AddJobsOutcome => ({
  added: 0,
  kept: 0,
  rerun: 0,
  conflicts: [],
  ...o,
});

const effectRow = (id: string): OutboxRow => ({
  id,
  documentId: 'doc-1',
  effectType: 'notify',
  payload: {},
  dedupeKey: `k${id}`,
  attempts: 0,
  createdAt: new Date('2027-03-01T08:00:00Z'),
});

/** What the database holds that should have a job, and what the reconciler queued for it. */
function world(rows: { deadlines?: number; digests?: string[]; mails?: string[]; effects?: string[] } = {}) {
  const pending = Array.from({ length: rows.deadlines ?? 0 }, (_, i) => ({
    id: String(i).padStart(6, '0'),
    fireAt: new Date('2027-04-01T06:00:00Z'),
  }));
  const queued = {
    deadlines: [] as string[],
    digests: [] as { id: string; delay: number }[],
    mails: [] as string[],
    effects: [] as string[],
    escalationsFollowedUp: 0,
  };
  const effectQueries: { since: Date | null; olderThanMs: number }[] = [];
  let failing: Error | null = null;
  const reconciler = new DeadlineReconciler(
    standIn<AppConfig>({ reminderDigestDelaySeconds: 60, deadlineReconcileSeconds: 300 }),
    standIn<DeadlineRepository>({
      pendingPage: async (after, limit) => {
        if (failing) throw failing;
        return pending.filter((d) => d.id > after).slice(0, limit);
      },
    }),
    standIn<ReminderDigestRepository>({ openOlderThan: async () => rows.digests ?? [] }),
    standIn<MailMessageRepository>({ pendingIds: async () => rows.mails ?? [] }),
    standIn<OutboxRepository>({
      relayedWithoutReceipt: async (o) => {
        effectQueries.push({ since: o.since, olderThanMs: o.olderThanMs });
        return (rows.effects ?? [])
          .filter((id) => id > o.afterId)
          .slice(0, o.limit)
          .map(effectRow);
      },
    }),
    standIn<DeadlineJobs>({
      ensure: async (page) => {
        queued.deadlines.push(...page.map((d) => d.id));
        return outcome({ added: page.length });
      },
      ensureDigest: async (id, delay) => void queued.digests.push({ id, delay }),
    }),
    standIn<QueuedMailOutbox>({
      redispatch: async (ids) => {
        queued.mails.push(...ids);
        return outcome({ added: ids.length });
      },
    }),
    standIn<ReconcileEscalations>({ execute: async () => void queued.escalationsFollowedUp++ }),
    standIn<EffectJobs>({
      enqueue: async (effectRows) => {
        queued.effects.push(...effectRows.map((r) => r.id));
        return outcome({ rerun: effectRows.length });
      },
    }),
    new JobIdConflicts(),
  );
  return { reconciler, queued, effectQueries, failWith: (e: Error | null) => (failing = e) };
}

describe('DeadlineReconciler', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it('gives every pending deadline its job, a thousand at a time', async () => {
    const { reconciler, queued } = world({ deadlines: 2_500 });
    const counts = await reconciler.reconcile();
    expect(counts.deadlines).toBe(2_500);
    expect(new Set(queued.deadlines).size).toBe(2_500);
  });

  it('re-queues what lost its job: open digests at once, pending mails, effects without a receipt', async () => {
    const { reconciler, queued } = world({ digests: ['dg1'], mails: ['m1', 'm2'], effects: ['5', '6'] });
    expect(await reconciler.reconcile()).toEqual({ deadlines: 0, digests: 1, mails: 2, effects: 2 });
    expect(queued.digests).toEqual([{ id: 'dg1', delay: 0 }]);
    expect(queued.mails).toEqual(['m1', 'm2']);
    expect(queued.effects).toEqual(['5', '6']);
    expect(queued.escalationsFollowedUp).toBe(1);
    expect(warn).toHaveBeenCalledWith(
      '2 relayed effect(s) had no receipt and had lost their job: queued again',
    );
  });

  it('reads every effect without a receipt on its first pass, and a day back on later ones', async () => {
    const { reconciler, effectQueries } = world({ effects: ['1'] });
    await reconciler.reconcile();
    await reconciler.reconcile();
    expect(effectQueries[0]).toEqual({ since: null, olderThanMs: EFFECT_LOST_AFTER_MS });
    const lookBack = Date.now() - (effectQueries.at(-1)?.since?.getTime() ?? 0);
    expect(lookBack).toBeGreaterThanOrEqual(24 * 3600_000);
    expect(lookBack).toBeLessThan(24 * 3600_000 + 60_000);
  });

  it('survives a failed pass (the next one retries) and says so', async () => {
    const { reconciler, queued, failWith } = world({ deadlines: 3 });
    failWith(new Error('Too many connections'));
    expect(await reconciler.reconcile()).toEqual({ deadlines: 0, digests: 0, mails: 0, effects: 0 });
    expect(warn).toHaveBeenCalledWith('Reconciliation failed, next pass retries: Too many connections');
    failWith(null);
    expect((await reconciler.reconcile()).deadlines).toBe(3);
    expect(queued.deadlines).toHaveLength(3);
  });
});
