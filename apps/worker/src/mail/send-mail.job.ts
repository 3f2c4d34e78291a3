import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { UnrecoverableError, type Job } from 'bullmq';
import { JOBS, QUEUES, type SendMailJobData } from '@rodtrad/jobs';
import { MailMessageRepository, type MailTransport } from '@rodtrad/mail';
import { inSpan, metrics, SpanKind } from '@rodtrad/observability';
import type { JobHandler } from '../queues/job-handler';
import { MAIL_TRANSPORT } from './mail.providers';

/**
 * Sends one `mail_message` row over SMTP and marks it sent. A row already sent is skipped, so a
 * repeated job sends nothing; failures retry with backoff and the last one marks the row failed.
 */
@Injectable()
export class SendMailJob implements JobHandler<typeof JOBS.sendMail>, OnApplicationShutdown {
  readonly queue = QUEUES.mail;
  readonly name = JOBS.sendMail;
  private readonly logger = new Logger('SendMail');

  constructor(
    private readonly messages: MailMessageRepository,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
  ) {}

  /** In a span that continues the trace of whatever queued the mail (its traceparent), when traces are on. */
  handle(job: Job<SendMailJobData>): Promise<{ sent: boolean }> {
    return inSpan('mail send', { 'rodtrad.mail_message_id': job.data.mailMessageId }, () => this.send(job), {
      parent: job.data.traceparent,
      kind: SpanKind.CLIENT,
    });
  }

  private async send(job: Job<SendMailJobData>): Promise<{ sent: boolean }> {
    const mail = await this.messages.get(job.data.mailMessageId);
    if (!mail) throw new UnrecoverableError(`mail_message ${job.data.mailMessageId} does not exist`);
    if (mail.status === 'sent') return { sent: false };
    try {
      await this.transport.send(mail);
    } catch (e) {
      const final = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
      await this.messages.recordFailure(mail.id, (e as Error).message, final);
      metrics.mails.inc({ outcome: final ? 'given_up' : 'failed' });
      if (final)
        this.logger.error(`Mail ${mail.id} (${mail.subject}) failed for good: ${(e as Error).message}`);
      throw e;
    }
    await this.messages.markSent(mail.id);
    metrics.mails.inc({ outcome: 'sent' });
    return { sent: true };
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
