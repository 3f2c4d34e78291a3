import ExcelJS from 'exceljs';
import { yearStatusRowSchema } from '@rodtrad/contracts';
import { isolatedStack, startTestApi, type TestApi } from '@rodtrad/testing';

const YEAR = 2090;

describe('the registrar’s view of a budget year', () => {
  let api: TestApi;
  let registrator: string;
  let binId: string;

  beforeAll(async () => {
    // A database of its own: the view has a row per unit, and other suites add units meanwhile.
    api = await startTestApi(await isolatedStack('yearstatus'));
    registrator = await api.login('registrator');
    [{ id: binId }] = await api.dataSource.query("SELECT id FROM org_unit WHERE code = 'BIN'");
  }, 60_000);
  afterAll(() => api.close());

  it('lists every planned slot, with a null document before the year is opened', async () => {
    const res = await api.request('GET', `/api/years/${YEAR}/status?namndId=${binId}`, {
      token: registrator,
    });
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(res.body.items.every((r: { documentId: string | null }) => r.documentId === null)).toBe(true);
    const mob = res.body.items.find((r: { documentType: string }) => r.documentType === 'mal-och-budget');
    expect(mob).toMatchObject({ orgUnitId: binId, state: null, dueAt: '2089-09-30T21:59:59.000Z' });
  });

  it('answers one row per unit × type × period with the document’s state, due date and numbers', async () => {
    const opened = await api.request('POST', `/api/years/${YEAR}/open`, { token: registrator });
    expect(opened.status).toBe(200);
    const res = await api.request('GET', `/api/years/${YEAR}/status`, { token: registrator });
    expect(res.status).toBe(200);
    const [{ n }] = await api.dataSource.query('SELECT COUNT(*) AS n FROM document WHERE year = ?', [YEAR]);
    expect(res.body.items).toHaveLength(Number(n));
    for (const row of res.body.items)
      for (const f of yearStatusRowSchema['required'] as string[]) expect(row).toHaveProperty(f);
    const keys = res.body.items.map(
      (r: { orgUnitId: string; documentType: string; period: string | null }) =>
        `${r.orgUnitId}|${r.documentType}|${r.period}`,
    );
    expect(new Set(keys).size).toBe(keys.length);
    const feb = res.body.items.find(
      (r: { documentType: string; period: string; orgUnitId: string }) =>
        r.documentType === 'manadsrapport' && r.period === '2090-02' && r.orgUnitId === binId,
    );
    expect(feb).toMatchObject({
      orgUnitName: 'Bildningsnämnden',
      state: 'draft',
      stateTitle: expect.any(String),
      dueAt: '2090-03-15T22:59:59.000Z',
      submittedAt: null,
      decidedAt: null,
      diarienummer: null,
    });
    expect(typeof feb.documentId).toBe('string');
    // February 2090 is reported by 15 March 2090: not late (YEAR lies well ahead of today)
    expect(feb.overdue).toBe(false);
  });

  it('filters by nämnd, type and state', async () => {
    const res = await api.request(
      'GET',
      `/api/years/${YEAR}/status?namndId=${binId}&type=enhetsplan&state=draft`,
      { token: registrator },
    );
    expect(res.status).toBe(200);
    const [{ n }] = await api.dataSource.query(
      `SELECT COUNT(*) AS n FROM org_unit e JOIN org_unit o ON o.id = e.parent_id LEFT JOIN org_unit f ON f.id = o.parent_id
        WHERE e.kind = 'enhet' AND (o.parent_id IN (SELECT id FROM org_unit WHERE parent_id = ?) OR o.parent_id = ? OR f.parent_id = ?)`,
      [binId, binId, binId],
    );
    expect(res.body.items.length).toBe(Number(n));
    expect(res.body.items.every((r: { documentType: string }) => r.documentType === 'enhetsplan')).toBe(true);
    const bad = await api.request('GET', `/api/years/${YEAR}/status?type=roman`, { token: registrator });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].pointer).toBe('/query/type');
  });

  it('filters by phase across types and by lateness, in the view and in its exports alike', async () => {
    type Row = { documentId: string | null; documentType: string; period: string | null; phase: string };
    const all = (
      await api.request('GET', `/api/years/${YEAR}/status?namndId=${binId}`, { token: registrator })
    ).body.items as Row[];
    // Opened and untouched: every document of the year is not started yet.
    expect(new Set(all.map((r) => r.phase))).toEqual(new Set(['not_started']));
    const feb = all.find((r) => r.documentType === 'manadsrapport' && r.period === `${YEAR}-02`) as Row;
    const fvc = await api.login('bin.fvc');
    const doc = await api.request('GET', `/api/documents/${feb.documentId}`, { token: fvc });
    const saved = await api.request('PUT', `/api/documents/${feb.documentId}/data`, {
      token: fvc,
      body: { data: doc.body.data, expectedVersion: doc.body.version },
    });
    expect(saved.status).toBe(200);

    const query = (q: string) =>
      api.request('GET', `/api/years/${YEAR}/status?namndId=${binId}&${q}`, { token: registrator });
    const inProgress = await query('phase=in_progress');
    expect(inProgress.status).toBe(200);
    expect(inProgress.body.items.map((r: Row) => r.documentId)).toEqual([feb.documentId]);
    const notStarted = await query('phase=not_started');
    expect(notStarted.body.items).toHaveLength(all.length - 1);
    // YEAR lies far ahead of today: nothing is late, everything is on time.
    expect((await query('overdue=true')).body.items).toHaveLength(0);
    expect((await query('overdue=false')).body.items).toHaveLength(all.length);

    const csv = await query('phase=in_progress&format=csv');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(
      new RegExp(`^Bildningsnämnden;Månadsrapport;${YEAR}-02;.*;${binId};${feb.documentId};Pågår$`),
    );

    const bad = await query('phase=granskning');
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].pointer).toBe('/query/phase');
  });

  it('exports CSV that Swedish Excel opens: BOM, semicolons, Swedish headers', async () => {
    const res = await api.request('GET', `/api/years/${YEAR}/status?format=csv&namndId=${binId}`, {
      token: registrator,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
    expect(res.headers.get('content-disposition')).toContain(`status-${YEAR}.csv`);
    const raw = new Uint8Array(
      await (
        await fetch(`${api.url}/api/years/${YEAR}/status?format=csv&namndId=${binId}`, {
          headers: { authorization: `Bearer ${registrator}` },
        })
      ).arrayBuffer(),
    );
    expect([...raw.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe(
      'Enhet;Dokumenttyp;Period;Status;Förfallodag;Försenad;Inlämnad;Beslutad;Diarienummer;Enhets-id;Dokument-id;Fas',
    );
    const json = await api.request('GET', `/api/years/${YEAR}/status?namndId=${binId}`, {
      token: registrator,
    });
    expect(lines).toHaveLength(json.body.items.length + 1);
    expect(lines).toContainEqual(
      expect.stringMatching(/^Bildningsnämnden;Månadsrapport;2090-02;[^;]+;2090-03-15;Nej;;;;/),
    );
  });

  it('exports an Excel workbook with the same rows', async () => {
    const res = await fetch(`${api.url}/api/years/${YEAR}/status?format=xlsx&namndId=${binId}`, {
      headers: { authorization: `Bearer ${registrator}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const sheet = workbook.worksheets[0];
    expect(sheet.name).toBe(`Status ${YEAR}`);
    expect((sheet.getRow(1).values as unknown[]).slice(1, 4)).toEqual(['Enhet', 'Dokumenttyp', 'Period']);
    const json = await api.request('GET', `/api/years/${YEAR}/status?namndId=${binId}`, {
      token: registrator,
    });
    expect(sheet.rowCount).toBe(json.body.items.length + 1);
    const docIds = new Set<string>();
    sheet.eachRow((row, i) => {
      if (i > 1) docIds.add(String(row.getCell(11).value));
    });
    expect(docIds).toEqual(new Set(json.body.items.map((r: { documentId: string }) => r.documentId)));
  });

  it('is for the registrar, admin and KS; an enhetschef gets 403', async () => {
    expect(
      (await api.request('GET', `/api/years/${YEAR}/status`, { token: await api.login('ks.sekreterare') }))
        .status,
    ).toBe(200);
    expect(
      (await api.request('GET', `/api/years/${YEAR}/status`, { token: await api.login('transten.rektor') }))
        .status,
    ).toBe(403);
    expect(
      (await api.request('GET', `/api/years/${YEAR}/status`, { token: await api.login('bin.ordforande') }))
        .status,
    ).toBe(403);
  });
});
