import { randomBytes, randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { createDocumentEngine, MunicipalYearWheel, SYSTEM_ACTOR } from '@rodtrad/engine';
import { OutboxRepository } from '@rodtrad/persistence';
import { eventually, isolatedStack, LocalSmtpServer, startTestWorker } from '@rodtrad/testing';

const DAY = 86_400_000;

/**
 * The documents here get only the test's own deadlines: the year wheel's date for their step would
 * otherwise be scheduled as well, and once that date has passed (the enhetsplan 2027 from
 * 31 January 2027) it fires at once and adds its overdue mails to the ones the test counts.
 */
const withoutWheelDeadline = async (): Promise<null> => null;

/** A document of a demo enhet, and a deadline for its draft step `inMs` from now. */
async function documentWithDeadline(
  ds: DataSource,
  unitCode: string,
  year: number,
  deadline: { dueInMs: number; reminders: number[]; escalate?: boolean },
): Promise<{ id: string; title: string }> {
  const engine = createDocumentEngine(ds, { dueAt: withoutWheelDeadline });
  const [unit] = await ds.query('SELECT id FROM org_unit WHERE code = ?', [unitCode]);
  const doc = await engine.create({ type: 'enhetsplan', orgUnitId: unit.id, year, actor: SYSTEM_ACTOR });
  await scheduleDraftDeadline(ds, doc.id, `test__${doc.id}__deadline`, {
    reminders: deadline.reminders,
    escalate: deadline.escalate ?? true,
    dueAt: new Date(Date.now() + deadline.dueInMs).toISOString(),
  });
  return { id: doc.id, title: doc.title };
}

/** A `scheduleDeadline` outbox row for the enhetsplan's draft step, as the engine writes one. */
async function scheduleDraftDeadline(
  ds: DataSource,
  documentId: string,
  dedupeKey: string,
  payload: { reminders: number[]; escalate: boolean; dueAt: string; dueFrom?: string },
): Promise<void> {
  await new OutboxRepository(ds).add(
    [
      {
        documentId,
        effectType: 'scheduleDeadline',
        payload: { documentId, state: 'draft', key: 'enhetsplan', onDue: null, ...payload },
        dedupeKey,
      },
    ],
    ds.manager,
  );
}

describe('deadlines: reminders and due moments over a real worker, Redis, MariaDB and SMTP', () => {
  const smtp = new LocalSmtpServer();
  let env: Record<string, string>;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;

  beforeAll(async () => {
    env = await isolatedStack('deadlines');
    await smtp.start();
    worker = await startTestWorker({ ...env, SMTP_URL: smtp.url, REMINDER_DIGEST_DELAY_SECONDS: '1' });
  }, 60_000);
  afterAll(async () => {
    await worker?.close();
    await smtp.stop();
  });

  it('a reminder fires once and arrives in one digest mail per person, listing every document', async () => {
    const ds = worker.dataSource;
    // Two enhetsplaner of Transtenskolan due in a day and 2.5 s: their 1-day reminders fire together.
    const a = await documentWithDeadline(ds, 'TRAN', 2027, { dueInMs: DAY + 2500, reminders: [1] });
    const b = await documentWithDeadline(ds, 'TRAN', 2028, { dueInMs: DAY + 2600, reminders: [1] });
    const [digest] = await smtp.waitFor((mails) => {
      const m = mails.filter((x) => x.to.includes('transten.rektor@hallsberg.example'));
      return m.length ? m : undefined;
    });
    expect(digest.subject).toBe('Påminnelse: 2 dokument har snart sista dag');
    expect(digest.text).toContain(a.title);
    expect(digest.text).toContain(b.title);
    expect(digest.text).toContain('i morgon');
    expect(digest.html).toContain('<a href=');
    const fired = await ds.query(
      `SELECT status, COUNT(*) AS n FROM deadline WHERE document_id IN (?, ?) AND kind = 'reminder'
          AND due_at < NOW(3) + INTERVAL 2 DAY GROUP BY status`,
      [a.id, b.id],
    );
    expect(fired).toEqual([{ status: 'fired', n: '2' }]);
    await new Promise((r) => setTimeout(r, 2500));
    expect(smtp.to('transten.rektor@hallsberg.example')).toHaveLength(1);
    const [{ overdue }] = await ds.query('SELECT overdue FROM document WHERE id = ?', [a.id]);
    expect(Number(overdue)).toBe(0);
  });

  it('at the due moment the document is overdue, the responsible and the next level up are told, once', async () => {
    const ds = worker.dataSource;
    const doc = await documentWithDeadline(ds, 'EKA', 2027, { dueInMs: 2500, reminders: [] });
    const mails = await smtp.waitFor((all) => {
      const m = all.filter((x) => x.subject === `Försenat: ${doc.title}`);
      return m.length >= 2 ? m : undefined;
    });
    const chief = mails.find((m) => m.to.includes('ekangen.rektor@hallsberg.example'));
    const above = mails.find((m) => m.to.includes('grundskola.chef@hallsberg.example'));
    expect(chief?.text).toContain('är nu markerat som försenat');
    expect(above?.text).toContain('närmast överordnad nivå');
    const [row] = await ds.query('SELECT overdue FROM document WHERE id = ?', [doc.id]);
    expect(Number(row.overdue)).toBe(1);
    const due = await ds.query(
      `SELECT status, fired_at FROM deadline WHERE document_id = ? AND kind = 'due' AND offset_days = 0 AND due_at < NOW(3) + INTERVAL 1 HOUR`,
      [doc.id],
    );
    expect(due).toHaveLength(1);
    expect(due[0].status).toBe('fired');
    // The default reminders (14, 3, 1 days) had passed before the step began: none was made.
    const [{ n }] = await ds.query(
      `SELECT COUNT(*) AS n FROM deadline WHERE document_id = ? AND kind = 'reminder' AND due_at < NOW(3) + INTERVAL 1 HOUR`,
      [doc.id],
    );
    expect(Number(n)).toBe(0);
    await new Promise((r) => setTimeout(r, 2000));
    expect(smtp.received.filter((x) => x.subject === `Försenat: ${doc.title}`)).toHaveLength(2);
  });

  it('a pending approver is told at the due moment too, even without the step’s roles', async () => {
    const ds = worker.dataSource;
    const doc = await documentWithDeadline(ds, 'OSTA', 2029, {
      dueInMs: 2500,
      reminders: [],
      escalate: false,
    });
    // A named approver (the registrar holds none of the step's roles) whose link went out.
    const [{ id: approver }] = await ds.query("SELECT id FROM app_user WHERE username = 'registrator'");
    const requestId = randomUUID();
    await ds.query(
      `INSERT INTO approval_request (id, document_id, state, document_version, mode, approve_event, status, dedupe_key)
       VALUES (?, ?, 'draft', 1, 'any', 'SUBMIT', 'open', ?)`,
      [requestId, doc.id, `test__${requestId}`],
    );
    await ds.query(
      `INSERT INTO approval (id, request_id, approver_user_id, status, token_hash, sent_version, sent_at)
       VALUES (?, ?, ?, 'pending', ?, 1, NOW(3))`,
      [randomUUID(), requestId, approver, randomBytes(32).toString('hex')],
    );
    const mails = await smtp.waitFor((all) => {
      const m = all.filter((x) => x.subject === `Försenat: ${doc.title}`);
      return m.length >= 2 ? m : undefined;
    });
    expect(mails.flatMap((m) => m.to).sort()).toEqual([
      'ostansjo.rektor@hallsberg.example',
      'registrator@hallsberg.example',
    ]);
  });

  it('leaving the step cancels its deadline: no mail, the row cancelled, the job gone', async () => {
    const ds = worker.dataSource;
    const doc = await documentWithDeadline(ds, 'OSTA', 2027, { dueInMs: 4000, reminders: [] });
    const row = await eventually(async () => {
      const [r] = await ds.query(
        `SELECT id FROM deadline WHERE document_id = ? AND due_at < NOW(3) + INTERVAL 1 HOUR`,
        [doc.id],
      );
      return r as { id: string };
    });
    await new OutboxRepository(ds).add(
      [
        {
          documentId: doc.id,
          effectType: 'cancelDeadlines',
          payload: { documentId: doc.id, state: 'draft' },
          dedupeKey: `test__${doc.id}__cancel`,
        },
      ],
      ds.manager,
    );
    await eventually(async () => {
      const [r] = await ds.query('SELECT status FROM deadline WHERE id = ?', [row.id]);
      return r.status === 'cancelled';
    });
    await new Promise((r) => setTimeout(r, 4500));
    expect(smtp.received.filter((x) => x.subject === `Försenat: ${doc.title}`)).toHaveLength(0);
  });

  it('a deadline reckoned from a wheel date that moved before it was scheduled gets the new date', async () => {
    const ds = worker.dataSource;
    const [unit] = await ds.query("SELECT id FROM org_unit WHERE code = 'EKA'");
    const doc = await createDocumentEngine(ds).create({
      type: 'enhetsplan',
      orgUnitId: unit.id,
      year: 2091,
      actor: SYSTEM_ACTOR,
    });
    const wheelDue = await new MunicipalYearWheel(ds).dueAt('enhetsplan', 2091, null, new Date());
    expect(wheelDue).not.toBeNull();
    // As if a transition had read the wheel just before the date moved: it wrote the old date.
    const stale = new Date((wheelDue as Date).getTime() - 7 * DAY);
    await ds.query('UPDATE document SET due_at = ? WHERE id = ?', [stale, doc.id]);
    await scheduleDraftDeadline(ds, doc.id, `test__${doc.id}__stale`, {
      reminders: [],
      escalate: false,
      dueAt: stale.toISOString(),
      dueFrom: new Date().toISOString(),
    });
    const [{ id: outboxId }] = await ds.query('SELECT id FROM outbox WHERE dedupe_key = ?', [
      `test__${doc.id}__stale`,
    ]);
    const [row] = await eventually(async () => {
      const rows = await ds.query(
        "SELECT due_at AS dueAt FROM deadline WHERE document_id = ? AND generation = ? AND kind = 'due'",
        [doc.id, outboxId],
      );
      return rows.length ? rows : undefined;
    });
    expect(new Date(row.dueAt).getTime()).toBe((wheelDue as Date).getTime());
    const [{ dueAt }] = await ds.query('SELECT due_at AS dueAt FROM document WHERE id = ?', [doc.id]);
    expect(new Date(dueAt).getTime()).toBe((wheelDue as Date).getTime());
  });

  it('an effect type nobody handles is kept as a visible failure', async () => {
    const ds = worker.dataSource;
    await new OutboxRepository(ds).add(
      [
        {
          documentId: null,
          effectType: 'teleportDocument',
          payload: { to: 'mars' },
          dedupeKey: 'test__unknown__effect',
        },
      ],
      ds.manager,
    );
    const [failure] = await eventually(async () => {
      const rows = await ds.query(
        `SELECT effect_type, reason FROM effect_failure WHERE dedupe_key = 'test__unknown__effect'`,
      );
      return rows.length ? rows : undefined;
    });
    expect(failure).toMatchObject({ effect_type: 'teleportDocument' });
    expect(failure.reason).toContain('Ingen hanterare');
  });
});
