import { OrgTree, type OrgUnitNode } from '@rodtrad/domain';
import { isolatedStack, startTestApi, type TestApi } from '@rodtrad/testing';

const YEAR = 2029;

describe('opening a budget year', () => {
  let api: TestApi;
  let admin: string;
  const count = async (where = '', params: unknown[] = []) =>
    Number(
      (
        await api.dataSource.query(`SELECT COUNT(*) AS n FROM document WHERE year = ? ${where}`, [
          YEAR,
          ...params,
        ])
      )[0].n,
    );
  const unitId = async (code: string) =>
    (await api.dataSource.query('SELECT id FROM org_unit WHERE code = ?', [code]))[0].id as string;

  beforeAll(async () => {
    // A database of its own: other suites add units meanwhile, and every unit gets documents here.
    api = await startTestApi(await isolatedStack('openyear'));
    admin = await api.login('admin');
  }, 60_000);
  afterAll(() => api.close());

  it('creates every document the wheel names for every unit, each with its audit entry and deadline', async () => {
    const res = await api.request('POST', `/api/years/${YEAR}/open`, {
      token: await api.login('registrator'),
    });
    expect(res.status).toBe(200);
    expect(res.body.existing).toBe(0);
    expect(res.body.created).toBe(await count());

    const [{ n: units }] = await api.dataSource.query(
      "SELECT COUNT(*) AS n FROM org_unit WHERE kind IN ('namnd', 'ks')",
    );
    // Units under a company or kommunalförbund (the förbund's schools) are outside the red thread (#16).
    const all: OrgUnitNode[] = await api.dataSource.query(
      'SELECT id, parent_id AS parentId, kind, name, code FROM org_unit',
    );
    const tree = new OrgTree(all);
    const kind = async (k: string) => all.filter((u) => u.kind === k && !tree.isInOwnedBody(u.id)).length;
    expect(all.filter((u) => u.kind === 'enhet' && tree.isInOwnedBody(u.id)).length).toBeGreaterThan(0);
    expect(await count("AND type = 'gpf'")).toBe(1);
    expect(await count("AND type = 'gpf' AND org_unit_id = ?", [await unitId('KS')])).toBe(1);
    // KF's budget and the municipality's own reports: one each, prepared by KS.
    for (const type of ['budget-och-flerarsplan', 'delarsrapport-kommunen', 'arsredovisning'])
      expect(await count('AND type = ? AND org_unit_id = ?', [type, await unitId('KS')])).toBe(1);
    expect(await count("AND type = 'mal-och-budget'")).toBe(Number(units));
    expect(await count("AND type = 'internkontrollplan'")).toBe(Number(units));
    expect(await count("AND type = 'forvaltningsplan'")).toBe(await kind('forvaltning'));
    expect(await count("AND type = 'verksamhetsplan'")).toBe(await kind('omrade'));
    expect(await count("AND type = 'enhetsplan'")).toBe(await kind('enhet'));
    // §6.1: February, March, July, September, October and November.
    expect(await count("AND type = 'manadsrapport'")).toBe(Number(units) * 6);
    expect(await count("AND type = 'tertialrapport' AND period = 'T1'")).toBe(Number(units));
    // A company reports to KS in its own bolagsrapport, at the interim and after the year end, and
    // gets none of the nämnder's documents; KS assesses the companies once a year (#16).
    const hbab = await unitId('HBAB');
    for (const period of ['D1', 'HELAR'])
      expect(
        await count("AND org_unit_id = ? AND type = 'bolagsrapport' AND period = ?", [hbab, period]),
      ).toBe(1);
    expect(
      await count(
        "AND org_unit_id = ? AND type IN ('manadsrapport', 'tertialrapport', 'delarsrapport', 'verksamhetsberattelse', 'mal-och-budget')",
        [hbab],
      ),
    ).toBe(0);
    expect(await count("AND type = 'ks-bolagsbedomning' AND org_unit_id = ?", [await unitId('KS')])).toBe(1);
    expect(await count('AND org_unit_id = ?', [await unitId('SNUF')])).toBe(0);
    expect(await count("AND type = 'atgardsplan'")).toBe(0);

    // every document has its CREATE audit entry, its due date, and its deadline in the outbox
    const [{ missingAudit }] = await api.dataSource.query(
      `SELECT COUNT(*) AS missingAudit FROM document d WHERE d.year = ?
         AND NOT EXISTS (SELECT 1 FROM document_audit a WHERE a.document_id = d.id AND a.event = 'CREATE' AND a.via = 'system')`,
      [YEAR],
    );
    expect(Number(missingAudit)).toBe(0);
    expect(await count('AND due_at IS NULL')).toBe(0);
    const [{ deadlines }] = await api.dataSource.query(
      `SELECT COUNT(DISTINCT o.document_id) AS deadlines FROM outbox o JOIN document d ON d.id = o.document_id
        WHERE d.year = ? AND o.effect_type = 'scheduleDeadline'`,
      [YEAR],
    );
    expect(Number(deadlines)).toBe(await count());
    const [feb] = await api.dataSource.query(
      "SELECT due_at AS dueAt FROM document WHERE year = ? AND type = 'manadsrapport' AND period = '2029-02' LIMIT 1",
      [YEAR],
    );
    expect(new Date(feb.dueAt).toISOString()).toBe('2029-03-15T22:59:59.000Z');
  });

  it('is idempotent: a second call creates nothing', async () => {
    const total = await count();
    const res = await api.request('POST', `/api/years/${YEAR}/open`, { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ created: 0, existing: total });
    expect(await count()).toBe(total);
  });

  it('gives a unit added later its documents on the next call, and only those', async () => {
    const total = await count();
    const unit = await api.request('POST', '/api/org-units', {
      token: admin,
      body: { parentId: await unitId('GSK'), kind: 'enhet', name: 'Nya skolan', code: 'NYSK' },
    });
    expect(unit.status).toBe(201);
    const res = await api.request('POST', `/api/years/${YEAR}/open`, { token: admin });
    expect(res.body).toEqual({ created: 1, existing: total });
    expect(await count("AND type = 'enhetsplan' AND org_unit_id = ?", [unit.body.id])).toBe(1);
  });

  it('is not for an enhetschef, and refuses a year that is not a year', async () => {
    const rektor = await api.login('transten.rektor');
    expect((await api.request('POST', `/api/years/${YEAR}/open`, { token: rektor })).status).toBe(403);
    const bad = await api.request('POST', '/api/years/1999/open', { token: admin });
    expect(bad.status).toBe(422);
    expect(bad.body.errors).toEqual([expect.objectContaining({ pointer: '/path/year' })]);
  });
});
