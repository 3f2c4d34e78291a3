import type { EntityManager } from 'typeorm';
import type { Statement } from '@rodtrad/persistence';
import type { ApprovalMail } from './approval-mail';

export interface ApprovalSettings {
  publicUrl: string;
  ttlDays: number;
  graceDays: number;
  sessionSecret: string;
}

/**
 * Where approval mails go: libs/mail's QueuedMailOutbox fits by shape. `write` joins the caller's
 * transaction (the mail exists only if the links do); `dispatch` queues it after the commit.
 */
export interface ApprovalMailOutbox {
  write(mail: ApprovalMail, m: EntityManager): Promise<string>;
  /** `write` with the insert sent at the transaction's COMMIT, for mails of rows it creates. */
  writeLater(mail: ApprovalMail, tx: { later(statement: Statement | null): void }): string;
  dispatch(mailMessageId: string): Promise<void>;
}
