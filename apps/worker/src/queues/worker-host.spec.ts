import { JOB_QUEUES, JOBS, QUEUES } from '@rodtrad/jobs';
import type { JobHandler } from './job-handler';
import { checkHandlers, EXPECTED_JOBS } from './worker-host';

const handlerFor = ({ queue, name }: { queue: JobHandler['queue']; name: string }): JobHandler =>
  ({ queue, name, handle: async () => undefined }) as JobHandler;

describe('the job handlers the worker starts with', () => {
  it('expects a handler for every job the system enqueues, on its own queue', () => {
    expect(EXPECTED_JOBS).toHaveLength(Object.keys(JOB_QUEUES).length);
    expect(EXPECTED_JOBS).toContainEqual({ queue: QUEUES.mail, name: JOBS.sendMail });
    expect(EXPECTED_JOBS).toContainEqual({ queue: QUEUES.deadlines, name: JOBS.fireDeadline });
  });

  it('starts when every job has its handler', () => {
    expect(() => checkHandlers(EXPECTED_JOBS.map(handlerFor), EXPECTED_JOBS)).not.toThrow();
  });

  it('refuses to start when a job has none, and names it', () => {
    const handlers = EXPECTED_JOBS.filter((j) => j.name !== JOBS.sendReminderDigest).map(handlerFor);
    expect(() => checkHandlers(handlers, EXPECTED_JOBS)).toThrow(
      'No handler for job(s): deadlines/send-reminder-digest',
    );
  });

  it('does not count a handler on the wrong queue', () => {
    const handlers = EXPECTED_JOBS.map((j) =>
      handlerFor(j.name === JOBS.sendMail ? { ...j, queue: QUEUES.effects } : j),
    );
    expect(() => checkHandlers(handlers, EXPECTED_JOBS)).toThrow('mail/send-mail');
  });
});
