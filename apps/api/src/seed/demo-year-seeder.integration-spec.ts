import type { DataSource } from 'typeorm';
import { DEMO_WALK_ORDER } from '@rodtrad/domain';
import { DocumentAuditRepository, openDatabase } from '@rodtrad/persistence';
import { isolatedStack, startTestApi, type TestApi } from '@rodtrad/testing';
import { seedDemoYear, type DemoYearSeedResult } from './demo-year-seeder';

/**
 * The lived-in demo (#18), seeded on a database of its own as `npm start` does: the previous year
 * complete and the current one in progress, every document walked through the real engine. The
 * day is fixed (7 December 2026), so the story is the same on any day the test runs.
 */
const TODAY = new Date('2026-12-07T09:00:00Z');
const PREVIOUS = 2025;
const CURRENT = 2026;

describe('the demo year seeded through the engine', () => {
  let env: Record<string, string>;
  let ds: DataSource;
  let first: DemoYearSeedResult;

  beforeAll(async () => {
    // Its own database: the seed opens two whole years for every unit.
    env = await isolatedStack('demoyear');
    ds = await openDatabase({ databaseUrl: env['DATABASE_URL'] as string, migrate: false, poolSize: 4 });
    first = await seedDemoYear(ds, { today: TODAY });
  }, 300_000);
  afterAll(() => ds?.destroy());

  const count = async (sql: string, params: unknown[] = []) => Number((await ds.query(sql, params))[0].n);

  it('walks every document it means to, refused by none, each year as the story says', async () => {
    expect(first.refused).toEqual([]);
    expect(first.years).toEqual({ previous: PREVIOUS, current: CURRENT });
    expect(first.documentsCreated).toBeGreaterThan(200);
    // The previous year is complete: every document in its final step, decided where it is decided.
    expect(await count('SELECT COUNT(*) AS n FROM document WHERE year = ?', [PREVIOUS])).toBeGreaterThan(100);
    expect(
      await count(
        `SELECT COUNT(*) AS n FROM document d JOIN org_unit u ON u.id = d.org_unit_id
          WHERE d.year = ? AND d.final = 0 AND d.type IN (?) AND u.code NOT IN ('GYV', 'ALLE', 'VUX')`, // the kommunalförbund's own (#16)
        [PREVIOUS, DEMO_WALK_ORDER],
      ),
    ).toBe(0);
    // The current year: adopted up to today, a few late, the rest of the year still ahead.
    expect(
      await count("SELECT COUNT(*) AS n FROM document WHERE year = ? AND type = 'enhetsplan' AND final = 1", [
        CURRENT,
      ]),
    ).toBeGreaterThan(20);
    const late: { code: string; type: string; state: string }[] = await ds.query(
      `SELECT u.code, d.type, d.state FROM document d JOIN org_unit u ON u.id = d.org_unit_id
        WHERE d.year = ? AND d.final = 0 AND d.due_at < ? AND d.type IN (?)
          AND u.code NOT IN ('GYV', 'ALLE', 'VUX') ORDER BY u.code, d.type`,
      [CURRENT, TODAY, DEMO_WALK_ORDER],
    );
    expect(late).toEqual([
      { code: 'DSN', type: 'manadsrapport', state: 'draft' },
      { code: 'HEMT', type: 'enhetsplan', state: 'draft' },
      { code: 'OSTA', type: 'enhetsplan', state: 'draft' },
    ]);
  });

  it('opens the budget deviation through the real mechanism, with its åtgärdsplan', async () => {
    const rows: { kind: string; code: string; type: string; planType: string | null; amount: number }[] =
      await ds.query(
        `SELECT e.kind, u.code, src.type, plan.type AS planType, e.amount FROM escalation e
           JOIN org_unit u ON u.id = e.org_unit_id
           JOIN document src ON src.id = e.source_document_id
           LEFT JOIN document plan ON plan.id = e.action_plan_document_id
          WHERE e.year = ? ORDER BY e.kind`,
        [CURRENT],
      );
    expect(rows).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: 'budget',
          code: 'BIN',
          type: 'manadsrapport',
          planType: 'atgardsplan',
        }),
        expect.objectContaining({ kind: 'goal', code: 'SAN', planType: 'atgardsplan' }),
      ]),
    );
    expect(first.escalationsOpened).toBe(rows.length);
    // KS is told by mail (written to the outbox; the worker sends it).
    expect(
      await count("SELECT COUNT(*) AS n FROM mail_message WHERE subject LIKE '%Bildningsnämnden%'"),
    ).toBeGreaterThan(0);
  });

  it('leaves every audit chain intact', async () => {
    const result = await new DocumentAuditRepository(ds).verifyAll();
    expect(result).toMatchObject({ ok: true });
  });

  it('changes nothing when seeded again', async () => {
    const audit = await count('SELECT COUNT(*) AS n FROM document_audit');
    const again = await seedDemoYear(ds, { today: TODAY });
    expect(again).toMatchObject({
      documentsCreated: 0,
      documentsWalked: 0,
      transitions: 0,
      escalationsOpened: 0,
    });
    expect(await count('SELECT COUNT(*) AS n FROM document_audit')).toBe(audit);
  }, 120_000);

  it('shows the previous year’s red thread and the current year’s goal in red', async () => {
    const api: TestApi = await startTestApi(env);
    try {
      const token = await api.login('ks.ordforande');
      const bin = (await ds.query("SELECT id FROM org_unit WHERE code = 'BIN'"))[0].id;
      const prev = await api.request('GET', `/api/years/${PREVIOUS}/red-thread?namndId=${bin}`, { token });
      expect(prev.status).toBe(200);
      const goals = prev.body.strategicAreas.flatMap((a: { namndmal: unknown[] }) => a.namndmal);
      expect(goals.length).toBe(2);
      expect(goals[0]).toMatchObject({ documentState: 'adopted' });
      expect(goals[0].strategier.length).toBeGreaterThan(0);
      expect(goals[0].aktiviteter.length).toBeGreaterThan(0);
      const san = (await ds.query("SELECT id FROM org_unit WHERE code = 'SAN'"))[0].id;
      const cur = await api.request('GET', `/api/years/${CURRENT}/red-thread?namndId=${san}`, { token });
      const sanGoals = cur.body.strategicAreas.flatMap(
        (a: { namndmal: { id: string; indikatorer: { colour: string }[] }[] }) => a.namndmal,
      );
      expect(sanGoals.find((g: { id: string }) => g.id === 'SAN-1').indikatorer[0].colour).toBe('red');
    } finally {
      await api.close();
    }
  }, 60_000);
});
