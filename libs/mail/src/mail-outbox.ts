import type { Queue } from 'bullmq';
import type { DataSource, EntityManager } from 'typeorm';
import { addJobsOnce, jobSpec, JOBS, type AddJobsOutcome, type SendMailJobData } from '@rodtrad/jobs';
import { currentTraceparent } from '@rodtrad/observability';
import type { Statement } from '@rodtrad/persistence';
import { MailMessageRepository, type OutgoingMail } from './mail-message.repository';

/** The port every producer of mail uses: write the mail, and it will be sent once. */
export interface MailOutbox {
  enqueue(mail: OutgoingMail): Promise<void>;
}

/**
 * Writes the mail as a `mail_message` row, then adds a `send-mail` job whose id is the row id.
 * A crash between the two leaves a pending row, which the worker's mail reconciliation re-queues.
 */
export class QueuedMailOutbox implements MailOutbox {
  readonly messages: MailMessageRepository;

  constructor(
    ds: DataSource,
    private readonly mailQueue: Queue,
  ) {
    this.messages = new MailMessageRepository(ds);
  }

  async enqueue(mail: OutgoingMail): Promise<void> {
    const { id, status } = await this.messages.add(mail);
    if (status === 'pending') await this.dispatch(id);
  }

  /**
   * For mails that must exist only if a transaction commits: write with `m`, and call
   * `dispatch(id)` after the commit.
   */
  async write(mail: OutgoingMail, m: EntityManager): Promise<string> {
    return (await this.messages.add(mail, m)).id;
  }

  /** `write` for many mails in one go (one insert per chunk); `dispatchMany` after the commit. */
  async writeMany(mails: readonly OutgoingMail[], m: EntityManager): Promise<string[]> {
    return this.messages.addMany(mails, m);
  }

  async dispatchMany(mailMessageIds: readonly string[]): Promise<void> {
    const traced = withTrace();
    for (let i = 0; i < mailMessageIds.length; i += 1000)
      await this.mailQueue.addBulk(
        mailMessageIds
          .slice(i, i + 1000)
          .map((mailMessageId) =>
            jobSpec(JOBS.sendMail, { mailMessageId, ...traced }, { jobId: mailMessageId }),
          ),
      );
  }

  /**
   * `write` for a BatchedTransaction: the insert travels with its COMMIT (no round trip of its
   * own); `dispatch(id)` after the commit. Only for mails whose dedupe key names a row created in
   * the same transaction (see `MailMessageRepository.addStatement`).
   */
  writeLater(mail: OutgoingMail, tx: { later(statement: Statement | null): void }): string {
    const { id, statement } = MailMessageRepository.addStatement(mail);
    tx.later(statement);
    return id;
  }

  /**
   * For the reconciliation: gives pending mails their job again. A job still waiting is left as
   * it is; a finished one of a mail still pending (a restore from backup) runs again.
   */
  async redispatch(mailMessageIds: readonly string[]): Promise<AddJobsOutcome> {
    return addJobsOnce(
      this.mailQueue,
      mailMessageIds.map((mailMessageId) =>
        jobSpec(JOBS.sendMail, { mailMessageId }, { jobId: mailMessageId }),
      ),
    );
  }

  async dispatch(mailMessageId: string): Promise<void> {
    const job = jobSpec(JOBS.sendMail, { mailMessageId, ...withTrace() }, { jobId: mailMessageId });
    await this.mailQueue.add(job.name, job.data, job.opts);
  }
}

/** The active trace for the send-mail job to continue (nothing when traces are off). */
function withTrace(): Pick<SendMailJobData, 'traceparent'> {
  const traceparent = currentTraceparent();
  return traceparent ? { traceparent } : {};
}
