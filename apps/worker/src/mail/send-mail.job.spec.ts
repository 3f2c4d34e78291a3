import { Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { SendMailJobData } from '@rodtrad/jobs';
import type { MailMessageRepository, MailMessageRow, MailTransport } from '@rodtrad/mail';
import { metricsRegistry } from '@rodtrad/observability';
import { standIn } from '../testing/stand-in';
import { SendMailJob } from './send-mail.job';

const mailRow = (status: MailMessageRow['status']) =>
  ({ id: 'm-1', status, to: ['a@hallsberg.example'], subject: 'Ämne', text: 'Hej' }) as MailMessageRow;

const job = (attemptsMade: number, attempts = 3) =>
  standIn<Job<SendMailJobData>>({ data: { mailMessageId: 'm-1' }, attemptsMade, opts: { attempts } });

/** rodtrad_mails_total by outcome, as the registry holds it now. */
async function mails(): Promise<Record<string, number>> {
  const metric = (await metricsRegistry.getMetricsAsJSON()).find((m) => m.name === 'rodtrad_mails_total');
  return Object.fromEntries(
    (metric?.values ?? []).map((v) => [String(v.labels['outcome']), v.value]),
  ) as Record<string, number>;
}

function setUp(status: MailMessageRow['status'], send: MailTransport['send']) {
  const marked: string[] = [];
  const failures: boolean[] = [];
  const messages = standIn<MailMessageRepository>({
    get: async () => mailRow(status),
    markSent: async (id: string) => {
      marked.push(id);
      return true;
    },
    recordFailure: async (_id: string, _reason: string, final: boolean) => void failures.push(final),
  });
  const transport = standIn<MailTransport>({ send, close: () => undefined });
  return { handler: new SendMailJob(messages, transport), marked, failures };
}

describe('SendMailJob counts mails by outcome (rodtrad_mails_total)', () => {
  beforeAll(() => jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined));
  afterAll(() => jest.restoreAllMocks());
  beforeEach(() => metricsRegistry.getSingleMetric('rodtrad_mails_total')?.reset());

  it('counts a mail sent', async () => {
    const { handler, marked } = setUp('pending', async () => undefined);
    await expect(handler.handle(job(0))).resolves.toEqual({ sent: true });
    expect(marked).toEqual(['m-1']);
    expect(await mails()).toEqual({ sent: 1 });
  });

  it('counts nothing for a mail already sent', async () => {
    const { handler } = setUp('sent', async () => undefined);
    await expect(handler.handle(job(0))).resolves.toEqual({ sent: false });
    expect(await mails()).toEqual({});
  });

  it('counts a failed attempt as failed, and the last one as given_up', async () => {
    const refuse = async () => Promise.reject(new Error('550 mailbox unavailable'));
    const first = setUp('pending', refuse);
    await expect(first.handler.handle(job(0))).rejects.toThrow('550');
    const last = setUp('pending', refuse);
    await expect(last.handler.handle(job(2))).rejects.toThrow('550');
    expect([...first.failures, ...last.failures]).toEqual([false, true]);
    expect(await mails()).toEqual({ failed: 1, given_up: 1 });
  });
});
