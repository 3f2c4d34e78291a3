import {
  BESLUT,
  CHAIN_GPF_DATA as GPF,
  isolatedStack,
  CHAIN_MAL_OCH_BUDGET_DATA as MAL_OCH_BUDGET,
  startTestApi,
  stepAs,
  type TestApi,
  unitIdOf,
  yearlyDocumentOf,
} from '@rodtrad/testing';

/**
 * End to end over HTTP: the demo municipality opens its budget year, and Bildningsnämnden's chain
 * goes GPF → Mål och budget → förvaltningsplan → verksamhetsplan → enhetsplan to adoption, each
 * step done by the demo user whose role the workflow names. The red thread then shows the chain.
 */
const YEAR = 2027;
const FORVALTNINGSPLAN = {
  fokusomraden: ['Läsning'],
  strategier: [
    {
      namndmalId: 'BIN-1',
      strategi: 'Läslyft i alla klasser',
      varfor: 'Läsförståelse avgör behörigheten.',
      hur: 'Lästid varje dag och fortbildning för lärare.',
    },
  ],
};
const VERKSAMHETSPLAN = {
  bidragTillNamndmal: [{ namndmalId: 'BIN-1', bidrag: 'Lästid i alla klasser på grundskolan' }],
  fokusomraden: ['Läsning'],
  onskatResultat: 'Alla elever läser 20 minuter om dagen.',
  resurser: { tillgangliga: 'Skolbibliotekarier', behov: 'Fortbildning' },
  vemOchHur: 'Rektorerna leder arbetet på sina skolor.',
};
const ENHETSPLAN = {
  aktiviteter: [
    {
      titel: 'Daglig lästid i åk 1–6',
      namndmalId: 'BIN-1',
      ansvarig: 'Erik Andersson',
      klartDatum: '2027-03-01',
      status: 'planerad',
    },
  ],
  fokusomraden: ['Läsning'],
};

describe('the governance chain of one nämnd, end to end over HTTP', () => {
  let api: TestApi;
  const unit = (code: string) => unitIdOf(api, code);
  const docOf = (type: string, code: string) => yearlyDocumentOf(api, type, code, YEAR);
  const act = (id: string, username: string, step: { data?: Record<string, unknown>; event: string }) =>
    stepAs(api, id, username, step);

  beforeAll(async () => {
    // A database of its own: opening a year creates a document for every unit, and another suite
    // adds and deletes units meanwhile (its delete would meet the new document).
    api = await startTestApi(await isolatedStack('governance'));
  }, 60_000);
  afterAll(() => api.close());

  it('carries Bildningsnämnden from GPF to adopted enhetsplan and shows the red thread', async () => {
    const opened = await api.request('POST', `/api/years/${YEAR}/open`, { token: await api.login('admin') });
    expect(opened.status).toBe(200);
    expect(opened.body.created).toBeGreaterThan(100);

    // GPF: KS's administration prepares, KS proposes, the registrar registers at KF, KF adopts.
    const gpf = await docOf('gpf', 'KS');
    expect(await act(gpf, 'ksf.fvc', { data: GPF, event: 'SUBMIT' })).toBe('review');
    expect(await act(gpf, 'ksf.fvc', { event: 'APPROVE' })).toBe('ks_treatment');
    const ksBeslut = BESLUT('§ 101');
    expect(await act(gpf, 'ks.sekreterare', { data: { ...GPF, ksBeslut }, event: 'DECIDE' })).toBe(
      'registration',
    );
    expect(await act(gpf, 'registrator', { event: 'REGISTER' })).toBe('kf_decision');
    expect(
      await act(gpf, 'kf.sekreterare', {
        data: { ...GPF, ksBeslut, beslut: BESLUT('§ 55') },
        event: 'DECIDE',
      }),
    ).toBe('adopted');
    const gpfView = await api.request('GET', `/api/documents/${gpf}`, {
      token: await api.login('registrator'),
    });
    expect(gpfView.body.diarienummer).toMatch(/^KF \d+\/\d{4}$/);

    // Mål och budget: the förvaltning prepares within the GPF frame, the nämnd decides.
    const mob = await docOf('mal-och-budget', 'BIN');
    // Its goals may tie only to the mandate period's strategic areas: the form offers those.
    const mobForm = JSON.stringify(
      (await api.request('GET', `/api/documents/${mob}`, { token: await api.login('bin.fvc') })).body.form
        .schema,
    );
    expect(mobForm).toContain(
      '"enum":["Hållbar kommun","Livslångt lärande","Allas inflytande","God service"]',
    );
    expect(await act(mob, 'bin.fvc', { data: MAL_OCH_BUDGET, event: 'SUBMIT' })).toBe('review');
    expect(await act(mob, 'bin.fvc', { event: 'APPROVE' })).toBe('decision');
    expect(
      await act(mob, 'bin.sekreterare', {
        data: { ...MAL_OCH_BUDGET, beslut: BESLUT('§ 12') },
        event: 'DECIDE',
      }),
    ).toBe('adopted');

    // Förvaltningsplan, verksamhetsplan, enhetsplan: each adopted by the chief who owns it.
    const fp = await docOf('forvaltningsplan', 'BIF');
    // Strategies refer to the nämnd's adopted goals: offered as choices, anything else refused.
    const binFvc = await api.login('bin.fvc');
    const fpView = await api.request('GET', `/api/documents/${fp}`, { token: binFvc });
    const goalIds = (MAL_OCH_BUDGET.namndmal as { id: string }[]).map((g) => g.id);
    expect(JSON.stringify(fpView.body.form.schema)).toContain(`"enum":${JSON.stringify(goalIds)}`);
    const strategier = FORVALTNINGSPLAN.strategier as Record<string, unknown>[];
    const unknownGoal = await api.request('PUT', `/api/documents/${fp}/data`, {
      token: binFvc,
      body: {
        data: { ...FORVALTNINGSPLAN, strategier: [{ ...strategier[0], namndmalId: 'SAN-9' }] },
        expectedVersion: fpView.body.version,
      },
    });
    expect(unknownGoal.status).toBe(422);
    expect(unknownGoal.body.errors).toEqual([
      expect.objectContaining({ pointer: '/strategier/0/namndmalId' }),
    ]);
    expect(await act(fp, 'bin.fvc', { data: FORVALTNINGSPLAN, event: 'SUBMIT' })).toBe('review');
    expect(await act(fp, 'bin.fvc', { event: 'ADOPT' })).toBe('adopted');
    const vp = await docOf('verksamhetsplan', 'GSK');
    expect(await act(vp, 'grundskola.chef', { data: VERKSAMHETSPLAN, event: 'SUBMIT' })).toBe('review');
    expect(await act(vp, 'grundskola.chef', { event: 'ADOPT' })).toBe('adopted');
    const ep = await docOf('enhetsplan', 'TRAN');
    expect(await act(ep, 'transten.rektor', { data: ENHETSPLAN, event: 'SUBMIT' })).toBe('review');
    expect(await act(ep, 'grundskola.chef', { event: 'APPROVE' })).toBe('adoption');
    expect(await act(ep, 'transten.rektor', { event: 'ADOPT' })).toBe('adopted');

    // A first result for the goal's indicator, from the four-monthly report (still a draft).
    const [{ id: t1 }] = await api.dataSource.query(
      "SELECT id FROM document WHERE type = 'tertialrapport' AND org_unit_id = ? AND year = ?",
      [await unit('BIN'), YEAR],
    );
    const fvc = await api.login('bin.fvc');
    const t1Doc = await api.request('GET', `/api/documents/${t1}`, { token: fvc });
    const saved = await api.request('PUT', `/api/documents/${t1}/data`, {
      token: fvc,
      body: {
        expectedVersion: t1Doc.body.version,
        data: { maluppfyllelse: [{ namndmalId: 'BIN-1', indikator: 'Andel behöriga', utfall: 82 }] },
      },
    });
    expect(saved.status).toBe(200);

    const bin = await unit('BIN');
    const thread = await api.request('GET', `/api/years/${YEAR}/red-thread?namndId=${bin}`, {
      token: await api.login('transten.rektor'),
    });
    expect(thread.status).toBe(200);
    expect(thread.body).toMatchObject({
      year: YEAR,
      vision: 'Det öppna Hallsberg',
      mandatePeriod: { startYear: 2027, endYear: 2030 },
    });
    const area = thread.body.strategicAreas.find((a: { name: string }) => a.name === 'Livslångt lärande');
    expect(area.namndmal).toHaveLength(1);
    const goal = area.namndmal[0];
    expect(goal).toMatchObject({
      id: 'BIN-1',
      documentId: mob,
      documentState: 'adopted',
      namnd: { id: bin, code: 'BIN' },
    });
    // 82 after four months of a 2027–2030 plan from 80 to 90 is ahead of the straight line: green.
    expect(goal.indikatorer[0]).toMatchObject({
      namn: 'Andel behöriga',
      latest: { utfall: 82, at: '2027-04-30', documentType: 'tertialrapport', documentId: t1 },
      colour: 'green',
    });
    expect(goal.strategier).toEqual([
      expect.objectContaining({
        strategi: 'Läslyft i alla klasser',
        documentId: fp,
        documentState: 'adopted',
      }),
    ]);
    expect(goal.bidrag).toEqual([expect.objectContaining({ documentId: vp, orgUnitName: 'Grundskola' })]);
    expect(goal.aktiviteter).toEqual([
      expect.objectContaining({
        titel: 'Daglig lästid i åk 1–6',
        ansvarig: 'Erik Andersson',
        documentId: ep,
        documentState: 'adopted',
      }),
    ]);
    expect(thread.body.warnings).toEqual([]);
    // other nämnder's goals stay out of the filtered thread
    expect(thread.body.strategicAreas.flatMap((a: { namndmal: unknown[] }) => a.namndmal)).toHaveLength(1);
  });
});
