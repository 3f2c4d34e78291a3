import type { MailMessageRepository, MailMessageRow } from '@rodtrad/mail';
import type { ApiMailOutbox } from './api-mail-outbox';
import { MailMessagesService } from './mail-messages.service';

const mail = (id: string, status: MailMessageRow['status']): MailMessageRow => ({
  id,
  to: ['a@example.se'],
  subject: 'Ämne',
  text: 't',
  html: 'h',
  dedupeKey: id,
  status,
  attempts: 5,
  lastError: status === 'failed' ? 'SMTP 550' : null,
  createdAt: new Date('2027-01-01T10:00:00Z'),
  sentAt: null,
});

function world(rows: MailMessageRow[]) {
  const queued: string[] = [];
  const calls: string[] = [];
  const repo = {
    list: async () => (calls.push('list'), { items: rows, total: rows.length }),
    get: async (id: string) => (calls.push('get'), rows.find((r) => r.id === id) ?? null),
    requeueFailed: async (id: string) => rows.find((r) => r.id === id)?.status === 'failed',
  } as unknown as MailMessageRepository;
  const outbox = { resend: async (id: string) => void queued.push(id) } as unknown as ApiMailOutbox;
  return { service: new MailMessagesService(repo, outbox), queued, calls };
}

describe('MailMessagesService', () => {
  it('reads a page in one list call, not one read per mail', async () => {
    const { service, calls } = world([mail('m1', 'failed'), mail('m2', 'sent')]);
    const page = await service.list({ status: 'failed' });
    expect(page.total).toBe(2);
    expect(page.items[0]).toEqual({
      id: 'm1',
      to: ['a@example.se'],
      subject: 'Ämne',
      status: 'failed',
      attempts: 5,
      lastError: 'SMTP 550',
      createdAt: '2027-01-01T10:00:00.000Z',
      sentAt: null,
    });
    expect(calls).toEqual(['list']);
  });

  it('queues a failed mail again, and refuses others with 409 and unknown ones with 404', async () => {
    const { service, queued } = world([mail('m1', 'failed'), mail('m2', 'sent')]);
    await service.resend('m1');
    expect(queued).toEqual(['m1']);
    await expect(service.resend('m2')).rejects.toMatchObject({ status: 409, code: 'mail-not-failed' });
    await expect(service.resend('m3')).rejects.toMatchObject({ status: 404 });
    expect(queued).toEqual(['m1']);
  });
});
