import { randomBytes } from 'node:crypto';
import { QueueEvents, Worker } from 'bullmq';
import { loadConfig } from '@rodtrad/config';
import { addJobsOnce } from './add-jobs-once';
import { bullConnection } from './connection';
import { openQueue, queueNamespace } from './queue-namespace';

/** On real Redis, in a namespace of its own. */
describe('addJobsOnce: what a deterministic job id already holds (real Redis)', () => {
  const config = loadConfig();
  const ns = queueNamespace(`${config.queuePrefix}_once`, randomBytes(16).toString('hex'));
  const queue = openQueue('mail', config.redisUrl, ns);
  afterAll(async () => {
    await queue.obliterate({ force: true });
    await queue.close();
  });
  const spec = (id: string, data: object) => ({ name: 'send-mail', data, opts: { jobId: id } });

  it('adds a new id, keeps an unfinished job with the same data, and does not add it twice', async () => {
    expect(await addJobsOnce(queue, [spec('m1', { mailMessageId: 'm1' })])).toEqual({
      added: 1,
      kept: 0,
      rerun: 0,
      conflicts: [],
    });
    expect(await addJobsOnce(queue, [spec('m1', { mailMessageId: 'm1' })])).toMatchObject({
      added: 0,
      kept: 1,
    });
    expect(await queue.getJobCounts('waiting')).toEqual({ waiting: 1 });
  });

  it('adds a job whose id names a job with other data under a fresh id, and reports the conflict', async () => {
    await queue.add('send-mail', { mailMessageId: 'old-row' }, { jobId: 'm2' });
    const outcome = await addJobsOnce(queue, [spec('m2', { mailMessageId: 'new-row' })]);
    expect(outcome.conflicts).toEqual([
      {
        jobId: 'm2',
        addedAs: expect.stringMatching(/^m2__x__[0-9a-f]{8}$/),
        existingData: { mailMessageId: 'old-row' },
      },
    ]);
    const fresh = await queue.getJob(outcome.conflicts[0].addedAs);
    expect(fresh?.data).toEqual({ mailMessageId: 'new-row' });
    expect((await queue.getJob('m2'))?.data).toEqual({ mailMessageId: 'old-row' });
  });

  it('runs a finished job again when its row asks for it again (a database restored from backup)', async () => {
    const other = openQueue('deadlines', config.redisUrl, ns);
    const events = new QueueEvents('deadlines', {
      connection: bullConnection(config.redisUrl, 'worker'),
      prefix: ns.prefix,
    });
    const ran: string[] = [];
    const worker = new Worker(
      'deadlines',
      async (job) => {
        ran.push(job.data.deadlineId);
      },
      { connection: bullConnection(config.redisUrl, 'worker'), prefix: ns.prefix },
    );
    try {
      await events.waitUntilReady();
      const first = await other.add('fire-deadline', { deadlineId: 'd1' }, { jobId: 'deadline__d1' });
      await first.waitUntilFinished(events, 10_000);
      expect(ran).toEqual(['d1']);
      // A plain add under the finished job's id does nothing at all.
      await other.add('fire-deadline', { deadlineId: 'd1' }, { jobId: 'deadline__d1' });
      await new Promise((r) => setTimeout(r, 300));
      expect(ran).toEqual(['d1']);

      const outcome = await addJobsOnce(other, [spec('deadline__d1', { deadlineId: 'd1' })]);
      expect(outcome).toMatchObject({ added: 0, kept: 0, rerun: 1, conflicts: [] });
      const again = await other.getJob('deadline__d1');
      expect(again?.data).toEqual({ deadlineId: 'd1' });
      await again?.waitUntilFinished(events, 10_000);
      expect(ran).toEqual(['d1', 'd1']);
    } finally {
      await worker.close();
      await events.close();
      await other.obliterate({ force: true });
      await other.close();
    }
  });
});
