import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { loadConfig } from '@rodtrad/config';
import { JOBS, QUEUES, queueNamespace } from '@rodtrad/jobs';
import { WorkerQueues } from '../queues/worker-queues';
import { MAX_YIELD_MS, PromoteWaitingEffectsJob } from './promote-waiting-effects.job';

/** On real Redis, with no worker taking jobs, so every job stays where the promotion put it. */
describe('promoting deadline bookkeeping that waited too long (real Redis)', () => {
  const base = loadConfig();
  const queues = new WorkerQueues(
    base,
    queueNamespace(`${base.queuePrefix}_promote`, randomBytes(16).toString('hex')),
  );
  const job = new PromoteWaitingEffectsJob(queues);
  const effects = queues.get(QUEUES.effects);
  afterAll(async () => {
    await effects.obliterate({ force: true });
    await queues.onApplicationShutdown();
  });

  it('moves a yielding effect that waited over a minute into the ordinary line, and leaves the rest', async () => {
    const now = Date.now();
    const add = (id: string, opts: { priority?: number; timestamp: number }) =>
      effects.add(JOBS.handleEffect, { outboxId: id }, { jobId: `outbox__${id}`, ...opts });
    await add('waiting-long', { priority: 1, timestamp: now - MAX_YIELD_MS - 1_000 });
    await add('waiting-short', { priority: 1, timestamp: now - 1_000 });
    await add('ordinary', { timestamp: now - 5_000 });

    // Outside Nest the job's logger would print to the test output: catch what it tells operators.
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    try {
      expect(await job.promote(now)).toEqual({ promoted: 1 });
      expect(warn).toHaveBeenCalledWith('1 deadline bookkeeping effect(s) waited over a minute: now in line');
    } finally {
      warn.mockRestore();
    }
    const state = async (id: string) => (await effects.getJob(`outbox__${id}`))?.getState();
    expect(await state('waiting-long')).toBe('waiting');
    expect(await state('waiting-short')).toBe('prioritized');
    // It joined the end of the line: the ordinary effect queued before it still goes first.
    const line = (await effects.getJobs(['wait'], 0, -1, true)).map((j) => j.data.outboxId);
    expect(line).toEqual(['ordinary', 'waiting-long']);

    expect(await job.promote(now)).toEqual({ promoted: 0 });
  });
});
