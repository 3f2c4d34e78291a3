/**
 * Outgoing mail. Producers never speak SMTP: they write a `mail_message` row through the
 * `MailOutbox` port, and the worker's `send-mail` job (queue `mail`, jobId = row id) sends it once.
 *
 * - `QueuedMailOutbox.enqueue(mail)`: write + queue; a repeated `dedupeKey` sends nothing new.
 * - `QueuedMailOutbox.write(mail, m)` + `dispatch(id)`: write inside your transaction, queue after commit.
 * - `QueuedMailOutbox.writeLater(mail, tx)`: the same in a BatchedTransaction, the insert sent with its COMMIT.
 * - `MailMessageRepository`: the table (status pending | sent | failed, attempts, last_error).
 * - `createTransport(SMTP_URL, MAIL_FROM)`: the SMTP side, used only by the worker's send-mail job.
 * - Templates: Swedish text + HTML (`render()` for new ones, `reminderDigestMail`, `overdueMail`,
 *   `escalationMail`).
 */
export * from './mail-message.repository';
export * from './mail-outbox';
export * from './transport';
export * from './templates/layout';
export * from './templates/deadline-mails';
export * from './templates/escalation-mails';
export * from './templates/oversight-mails';
export * from './templates/company-mails';
