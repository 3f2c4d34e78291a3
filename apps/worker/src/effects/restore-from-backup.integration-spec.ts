import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Redis from 'ioredis';
import { describeDatabaseUrl } from '@rodtrad/config';
import { dropDatabase, ensureDatabase } from '@rodtrad/persistence';
import {
  eventually,
  isolatedStack,
  LocalSmtpServer,
  recreateDatabase,
  startTestApi,
  startTestWorker,
  type TestApi,
  type TestWorker,
} from '@rodtrad/testing';
import { DeadlineReconciler } from '../deadlines/deadline-reconciler.service';

const EKONOMI_TEXT = {
  analys: 'Ökade kostnader för placeringar.',
  foreslagnaAtgarder: 'Översyn av placeringar och bemanning.',
};

/**
 * A municipality restores last night's database backup; Redis is not restored with it and still
 * holds the jobs of the lost day. Row ids start again where the backup left them, so the new rows
 * must never be taken for the old jobs, and the old jobs must never run against the new rows.
 */
describe('restore from backup while Redis keeps its jobs (real MariaDB, Redis and SMTP)', () => {
  const smtp = new LocalSmtpServer();
  const dir = mkdtempSync(join(tmpdir(), 'rodtrad-restore-'));
  const dump = join(dir, 'backup.sql');
  let env: Record<string, string>;
  let running: { api: TestApi; worker: TestWorker } | undefined;
  /** The API and the worker started last. */
  const on = () => {
    if (!running) throw new Error('the API and the worker are not running');
    return running;
  };

  beforeAll(async () => {
    await smtp.start();
    env = { ...(await isolatedStack('restore')), SMTP_URL: smtp.url };
  }, 60_000);
  afterAll(async () => {
    await running?.worker.close();
    await running?.api.close();
    await smtp.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const start = async () => {
    running = { api: await startTestApi(env), worker: await startTestWorker(env) };
  };
  const stop = async () => {
    await running?.worker.close();
    await running?.api.close();
    running = undefined;
  };
  const db = () => describeDatabaseUrl(env['DATABASE_URL']);
  const mariadbArgs = () => {
    const d = db();
    return ['-h', d.host, '-P', String(d.port), '-u', d.user, ...(d.password ? [`-p${d.password}`] : [])];
  };

  /** A monthly report with a deficit far over the threshold, submitted by the nämnd's förvaltningschef. */
  async function reportDeficit(username: string, unitCode: string): Promise<string> {
    const { api: a } = on();
    const token = await a.login(username);
    const [{ id: orgUnitId }] = await a.dataSource.query('SELECT id FROM org_unit WHERE code = ?', [
      unitCode,
    ]);
    const created = await a.request('POST', '/api/documents', {
      token,
      body: { type: 'manadsrapport', orgUnitId, year: 2027, period: '2027-03' },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    const saved = await a.request('PUT', `/api/documents/${id}/data`, {
      token,
      body: {
        data: {
          ...created.body.data,
          ekonomi: { periodbudget: 137_000_000, utfall: 150_000_000, prognos: 600_000_000 },
          ...EKONOMI_TEXT,
        },
        expectedVersion: created.body.version,
      },
    });
    expect(saved.status).toBe(200);
    const sent = await a.request('POST', `/api/documents/${id}/events`, {
      token,
      body: { type: 'SUBMIT', expectedVersion: saved.body.version },
    });
    expect(sent.status === 200 ? sent.body.state : sent.body).toBe('review');
    return id;
  }

  /** Waits until the report's escalation has its åtgärdsplan; resolves with the plan's id. */
  async function actionPlanOf(reportId: string): Promise<string> {
    const [row] = await eventually(
      async () => {
        const rows = await on().api.dataSource.query(
          'SELECT action_plan_document_id AS planId FROM escalation WHERE source_document_id = ? AND action_plan_document_id IS NOT NULL',
          [reportId],
        );
        return rows.length ? rows : undefined;
      },
      30_000,
      `the escalation of ${reportId} with its åtgärdsplan`,
    );
    return row.planId as string;
  }

  async function everyEffectHandled(): Promise<void> {
    await eventually(
      async () => {
        const [{ open }] = await on().api.dataSource.query(
          `SELECT COUNT(*) AS open FROM outbox o LEFT JOIN effect_receipt r ON r.dedupe_key = o.dedupe_key
            WHERE r.dedupe_key IS NULL`,
        );
        return Number(open) === 0;
      },
      30_000,
      'every outbox row to have its receipt',
    );
  }

  it('every mail, deadline and escalation of the transitions after the restore happens exactly once', async () => {
    // Last night's backup: the demo municipality, nothing under way.
    execFileSync('mariadb-dump', [
      ...mariadbArgs(),
      '--single-transaction',
      '--triggers',
      '--routines',
      `--result-file=${dump}`,
      db().database,
    ]);

    // The lost day: Bildningsnämnden's report escalates; its effects run and their jobs stay in Redis.
    await start();
    const lostReport = await reportDeficit('bin.fvc', 'BIN');
    await actionPlanOf(lostReport);
    await everyEffectHandled();
    await smtp.waitFor((all) => all.find((m) => m.subject.startsWith('Budgetavvikelse: Bildningsnämnden')));
    const [{ lostRows }] = await on().api.dataSource.query('SELECT MAX(id) AS lostRows FROM outbox');
    expect(Number(lostRows)).toBeGreaterThan(3);
    await stop();

    // The restore: the database goes back to the backup; Redis is left as it was.
    await dropDatabase(env['DATABASE_URL']);
    await ensureDatabase(env['DATABASE_URL']);
    execFileSync('mariadb', [...mariadbArgs(), db().database], { input: readFileSync(dump) });
    smtp.received.length = 0;

    // The day after the restore: Socialnämnden's report escalates, and its outbox rows take the
    // lost day's ids again.
    await start();
    const [{ name: sanName }] = await on().api.dataSource.query(
      "SELECT name FROM org_unit WHERE code = 'SAN'",
    );
    const report = await reportDeficit('san.fvc', 'SAN');
    const planId = await actionPlanOf(report);
    await everyEffectHandled();
    const [{ firstId }] = await on().api.dataSource.query('SELECT MIN(id) AS firstId FROM outbox');
    expect(Number(firstId)).toBeLessThanOrEqual(Number(lostRows)); // the ids did repeat

    // KS hears of the deviation once, and nothing of the lost day's report reaches anyone.
    await smtp.waitFor((all) => all.find((m) => m.subject.startsWith(`Budgetavvikelse: ${sanName}`)));
    await new Promise((r) => setTimeout(r, 1_500)); // room for a duplicate to arrive
    expect(smtp.received.filter((m) => m.subject.startsWith(`Budgetavvikelse: ${sanName}`))).toHaveLength(1);
    expect(smtp.received.filter((m) => m.subject.includes('Bildningsnämnden'))).toEqual([]);
    expect(await on().api.dataSource.query('SELECT id FROM document WHERE id = ?', [lostReport])).toEqual([]);

    // One escalation, one åtgärdsplan, and its deadline scheduled once with one job.
    const [{ n }] = await on().api.dataSource.query(
      'SELECT COUNT(*) AS n FROM escalation WHERE source_document_id = ?',
      [report],
    );
    expect(Number(n)).toBe(1);
    const deadlines: { id: string }[] = await eventually(async () => {
      const rows = await on().api.dataSource.query(
        "SELECT id FROM deadline WHERE document_id = ? AND kind = 'due' AND status = 'pending'",
        [planId],
      );
      return rows.length ? rows : undefined;
    });
    expect(deadlines).toHaveLength(1);
    const redis = new Redis(on().worker.config.redisUrl);
    try {
      const keys = await redis.keys(`${env['QUEUE_PREFIX']}:*deadline__${deadlines[0].id}`);
      expect(keys).toHaveLength(1);
    } finally {
      redis.quit();
    }
    await stop();
  }, 180_000);

  it('an effect relayed before the backup whose job finished after it runs again, and sends nothing twice', async () => {
    // The backup held a relayed notify effect without its receipt; its job finished after the
    // backup was taken, so Redis holds it as completed.
    await start();
    const [row] = await on().api.dataSource.query(
      "SELECT id, dedupe_key AS dedupeKey FROM outbox WHERE effect_type = 'notify' ORDER BY id LIMIT 1",
    );
    expect(row).toBeDefined();
    const mailsBefore = smtp.received.length;
    await on().api.dataSource.query('DELETE FROM effect_receipt WHERE dedupe_key = ?', [row.dedupeKey]);
    await on().api.dataSource.query(
      'UPDATE outbox SET relayed_at = NOW(3) - INTERVAL 10 MINUTE WHERE id = ?',
      [row.id],
    );

    const counts = await on().worker.app.get(DeadlineReconciler).reconcile();
    expect(counts.effects).toBe(1);
    await eventually(async () => {
      const [r] = await on().api.dataSource.query('SELECT 1 AS x FROM effect_receipt WHERE dedupe_key = ?', [
        row.dedupeKey,
      ]);
      return r;
    });
    await new Promise((r) => setTimeout(r, 1_000));
    expect(smtp.received.length).toBe(mailsBefore); // its mails were sent once already
    expect((await on().worker.app.get(DeadlineReconciler).reconcile()).effects).toBe(0);
    await stop();
  }, 60_000);

  it('a database created anew beside the old Redis gets queues of its own, and the worker says so', async () => {
    const before = await startTestWorker(env);
    const oldNamespace = before.namespace;
    await before.close();
    await recreateDatabase(env['DATABASE_URL']);
    await start();
    expect(on().worker.previousInstallationId).toBe(oldNamespace.installationId);
    expect(on().worker.namespace.prefix).not.toBe(oldNamespace.prefix);
    expect(on().worker.namespace.prefix.startsWith(`${env['QUEUE_PREFIX']}:`)).toBe(true);

    const report = await reportDeficit('bin.fvc', 'BIN');
    await actionPlanOf(report);
    await everyEffectHandled();
    await smtp.waitFor((all) => all.find((m) => m.subject.startsWith('Budgetavvikelse: Bildningsnämnden')));
    await stop();
  }, 120_000);
});
