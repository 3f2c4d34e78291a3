import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isolatedStack, startTestApi, type TestApi } from '@rodtrad/testing';

// #16 item 5, end to end over HTTP: Bildningsnämnden's internkontrollplan with risk values the
// server computes (a typed wrong value is replaced), each control linked to the marks of good
// internal control, adopted; its risks in the risk matrix; the interim report starts with the plan's
// controls, one fails, and KS's summary of the municipality shows it as a deviation. Then the matrix
// is changed by an administrator (validated), and a plan started under an older form version keeps
// working. Its own database: the matrix and the published versions are the installation's.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON under test

const YEAR = 2092;
const AIM = {
  styrning: 'ändamålsenliga och väl dokumenterade system och rutiner för styrning',
  redovisning: 'en rättvisande och tillförlitlig redovisning och information om verksamheten',
  fel: 'eliminering eller upptäckt av allvarliga fel',
};
const RISKER = [
  {
    risk: 'Felaktiga utbetalningar av ersättningar',
    sannolikhet: 3,
    konsekvens: 4,
    riskvarde: 2, // typed wrong: the server stores 3 × 4
    kontroll: 'Attestkontroll av utbetalningar',
    ansvarig: 'Controller',
  },
  {
    risk: 'Nycklar till skolornas lokaler kommer bort',
    sannolikhet: 2,
    konsekvens: 2,
    kontroll: 'Nyckelinventering',
    kontrollmal: [AIM.styrning],
    ansvarig: 'Rektor',
  },
];

function fixture(type: string): Json {
  const data = JSON.parse(
    readFileSync(join(process.cwd(), 'test/fixtures/documents', `${type}.json`), 'utf8'),
  );
  delete data.granskningskommentar;
  delete data.beslut;
  return data;
}

describe('internal control followed up (#16, real MariaDB)', () => {
  let api: TestApi;
  let bin: string;
  const tokens: Record<string, string> = {};
  const as = (user: string) => tokens[user];
  const req = (method: string, path: string, user: string, body?: unknown) =>
    api.request(method, path, { token: as(user), ...(body === undefined ? {} : { body }) });
  const doc = (id: string, user: string) => req('GET', `/api/documents/${id}`, user);
  const save = async (id: string, user: string, data: Json) => {
    const current = await doc(id, user);
    return req('PUT', `/api/documents/${id}/data`, user, { data, expectedVersion: current.body.version });
  };
  const send = async (id: string, user: string, type: string) => {
    const current = await doc(id, user);
    return req('POST', `/api/documents/${id}/events`, user, { type, expectedVersion: current.body.version });
  };

  beforeAll(async () => {
    api = await startTestApi(await isolatedStack('internal_control'));
    for (const u of [
      'admin',
      'bin.handlaggare',
      'bin.fvc',
      'bin.sekreterare',
      'registrator',
      'ks.sekreterare',
    ])
      tokens[u] = await api.login(u);
    [{ id: bin }] = await api.dataSource.query("SELECT id FROM org_unit WHERE code = 'BIN'");
  }, 60_000);
  afterAll(() => api.close());

  let planId = '';
  let reportId = '';
  let yearEndId = '';

  it('computes the risk values on save and asks for the marks of good internal control', async () => {
    const created = await req('POST', '/api/documents', 'bin.handlaggare', {
      type: 'internkontrollplan',
      orgUnitId: bin,
      year: YEAR,
    });
    expect(created.status).toBe(201);
    planId = created.body.id;
    // The year's verksamhetsberättelse exists before the plan is adopted (a year opens with all its documents).
    const yearEnd = await req('POST', '/api/documents', 'bin.fvc', {
      type: 'verksamhetsberattelse',
      orgUnitId: bin,
      year: YEAR,
    });
    expect(yearEnd.status).toBe(201);
    yearEndId = yearEnd.body.id;
    expect(yearEnd.body.data.internkontroll).toBeUndefined();
    // The form offers the five marks, quoted from the source, and the matrix's grades.
    const item = JSON.stringify(created.body.form.schema);
    for (const aim of Object.values(AIM)) expect(item).toContain(aim);

    expect((await save(planId, 'bin.handlaggare', { risker: RISKER })).status).toBe(200);
    const stored = (await doc(planId, 'bin.handlaggare')).body.data.risker;
    expect(stored.map((r: Json) => r.riskvarde)).toEqual([12, 4]);

    // The first control names no mark: the plan cannot be sent on.
    const refused = await send(planId, 'bin.handlaggare', 'SUBMIT');
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e: Json) => e.pointer)).toContain('/risker/0/kontrollmal');

    // An unknown mark is refused when saving.
    const wrongAim = await save(planId, 'bin.handlaggare', {
      risker: [{ ...RISKER[0], kontrollmal: ['god ordning'] }, RISKER[1]],
    });
    expect(wrongAim.status).toBe(422);
    expect(wrongAim.body.errors[0].pointer).toMatch(/^\/risker\/0\/kontrollmal/);
  });

  it('is adopted, and its risks stand in the nämnd’s risk matrix', async () => {
    const risker = [{ ...RISKER[0], kontrollmal: [AIM.redovisning, AIM.fel] }, RISKER[1]];
    expect((await save(planId, 'bin.handlaggare', { risker })).status).toBe(200);
    expect((await send(planId, 'bin.handlaggare', 'SUBMIT')).status).toBe(200);
    expect((await send(planId, 'bin.fvc', 'APPROVE')).status).toBe(200);
    const data = (await doc(planId, 'bin.sekreterare')).body.data;
    // The decision step saves the whole data again, with another wrong value typed: still computed.
    data.risker[1].riskvarde = 16;
    data.beslut = { datum: `${YEAR - 1}-12-10`, paragraf: '§ 140' };
    expect((await save(planId, 'bin.sekreterare', data)).status).toBe(200);
    expect((await send(planId, 'bin.sekreterare', 'DECIDE')).status).toBe(200);
    const adopted = (await doc(planId, 'bin.sekreterare')).body;
    expect(adopted.final).toBe(true);
    expect(adopted.data.risker.map((r: Json) => r.riskvarde)).toEqual([12, 4]);

    const matrix = await req(
      'GET',
      `/api/years/${YEAR}/internal-control/${bin}/risk-matrix`,
      'bin.handlaggare',
    );
    expect(matrix.status).toBe(200);
    expect(matrix.body).toMatchObject({ orgUnitName: 'Bildningsnämnden', total: 2, outside: [] });
    expect(matrix.body.plan).toMatchObject({ documentId: planId, final: true });
    expect(matrix.body.rows.map((r: Json) => r.sannolikhet)).toEqual([4, 3, 2, 1]);
    const cell = (s: number, k: number) =>
      matrix.body.rows.find((r: Json) => r.sannolikhet === s).cells.find((c: Json) => c.konsekvens === k);
    expect(cell(3, 4)).toMatchObject({
      riskvarde: 12,
      level: 'high',
      risks: [{ nr: 1, risk: RISKER[0].risk }],
    });
    expect(cell(2, 2)).toMatchObject({ riskvarde: 4, level: 'low', risks: [{ nr: 2 }] });
    expect(cell(4, 4).risks).toEqual([]);

    const notNamnd = await api.dataSource.query("SELECT id FROM org_unit WHERE kind = 'forvaltning' LIMIT 1");
    const refused = await req(
      'GET',
      `/api/years/${YEAR}/internal-control/${notNamnd[0].id}/risk-matrix`,
      'bin.handlaggare',
    );
    expect(refused.status).toBe(422);
  });

  it('prefills the interim report with the plan’s controls; a deviation needs its description and action', async () => {
    const created = await req('POST', '/api/documents', 'bin.fvc', {
      type: 'delarsrapport',
      orgUnitId: bin,
      year: YEAR,
      period: 'D1',
    });
    expect(created.status).toBe(201);
    reportId = created.body.id;
    expect(created.body.data.internkontroll).toEqual([
      { nr: 1, kontroll: 'Attestkontroll av utbetalningar' },
      { nr: 2, kontroll: 'Nyckelinventering' },
    ]);
    // A report made before the plan was adopted gets the same rows as the form's default.
    expect(JSON.stringify(created.body.form.schema)).toContain('"default":[{"nr":1');

    const rows = [
      { nr: 1, kontroll: 'Attestkontroll av utbetalningar', utfall: 'avvikelse' },
      { nr: 2, kontroll: 'Nyckelinventering', utfall: 'genomford' },
    ];
    expect(
      (await save(reportId, 'bin.fvc', { ...fixture('delarsrapport'), internkontroll: rows })).status,
    ).toBe(200);
    const incomplete = await send(reportId, 'bin.fvc', 'SUBMIT');
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.errors.map((e: Json) => e.pointer)).toEqual(
      expect.arrayContaining(['/internkontroll/0/beskrivning', '/internkontroll/0/atgard']),
    );
    rows[0] = {
      ...rows[0],
      beskrivning: 'Fyra av tjugo utbetalningar saknade attest.',
      atgard: 'Attestordningen gås igenom med alla chefer före oktober.',
    } as (typeof rows)[number];
    expect(
      (await save(reportId, 'bin.fvc', { ...fixture('delarsrapport'), internkontroll: rows })).status,
    ).toBe(200);
    expect((await send(reportId, 'bin.fvc', 'SUBMIT')).status).toBe(200);
  });

  it('offers a report made before the plan was adopted the plan’s controls as the form’s default', async () => {
    const yearEnd = (await doc(yearEndId, 'bin.fvc')).body;
    expect(JSON.stringify(yearEnd.form.schema)).toContain(
      '"default":[{"nr":1,"kontroll":"Attestkontroll av utbetalningar"},{"nr":2,"kontroll":"Nyckelinventering"}]',
    );
    // What the page sends back from those rows keeps the plan's numbers.
    const rows = [{ nr: 2, kontroll: 'Nyckelinventering', utfall: 'genomford' }];
    expect((await save(yearEndId, 'bin.fvc', { internkontroll: rows })).status).toBe(200);
    expect((await doc(yearEndId, 'bin.fvc')).body.data.internkontroll).toEqual(rows);
  });

  it('shows KS the municipality’s summary: planned, performed, the deviation with its action', async () => {
    const denied = await req('GET', `/api/years/${YEAR}/internal-control`, 'bin.fvc');
    expect(denied.status).toBe(403);

    const summary = await req(
      'GET',
      `/api/years/${YEAR}/internal-control?report=delarsrapport`,
      'ks.sekreterare',
    );
    expect(summary.status).toBe(200);
    const row = summary.body.namnder.find((n: Json) => n.orgUnitId === bin);
    expect(row).toMatchObject({
      name: 'Bildningsnämnden',
      plan: { documentId: planId, final: true },
      report: { documentId: reportId },
      planned: 2,
      performed: 2,
      withDeviation: 1,
      notPerformed: 0,
      unreported: 0,
      deviations: [
        {
          nr: 1,
          kontroll: 'Attestkontroll av utbetalningar',
          utfall: 'avvikelse',
          utfallText: 'Genomförd med avvikelse',
          beskrivning: 'Fyra av tjugo utbetalningar saknade attest.',
          atgard: 'Attestordningen gås igenom med alla chefer före oktober.',
        },
      ],
    });
    // A nämnd without an adopted plan counts nothing; the totals add up the rows.
    const other = summary.body.namnder.find((n: Json) => n.orgUnitId !== bin);
    expect(other).toMatchObject({ plan: null, planned: 0 });
    expect(summary.body.totals).toEqual({
      planned: 2,
      performed: 2,
      withDeviation: 1,
      notPerformed: 0,
      unreported: 0,
    });
    // The year-end report is not submitted yet: the controls are unreported there.
    const yearEnd = await req(
      'GET',
      `/api/years/${YEAR}/internal-control?report=verksamhetsberattelse`,
      'registrator',
    );
    expect(yearEnd.body.namnder.find((n: Json) => n.orgUnitId === bin)).toMatchObject({
      report: null,
      unreported: 2,
      deviations: [],
    });
  });

  it('lets an administrator change the matrix, validated field by field, and the form follows it', async () => {
    expect((await req('GET', '/api/risk-matrix', 'bin.handlaggare')).body).toMatchObject({
      size: 4,
      mediumFrom: 5,
      highFrom: 9,
      levels: [
        { level: 'low', label: 'Låg', from: 1, to: 4 },
        { level: 'medium', label: 'Medel', from: 5, to: 8 },
        { level: 'high', label: 'Hög', from: 9, to: 16 },
      ],
    });
    const notAdmin = await req('PUT', '/api/risk-matrix', 'ks.sekreterare', {
      size: 5,
      mediumFrom: 6,
      highFrom: 15,
    });
    expect(notAdmin.status).toBe(403);
    const wrong = await req('PUT', '/api/risk-matrix', 'admin', { size: 4, mediumFrom: 9, highFrom: 5 });
    expect(wrong.status).toBe(422);
    expect(wrong.body.errors).toEqual([
      { pointer: '/highFrom', message: 'Gränsen för hög risk ska vara större än gränsen för medelrisk.' },
    ]);
    expect((await req('GET', '/api/risk-matrix', 'admin')).body.size).toBe(4);

    const saved = await req('PUT', '/api/risk-matrix', 'admin', { size: 5, mediumFrom: 6, highFrom: 15 });
    expect(saved.status).toBe(200);
    expect(saved.body.levels[2]).toEqual({ level: 'high', label: 'Hög', from: 15, to: 25 });
    const [audit] = await api.dataSource.query(
      "SELECT details FROM admin_audit WHERE action = 'risk-matrix.updated' ORDER BY seq DESC LIMIT 1",
    );
    const details = typeof audit.details === 'string' ? JSON.parse(audit.details) : audit.details;
    expect(details).toEqual({ size: 5, mediumFrom: 6, highFrom: 15 });

    // A plan of KS's own now grades 1–5, and 5 × 5 is stored as 25.
    const [{ id: ks }] = await api.dataSource.query("SELECT id FROM org_unit WHERE kind = 'ks' LIMIT 1");
    tokens['ksf.fvc'] = await api.login('ksf.fvc');
    const created = await req('POST', '/api/documents', 'ksf.fvc', {
      type: 'internkontrollplan',
      orgUnitId: ks,
      year: YEAR,
    });
    expect(created.status).toBe(201);
    expect(JSON.stringify(created.body.form.schema)).toContain('"enum":[1,2,3,4,5]');
    const five = await save(created.body.id, 'ksf.fvc', {
      risker: [{ ...RISKER[1], sannolikhet: 5, konsekvens: 5, riskvarde: 1 }],
    });
    expect(five.status).toBe(200);
    expect((await doc(created.body.id, 'ksf.fvc')).body.data.risker[0].riskvarde).toBe(25);
    // Bildningsnämnden's matrix is drawn 5 × 5 now, its risks where they were.
    const matrix = await req('GET', `/api/years/${YEAR}/internal-control/${bin}/risk-matrix`, 'admin');
    expect(matrix.body.rows).toHaveLength(5);
    expect(matrix.body.matrix.size).toBe(5);
  });

  it('keeps a plan started under the older form working when the new form is published', async () => {
    const base = '/api/workflow-definitions/internkontrollplan/versions';
    const shipped = (await req('GET', `${base}/1`, 'admin')).body;
    // The form as plans under way were written for: no marks of good internal control.
    const withoutAims = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(withoutAims);
      if (!node || typeof node !== 'object') return node;
      const out: Json = {};
      for (const [k, v] of Object.entries(node)) if (k !== 'kontrollmal') out[k] = withoutAims(v);
      if (Array.isArray(out['required']))
        out['required'] = out['required'].filter((r: string) => r !== 'kontrollmal');
      if (Array.isArray(out['ui:order']))
        out['ui:order'] = out['ui:order'].filter((r: string) => r !== 'kontrollmal');
      return out;
    };
    const publish = async (forms: Json) => {
      const posted = await req('POST', base, 'admin', { definition: shipped.definition, forms });
      expect(posted.status).toBe(201);
      expect((await req('POST', `${base}/${posted.body.version}/publish`, 'admin')).status).toBe(200);
      return posted.body.version as number;
    };
    const old = await publish(withoutAims(shipped.forms) as Json);
    const [{ id: san }] = await api.dataSource.query("SELECT id FROM org_unit WHERE code = 'SAN'");
    const sanFvc = await api.login('san.fvc');
    const created = await api.request('POST', '/api/documents', {
      token: sanFvc,
      body: { type: 'internkontrollplan', orgUnitId: san, year: YEAR },
    });
    expect(created.body.definition).toMatchObject({ version: old });
    // The new form (with the marks) is published while the plan is under way.
    const current = await publish(shipped.forms);
    expect(current).toBeGreaterThan(old);

    const { kontrollmal: _none, ...withoutMark } = RISKER[1];
    const saved = await api.request('PUT', `/api/documents/${created.body.id}/data`, {
      token: sanFvc,
      body: { data: { risker: [{ ...withoutMark, riskvarde: 9 }] }, expectedVersion: created.body.version },
    });
    expect(saved.status).toBe(200);
    const sent = await api.request('POST', `/api/documents/${created.body.id}/events`, {
      token: sanFvc,
      body: { type: 'SUBMIT', expectedVersion: saved.body.version },
    });
    expect(sent.status).toBe(200);
    const after = (await api.request('GET', `/api/documents/${created.body.id}`, { token: sanFvc })).body;
    expect(after.definition).toMatchObject({ version: old });
    expect(after.data.risker[0].riskvarde).toBe(4);
    // A new plan gets the new form.
    const fresh = await api.request('POST', '/api/documents', {
      token: sanFvc,
      body: { type: 'internkontrollplan', orgUnitId: san, year: YEAR + 1 },
    });
    expect(fresh.body.definition).toMatchObject({ version: current });
  });
});
