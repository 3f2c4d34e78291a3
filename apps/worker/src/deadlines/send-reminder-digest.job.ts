import { Inject, Injectable } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import { DefinitionStore, RecipientDirectory } from '@rodtrad/engine';
import { JOBS, QUEUES, type SendReminderDigestJobData } from '@rodtrad/jobs';
import { QueuedMailOutbox, reminderDigestMail } from '@rodtrad/mail';
import { ReminderDigestRepository } from '@rodtrad/persistence';
import { stateMeta } from '@rodtrad/workflow';
import type { JobHandler } from '../queues/job-handler';
import { WORKER_CONFIG, WORKER_DATA_SOURCE } from '../tokens';

const DAY_MS = 86_400_000;

/**
 * Sends one person's digest of the day, once (guarded update on the digest row). Documents that
 * left the step or are done by now are left out; with nothing left, no mail is sent.
 */
@Injectable()
export class SendReminderDigestJob implements JobHandler<typeof JOBS.sendReminderDigest> {
  readonly queue = QUEUES.deadlines;
  readonly name = JOBS.sendReminderDigest;

  constructor(
    @Inject(WORKER_DATA_SOURCE) private readonly ds: DataSource,
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
    private readonly digests: ReminderDigestRepository,
    private readonly definitions: DefinitionStore,
    private readonly recipients: RecipientDirectory,
    private readonly mail: QueuedMailOutbox,
  ) {}

  async handle(job: Job<SendReminderDigestJobData>): Promise<{ sent: boolean; items?: number }> {
    const { digestId } = job.data;
    // Reads from elsewhere happen first; the transaction uses only its own connection.
    const before = await this.digests.items(digestId);
    const titles = new Map<string, string>();
    for (const i of before) {
      const def = await this.definitions.load(i.definitionId);
      titles.set(`${i.definitionId}|${i.state}`, stateMeta(def.definition, i.state)?.title ?? i.state);
    }
    const [owner] = await this.ds.query('SELECT user_id AS userId FROM reminder_digest WHERE id = ?', [
      digestId,
    ]);
    const user = owner ? await this.recipients.user(String(owner.userId)) : null;
    const mailId = await this.ds.transaction(async (m) => {
      if (!(await this.digests.claimSending(digestId, m))) return null;
      const items = (await this.digests.items(digestId, m)).filter(
        (i) => !i.documentFinal && i.documentState === i.state,
      );
      if (!user || !items.length) return null;
      const now = Date.now();
      const lines = items.map((i) => ({
        title: i.documentTitle,
        stepTitle: titles.get(`${i.definitionId}|${i.state}`) ?? i.state,
        unitName: i.unitName,
        dueAt: new Date(i.dueAt),
        url: `${this.config.publicUrl}/dokument/${i.documentId}`,
        daysLeft: Math.max(0, Math.ceil((new Date(i.dueAt).getTime() - now) / DAY_MS)),
      }));
      const mail = reminderDigestMail(user.name, lines);
      return this.mail.write({ ...mail, to: [user.email], dedupeKey: `digest__${digestId}` }, m);
    });
    if (mailId) await this.mail.dispatch(mailId);
    return { sent: !!mailId };
  }
}
