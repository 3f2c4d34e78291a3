import { JOB_QUEUES, jobSpec } from './job-data';
import { JOBS, QUEUES } from './queues';

describe('job data', () => {
  it('builds a job from its name, its data and a deterministic id', () => {
    expect(jobSpec(JOBS.fireDeadline, { deadlineId: 'd1' }, { jobId: 'deadline__d1', delay: 5 })).toEqual({
      name: 'fire-deadline',
      data: { deadlineId: 'd1' },
      opts: { jobId: 'deadline__d1', delay: 5 },
    });
  });

  it('sends each job to the queue its worker listens on', () => {
    expect(JOB_QUEUES[JOBS.sendMail]).toBe(QUEUES.mail);
    expect(JOB_QUEUES[JOBS.handleEffect]).toBe(QUEUES.effects);
    expect(JOB_QUEUES[JOBS.fireDeadline]).toBe(QUEUES.deadlines);
    expect(JOB_QUEUES[JOBS.sendReminderDigest]).toBe(QUEUES.deadlines);
  });
});
