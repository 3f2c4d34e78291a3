import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AnnualBudgetSource } from '@rodtrad/engine';
import { eventually } from '@rodtrad/testing';
import { EscalationWorld, type Data } from '../escalations/testing/escalation-test-kit';

/**
 * A whole demo year over HTTP, the real worker and the SMTP test server (#15): KF adopts the GPF
 * in June, Bildningsnämnden's Mål och budget does not fit the GPF frame, KF sets the tax rate in
 * October and adopts Budget och flerårsplan with a larger frame in November, and then the budget
 * fits; the nämnder report their year; KS compiles the municipality's årsredovisning, whose
 * balanskravsutredning is negative, which goes to KF, which adopts the särskild åtgärdsplan, and
 * the deficit is tracked until restored. Figures are Hallsberg's scale: a 614,5 Mkr nämnd, a
 * municipality with a year's loss of 8,4 Mkr.
 */
// A year far ahead, so that no deadline of its wheel has passed (no overdue mails to count).
const YEAR = 2091;
const BEFORE = YEAR - 1;
const SUBJECT = 'Negativt balanskravsresultat: Kommunstyrelsen';

function fixture(type: string): Data {
  return JSON.parse(
    readFileSync(join(process.cwd(), 'test/fixtures/documents', `${type}.json`), 'utf8'),
  ) as Data;
}

/** A step's own fields out of a fixture: the content, without the decisions of later steps. */
function content(data: Data): Data {
  const rest = { ...data };
  for (const k of ['granskningskommentar', 'ksBeslut', 'skattesatsBeslut', 'beslut']) delete rest[k];
  return rest;
}

/**
 * A verksamhetsberättelse's ekonomi: the year's budget (the adopted frame, which the server
 * injects and stores whatever is sent) and the year's outcome, net cost with a cost positive.
 */
function yearEnd(arsbudget: number, utfall: number): Data {
  return { arsbudget, utfall };
}

const MAL_OCH_BUDGET = (netto: number): Data => ({
  namndmal: [
    {
      id: 'BIN-1',
      titel: 'Fler elever är behöriga till gymnasiet',
      strategisktOmrade: 'Livslångt lärande',
      indikatorer: [
        {
          namn: 'Andel behöriga',
          ingangsvarde: 80,
          malniva: 90,
          matdatum: `${YEAR}-12-31`,
          enhet: 'procent',
        },
      ],
    },
  ],
  budget: { intakter: 64_000_000, kostnader: netto + 64_000_000, netto },
});

describe('a demo year from the GPF through KF’s budget and the nämnder’s reports to the annual report and KF’s special plan', () => {
  const w = new EscalationWorld('financialyear');
  let bin: string;
  let ks: string;
  let annualReport: string;
  let escalationId: string;
  let planId: string;

  beforeAll(async () => {
    await w.start();
    bin = w.unit['BIN'];
    ks = w.unit['KS'];
  }, 60_000);
  afterAll(() => w.stop());

  const frameOf = async (code: string) =>
    new AnnualBudgetSource(w.api.dataSource).annualBudgetFrame(code, YEAR);

  it('the year wheel plans KF’s tax rate and budget as decisions of Budget och flerårsplan, and the annual report by 15 April', async () => {
    const wheel = await w.get(`/api/years/${YEAR}/calendar`, 'registrator');
    const line = (key: string) => wheel.items.find((e: Data) => e['key'] === key);
    expect(line('skattesats')).toMatchObject({
      documentType: 'budget-och-flerarsplan',
      date: `${BEFORE}-10-31`,
    });
    expect(line('budget-och-flerarsplan')).toMatchObject({ date: `${BEFORE}-11-30` });
    expect(line('budgetbeslut')).toBeUndefined();
    expect(line('arsredovisning')).toMatchObject({ date: `${YEAR + 1}-04-15` });
    const monthly = wheel.items.filter((e: Data) => e['key'] === 'manadsrapport');
    expect(monthly.map((e: Data) => [e['period'], e['ksMonth']])).toEqual([
      [`${YEAR}-02`, 3],
      [`${YEAR}-03`, 4],
      [`${YEAR}-07`, 9],
      [`${YEAR}-09`, 10],
      [`${YEAR}-10`, 11],
      [`${YEAR}-11`, 12],
    ]);
  });

  it('KF adopts the GPF in June; Mål och budget over the GPF frame is refused until KF’s budget', async () => {
    const gpf = await w.submitDocument(
      'ksf.fvc',
      { type: 'gpf', orgUnitId: ks, year: YEAR, period: null },
      content(fixture('gpf')),
    );
    await w.move('ksf.fvc', gpf, 'APPROVE', 'ks_treatment');
    await w.saveData('ks.sekreterare', gpf, { ksBeslut: { datum: `${BEFORE}-05-26`, paragraf: '§ 80' } });
    await w.move('ks.sekreterare', gpf, 'DECIDE', 'registration');
    await w.move('registrator', gpf, 'REGISTER', 'kf_decision');
    await w.saveData('kf.sekreterare', gpf, { beslut: { datum: `${BEFORE}-06-15`, paragraf: '§ 55' } });
    await w.move('kf.sekreterare', gpf, 'DECIDE', 'adopted');
    expect(await frameOf('BIN')).toEqual({ frame: 612_000_000, source: 'gpf', documentId: gpf });

    // 613 Mkr net cost does not fit the GPF's 612 Mkr: the review cannot pass it on.
    const mob = await w.submitDocument(
      'bin.fvc',
      { type: 'mal-och-budget', orgUnitId: bin, year: YEAR, period: null },
      MAL_OCH_BUDGET(613_000_000),
    );
    const refused = await w.sendEvent('bin.fvc', mob, 'APPROVE');
    expect(refused.status).toBe(422);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(JSON.stringify(refused.body)).toContain('ramen');
    expect((await w.get(`/api/documents/${mob}`, 'bin.fvc')).state).toBe('review');
  }, 60_000);

  it('KF sets the tax rate in October and adopts Budget och flerårsplan in November; its frame wins and the budget fits', async () => {
    // The finance department's budget economist prepares it.
    const budget = await w.createDocument('ksf.ekonom', {
      type: 'budget-och-flerarsplan',
      orgUnitId: ks,
      year: YEAR,
      period: null,
    });
    // It starts from the adopted GPF: its frames, investments and tax rate, for KS to change.
    const started = (await w.get(`/api/documents/${budget}`, 'ksf.ekonom')).data;
    expect(started.ramar).toContainEqual({ namnd: 'BIN', ram: 612_000_000 });
    expect(started.skattesats).toBe(fixture('gpf')['skattesats']);
    await w.saveData('ksf.ekonom', budget, content(fixture('budget-och-flerarsplan')));
    await w.move('ksf.ekonom', budget, 'SUBMIT', 'review');
    await w.move('ksf.fvc', budget, 'APPROVE', 'ks_treatment');
    await w.saveData('ks.sekreterare', budget, { ksBeslut: { datum: `${BEFORE}-10-13`, paragraf: '§ 141' } });
    await w.move('ks.sekreterare', budget, 'DECIDE', 'registration');
    await w.move('registrator', budget, 'REGISTER', 'kf_tax_rate');
    // The tax rate is a decision of its own: without it, the budget cannot be decided.
    const noRate = await w.sendEvent('kf.sekreterare', budget, 'DECIDE_TAX_RATE');
    expect(noRate.status).toBe(422);
    await w.saveData('kf.sekreterare', budget, {
      skattesatsBeslut: { datum: `${BEFORE}-10-27`, paragraf: '§ 98', skattesats: 22.34 },
    });
    await w.move('kf.sekreterare', budget, 'DECIDE_TAX_RATE', 'kf_decision');
    await w.saveData('kf.sekreterare', budget, { beslut: { datum: `${BEFORE}-11-24`, paragraf: '§ 107' } });
    const adopted = await w.move('kf.sekreterare', budget, 'DECIDE', 'adopted');
    expect(adopted.final).toBe(true);
    const view = await w.get(`/api/documents/${budget}`, 'registrator');
    expect(view.diarienummer).toMatch(/^KF \d+\/\d{4}$/);
    expect(view.data.skattesatsBeslut.skattesats).toBe(22.34);

    expect(await frameOf('BIN')).toEqual({
      frame: 614_500_000,
      source: 'budget-och-flerarsplan',
      documentId: budget,
    });
    // A nämnd KF's budget leaves out keeps its GPF frame.
    expect((await frameOf('SAN'))?.frame).toBe(498_000_000);

    const [{ id: mob }] = await w.api.dataSource.query(
      "SELECT id FROM document WHERE type = 'mal-och-budget' AND org_unit_id = ? AND year = ?",
      [bin, YEAR],
    );
    await w.move('bin.fvc', mob, 'APPROVE', 'decision');
    await w.saveData('bin.sekreterare', mob, { beslut: { datum: `${BEFORE}-12-08`, paragraf: '§ 96' } });
    await w.move('bin.sekreterare', mob, 'DECIDE', 'adopted');
  }, 60_000);

  it('at the interim, KS’s delårsrapport för kommunen compiles the nämnder’s delårsrapporter', async () => {
    // Per 31 July Bildningsnämnden forecasts 618 Mkr against its 614,5 Mkr: 3,5 Mkr under.
    const interim = await w.submitDocument(
      'bin.fvc',
      { type: 'delarsrapport', orgUnitId: bin, year: YEAR, period: 'D1' },
      {
        ...content(fixture('delarsrapport')),
        ekonomi: {
          arsbudget: 614_500_000,
          periodbudget: 358_500_000,
          utfall: 360_100_000,
          prognos: 618_000_000,
        },
        maluppfyllelse: [
          { namndmalId: 'BIN-1', indikator: 'Andel behöriga', utfall: 83, bedomning: 'enligt-plan' },
        ],
      },
    );
    await w.effectResult(interim, 'documentSubmitted');
    const report = await w.get(
      `/api/years/${YEAR}/municipal-report?type=delarsrapport-kommunen`,
      'kf.ordforande',
    );
    expect(report.units).toEqual([
      expect.objectContaining({
        code: 'BIN',
        documentId: interim,
        ekonomi: {
          arsbudget: 614_500_000,
          periodbudget: 358_500_000,
          utfall: 360_100_000,
          prognos: 618_000_000,
        },
        budgetavvikelse: -3_500_000,
        periodavvikelse: -1_600_000,
      }),
    ]);
    expect(report.balanskravsutredning).toBeNull();
    // No outcomes stated yet: KF's goals are listed, grey.
    expect(report.finansiellaMal.map((g: Data) => g['light'])).toEqual(['grey', 'grey', 'grey']);
  }, 60_000);

  it('the nämnder report their year without a balance result of their own', async () => {
    // Bildningsnämnden overran its 614,5 Mkr by 6,8 Mkr; the social nämnd kept within 498 Mkr.
    // Bildningsnämnden sends the GPF's stale 612 Mkr: the year's budget is KF's adopted frame.
    for (const [user, code, sent, arsbudget, utfall] of [
      ['bin.fvc', 'BIN', 612_000_000, 614_500_000, 621_300_000],
      ['san.fvc', 'SAN', 498_000_000, 498_000_000, 497_000_000],
    ] as const) {
      const id = await w.submitDocument(
        user,
        { type: 'verksamhetsberattelse', orgUnitId: w.unit[code], year: YEAR, period: null },
        {
          ...content(fixture('verksamhetsberattelse')),
          ekonomi: yearEnd(sent, utfall),
          maluppfyllelse: [
            code === 'BIN'
              ? { namndmalId: 'BIN-1', indikator: 'Andel behöriga', utfall: 84, bedomning: 'enligt-plan' }
              : { namndmalId: 'SAN-1', indikator: 'Väntetid i dagar', utfall: 12, bedomning: 'enligt-plan' },
          ],
        },
      );
      const handled = await w.effectResult<Data>(id, 'documentSubmitted');
      expect(handled['escalations']).toEqual([]);
      // The year-end ekonomi { arsbudget, utfall }: the adopted frame, read-only, and the outcome.
      const stored = await w.get(`/api/documents/${id}`, user);
      expect(stored.data.ekonomi).toEqual({ arsbudget, utfall });
    }
  }, 60_000);

  it('KS compiles the årsredovisning: the nämnder’s figures summed, KF’s goals with traffic lights, the balanskravsutredning', async () => {
    annualReport = await w.submitMunicipalAnnualReport(
      YEAR,
      // Årets resultat −8,4 Mkr, less a 1,9 Mkr gain on a forest sale, plus 0,6 Mkr unrealised
      // losses on the pension fund: balanskravsresultat −9,7 Mkr.
      { aretsResultat: -8_400_000, realisationsvinster: 1_900_000, orealiseradeForluster: 600_000 },
      {
        malUtfall: (fixture('arsredovisning')['malUtfall'] as Data[]).map((o) => ({ ...o })),
        aterstallandeBalanskrav: 'Underskottet återställs under de tre följande åren.',
      },
    );
    const report = await w.get(`/api/years/${YEAR}/municipal-report?type=arsredovisning`, 'ks.sekreterare');
    expect(report.documentId).toBe(annualReport);
    expect(report.units.map((u: Data) => [u['code'], u['budgetavvikelse']])).toEqual([
      ['BIN', -6_800_000],
      ['SAN', 1_000_000],
    ]);
    expect(report.total).toMatchObject({
      arsbudget: 1_112_500_000,
      utfall: 1_118_300_000,
      budgetavvikelse: -5_800_000,
    });
    expect(report.finansiellaMal.map((g: Data) => [g['indikator'], g['light']])).toEqual([
      ['Årets resultat i procent av skatter och generella statsbidrag', 'red'],
      ['Självfinansieringsgrad av investeringar', 'yellow'],
      ['Låneskuld per invånare', 'red'],
    ]);
    expect(report.malGodEkonomiskHushallning.map((g: Data) => g['light'])).toEqual(['yellow', 'red']);
    expect(report.balanskravsutredning).toMatchObject({
      balanskravsresultat: -9_700_000,
      needsSpecialAtgardsplan: true,
    });
    expect(report.balanskravsutredning.rows.slice(0, 2)).toEqual([
      { field: 'aretsResultat', label: 'Årets resultat enligt resultaträkningen', amount: -8_400_000 },
      {
        field: 'realisationsvinster',
        label: 'Reducering av samtliga realisationsvinster',
        amount: -1_900_000,
      },
    ]);

    const bad = await w.api.request('GET', `/api/years/${YEAR}/municipal-report?type=bokslut`, {
      token: await w.api.login('ks.sekreterare'),
    });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body.errors).toEqual([expect.objectContaining({ pointer: '/query/type' })]);
  }, 60_000);

  it('the negative balanskravsresultat goes to KF, by mail, with a särskild åtgärdsplan for KS to write', async () => {
    const e = await w.escalationWithPlan(annualReport, YEAR, { as: 'kf.sekreterare' });
    expect(e).toMatchObject({ kind: 'balance', toBody: 'kf', orgUnitId: ks, amount: -9_700_000 });
    escalationId = e.id;
    planId = e.actionPlanDocumentId as string;
    const mail = await w.smtp.waitFor((all) =>
      all.find((m) => m.subject === SUBJECT && m.text.includes(`/avvikelser/${e.id}`)),
    );
    expect(mail.to.sort()).toEqual(['kf.ordforande@hallsberg.example', 'kf.sekreterare@hallsberg.example']);
    expect(mail.text).toMatch(
      /Kommunens årsredovisning \(upprättad av Kommunstyrelsen\) visar ett negativt balanskravsresultat på −9\s700\s000 kr/,
    );
    expect(mail.text).toContain('En särskild åtgärdsplan har skapats för Kommunstyrelsen');
    const plan = await w.get(`/api/documents/${planId}`, 'ksf.fvc');
    expect(plan.data).toMatchObject({ sarskild: true, avvikelse: { typ: 'balanskrav', belopp: 9_700_000 } });
  }, 60_000);

  it('KF approves the årsredovisning and adopts the särskild åtgärdsplan; the deficit is tracked year by year', async () => {
    await w.move('registrator', annualReport, 'REGISTER', 'kf_decision');
    await w.saveData('kf.sekreterare', annualReport, {
      beslut: { datum: `${YEAR + 1}-04-26`, paragraf: '§ 38' },
    });
    await w.move('kf.sekreterare', annualReport, 'DECIDE', 'adopted');

    await w.saveData('ksf.fvc', planId, {
      aterstallande: [
        { ar: YEAR + 1, belopp: 3_000_000 },
        { ar: YEAR + 2, belopp: 3_500_000 },
        { ar: YEAR + 3, belopp: 3_200_000 },
      ],
      atgarder: [
        {
          atgard: 'Effektivisering om 1 % per nämnd',
          ansvarig: 'Kommundirektör',
          datum: `${YEAR + 1}-12-31`,
          forvantadEffekt: 'Minskade nettokostnader med 3 mnkr per år.',
        },
      ],
    });
    await w.move('ksf.fvc', planId, 'SUBMIT', 'review');
    await w.move('ksf.fvc', planId, 'APPROVE', 'decision');
    await w.saveData('ks.sekreterare', planId, { beslut: { datum: `${YEAR + 1}-05-04`, paragraf: '§ 61' } });
    await w.move('ks.sekreterare', planId, 'DECIDE', 'registration');
    await w.move('registrator', planId, 'REGISTER', 'ks_treatment');
    await w.saveData('ks.sekreterare', planId, {
      ksBeslut: { datum: `${YEAR + 1}-05-18`, paragraf: '§ 70' },
    });
    await w.move('ks.sekreterare', planId, 'TAKE_NOTE', 'kf_decision');
    await w.saveData('kf.sekreterare', planId, {
      kfBeslut: { datum: `${YEAR + 1}-06-13`, paragraf: '§ 50' },
    });
    await w.move('kf.sekreterare', planId, 'ADOPT', 'adopted');

    const tracked = await eventually(
      async () => {
        const d = await w.get(`/api/escalations/${escalationId}`, 'kf.sekreterare');
        return d.status === 'tracking' ? d : undefined;
      },
      30_000,
      'the deficit to be tracked',
    );
    expect(tracked.restorationRemaining).toBe(9_700_000);
    expect(tracked.restoration.map((y: Data) => [y['year'], y['planned']])).toEqual([
      [YEAR + 1, 3_000_000],
      [YEAR + 2, 3_500_000],
      [YEAR + 3, 3_200_000],
    ]);
    // One escalation, one mail to KF for the year.
    expect(
      w.smtp.received.filter((m) => m.subject === SUBJECT && m.text.includes(`/avvikelser/${escalationId}`)),
    ).toHaveLength(1);
  }, 90_000);
});
