import { EscalationWorld, reportWithinBudget, type Data } from './testing/escalation-test-kit';

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

describe("goal deviations are measured by the indicators against the nämnd's adopted Mål- och budget", () => {
  const w = new EscalationWorld('goalindicators');
  const { unit } = w;

  /** Creates a document of `code`'s org unit for the year as `username`, saves `data` and submits it. */
  const submit = (username: string, type: string, code: string, period: string | null, data: Data) =>
    w.submitDocument(username, { type, orgUnitId: unit[code], year: YEAR, period }, data);
  /** Submits a report within its budget with the given goal results. */
  const submitReport = (
    username: string,
    type: string,
    code: string,
    period: string,
    maluppfyllelse: Data[],
    extra?: Data,
  ) => submit(username, type, code, period, reportWithinBudget(maluppfyllelse, extra));

  beforeAll(() => w.start(), 60_000);
  beforeAll(async () => {
    // KF adopts the GPF with the frames; each nämnd adopts its Mål- och budget with nämndmål and indicators.
    const gpf = await submit('ksf.fvc', 'gpf', 'KS', null, GPF);
    await w.move('ksf.fvc', gpf, 'APPROVE', 'ks_treatment');
    await w.saveData('ks.sekreterare', gpf, { ksBeslut: BESLUT('2026-06-01', '§ 101') });
    await w.move('ks.sekreterare', gpf, 'DECIDE', 'registration');
    await w.move('registrator', gpf, 'REGISTER', 'kf_decision');
    await w.saveData('kf.sekreterare', gpf, { beslut: BESLUT('2026-06-15', '§ 55') });
    await w.move('kf.sekreterare', gpf, 'DECIDE', 'adopted');
    for (const [code, who] of [
      ['BIN', 'bin'],
      ['SAN', 'san'],
    ]) {
      const mob = await submit(`${who}.fvc`, 'mal-och-budget', code, null, MAL_OCH_BUDGET[code]);
      await w.move(`${who}.fvc`, mob, 'APPROVE', 'decision');
      await w.saveData(`${who}.sekreterare`, mob, { beslut: BESLUT('2026-09-20', '§ 70') });
      await w.move(`${who}.sekreterare`, mob, 'DECIDE', 'adopted');
    }
  }, 90_000);
  afterAll(() => w.stop());

  it('a tertialrapport that calls every goal on track but has a red indicator escalates to KS for that goal', async () => {
    const reportId = await submitReport('bin.fvc', 'tertialrapport', 'BIN', 'T1', [
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
    ]);
    const ks = await w.api.login('ks.sekreterare');
    const e = await w.escalationWithPlan(reportId, YEAR, {
      what: 'the goal escalation with its åtgärdsplan',
    });
    expect(e).toMatchObject({ kind: 'goal', status: 'open', orgUnitId: unit['BIN'], toBody: 'ks' });
    const detail = await w.api.request('GET', `/api/escalations/${e['id']}`, { token: ks });
    expect(detail.body.description).toContain(
      'BIN-1 (Andel behöriga till gymnasiet: 78 mot 80,8 enligt plan, målnivå 90)',
    );
    expect(detail.body.description).toContain('nämndens fastställda Mål- och budget');
    expect(detail.body.description).not.toContain('BIN-2');
    expect(detail.body.measures).toBe('Fortsatt uppföljning.');

    const mail = await w.smtp.waitFor((all) =>
      all.find((m) => m.subject === 'Brist i måluppfyllelse: Bildningsnämnden'),
    );
    expect(mail.to.sort()).toEqual(['ks.ordforande@hallsberg.example', 'ks.sekreterare@hallsberg.example']);
    expect(mail.text).toContain('BIN-1 (Andel behöriga till gymnasiet: 78');
    const plan = await w.api.request('GET', `/api/documents/${e['actionPlanDocumentId']}`, {
      token: await w.api.login('bin.fvc'),
    });
    expect(plan.body).toMatchObject({ type: 'atgardsplan', orgUnitId: unit['BIN'], state: 'draft' });
    expect(plan.body.data.avvikelse).toMatchObject({ typ: 'mal' });
    expect(plan.body.data.avvikelse.beskrivning).toContain('BIN-1');

    // The red thread colours the same indicator the same way: one measure for both.
    const thread = await w.api.request('GET', `/api/years/${YEAR}/red-thread?namndId=${unit['BIN']}`, {
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
      [{ namndmalId: 'SAN-1', indikator: 'Väntetid (dagar)', utfall: 85, bedomning: 'ej-enligt-plan' }],
      { bristandeMaluppfyllelse: 'SAN-1: förvaltningen bedömer att väntetiden minskar för långsamt.' },
    );
    await w.effectResult(reportId, 'documentSubmitted', 'the submission to be handled');
    expect(await w.escalationCount(reportId)).toBe(0);
    expect(await w.actionPlansOf(unit['SAN'])).toEqual([]);
  }, 40_000);

  it('an all-green delårsrapport escalates nothing and creates no åtgärdsplan', async () => {
    const before = await w.actionPlansOf(unit['BIN']);
    // By 31 July the lines stand at 81.4 and 72.3.
    const reportId = await submitReport('bin.fvc', 'delarsrapport', 'BIN', 'D1', [
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
    ]);
    await w.effectResult(reportId, 'documentSubmitted', 'the submission to be handled');
    expect(await w.escalationCount(reportId)).toBe(0);
    expect(await w.actionPlansOf(unit['BIN'])).toEqual(before);
    expect(
      w.smtp.received.filter((m) => m.subject === 'Brist i måluppfyllelse: Bildningsnämnden'),
    ).toHaveLength(1);
  }, 40_000);
});
