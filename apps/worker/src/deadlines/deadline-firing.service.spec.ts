import type { DataSource, EntityManager } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import type { DefinitionStore, Recipient, RecipientDirectory } from '@rodtrad/engine';
import type { OutgoingMail, QueuedMailOutbox } from '@rodtrad/mail';
import type {
  DeadlineRepository,
  DeadlineRow,
  DocumentRepository,
  OutboxRecord,
  OutboxRepository,
  ReminderDigestRepository,
} from '@rodtrad/persistence';
import { anna, marchReport } from '../testing/sample-data';
import { standIn } from '../testing/stand-in';
import { DeadlineFiring } from './deadline-firing.service';
import type { DeadlineJobs } from './deadline-jobs';

const HOUR = 3_600_000;
const chief: Recipient = { userId: 'u-chief', name: 'Förvaltningschef', email: 'chef@kommun.se' };

const doc = marchReport({
  orgUnitName: 'Skolenheten',
  definitionId: 'def-1',
  state: 'draft',
  final: false,
});

function deadline(id: string, o: Partial<DeadlineRow> = {}): DeadlineRow {
  const dueAt = new Date(Date.now() - HOUR);
  return {
    id,
    documentId: 'doc-1',
    state: 'draft',
    key: 'manadsrapport',
    kind: 'due',
    offsetDays: 0,
    dueAt,
    fireAt: dueAt,
    generation: '1',
    onDue: null,
    escalate: false,
    status: 'pending',
    firedAt: null,
    ...o,
  };
}

/** The deadline table, the outbox and the mail as DeadlineFiring sees them through its ports. */
function world(rows: DeadlineRow[]) {
  const table = new Map(rows.map((r) => [r.id, { ...r }]));
  const written = { mails: [] as OutgoingMail[], dispatched: [] as string[], outbox: [] as OutboxRecord[] };
  const queries: string[] = [];
  const digests: { userId: string; deadlineIds: string[] }[] = [];
  const digestJobs: { id: string; delayMs: number }[] = [];
  let transactions = 0;
  const m = standIn<EntityManager>({
    query: async <T>(sql: string) => {
      queries.push(sql);
      return undefined as T;
    },
  });
  const firing = new DeadlineFiring(
    standIn<DataSource>({
      transaction: (async (_isolation: string, work: (m: EntityManager) => Promise<unknown>) => {
        transactions++;
        return work(m);
      }) as DataSource['transaction'],
    }),
    standIn<AppConfig>({ publicUrl: 'https://rodtrad.kommun.se', reminderDigestDelaySeconds: 120 }),
    standIn<DeadlineRepository>({
      lockForFiring: async (ids) =>
        ids.flatMap((id) => (table.has(id) ? [table.get(id) as DeadlineRow] : [])),
      lockDue: async (now, limit) =>
        [...table.values()].filter((r) => r.status === 'pending' && r.fireAt <= now).slice(0, limit),
      markFired: async (ids) => {
        for (const id of ids) Object.assign(table.get(id) ?? {}, { status: 'fired' });
        return ids.length;
      },
    }),
    standIn<DocumentRepository>({ getMany: async (ids) => (ids.includes(doc.id) ? [doc] : []) }),
    standIn<ReminderDigestRepository>({
      addItems: async (userId, _date, deadlineIds) => {
        digests.push({ userId, deadlineIds: [...deadlineIds] });
        return { digestId: `digest-${userId}`, created: true };
      },
    }),
    standIn<OutboxRepository>({ add: async (records) => void written.outbox.push(...records) }),
    standIn<DefinitionStore>({
      load: (async () => ({
        definition: { states: { draft: { meta: { title: 'Utkast', responsible: ['rektor'] } } } },
      })) as unknown as DefinitionStore['load'],
    }),
    standIn<RecipientDirectory>({
      warm: async () => undefined,
      withRolesFor: async () => [anna],
      pendingApproversOf: async () => new Map(),
      nextLevelUp: async () => ({ unitName: 'Förvaltningen', recipients: [chief, anna] }),
    }),
    standIn<QueuedMailOutbox>({
      writeMany: async (mails) => {
        written.mails.push(...mails);
        return mails.map((_, i) => `mail-${i}`);
      },
      dispatchMany: async (ids) => void written.dispatched.push(...ids),
    }),
    standIn<DeadlineJobs>({ ensureDigest: async (id, delayMs) => void digestJobs.push({ id, delayMs }) }),
  );
  return { firing, table, written, queries, digests, digestJobs, transactions: () => transactions };
}

describe('DeadlineFiring', () => {
  it('tells those responsible and the next level up once when a due moment passes, and sends onDue', async () => {
    const w = world([deadline('d1', { escalate: true, onDue: 'FORSENAD' })]);
    expect(await w.firing.fire('d1')).toEqual({ fired: true, kind: 'due', mails: 2, digests: 0 });
    expect(w.written.mails.map((m) => [m.to, m.dedupeKey])).toEqual([
      [[anna.email], 'deadline__d1__u-anna'],
      [[chief.email], 'deadline__d1__u-chief'],
    ]);
    expect(w.written.dispatched).toEqual(['mail-0', 'mail-1']);
    expect(w.queries.some((q) => q.startsWith('UPDATE document SET overdue = 1'))).toBe(true);
    expect(w.written.outbox).toEqual([
      {
        documentId: 'doc-1',
        effectType: 'deadlineEvent',
        payload: { documentId: 'doc-1', state: 'draft', event: 'FORSENAD', deadlineId: 'd1' },
        dedupeKey: 'deadline__d1__onDue',
      },
    ]);
    // Its job runs again (a retry): the deadline is spent, nobody is told twice.
    expect(await w.firing.fire('d1')).toEqual({ fired: false, reason: 'fired by another worker' });
    expect(w.written.mails).toHaveLength(2);
  });

  it('fires what else is due in the same transaction, and answers those jobs without another', async () => {
    const w = world([deadline('d1'), deadline('d2'), deadline('d3')]);
    expect(await w.firing.fire('d1')).toMatchObject({ fired: true });
    expect(w.transactions()).toBe(1);
    expect(await w.firing.fire('d2')).toMatchObject({ fired: true, withOthers: true });
    expect(await w.firing.fire('d3')).toMatchObject({ fired: true, withOthers: true });
    expect(w.transactions()).toBe(1);
  });

  it('never fires a deadline before its moment: its job is told when to come back', async () => {
    const later = new Date(Date.now() + HOUR);
    const w = world([deadline('d1', { fireAt: later, dueAt: later })]);
    expect(await w.firing.fire('d1')).toEqual({ fired: false, early: true, fireAt: later });
    expect(w.table.get('d1')?.status).toBe('pending');
    expect(w.written.mails).toEqual([]);
  });

  it("gathers a reminder into the person's digest of the day, mailed after the digest delay", async () => {
    const dueAt = new Date(Date.now() + 3 * 24 * HOUR);
    const w = world([deadline('r1', { kind: 'reminder', dueAt, fireAt: new Date(Date.now() - 1000) })]);
    expect(await w.firing.fire('r1')).toEqual({ fired: true, kind: 'reminder', mails: 0, digests: 1 });
    expect(w.digests).toEqual([{ userId: 'u-anna', deadlineIds: ['r1'] }]);
    expect(w.digestJobs).toEqual([{ id: 'digest-u-anna', delayMs: 120_000 }]);
    expect(w.written.mails).toEqual([]);
  });

  it('says a deadline is gone when its row no longer exists', async () => {
    const w = world([]);
    expect(await w.firing.fire('nope')).toEqual({ fired: false, reason: 'gone' });
  });
});
