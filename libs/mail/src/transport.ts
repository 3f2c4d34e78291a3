import nodemailer from 'nodemailer';
import type { MailMessageRow } from './mail-message.repository';

/** Sends one stored mail over SMTP; the only place that speaks SMTP. */
export interface MailTransport {
  send(mail: Pick<MailMessageRow, 'id' | 'to' | 'subject' | 'text' | 'html' | 'threadKey'>): Promise<void>;
  close(): void;
}

/**
 * SMTP transport from SMTP_URL (smtp://user:pass@host:port, smtps:// for TLS) sending from
 * MAIL_FROM. The Message-ID is derived from the row id, so a resend after a crash is recognisable
 * as the same message; a thread key becomes References/In-Reply-To so clients group the mails.
 */
export function createTransport(
  smtpUrl: string,
  mailFrom: string,
  opts: { maxConnections?: number; domain?: string } = {},
): MailTransport {
  const url = new URL(smtpUrl);
  const domain = opts.domain ?? 'rodtrad.local';
  const transporter = nodemailer.createTransport({
    // Kept-open connections, at most one per mail sent at once (MAIL_CONCURRENCY): a burst of mails
    // reuses them instead of opening one connection each, and no mail waits for another's.
    pool: true,
    maxConnections: opts.maxConnections ?? 4,
    host: url.hostname,
    port: Number(url.port || (url.protocol === 'smtps:' ? 465 : 587)),
    secure: url.protocol === 'smtps:',
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : undefined,
    // A local relay without TLS is normal in development and tests; STARTTLS is used when offered.
    ignoreTLS: url.searchParams.get('ignoreTLS') === 'true',
    tls: { rejectUnauthorized: url.searchParams.get('tlsInsecure') !== 'true' },
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(mail) {
      const thread = mail.threadKey
        ? `<${mail.threadKey.replace(/[^A-Za-z0-9._-]/g, '-')}@${domain}>`
        : undefined;
      await transporter.sendMail({
        from: mailFrom,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: `<${mail.id}@${domain}>`,
        // Sent by a machine (RFC 3834): vacation responders stay silent, and Exchange's
        // out-of-office and read receipts too (X-Auto-Response-Suppress).
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
        ...(thread ? { references: thread, inReplyTo: thread } : {}),
      });
    },
    close: () => transporter.close(),
  };
}
