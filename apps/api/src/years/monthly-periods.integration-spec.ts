import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApi, type TestApi } from '@rodtrad/testing';

/**
 * The monthly reports per the year wheel (#15 item 7): their months and the month KS treats each
 * are the wheel's data, §6.1 by default, changed by the registrar; the nämnd decides on its report
 * before it goes to KS.
 */
// A year of its own, far ahead: no other suite edits its wheel, and nothing of it is late.
const YEAR = 2094;

describe('monthly reports per the year wheel', () => {
  let api: TestApi;
  let registrator: string;
  let bin: string;

  beforeAll(async () => {
    api = await startTestApi();
    registrator = await api.login('registrator');
    [{ id: bin }] = await api.dataSource.query("SELECT id FROM org_unit WHERE code = 'BIN'");
  });
  afterAll(() => api.close());

  const monthly = async () =>
    (await api.request('GET', `/api/years/${YEAR}/calendar`, { token: registrator })).body.items
      .filter((e: { key: string }) => e.key === 'manadsrapport')
      .map((e: { period: string; ksMonth: number; date: string }) => [e.period, e.ksMonth, e.date]);
  const put = async (body: unknown, token = registrator) =>
    api.request('PUT', `/api/years/${YEAR}/calendar/manadsrapport/periods`, { token, body });

  it('has §6.1’s months by default, each with the month KS treats it in', async () => {
    expect(await monthly()).toEqual([
      [`${YEAR}-02`, 3, `${YEAR}-03-15`],
      [`${YEAR}-03`, 4, `${YEAR}-04-15`],
      [`${YEAR}-07`, 9, `${YEAR}-09-15`],
      [`${YEAR}-09`, 10, `${YEAR}-10-15`],
      [`${YEAR}-10`, 11, `${YEAR}-11-15`],
      [`${YEAR}-11`, 12, `${YEAR}-12-15`],
    ]);
  });

  it('refuses a bad list field by field and changes nothing; only the registrar and admin may change it', async () => {
    const bad = await put({
      periods: [
        { month: 2, ksMonth: 3 },
        { month: 2, ksMonth: 4 },
        { month: 11, ksMonth: 10 },
      ],
    });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.errors).toEqual([
      { pointer: '/periods/1/month', message: 'Månaden finns redan i listan.' },
      {
        pointer: '/periods/2/ksMonth',
        message: 'Kommunstyrelsen behandlar rapporten en senare månad samma budgetår (2–12).',
      },
    ]);
    const outOfRange = await put({ periods: [{ month: 13, ksMonth: 14 }] });
    expect(outOfRange.status).toBe(422);
    expect(outOfRange.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(
      expect.arrayContaining(['/periods/0/month']),
    );
    const forbidden = await put({ periods: [] }, await api.login('bin.fvc'));
    expect(forbidden.status).toBe(403);
    expect((await monthly()).map((l: unknown[]) => l[0])).toEqual(
      ['02', '03', '07', '09', '10', '11'].map((m) => `${YEAR}-${m}`),
    );
  });

  it('the registrar adds May, lets KS treat July in August and drops November; the months follow everywhere', async () => {
    const res = await put({
      periods: [
        { month: 2, ksMonth: 3 },
        { month: 3, ksMonth: 4 },
        { month: 5, ksMonth: 6 },
        { month: 7, ksMonth: 8 },
        { month: 9, ksMonth: 10 },
        { month: 10, ksMonth: 11 },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.items.map((e: { period: string; ksMonth: number }) => [e.period, e.ksMonth])).toEqual([
      [`${YEAR}-02`, 3],
      [`${YEAR}-03`, 4],
      [`${YEAR}-05`, 6],
      [`${YEAR}-07`, 8],
      [`${YEAR}-09`, 10],
      [`${YEAR}-10`, 11],
    ]);
    expect(await monthly()).toContainEqual([`${YEAR}-07`, 8, `${YEAR}-08-15`]);
    const [audit] = await api.dataSource.query(
      "SELECT action FROM admin_audit WHERE entity_id = ? AND action = 'year-wheel.monthly-periods'",
      [`${YEAR}/manadsrapport`],
    );
    expect(audit).toBeDefined();

    const create = (month: string) =>
      api.request('POST', '/api/documents', {
        token: registrator,
        body: { type: 'manadsrapport', orgUnitId: bin, year: YEAR, period: `${YEAR}-${month}` },
      });
    const may = await create('05');
    expect(may.status).toBe(201);
    expect(may.body.dueAt).toBe(`${YEAR}-06-15T21:59:59.000Z`);
    // A month in neither the wheel nor §6.1 has no report.
    const december = await create('12');
    expect(december.status).toBe(422);
    expect(december.body.errors).toEqual([expect.objectContaining({ pointer: '/period' })]);
    // November left the wheel: it is no longer planned and has no deadline; one made by hand is
    // still a §6.1 month, so it may exist (docs/financial-control.md).
    const november = await create('11');
    expect(november.status).toBe(201);
    expect(november.body.dueAt).toBeNull();
  });

  it('the nämnd decides on its monthly report before the registrar sends it on to KS', async () => {
    const [{ id }] = await api.dataSource.query(
      "SELECT id FROM document WHERE type = 'manadsrapport' AND org_unit_id = ? AND year = ? AND period = ?",
      [bin, YEAR, `${YEAR}-05`],
    );
    const report = JSON.parse(
      readFileSync(join(process.cwd(), 'test/fixtures/documents/manadsrapport.json'), 'utf8'),
    ) as Record<string, unknown>;
    delete report['beslut'];
    delete report['ksBeslut'];
    delete report['granskningskommentar'];
    const act = async (username: string, event: string, data?: Record<string, unknown>) => {
      const token = await api.login(username);
      let doc = await api.request('GET', `/api/documents/${id}`, { token });
      if (data) {
        const saved = await api.request('PUT', `/api/documents/${id}/data`, {
          token,
          body: { data: { ...doc.body.data, ...data }, expectedVersion: doc.body.version },
        });
        expect(saved.status).toBe(200);
        doc = await api.request('GET', `/api/documents/${id}`, { token });
      }
      return api.request('POST', `/api/documents/${id}/events`, {
        token,
        body: { type: event, expectedVersion: doc.body.version },
      });
    };
    expect((await act('bin.fvc', 'SUBMIT', report)).body.state).toBe('review');
    expect((await act('bin.fvc', 'APPROVE')).body.state).toBe('decision');
    // The registrar cannot take it to KS before the nämnd has decided.
    expect((await act('registrator', 'REGISTER')).status).not.toBe(200);
    const undecided = await act('bin.sekreterare', 'DECIDE');
    expect(undecided.status).toBe(422);
    const decided = await act('bin.sekreterare', 'DECIDE', {
      beslut: { datum: `${YEAR}-06-09`, paragraf: '§ 51' },
    });
    expect(decided.body.state).toBe('registration');
    expect((await act('registrator', 'REGISTER')).body.state).toBe('ks_treatment');
  });
});
