import {
  eventually,
  isolatedStack,
  LocalSmtpServer,
  startTestApi,
  startTestWorker,
  type TestApi,
} from '@rodtrad/testing';

type Data = Record<string, unknown>;

const YEAR = 2027;
const BESLUT = (datum: string, paragraf: string) => ({ datum, paragraf });
const GPF = {
  strategiskaOmraden: [{ namn: 'Livslångt lärande' }, { namn: 'God service' }],
  ramar: [
    { namnd: 'BIN', ram: 548_000_000 },
    { namnd: 'SAN', ram: 420_000_000 },
  ],
  investeringsbudget: [{ projekt: 'Ny förskola i Vretstorp', ar1: 30_000_000, ar2: 20_000_000, ar3: 0 }],
};
/** Lines over the mandate period 2027–2030: by 30 April 2027 (119 of 1,460 days) BIN-1 should be at 80.8. */
const MAL_OCH_BUDGET: Record<string, Data> = {
  BIN: {
    namndmal: [
      {
        id: 'BIN-1',
        titel: 'Fler elever är behöriga till gymnasiet',
        strategisktOmrade: 'Livslångt lärande',
        indikatorer: [
          { namn: 'Andel behöriga till gymnasiet', ingangsvarde: 80, malniva: 90, matdatum: '2030-12-31' },
        ],
      },
      {
        id: 'BIN-2',
        titel: 'Fler barn läser varje dag',
        strategisktOmrade: 'Livslångt lärande',
        indikatorer: [
          { namn: 'Andel barn med daglig läsning', ingangsvarde: 70, malniva: 86, matdatum: '2030-12-31' },
        ],
      },
    ],
    budget: { intakter: 60_000_000, kostnader: 600_000_000, netto: 540_000_000 },
  },
  SAN: {
    namndmal: [
      {
        id: 'SAN-1',
        titel: 'Kortare väntetid till särskilt boende',
        strategisktOmrade: 'God service',
        indikatorer: [{ namn: 'Väntetid (dagar)', ingangsvarde: 90, malniva: 60, matdatum: '2030-12-31' }],
      },
    ],
    budget: { intakter: 40_000_000, kostnader: 450_000_000, netto: 410_000_000 },
  },
};

/** A report within its budget (no budget deviation) with the given goal results. */
function report(maluppfyllelse: Data[], extra: Data = {}): Data {
  return {
    ekonomi: { budget: -100_000_000, utfall: -33_000_000, prognos: -100_000_000 },
    analys: 'Ekonomin är i balans.',
    verksamhetsanalys: 'Verksamheten följer i stort planen.',
    maluppfyllelse,
    foreslagnaAtgarder: 'Fortsatt uppföljning.',
    ...extra,
  };
}

describe("goal deviations are measured by the indicators against the nämnd's adopted Mål- och budget", () => {
  const smtp = new LocalSmtpServer();
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  const unit: Record<string, string> = {};

  /** As `username`: optionally merge `data` into the document, then send `event`; returns the state. */
  async function act(id: string, username: string, event: string, data?: Data): Promise<string> {
    const token = await api.login(username);
    let doc = await api.request('GET', `/api/documents/${id}`, { token });
    expect(doc.status).toBe(200);
    if (data) {
      doc = await api.request('PUT', `/api/documents/${id}/data`, {
        token,
        body: { data: { ...doc.body.data, ...data }, expectedVersion: doc.body.version },
      });
      if (doc.status !== 200) throw new Error(`${username} could not save: ${doc.text}`);
    }
    const res = await api.request('POST', `/api/documents/${id}/events`, {
      token,
      body: { type: event, expectedVersion: doc.body.version },
    });
    if (res.status !== 200) throw new Error(`${username} ${event} → ${res.status} ${res.text}`);
    return res.body.state;
  }

  async function create(username: string, type: string, code: string, period: string | null) {
    const created = await api.request('POST', '/api/documents', {
      token: await api.login(username),
      body: { type, orgUnitId: unit[code], year: YEAR, period },
    });
    expect(created.status).toBe(201);
    return created.body.id as string;
  }

  async function submitReport(username: string, type: string, code: string, period: string, data: Data) {
    const id = await create(username, type, code, period);
    expect(await act(id, username, 'SUBMIT', data)).toBe('review');
    return id;
  }

  /** Waits until the worker has handled the report's submission. */
  async function submissionHandled(documentId: string): Promise<void> {
    await eventually(
      async () =>
        (
          await api.dataSource.query(
            `SELECT r.result FROM effect_receipt r JOIN outbox o ON o.dedupe_key = r.dedupe_key
              WHERE o.document_id = ? AND o.effect_type = 'documentSubmitted'`,
            [documentId],
          )
        ).length > 0,
      20_000,
      'the submission to be handled',
    );
  }

  async function escalationsOf(sourceDocumentId: string) {
    return api.dataSource.query('SELECT id, kind FROM escalation WHERE source_document_id = ?', [
      sourceDocumentId,
    ]);
  }

  beforeAll(async () => {
    const env = await isolatedStack('goalindicators');
    await smtp.start();
    api = await startTestApi(env);
    worker = await startTestWorker({ ...env, SMTP_URL: smtp.url });
    for (const r of await api.dataSource.query(
      `SELECT id, code FROM org_unit WHERE code IN ('KS', 'BIN', 'SAN')`,
    ))
      unit[r.code] = r.id;

    // KF adopts the GPF with the frames; each nämnd adopts its Mål- och budget with nämndmål and indicators.
    const gpf = await create('ksf.fvc', 'gpf', 'KS', null);
    expect(await act(gpf, 'ksf.fvc', 'SUBMIT', GPF)).toBe('review');
    expect(await act(gpf, 'ksf.fvc', 'APPROVE')).toBe('ks_treatment');
    expect(await act(gpf, 'ks.sekreterare', 'DECIDE', { ksBeslut: BESLUT('2026-06-01', '§ 101') })).toBe(
      'registration',
    );
    expect(await act(gpf, 'registrator', 'REGISTER')).toBe('kf_decision');
    expect(await act(gpf, 'kf.sekreterare', 'DECIDE', { beslut: BESLUT('2026-06-15', '§ 55') })).toBe(
      'adopted',
    );
    for (const [code, who] of [
      ['BIN', 'bin'],
      ['SAN', 'san'],
    ]) {
      const mob = await create(`${who}.fvc`, 'mal-och-budget', code, null);
      expect(await act(mob, `${who}.fvc`, 'SUBMIT', MAL_OCH_BUDGET[code])).toBe('review');
      expect(await act(mob, `${who}.fvc`, 'APPROVE')).toBe('decision');
      expect(await act(mob, `${who}.sekreterare`, 'DECIDE', { beslut: BESLUT('2026-09-20', '§ 70') })).toBe(
        'adopted',
      );
    }
  }, 90_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp.stop();
  });

  it('a tertialrapport that calls every goal on track but has a red indicator escalates to KS for that goal', async () => {
    const reportId = await submitReport(
      'bin.fvc',
      'tertialrapport',
      'BIN',
      'T1',
      report([
        // 78 after four months of a line from 80 to 90: below the start value, red.
        {
          namndmalId: 'BIN-1',
          indikator: 'Andel behöriga till gymnasiet',
          utfall: 78,
          bedomning: 'enligt-plan',
        },
        // 72 is ahead of the line from 70 to 86 (71.3 by 30 April): green.
        {
          namndmalId: 'BIN-2',
          indikator: 'Andel barn med daglig läsning',
          utfall: 72,
          bedomning: 'enligt-plan',
        },
      ]),
    );
    const ks = await api.login('ks.sekreterare');
    const e = (await eventually(
      async () => {
        const res = await api.request('GET', `/api/escalations?status=open&year=${YEAR}`, { token: ks });
        const found = (res.body.items as Data[]).find((x) => x['sourceDocumentId'] === reportId);
        return found?.['actionPlanDocumentId'] ? found : undefined;
      },
      30_000,
      'the goal escalation with its åtgärdsplan',
    )) as Data; // eventually() resolves only with a truthy value
    expect(e).toMatchObject({ kind: 'goal', status: 'open', orgUnitId: unit['BIN'], toBody: 'ks' });
    const detail = await api.request('GET', `/api/escalations/${e['id']}`, { token: ks });
    expect(detail.body.description).toContain(
      'BIN-1 (Andel behöriga till gymnasiet: 78 mot 80,8 enligt plan, målnivå 90)',
    );
    expect(detail.body.description).toContain('nämndens fastställda Mål- och budget');
    expect(detail.body.description).not.toContain('BIN-2');
    expect(detail.body.measures).toBe('Fortsatt uppföljning.');

    const mail = await smtp.waitFor((all) =>
      all.find((m) => m.subject === 'Brist i måluppfyllelse: Bildningsnämnden'),
    );
    expect(mail.to.sort()).toEqual(['ks.ordforande@hallsberg.example', 'ks.sekreterare@hallsberg.example']);
    expect(mail.text).toContain('BIN-1 (Andel behöriga till gymnasiet: 78');
    const plan = await api.request('GET', `/api/documents/${e['actionPlanDocumentId']}`, {
      token: await api.login('bin.fvc'),
    });
    expect(plan.body).toMatchObject({ type: 'atgardsplan', orgUnitId: unit['BIN'], state: 'draft' });
    expect(plan.body.data.avvikelse).toMatchObject({ typ: 'mal' });
    expect(plan.body.data.avvikelse.beskrivning).toContain('BIN-1');

    // The red thread colours the same indicator the same way: one measure for both.
    const thread = await api.request('GET', `/api/years/${YEAR}/red-thread?namndId=${unit['BIN']}`, {
      token: ks,
    });
    const goals = (thread.body.strategicAreas as { namndmal: Data[] }[]).flatMap((a) => a.namndmal);
    const colours = Object.fromEntries(
      goals.map((g) => [g['id'], (g['indikatorer'] as Data[]).map((i) => i['colour'])]),
    );
    expect(colours).toEqual({ 'BIN-1': ['red'], 'BIN-2': ['green'] });
  }, 60_000);

  it('a report that calls a goal behind plan while its indicators are on the line escalates nothing', async () => {
    // 85 days is ahead of the line from 90 to 60 days (87.6 by 30 April): the indicator rules.
    const reportId = await submitReport(
      'san.fvc',
      'tertialrapport',
      'SAN',
      'T1',
      report(
        [{ namndmalId: 'SAN-1', indikator: 'Väntetid (dagar)', utfall: 85, bedomning: 'ej-enligt-plan' }],
        { bristandeMaluppfyllelse: 'SAN-1: förvaltningen bedömer att väntetiden minskar för långsamt.' },
      ),
    );
    await submissionHandled(reportId);
    expect(await escalationsOf(reportId)).toEqual([]);
    const [{ n }] = await api.dataSource.query(
      `SELECT COUNT(*) AS n FROM document WHERE type = 'atgardsplan' AND org_unit_id = ?`,
      [unit['SAN']],
    );
    expect(Number(n)).toBe(0);
  }, 40_000);

  it('an all-green delårsrapport escalates nothing and creates no åtgärdsplan', async () => {
    const before = await api.dataSource.query(
      `SELECT id FROM document WHERE type = 'atgardsplan' AND org_unit_id = ?`,
      [unit['BIN']],
    );
    // By 31 July the lines stand at 81.4 and 72.3.
    const reportId = await submitReport(
      'bin.fvc',
      'delarsrapport',
      'BIN',
      'D1',
      report([
        {
          namndmalId: 'BIN-1',
          indikator: 'Andel behöriga till gymnasiet',
          utfall: 82,
          bedomning: 'enligt-plan',
        },
        {
          namndmalId: 'BIN-2',
          indikator: 'Andel barn med daglig läsning',
          utfall: 73,
          bedomning: 'enligt-plan',
        },
      ]),
    );
    await submissionHandled(reportId);
    expect(await escalationsOf(reportId)).toEqual([]);
    expect(
      await api.dataSource.query(`SELECT id FROM document WHERE type = 'atgardsplan' AND org_unit_id = ?`, [
        unit['BIN'],
      ]),
    ).toEqual(before);
    expect(
      smtp.received.filter((m) => m.subject === 'Brist i måluppfyllelse: Bildningsnämnden'),
    ).toHaveLength(1);
  }, 40_000);
});
