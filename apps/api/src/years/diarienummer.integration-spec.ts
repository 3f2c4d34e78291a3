import { diariumYear, parseDiarienummer } from '@rodtrad/domain';
import { isolatedStack, startTestApi, type TestApi } from '@rodtrad/testing';

const YEAR = 2034;
const REPORT = {
  ekonomi: { arsbudget: 45_000_000, periodbudget: 7_500_000, utfall: 7_400_000, prognos: 45_300_000 },
  analys: 'Prognosen visar ett litet underskott inom grundskolan.',
  foreslagnaAtgarder: 'Vakanser tillsätts inte före sommaren.',
};

describe('diarienummer at KS', () => {
  let api: TestApi;

  beforeAll(async () => {
    // A database of its own: other suites register documents at KS too, and their numbers would
    // fall among these (seen: KS 25 taken by the shipped-workflows suite in the middle of the burst).
    api = await startTestApi(await isolatedStack('diarium'));
  }, 60_000);
  afterAll(() => api.close());

  /** Sends an event with the document's current version; fails the test unless it is accepted. */
  async function send(
    id: string,
    type: string,
    token: string,
  ): Promise<{ status: number; body: { state?: string } }> {
    const doc = await api.request('GET', `/api/documents/${id}`, { token });
    return api.request('POST', `/api/documents/${id}/events`, {
      token,
      body: { type, expectedVersion: doc.body.version },
    });
  }

  it('are gap-free and unique per body and year under concurrent registration ("KS n/yyyy")', async () => {
    const admin = await api.login('admin');
    const registrator = await api.login('registrator');
    const nämnder: [string, string, string][] = [
      ['BIN', await api.login('bin.fvc'), await api.login('bin.sekreterare')],
      ['SAN', await api.login('san.fvc'), await api.login('san.sekreterare')],
    ];
    // Drive every monthly report of two nämnder to the registration step, in parallel.
    const ids: string[] = [];
    await Promise.all(
      nämnder.flatMap(([code, fvc, sekreterare]) =>
        ['02', '03', '07', '09', '10', '11'].map(async (month) => {
          const [{ id: unit }] = await api.dataSource.query('SELECT id FROM org_unit WHERE code = ?', [code]);
          const created = await api.request('POST', '/api/documents', {
            token: admin,
            body: { type: 'manadsrapport', orgUnitId: unit, year: YEAR, period: `${YEAR}-${month}` },
          });
          expect(created.status).toBe(201);
          const id = created.body.id as string;
          const saved = await api.request('PUT', `/api/documents/${id}/data`, {
            token: fvc,
            body: { data: REPORT, expectedVersion: created.body.version },
          });
          expect(saved.status).toBe(200);
          expect((await send(id, 'SUBMIT', fvc)).body.state).toBe('review');
          expect((await send(id, 'APPROVE', fvc)).body.state).toBe('decision');
          // The nämnd decides on its monthly report before it goes to KS.
          const current = await api.request('GET', `/api/documents/${id}`, { token: sekreterare });
          const decided = await api.request('PUT', `/api/documents/${id}/data`, {
            token: sekreterare,
            body: {
              data: { ...current.body.data, beslut: { datum: `${YEAR}-03-10`, paragraf: '§ 24' } },
              expectedVersion: current.body.version,
            },
          });
          expect(decided.status).toBe(200);
          expect((await send(id, 'DECIDE', sekreterare)).body.state).toBe('registration');
          ids.push(id);
        }),
      ),
    );
    expect(ids).toHaveLength(12);

    // Register all of them at the same moment.
    const yearBefore = diariumYear(new Date());
    const results = await Promise.all(ids.map((id) => send(id, 'REGISTER', registrator)));
    const yearAfter = diariumYear(new Date());
    expect(results.map((r) => r.status)).toEqual(ids.map(() => 200));
    expect(results.every((r) => r.body.state === 'ks_treatment')).toBe(true);

    const rows: { diarienummer: string }[] = await api.dataSource.query(
      `SELECT diarienummer FROM document WHERE id IN (${ids.map(() => '?').join(',')})`,
      ids,
    );
    const parsed = rows.map((r) => parseDiarienummer(r.diarienummer));
    expect(parsed.every((p) => p?.bodyCode === 'KS' && (p.year === yearBefore || p.year === yearAfter))).toBe(
      true,
    );
    // Per year of registration (two only if the burst straddled New Year), unique and without gaps:
    // 1, 2, 3 … up to the body's counter, since nothing else registers in this database.
    for (const year of new Set(parsed.map((p) => p?.year as number))) {
      const numbers = parsed
        .filter((p) => p?.year === year)
        .map((p) => p?.number as number)
        .sort((a, b) => a - b);
      const [{ last }] = await api.dataSource.query(
        "SELECT last_number AS last FROM diarium_sequence WHERE body_code = 'KS' AND year = ?",
        [year],
      );
      expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
      expect(Number(last)).toBe(numbers.length);
    }
  });
});
