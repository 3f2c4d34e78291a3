import { Logger } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import type { HandleEffectJobData } from '@rodtrad/jobs';
import type { EffectLedgerRepository, OutboxRow } from '@rodtrad/persistence';
import { standIn } from '../testing/stand-in';
import type { EffectContext, EffectHandler } from './effect-handler';
import { HandleEffectJob } from './handle-effect.job';

const WRITTEN = new Date('2027-03-01T08:00:00Z');
const notifyRow: OutboxRow = {
  id: '42',
  documentId: 'doc-1',
  effectType: 'notify',
  payload: { documentId: 'doc-1', roles: ['namnd.sekreterare'], template: 'noted' },
  dedupeKey: 'doc-1__v2__0__notify',
  attempts: 0,
  createdAt: WRITTEN,
};

function jobFor(data: HandleEffectJobData, attempt = { made: 0, of: 8 }): Job<HandleEffectJobData> {
  return standIn<Job<HandleEffectJobData>>({
    id: `outbox__${data.outboxId}`,
    data,
    attemptsMade: attempt.made,
    opts: { attempts: attempt.of },
  });
}

function setUp(row: OutboxRow | null, handlers: EffectHandler[]) {
  const receipts = new Map<string, unknown>();
  const failures: { dedupeKey: string; reason: string }[] = [];
  const ledger = standIn<EffectLedgerRepository>({
    outboxRow: async (id) => (row?.id === id ? row : null),
    settle: async (key, result) => void receipts.set(key, result),
    recordFailure: async (r, reason) => void failures.push({ dedupeKey: r.dedupeKey, reason }),
  });
  return { job: new HandleEffectJob(ledger, handlers), receipts, failures };
}

describe('HandleEffectJob', () => {
  beforeEach(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => jest.restoreAllMocks());

  it("hands the row to its type's handler, with its payload, and records the receipt", async () => {
    const seen: EffectContext<'notify'>[] = [];
    const notify: EffectHandler<'notify'> = {
      effectType: 'notify',
      handle: async (effect) => {
        seen.push(effect);
        return { recipients: 1 };
      },
    };
    const { job, receipts } = setUp(notifyRow, [notify as EffectHandler]);
    expect(await job.handle(jobFor({ outboxId: '42', createdAt: WRITTEN.getTime() }))).toEqual({
      recipients: 1,
    });
    expect(seen).toEqual([
      {
        outboxId: '42',
        effectType: 'notify',
        dedupeKey: 'doc-1__v2__0__notify',
        documentId: 'doc-1',
        payload: notifyRow.payload,
      },
    ]);
    expect(receipts.get('doc-1__v2__0__notify')).toEqual({ recipients: 1 });
  });

  it('never runs a job made for another row that had the same id (before a restore from backup)', async () => {
    const handle = jest.fn();
    const { job, receipts } = setUp(notifyRow, [{ effectType: 'notify', handle }]);
    const result = await job.handle(jobFor({ outboxId: '42', createdAt: WRITTEN.getTime() - 86_400_000 }));
    expect(result).toEqual({ skipped: 'job of another row with the same id' });
    expect(handle).not.toHaveBeenCalled();
    expect(receipts.size).toBe(0);
  });

  it('records an effect type without a handler as a failure, and fails the job for good', async () => {
    const { job, failures } = setUp({ ...notifyRow, effectType: 'sendFax' }, []);
    await expect(job.handle(jobFor({ outboxId: '42', createdAt: WRITTEN.getTime() }))).rejects.toBeInstanceOf(
      UnrecoverableError,
    );
    expect(failures).toEqual([
      { dedupeKey: notifyRow.dedupeKey, reason: 'Ingen hanterare för effekten "sendFax"' },
    ]);
  });

  it('records a failing handler only after its last attempt', async () => {
    const failing: EffectHandler = {
      effectType: 'notify',
      handle: async () => {
        throw new Error('SMTP away');
      },
    };
    const { job, failures } = setUp(notifyRow, [failing]);
    const data = { outboxId: '42', createdAt: WRITTEN.getTime() };
    await expect(job.handle(jobFor(data, { made: 0, of: 8 }))).rejects.toThrow('SMTP away');
    expect(failures).toEqual([]);
    await expect(job.handle(jobFor(data, { made: 7, of: 8 }))).rejects.toThrow('SMTP away');
    expect(failures).toEqual([{ dedupeKey: notifyRow.dedupeKey, reason: 'SMTP away' }]);
  });

  it('fails for good when the outbox row does not exist', async () => {
    const { job } = setUp(null, []);
    await expect(job.handle(jobFor({ outboxId: '9', createdAt: 0 }))).rejects.toBeInstanceOf(
      UnrecoverableError,
    );
  });
});
