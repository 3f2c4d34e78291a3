import type { RestorationYearView } from '@rodtrad/contracts';
import { fromJsonColumn } from '@rodtrad/persistence';
import { eventually } from '@rodtrad/testing';
import { EscalationWorld, type Data } from './testing/escalation-test-kit';

const DEFICIT = 2_100_000;
const MAIL_SUBJECT = 'Negativt balanskravsresultat: Kommunstyrelsen';

/** The balanskravsutredning of the municipality's årsredovisning with the given result. */
function balanskravsutredning(balanskravsresultat: number): Data {
  // A realisation gain is taken out and drawn back from the reserve: the result stays the one given.
  return {
    aretsResultat: balanskravsresultat + 400_000,
    realisationsvinster: 400_000,
    tillResultatutjamningsreserv: 0,
  };
}

/** The tracked escalation's audit trail once 2029 has reported too little. */
const BEHIND_AFTER_2029 = [
  'escalation.opened',
  'escalation.tracking',
  'escalation.restoration-reported',
  'escalation.restoration-reported',
  'escalation.restoration-behind',
];

describe("a negative balance-requirement result is restored over three years and followed up against KF's plan", () => {
  const w = new EscalationWorld('restoration');
  let ks: string;
  let tracked: Data;

  beforeAll(async () => {
    await w.start();
    ks = w.unit['KS'];
  }, 60_000);
  afterAll(() => w.stop());

  const get = (path: string, username = 'kf.sekreterare') => w.get(path, username);

  /** KS hands the municipality's annual report of `year` to KF; resolves with the worker's handling of it. */
  async function submitAnnualReport(year: number, balanskravsresultat: number) {
    const id = await w.submitMunicipalAnnualReport(
      year,
      balanskravsutredning(balanskravsresultat),
      balanskravsresultat < 0
        ? { aterstallandeBalanskrav: 'Underskottet återställs inom tre år genom minskade lokalkostnader.' }
        : {},
    );
    const handled = await w.effectResult<Data>(
      id,
      'documentSubmitted',
      `the annual report of ${year} to be handled`,
    );
    return { id, handled };
  }

  async function escalationsOfKs(): Promise<{ id: string; status: string; year: number }[]> {
    return w.api.dataSource.query(
      'SELECT id, status, year FROM escalation WHERE org_unit_id = ? ORDER BY created_at',
      [ks],
    );
  }

  it('the särskild åtgärdsplan must restore the whole deficit within the three following years, field by field', async () => {
    const { id: reportId } = await submitAnnualReport(2027, -DEFICIT);
    tracked = await w.escalationWithPlan(reportId, 2027, {
      as: 'kf.sekreterare',
      what: 'the balance escalation with its särskild åtgärdsplan',
    });
    expect(tracked).toMatchObject({ kind: 'balance', toBody: 'kf', amount: -DEFICIT, status: 'open' });
    const planId = tracked['actionPlanDocumentId'] as string;
    const plan = await get(`/api/documents/${planId}`, 'ksf.fvc');
    expect(plan.data).toMatchObject({ sarskild: true, avvikelse: { typ: 'balanskrav', belopp: DEFICIT } });

    const atgarder = [
      {
        atgard: 'Avveckla inhyrda lokaler',
        ansvarig: 'Förvaltningschef',
        datum: '2028-06-30',
        forvantadEffekt: 'Minskade lokalkostnader med 0,7 mnkr per år.',
      },
    ];
    /** Saves `data` and submits: refused (422, problem+json); resolves with the errors. */
    const refused = async (data: Data) => {
      await w.saveData('ksf.fvc', planId, data);
      const res = await w.sendEvent('ksf.fvc', planId, 'SUBMIT');
      expect(res.status).toBe(422);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      return res.body.errors;
    };
    // Without the years the form itself refuses the plan.
    expect(await refused({ atgarder })).toEqual([expect.objectContaining({ pointer: '/aterstallande' })]);

    // Two years of 700 000 kr restore too little, and 2031 is outside the three years.
    const short = await refused({
      aterstallande: [
        { ar: 2028, belopp: 700_000 },
        { ar: 2029, belopp: 700_000 },
      ],
    });
    expect(short).toHaveLength(1);
    expect(short[0].pointer).toBe('/aterstallande');
    expect(short[0].message).toMatch(/1\s400\s000 kr men underskottet är 2\s100\s000 kr/);

    const late = await refused({
      aterstallande: [
        { ar: 2028, belopp: 700_000 },
        { ar: 2031, belopp: 1_400_000 },
      ],
    });
    expect(late).toEqual([
      { pointer: '/aterstallande/1/ar', message: 'Välj ett av de tre år som följer på 2027 (2028–2030).' },
    ]);

    await w.saveData('ksf.fvc', planId, {
      aterstallande: [
        { ar: 2028, belopp: 700_000 },
        { ar: 2029, belopp: 700_000 },
        { ar: 2030, belopp: 700_000 },
      ],
    });
    await w.move('ksf.fvc', planId, 'SUBMIT', 'review');
    // Nothing the plan says is lost on the way.
    expect((await get(`/api/documents/${planId}`, 'ksf.fvc')).data.atgarder).toEqual(atgarder);
  }, 60_000);

  it('KF adopts the plan: the escalation stays visible, tracking the restoration year by year', async () => {
    const planId = tracked['actionPlanDocumentId'] as string;
    await w.actionPlanToKf(planId);
    await w.saveData('kf.sekreterare', planId, { kfBeslut: { datum: '2028-04-14', paragraf: '§ 33' } });
    await w.move('kf.sekreterare', planId, 'ADOPT', 'adopted');

    const detail = await eventually(
      async () => {
        const e = await get(`/api/escalations/${tracked['id']}`);
        return e.status === 'tracking' ? e : undefined;
      },
      30_000,
      'the escalation to track the restoration',
    );
    expect(detail).toMatchObject({
      closedAt: null,
      actionPlanState: 'adopted',
      restorationRemaining: DEFICIT,
    });
    expect(detail.restoration).toEqual(
      [2028, 2029, 2030].map((year) => ({
        year,
        planned: 700_000,
        achieved: null,
        balanceResult: null,
        behindPlan: false,
        sourceDocumentId: null,
        followUpEscalationId: null,
      })),
    );
    const listed = await get('/api/escalations?status=tracking', 'ks.sekreterare');
    expect(listed.items.map((e: Data) => e['id'])).toEqual([tracked['id']]);
    expect(await w.auditActions(tracked['id'] as string)).toEqual([
      'escalation.opened',
      'escalation.tracking',
    ]);
  }, 60_000);

  it('the OpenAPI description carries the tracking status and the restoration fields', async () => {
    const doc = (await w.api.request('GET', '/api/docs-json')).body;
    const detail = doc.paths['/api/escalations/{id}'].get.responses['200'].content['application/json'].schema;
    expect(detail.properties.status.enum).toEqual(['open', 'acknowledged', 'tracking', 'closed']);
    expect(detail.required).toEqual(
      expect.arrayContaining(['restoration', 'restorationRemaining', 'followUpOf']),
    );
    expect(Object.keys(detail.properties.restoration.items.properties).sort()).toEqual([
      'achieved',
      'balanceResult',
      'behindPlan',
      'followUpEscalationId',
      'planned',
      'sourceDocumentId',
      'year',
    ]);
    const list = doc.paths['/api/escalations'].get;
    const item = list.responses['200'].content['application/json'].schema.properties.items.items;
    // The list keeps the fields the issue names.
    expect(item.required).toEqual(
      expect.arrayContaining([
        'id',
        'kind',
        'status',
        'orgUnitId',
        'sourceDocumentId',
        'amount',
        'threshold',
        'actionPlanDocumentId',
        'createdAt',
      ]),
    );
    expect(list.parameters.find((p: Data) => p['name'] === 'status').schema.enum).toEqual([
      'open',
      'tracking',
      'closed',
    ]);
  });

  it('2028 restores part of the deficit, as planned: the escalation stays in tracking and nothing escalates', async () => {
    const mailsBefore = w.smtp.received.filter((m) => m.subject === MAIL_SUBJECT).length;
    const { id, handled } = await submitAnnualReport(2028, 700_000);
    expect(handled).toEqual({ escalations: [], restorationFollowedUp: [tracked['id']] });
    const detail = await get(`/api/escalations/${tracked['id']}`);
    expect(detail.status).toBe('tracking');
    expect(detail.restorationRemaining).toBe(1_400_000);
    expect(detail.restoration[0]).toEqual({
      year: 2028,
      planned: 700_000,
      achieved: 700_000,
      balanceResult: 700_000,
      behindPlan: false,
      sourceDocumentId: id,
      followUpEscalationId: null,
    });
    expect((await escalationsOfKs()).map((e) => e.id)).toEqual([tracked['id']]);
    expect(w.smtp.received.filter((m) => m.subject === MAIL_SUBJECT)).toHaveLength(mailsBefore);
    expect(await w.auditActions(tracked['id'] as string)).toEqual([
      'escalation.opened',
      'escalation.tracking',
      'escalation.restoration-reported',
    ]);
  }, 60_000);

  it('2029 falls short of the plan: a new escalation goes to KF with a särskild plan for what is left', async () => {
    const { id: reportId, handled } = await submitAnnualReport(2029, 300_000);
    expect(handled).toEqual({ escalations: [], restorationFollowedUp: [tracked['id']] });

    const detail = await get(`/api/escalations/${tracked['id']}`);
    expect(detail.status).toBe('tracking');
    const y2029 = detail.restoration[1] as RestorationYearView;
    expect(y2029).toMatchObject({
      year: 2029,
      achieved: 300_000,
      behindPlan: true,
      sourceDocumentId: reportId,
    });
    expect(y2029.followUpEscalationId).toEqual(expect.any(String));

    const followUp = await eventually(
      async () => {
        const e = await get(`/api/escalations/${y2029.followUpEscalationId}`);
        return e.actionPlanDocumentId ? e : undefined;
      },
      30_000,
      'the new escalation with its åtgärdsplan',
    );
    // 1 000 000 of the 2 100 000 kr restored: 1 100 000 kr left.
    expect(followUp).toMatchObject({
      kind: 'balance',
      status: 'open',
      toBody: 'kf',
      year: 2029,
      orgUnitId: ks,
      sourceDocumentId: reportId,
      amount: -1_100_000,
      followUpOf: tracked['id'],
      restoration: null,
    });
    expect(followUp.description).toMatch(
      /till och med 2029 skulle 1\s400\s000 kr ha återställts, men 1\s000\s000 kr har återställts/,
    );
    const listed = await get('/api/escalations?status=open&year=2029', 'ks.sekreterare');
    expect(listed.items.map((e: Data) => e['id'])).toEqual([followUp.id]);

    const mail = await w.smtp.waitFor((all) =>
      all.find((m) => m.subject === MAIL_SUBJECT && m.text.includes('till och med 2029')),
    );
    expect(mail.to.sort()).toEqual(['kf.ordforande@hallsberg.example', 'kf.sekreterare@hallsberg.example']);
    expect(mail.text).toContain(`/avvikelser/${followUp.id}`);
    const plan = await get(`/api/documents/${followUp.actionPlanDocumentId}`, 'ksf.fvc');
    expect(plan).toMatchObject({ year: 2029, state: 'draft' });
    expect(plan.data).toMatchObject({ sarskild: true, avvikelse: { typ: 'balanskrav', belopp: 1_100_000 } });

    expect(await w.auditActions(tracked['id'] as string)).toEqual(BEHIND_AFTER_2029);
    expect(await w.auditActions(followUp.id)).toEqual(['escalation.opened']);
  }, 60_000);

  it('2030 restores the rest: the escalation closes, audited, and the story is complete', async () => {
    const { id } = await submitAnnualReport(2030, 1_500_000);
    const detail = await get(`/api/escalations/${tracked['id']}`);
    expect(detail.status).toBe('closed');
    expect(detail.closedAt).not.toBeNull();
    expect(detail.restorationRemaining).toBe(0);
    expect(
      detail.restoration.map((y: RestorationYearView) => [y.year, y.planned, y.achieved, y.behindPlan]),
    ).toEqual([
      [2028, 700_000, 700_000, false],
      [2029, 700_000, 300_000, true],
      // Only what was left counts as restored.
      [2030, 700_000, 1_100_000, false],
    ]);
    expect(detail.restoration[2].sourceDocumentId).toBe(id);

    const closed = await get('/api/escalations?status=closed&year=2027', 'ks.sekreterare');
    expect(closed.items.map((e: Data) => e['id'])).toEqual([tracked['id']]);
    expect(await w.auditActions(tracked['id'] as string)).toEqual([
      ...BEHIND_AFTER_2029,
      'escalation.restoration-reported',
      'escalation.closed',
    ]);
    const [entry] = await w.api.dataSource.query(
      `SELECT details FROM admin_audit WHERE entity_id = ? AND action = 'escalation.closed'`,
      [tracked['id']],
    );
    expect(fromJsonColumn(entry.details)).toMatchObject({ restored: DEFICIT });
    // No year after the deficit is restored escalates again.
    expect((await escalationsOfKs()).map((e) => [e.year, e.status])).toEqual([
      [2027, 'closed'],
      [2029, 'open'],
    ]);
  }, 60_000);
});
