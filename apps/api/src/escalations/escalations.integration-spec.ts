import { QUEUES } from '@rodtrad/jobs';
import { eventually } from '@rodtrad/testing';
import { EscalationWorld } from './testing/escalation-test-kit';

const DAY = 86_400_000;
const EKONOMI_TEXT = {
  analys: 'Ökade kostnader för skolskjuts och placeringar.',
  foreslagnaAtgarder: 'Anställningsstopp och översyn av skolskjutsavtalet.',
};

describe('budget deviation reaches KS by itself, end to end over HTTP with a real worker and SMTP', () => {
  const w = new EscalationWorld('escalations');
  const { unit } = w;
  beforeAll(() => w.start(), 60_000);
  afterAll(() => w.stop());

  const submitManadsrapport = (
    username: string,
    orgUnitId: string,
    period: string,
    ekonomi: object,
    extra: object = {},
  ) =>
    w.submitDocument(
      username,
      { type: 'manadsrapport', orgUnitId, year: 2027, period },
      { ekonomi, ...EKONOMI_TEXT, ...extra },
    );

  // Figures as the form asks: whole kronor of net cost, a cost positive. The annual budget is not
  // typed: the server fills it in from the nämnd's frame (548 Mkr for Bildningsnämnden in 2027).
  it('an overrun of at least the threshold opens an escalation, mails KS and creates an åtgärdsplan with a deadline', async () => {
    // Bildningsnämnden's frame 2027 is 548 Mkr: the default threshold is 1 %, 5 480 000 kr.
    // Forecast 560 Mkr: arsbudget − prognos = −12 000 000 kr, an underskott of at least the threshold.
    const reportId = await submitManadsrapport('bin.fvc', unit['BIN'], '2027-03', {
      arsbudget: 1, // read-only: whatever the author sends, the adopted frame is stored
      periodbudget: 91_300_000,
      utfall: 94_100_000,
      prognos: 560_000_000,
    });
    const stored = await w.get(`/api/documents/${reportId}`, 'bin.fvc');
    expect(stored.data.ekonomi).toEqual({
      arsbudget: 548_000_000,
      periodbudget: 91_300_000,
      utfall: 94_100_000,
      prognos: 560_000_000,
    });
    const ks = await w.api.login('ks.sekreterare');
    const escalation = await w.escalationWithPlan(reportId, 2027);
    expect(escalation).toMatchObject({
      kind: 'budget',
      status: 'open',
      orgUnitId: unit['BIN'],
      orgUnitName: 'Bildningsnämnden',
      amount: -12_000_000,
      threshold: 5_480_000,
      toBody: 'ks',
      actionPlanState: 'draft',
    });
    const detail = await w.api.request('GET', `/api/escalations/${escalation.id}`, { token: ks });
    expect(detail.body.measures).toBe(EKONOMI_TEXT.foreslagnaAtgarder);

    const mail = await w.smtp.waitFor((all) =>
      all.find((m) => m.subject.startsWith('Budgetavvikelse: Bildningsnämnden')),
    );
    expect(mail.to.sort()).toEqual(['ks.ordforande@hallsberg.example', 'ks.sekreterare@hallsberg.example']);
    expect(mail.text).toMatch(
      /underskott på 12\s000\s000 kr mot budget, minst nämndens gräns för väsentlig avvikelse \(5\s480\s000 kr\)/,
    );
    expect(mail.text).toContain(EKONOMI_TEXT.foreslagnaAtgarder);
    expect(mail.text).toContain(`/dokument/${escalation.actionPlanDocumentId}`);

    const plan = await w.api.request('GET', `/api/documents/${escalation.actionPlanDocumentId}`, {
      token: await w.api.login('bin.fvc'),
    });
    expect(plan.body).toMatchObject({ type: 'atgardsplan', orgUnitId: unit['BIN'], state: 'draft' });
    expect(plan.body.data.avvikelse).toMatchObject({ typ: 'budget', belopp: 12_000_000 });
    const due = new Date(plan.body.dueAt).getTime();
    expect(due).toBeGreaterThan(Date.now() + 29 * DAY);
    expect(due).toBeLessThan(Date.now() + 32 * DAY);
    const deadlines = await eventually(async () => {
      const rows = await w.api.dataSource.query(
        `SELECT kind, status FROM deadline WHERE document_id = ? ORDER BY fire_at`,
        [escalation.actionPlanDocumentId],
      );
      return rows.length ? rows : undefined;
    });
    expect(deadlines.filter((d: { kind: string }) => d.kind === 'due')).toEqual([
      { kind: 'due', status: 'pending' },
    ]);

    // KS acknowledges, once.
    const chair = await w.api.login('ks.ordforande');
    const ack = await w.api.request('POST', `/api/escalations/${escalation.id}/acknowledge`, {
      token: chair,
      body: { comment: 'Följs upp på nästa KS-möte.' },
    });
    expect(ack.status).toBe(200);
    expect(ack.body).toMatchObject({
      status: 'acknowledged',
      acknowledgedComment: 'Följs upp på nästa KS-möte.',
    });
    const again = await w.api.request('POST', `/api/escalations/${escalation.id}/acknowledge`, {
      token: chair,
      body: {},
    });
    expect(again.status).toBe(409);
    const fromNamnd = await w.api.request('POST', `/api/escalations/${escalation.id}/acknowledge`, {
      token: await w.api.login('bin.ordforande'),
      body: {},
    });
    expect(fromNamnd.status).toBe(403);
  }, 60_000);

  it('an overrun exactly at the threshold escalates ("minst"); one under it, or a surplus, escalates nothing', async () => {
    // Social- och arbetsmarknadsnämnden: frame 452 Mkr, threshold 4 520 000 kr.
    const under = await submitManadsrapport('san.fvc', unit['SAN'], '2027-03', {
      periodbudget: 75_300_000,
      utfall: 75_900_000,
      prognos: 456_519_999, // underskott 4 519 999 kr: one krona short of the threshold
    });
    // Drift- och servicenämnden: frame 112 Mkr; forecast 104 Mkr is an överskott of 8 Mkr. (Read the
    // old way, a period budget against a full-year forecast, such figures looked like anything.)
    const surplus = await submitManadsrapport('dsn.fvc', unit['DSN'], '2027-03', {
      periodbudget: 18_700_000,
      utfall: 17_200_000,
      prognos: 104_000_000,
    });
    for (const id of [under, surplus]) {
      await w.effectResult(id, 'documentSubmitted', 'the submission to be judged');
      expect(await w.escalationCount(id)).toBe(0);
    }
    expect(await w.actionPlansOf(unit['SAN'])).toEqual([]);
    expect(
      w.smtp.received.filter(
        (m) =>
          m.subject.startsWith('Budgetavvikelse') &&
          (m.subject.includes('Social- och arbetsmarknadsnämnden') ||
            m.subject.includes('Drift- och servicenämnden')),
      ),
    ).toEqual([]);

    const atThreshold = await submitManadsrapport('san.fvc', unit['SAN'], '2027-02', {
      periodbudget: 37_700_000,
      utfall: 38_900_000,
      prognos: 456_520_000, // underskott exactly 4 520 000 kr
    });
    const escalation = await w.escalationWithPlan(atThreshold, 2027);
    expect(escalation).toMatchObject({ kind: 'budget', amount: -4_520_000, threshold: 4_520_000 });
  }, 60_000);

  it('decided investments over budget by at least the investment threshold escalate like a budget deviation', async () => {
    const reportId = await submitManadsrapport(
      'bin.fvc',
      unit['BIN'],
      '2027-02',
      { periodbudget: 45_600_000, utfall: 45_100_000, prognos: 547_000_000 }, // budget: överskott 1 Mkr
      {
        investeringar: [
          { projekt: 'Ny förskola Östansjö', budget: 28_000_000, utfall: 9_400_000, prognos: 31_500_000 },
          { projekt: 'Ventilation Transtenskolan', budget: 6_500_000, utfall: 2_100_000, prognos: 6_200_000 },
        ],
      },
    );
    // Investment budget 34,5 Mkr: the default threshold is 5 %, 1 725 000 kr; the overrun is 3,2 Mkr.
    const escalation = await w.escalationWithPlan(reportId, 2027);
    expect(escalation).toMatchObject({
      kind: 'investment',
      amount: -3_200_000,
      threshold: 1_725_000,
      toBody: 'ks',
    });
    expect(await w.escalationCount(reportId)).toBe(1);
    const mail = await w.smtp.waitFor((all) =>
      all.find((m) => m.subject.startsWith('Investeringsavvikelse: Bildningsnämnden')),
    );
    expect(mail.text).toMatch(/minst nämndens gräns för väsentlig investeringsavvikelse \(1\s725\s000 kr\)/);
    // The nämnd's åtgärdsplan of the year answers it (one per nämnd and year: here the one the
    // budget deviation above opened).
    const plan = await w.api.request('GET', `/api/documents/${escalation.actionPlanDocumentId}`, {
      token: await w.api.login('bin.fvc'),
    });
    expect(plan.body).toMatchObject({ type: 'atgardsplan', orgUnitId: unit['BIN'] });
  }, 60_000);

  it('a nämnd reports an ad-hoc deviation: it escalates at once the same way; bad input changes nothing', async () => {
    const chair = await w.api.login('dsn.ordforande');
    const bad = await w.api.request('POST', '/api/escalations', {
      token: chair,
      body: { orgUnitId: unit['DSN'], year: 1999, amount: 'mycket' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      '/amount',
      '/description',
      '/measures',
      '/year',
    ]);
    // Proposed measures are required (§5.4.2): blank ones are refused field by field, nothing opens.
    const blank = await w.api.request('POST', '/api/escalations', {
      token: chair,
      body: { orgUnitId: unit['DSN'], year: 2027, description: 'Vattenskada.', measures: '   ' },
    });
    expect(blank.status).toBe(422);
    expect(blank.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(blank.body.errors).toEqual([
      { pointer: '/measures', message: expect.stringContaining('åtgärder') },
    ]);
    // A rektor (enhetschef) does not act for the nämnd.
    const enhet = await w.api.request('POST', '/api/escalations', {
      token: await w.api.login('transten.rektor'),
      body: { orgUnitId: unit['BIN'], year: 2027, description: 'x', measures: 'y' },
    });
    expect(enhet.status).toBe(403);
    // An amount beyond any municipality's, which the database would have stored clamped.
    const huge = await w.api.request('POST', '/api/escalations', {
      token: chair,
      body: { orgUnitId: unit['DSN'], year: 2027, amount: 9.2e19, description: 'Skrivfel', measures: 'Inga' },
    });
    expect(huge.status).toBe(422);
    expect(huge.body.errors).toEqual([{ pointer: '/amount', message: expect.stringContaining('högst') }]);
    const foreign = await w.api.request('POST', '/api/escalations', {
      token: chair,
      body: { orgUnitId: unit['BIN'], year: 2027, description: 'Fel nämnd', measures: 'Inga' },
    });
    expect(foreign.status).toBe(403);
    const res = await w.api.request('POST', '/api/escalations', {
      token: chair,
      body: {
        orgUnitId: unit['DSN'],
        year: 2027,
        amount: -3_000_000,
        description: 'Vattenskada i Folkets hus.',
        measures: 'Försäkringsärende.',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'adhoc', status: 'open', amount: -3_000_000 });
    // Another nämnd cannot tell it from an escalation that does not exist.
    const bin = await w.api.login('bin.fvc');
    const hidden = await w.api.request('GET', `/api/escalations/${res.body.id}`, { token: bin });
    const unknown = await w.api.request('GET', '/api/escalations/00000000-0000-4000-8000-000000000000', {
      token: bin,
    });
    expect(hidden.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect({ ...hidden.body, instance: undefined }).toEqual({ ...unknown.body, instance: undefined });
    await w.smtp.waitFor((all) =>
      all.find((m) => m.subject === 'Rapporterad avvikelse: Drift- och servicenämnden'),
    );
    const withPlan = await eventually(async () => {
      const r = await w.api.request('GET', `/api/escalations/${res.body.id}`, {
        token: await w.api.login('ks.sekreterare'),
      });
      return r.body.actionPlanDocumentId ? r.body : undefined;
    });
    expect(withPlan.actionPlanState).toBe('draft');

    // The förvaltningschef and the nämnd's economist (a handläggare on its förvaltning) may report too.
    for (const username of ['san.fvc', 'san.handlaggare']) {
      const r = await w.api.request('POST', '/api/escalations', {
        token: await w.api.login(username),
        body: {
          orgUnitId: unit['SAN'],
          year: 2027,
          amount: -6_000_000,
          description: `Fler placeringar än budgeterat (rapporterat av ${username}).`,
          measures: 'Hemmaplanslösningar och översyn av avtal.',
        },
      });
      expect(r.status).toBe(201);
      expect(r.body).toMatchObject({ kind: 'adhoc', orgUnitId: unit['SAN'], measures: expect.any(String) });
    }
  }, 40_000);

  it('thresholds per nämnd are for administrators; a kronor limit lowers the threshold', async () => {
    const admin = await w.api.login('admin');
    const before = await w.api.request('GET', `/api/org-units/${unit['SAN']}/thresholds?year=2027`, {
      token: admin,
    });
    expect(before.body).toMatchObject({
      kronor: null,
      shareOfFrame: null,
      frame: 452_000_000,
      effectiveThreshold: 4_520_000,
    });
    const bad = await w.api.request('PUT', `/api/org-units/${unit['SAN']}/thresholds`, {
      token: admin,
      body: { kronor: -5, shareOfFrame: 2 },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      '/kronor',
      '/shareOfFrame',
    ]);
    const put = await w.api.request('PUT', `/api/org-units/${unit['SAN']}/thresholds?year=2027`, {
      token: admin,
      body: { kronor: 500_000, shareOfFrame: null, investmentKronor: 2_000_000 },
    });
    expect(put.body).toMatchObject({
      kronor: 500_000,
      effectiveThreshold: 500_000,
      investmentKronor: 2_000_000,
      investmentShare: null,
    });
    // An investment limit left out keeps its value.
    const again = await w.api.request('PUT', `/api/org-units/${unit['SAN']}/thresholds?year=2027`, {
      token: admin,
      body: { kronor: 500_000, shareOfFrame: null },
    });
    expect(again.body).toMatchObject({ investmentKronor: 2_000_000 });
    const denied = await w.api.request('GET', `/api/org-units/${unit['SAN']}/thresholds`, {
      token: await w.api.login('ks.sekreterare'),
    });
    expect(denied.status).toBe(403);
  });

  it('the queue dashboard is for administrators only', async () => {
    expect((await w.api.request('GET', '/admin/queues')).status).toBe(401);
    expect(
      (await w.api.request('GET', '/admin/queues', { token: await w.api.login('ks.sekreterare') })).status,
    ).toBe(403);
    const ok = await w.api.request('GET', '/admin/queues', { token: await w.api.login('admin') });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain('<html');
    const queues = await w.api.request('GET', '/admin/queues/api/queues', {
      token: await w.api.login('admin'),
    });
    // Every queue of the installation, as libs/jobs declares them.
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(
      Object.values(QUEUES).sort(),
    );
  });
});
