import { eventually } from '@rodtrad/testing';
import { EscalationWorld } from './testing/escalation-test-kit';

/** Yesterday in Sweden: a KS meeting is recorded after it was held. */
const MEETING = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(
  new Date(Date.now() - 86_400_000),
);

describe("KS's decision on an escalation under its uppsiktsplikt, end to end over HTTP with a real worker and SMTP", () => {
  const w = new EscalationWorld('ks_decision');
  const { unit } = w;
  beforeAll(() => w.start(), 60_000);
  afterAll(() => w.stop());

  /** A budget deviation reaches KS by itself: a monthly report over the threshold (as in escalations.integration-spec). */
  async function budgetDeviation(): Promise<{ id: string; actionPlanDocumentId: string }> {
    const reportId = await w.submitDocument(
      'bin.fvc',
      { type: 'manadsrapport', orgUnitId: unit['BIN'], year: 2027, period: '2027-03' },
      {
        // Bildningsnämnden's frame 2027 is 548 Mkr; a forecast of 560 Mkr is 12 Mkr over.
        ekonomi: { periodbudget: 91_300_000, utfall: 94_100_000, prognos: 560_000_000 },
        analys: 'Ökade kostnader för skolskjuts och placeringar.',
        foreslagnaAtgarder: 'Anställningsstopp och översyn av skolskjutsavtalet.',
      },
    );
    const e = await w.escalationWithPlan(reportId, 2027);
    return { id: e.id, actionPlanDocumentId: e.actionPlanDocumentId as string };
  }

  /** A nämnd reports a deviation between the regular reports; resolves once its åtgärdsplan exists. */
  async function adhocDeviation(
    username: string,
    code: string,
  ): Promise<{ id: string; actionPlanDocumentId: string }> {
    const res = await w.api.request('POST', '/api/escalations', {
      token: await w.api.login(username),
      body: {
        orgUnitId: unit[code],
        year: 2027,
        amount: -2_500_000,
        description: 'Vinterväghållningen har kostat mer än budgeterat.',
        measures: 'Omprioritering inom gatuunderhållet.',
      },
    });
    expect(res.status).toBe(201);
    const ks = await w.api.login('ks.sekreterare');
    const found = await eventually(async () => {
      const r = await w.api.request('GET', `/api/escalations/${res.body.id}`, { token: ks });
      return r.body.actionPlanDocumentId
        ? { id: r.body.id, actionPlanDocumentId: r.body.actionPlanDocumentId }
        : undefined;
    });
    return found as { id: string; actionPlanDocumentId: string }; // eventually() resolves only with a truthy value
  }

  const decisionRows = async (escalationId: string): Promise<number> =>
    Number(
      (
        await w.api.dataSource.query(
          'SELECT COUNT(*) AS n FROM escalation_decision WHERE escalation_id = ?',
          [escalationId],
        )
      )[0].n,
    );

  it('KS refers a deviation to KF: a KF matter goes through its own workflow to KF, and the history shows what followed', async () => {
    const e = await budgetDeviation();
    const ks = await w.api.login('ks.sekreterare');

    // Bad input is refused field by field, and nothing changes.
    const bad = await w.api.request('POST', `/api/escalations/${e.id}/decision`, {
      token: ks,
      body: { decision: 'lamna_rad', meetingDate: '2999-01-01', paragraph: '12', advice: ' ' },
    });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(bad.body.errors.map((x: { pointer: string }) => x.pointer)).toEqual([
      '/meetingDate',
      '/paragraph',
      '/advice',
    ]);
    const unknownDecision = await w.api.request('POST', `/api/escalations/${e.id}/decision`, {
      token: ks,
      body: { decision: 'kvittera', meetingDate: MEETING, paragraph: '§ 12' },
    });
    expect(unknownDecision.status).toBe(422);
    expect(unknownDecision.body.errors.map((x: { pointer: string }) => x.pointer)).toEqual(['/decision']);
    // Only KS's chair and secretary decide; the nämnd cannot.
    const namnd = await w.api.request('POST', `/api/escalations/${e.id}/decision`, {
      token: await w.api.login('bin.ordforande'),
      body: { decision: 'anteckna', meetingDate: MEETING, paragraph: '§ 12' },
    });
    expect(namnd.status).toBe(403);
    expect(await decisionRows(e.id)).toBe(0);
    expect(await w.auditActions(e.id)).toEqual(['escalation.opened']);
    const unknown = await w.api.request(
      'POST',
      '/api/escalations/00000000-0000-4000-8000-000000000000/decision',
      {
        token: ks,
        body: { decision: 'anteckna', meetingDate: MEETING, paragraph: '§ 12' },
      },
    );
    expect(unknown.status).toBe(404);

    const referred = await w.api.request('POST', `/api/escalations/${e.id}/decision`, {
      token: await w.api.login('ks.ordforande'),
      body: {
        decision: 'fora_till_kf',
        meetingDate: MEETING,
        paragraph: '§ 88',
        comment: 'Kommunfullmäktige uppdrar åt bildningsnämnden att redovisa en reviderad åtgärdsplan.',
      },
    });
    expect(referred.status).toBe(200);
    expect(referred.body).toMatchObject({
      status: 'acknowledged',
      decision: {
        decision: 'fora_till_kf',
        label: 'För ärendet till kommunfullmäktige',
        meetingDate: MEETING,
        paragraph: '§ 88',
        advice: null,
        kfMatter: { state: 'beredning', stateTitle: 'Beredning i kommunstyrelsen', final: false },
      },
    });
    expect(await w.auditActions(e.id)).toEqual(['escalation.opened', 'escalation.decided']);
    const again = await w.api.request('POST', `/api/escalations/${e.id}/decision`, {
      token: ks,
      body: { decision: 'anteckna', meetingDate: MEETING, paragraph: '§ 89' },
    });
    expect(again.status).toBe(409);
    expect(await decisionRows(e.id)).toBe(1);
    // The acknowledgement stays the "seen" receipt: the decision already acknowledged it.
    const ack = await w.api.request('POST', `/api/escalations/${e.id}/acknowledge`, { token: ks, body: {} });
    expect(ack.status).toBe(409);

    // The KF matter: KS's decision and proposal are filled in from the decision; its own workflow to KF.
    const matterId = referred.body.decision.kfMatter.documentId as string;
    const matter = await w.get(`/api/documents/${matterId}`, 'ks.sekreterare');
    expect(matter).toMatchObject({
      type: 'kf-arende',
      orgUnitId: unit['KS'],
      year: 2027,
      state: 'beredning',
    });
    expect(matter.title).toBe('Ärende till kommunfullmäktige 2027: Budgetavvikelse – Bildningsnämnden');
    expect(matter.data).toMatchObject({
      ursprung: { typ: 'eskalering', id: e.id, titel: 'Budgetavvikelse – Bildningsnämnden' },
      forslagTillBeslut:
        'Kommunfullmäktige uppdrar åt bildningsnämnden att redovisa en reviderad åtgärdsplan.',
      ksBeslut: { datum: MEETING, paragraf: '§ 88' },
    });
    expect(matter.data.ursprung.sammanfattning).toContain('Anställningsstopp');
    await w.move('ks.sekreterare', matterId, 'DECIDE', 'registration');
    await w.move('registrator', matterId, 'REGISTER', 'kf_decision');
    // KF's decision needs its date and paragraph.
    const early = await w.sendEvent('kf.sekreterare', matterId, 'DECIDE');
    expect(early.status).toBe(422);
    await w.saveData('kf.sekreterare', matterId, {
      beslut: {
        datum: MEETING,
        paragraf: '§ 61',
        beslutstext: 'Fullmäktige bifaller kommunstyrelsens förslag.',
      },
    });
    await w.move('kf.sekreterare', matterId, 'DECIDE', 'decided');

    const detail = await w.get(`/api/escalations/${e.id}`, 'ks.sekreterare');
    expect(detail.decision.kfMatter).toMatchObject({
      final: true,
      stateTitle: 'Beslutad av kommunfullmäktige',
      kfDecisionDate: MEETING,
      kfParagraph: '§ 61',
      kfDecision: 'Fullmäktige bifaller kommunstyrelsens förslag.',
    });
    expect(detail.history.map((h: { event: string }) => h.event)).toEqual([
      'opened',
      'acknowledged',
      'decided',
      'kf-matter',
      'kf-decided',
    ]);
    const texts = detail.history.map((h: { text: string }) => h.text);
    expect(texts[2]).toBe(
      `Kommunstyrelsen beslutade ${MEETING}, § 88, att föra ärendet till kommunfullmäktige.`,
    );
    expect(texts[4]).toBe(
      `Kommunfullmäktige beslutade ${MEETING}, § 61: Fullmäktige bifaller kommunstyrelsens förslag.`,
    );
    expect(detail.history[3].documentId).toBe(matterId);
    // The nämnd sees what KS decided and what followed on its own escalation.
    const asNamnd = await w.get(`/api/escalations/${e.id}`, 'bin.fvc');
    expect(asNamnd.history.map((h: { event: string }) => h.event)).toContain('kf-decided');
  }, 90_000);

  it('KS gives advice: it is mailed to the nämnd and shown for its åtgärdsplan, to those who see the nämnd', async () => {
    const e = await adhocDeviation('dsn.ordforande', 'DSN');
    const advice =
      'Se över avtalet för vinterväghållning inför nästa säsong och redovisa effekten i delårsrapporten.';
    const res = await w.api.request('POST', `/api/escalations/${e.id}/decision`, {
      token: await w.api.login('ks.sekreterare'),
      body: { decision: 'lamna_rad', meetingDate: MEETING, paragraph: '§ 90', advice: `  ${advice} ` },
    });
    expect(res.status).toBe(200);
    expect(res.body.decision).toMatchObject({
      decision: 'lamna_rad',
      label: 'Lämna råd',
      advice,
      kfMatter: null,
    });
    expect(res.body.decision.adviceRecipients).toBe(3);
    const [{ n }] = await w.api.dataSource.query(
      `SELECT COUNT(*) AS n FROM document WHERE type = 'kf-arende' AND JSON_VALUE(data, '$.ursprung.id') = ?`,
      [e.id],
    );
    expect(Number(n)).toBe(0);

    const mail = await w.smtp.waitFor((all) =>
      all.find((m) => m.subject === 'Kommunstyrelsens råd till Drift- och servicenämnden'),
    );
    expect(mail.to.sort()).toEqual([
      'dsn.fvc@hallsberg.example',
      'dsn.ordforande@hallsberg.example',
      'dsn.sekreterare@hallsberg.example',
    ]);
    expect(mail.text).toContain(advice);
    expect(mail.text).toContain(`sammanträde ${MEETING}, § 90`);
    expect(mail.text).toContain(`/dokument/${e.actionPlanDocumentId}`);

    const shown = await w.get(
      `/api/escalations/advice?actionPlanDocumentId=${e.actionPlanDocumentId}`,
      'dsn.fvc',
    );
    expect(shown).toEqual([
      {
        escalationId: e.id,
        kind: 'adhoc',
        meetingDate: MEETING,
        paragraph: '§ 90',
        advice,
        decidedAt: expect.any(String),
      },
    ]);
    // Another nämnd cannot read it, nor tell the plan exists.
    const other = await w.api.request(
      'GET',
      `/api/escalations/advice?actionPlanDocumentId=${e.actionPlanDocumentId}`,
      {
        token: await w.api.login('bin.fvc'),
      },
    );
    expect(other.status).toBe(404);
    const detail = await w.get(`/api/escalations/${e.id}`, 'dsn.fvc');
    expect(detail.history.find((h: { event: string }) => h.event === 'decided').text).toBe(
      `Kommunstyrelsen beslutade ${MEETING}, § 90, att lämna råd till nämnden: ${advice}`,
    );
  }, 60_000);

  it('KS takes note of a deviation for information: recorded and audited, nothing else follows', async () => {
    const e = await adhocDeviation('dsn.sekreterare', 'DSN');
    const res = await w.api.request('POST', `/api/escalations/${e.id}/decision`, {
      token: await w.api.login('ks.sekreterare'),
      body: { decision: 'anteckna', meetingDate: MEETING, paragraph: '§ 91' },
    });
    expect(res.status).toBe(200);
    expect(res.body.decision).toMatchObject({
      decision: 'anteckna',
      label: 'Anteckna för kännedom',
      kfMatter: null,
    });
    expect(res.body.history.map((h: { event: string }) => h.event)).toEqual([
      'opened',
      'acknowledged',
      'decided',
    ]);
    const [audit] = await w.api.dataSource.query(
      `SELECT details FROM admin_audit WHERE entity_type = 'escalation' AND entity_id = ? AND action = 'escalation.decided'`,
      [e.id],
    );
    expect(
      JSON.parse(typeof audit.details === 'string' ? audit.details : JSON.stringify(audit.details)),
    ).toMatchObject({
      decision: 'anteckna',
      meetingDate: MEETING,
      paragraph: '§ 91',
    });
    const advice = await w.get(
      `/api/escalations/advice?actionPlanDocumentId=${e.actionPlanDocumentId}`,
      'dsn.fvc',
    );
    expect(advice.filter((a: { escalationId: string }) => a.escalationId === e.id)).toEqual([]);
  }, 60_000);
});
