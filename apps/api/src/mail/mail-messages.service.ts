import { Injectable } from '@nestjs/common';
import { MailMessageRepository, type MailMessageRow, type MailStatus } from '@rodtrad/mail';
import { ApiProblem } from '../common/problem/problem';
import { ApiMailOutbox } from './api-mail-outbox';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
const view = (m: MailMessageRow) => ({
  id: m.id,
  to: m.to,
  subject: m.subject,
  status: m.status,
  attempts: m.attempts,
  lastError: m.lastError,
  createdAt: iso(m.createdAt),
  sentAt: iso(m.sentAt),
});

export type MailMessageView = ReturnType<typeof view>;

/** Outgoing mail for administrators: what failed for good, why, and a way to send it again. */
@Injectable()
export class MailMessagesService {
  constructor(
    private readonly messages: MailMessageRepository,
    private readonly outbox: ApiMailOutbox,
  ) {}

  async list(q: {
    status?: MailStatus;
    limit?: number;
    offset?: number;
  }): Promise<{ items: MailMessageView[]; total: number }> {
    const { items, total } = await this.messages.list({ status: q.status }, q.limit ?? 50, q.offset ?? 0);
    return { items: items.map(view), total };
  }

  /** Puts a failed mail back to pending and queues it under a fresh job id. */
  async resend(id: string): Promise<MailMessageView> {
    if (!(await this.messages.get(id))) throw ApiProblem.notFound('Mejlet');
    if (!(await this.messages.requeueFailed(id)))
      throw ApiProblem.conflict('mail-not-failed', 'Bara mejl som misslyckats kan skickas igen.');
    await this.outbox.resend(id);
    return view((await this.messages.get(id)) as MailMessageRow);
  }
}
