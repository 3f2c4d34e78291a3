import type { AddJobsOutcome } from '@rodtrad/jobs';
import type { OutboxRepository, OutboxRow } from '@rodtrad/persistence';
import { standIn } from '../testing/stand-in';
import type { EffectJobs } from './effect-jobs';
import { OutboxRelay } from './outbox-relay.service';

const row = (id: string): OutboxRow => ({
  id,
  documentId: 'doc-1',
  effectType: 'notify',
  payload: {},
  dedupeKey: `doc-1__v1__${id}__notify`,
  attempts: 0,
  createdAt: new Date('2027-03-01T08:00:00Z'),
});

const ADDED: AddJobsOutcome = { added: 1, kept: 0, rerun: 0, conflicts: [] };

/**
 * The outbox as OutboxRepository.relayBatch treats it: the unrelayed rows are handed to the relay,
 * the ids it returns are marked relayed, and a relay that throws marks none.
 */
function outboxOf(rows: OutboxRow[]) {
  const relayed = new Set<string>();
  const outbox = standIn<OutboxRepository>({
    relayBatch: async (limit, relay) => {
      const batch = rows.filter((r) => !relayed.has(r.id)).slice(0, limit);
      if (!batch.length) return 0;
      let done: Set<string>;
      try {
        done = await relay(batch);
      } catch {
        done = new Set();
      }
      for (const id of done) relayed.add(id);
      return done.size;
    },
  });
  return { outbox, relayed };
}

describe('OutboxRelay', () => {
  it('gives each unrelayed row its job, and marks those rows relayed', async () => {
    const { outbox, relayed } = outboxOf([row('1'), row('2')]);
    const enqueued: string[] = [];
    const relay = new OutboxRelay(
      outbox,
      standIn<EffectJobs>({
        enqueue: async (rows) => {
          enqueued.push(...rows.map((r) => r.id));
          return ADDED;
        },
      }),
    );
    expect(await relay.relayOnce()).toBe(2);
    expect(enqueued).toEqual(['1', '2']);
    expect([...relayed]).toEqual(['1', '2']);
    // A second pass finds nothing left to relay.
    expect(await relay.relayOnce()).toBe(0);
    expect(enqueued).toEqual(['1', '2']);
  });

  it('marks nothing when the jobs could not be added, so the next pass tries again', async () => {
    const { outbox, relayed } = outboxOf([row('1')]);
    let redisDown = true;
    const relay = new OutboxRelay(
      outbox,
      standIn<EffectJobs>({
        enqueue: async () => {
          if (redisDown) throw new Error('Connection is closed.');
          return ADDED;
        },
      }),
    );
    expect(await relay.relayOnce()).toBe(0);
    expect(relayed.size).toBe(0);
    redisDown = false;
    expect(await relay.relayOnce()).toBe(1);
    expect([...relayed]).toEqual(['1']);
  });
});
