import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EscalationWorld, type Data } from '../escalations/testing/escalation-test-kit';

const YEAR = 2027;
const fixture = (type: string): Data =>
  JSON.parse(readFileSync(join(process.cwd(), 'test/fixtures/documents', `${type}.json`), 'utf8')) as Data;
/** The fixture without the decisions of later steps: what the authors write. */
function authored(type: string): Data {
  const { beslut: _b, ksBeslut: _k, kfBeslut: _f, granskningskommentar: _g, ...data } = fixture(type);
  return data;
}

describe('KF treats the follow-up and the year-end hearings feed the next GPF, over HTTP with a real worker and SMTP', () => {
  const w = new EscalationWorld('kf_follow_up');
  const { unit } = w;
  beforeAll(() => w.start(), 60_000);
  afterAll(() => w.stop());

  it("the municipality's interim report goes to KF, and KF's decision is recorded with date and paragraph", async () => {
    const id = await w.submitDocument(
      'ksf.fvc',
      { type: 'delarsrapport-kommunen', orgUnitId: unit['KS'], year: YEAR, period: null },
      authored('delarsrapport-kommunen'),
    );
    await w.move('ksf.fvc', id, 'APPROVE', 'ks_treatment');
    await w.saveData('ks.sekreterare', id, { ksBeslut: { datum: '2027-10-06', paragraf: '§ 140' } });
    await w.move('ks.sekreterare', id, 'DECIDE', 'registration');
    await w.move('registrator', id, 'REGISTER', 'kf_decision');
    // KF's decision needs its date and paragraph; without them nothing moves.
    const early = await w.sendEvent('kf.sekreterare', id, 'DECIDE');
    expect(early.status).toBe(422);
    await w.saveData('kf.sekreterare', id, { beslut: { datum: '2027-10-27', paragraf: '§ 77' } });
    await w.move('kf.sekreterare', id, 'DECIDE', 'adopted');
    const doc = await w.get(`/api/documents/${id}`, 'kf.sekreterare');
    expect(doc).toMatchObject({
      final: true,
      state: 'adopted',
      stateTitle: 'Behandlad av kommunfullmäktige',
    });
    expect(doc.decidedAt).toEqual(expect.any(String));
    expect(doc.data.beslut).toEqual({ datum: '2027-10-27', paragraf: '§ 77' });
    expect(doc.diarienummer).toMatch(/^KF /);
    const history = await w.get(`/api/documents/${id}/history`, 'kf.sekreterare');
    expect(JSON.stringify(history)).toContain('kf_decision');
  }, 60_000);

  it('a tertial report goes on to KF for information only where the year wheel says so (default: it stops at KS)', async () => {
    const initial = await w.get(`/api/years/${YEAR}/kf-information`, 'bin.fvc');
    expect(initial.items).toEqual([
      expect.objectContaining({
        documentType: 'tertialrapport',
        period: 'T1',
        toKf: false,
        configured: false,
      }),
    ]);
    const registrar = await w.api.login('registrator');
    const bad = await w.api.request('PUT', `/api/years/${YEAR}/kf-information/tertialrapport/T9`, {
      token: registrar,
      body: { toKf: true },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual(['/path/period']);
    const badBody = await w.api.request('PUT', `/api/years/${YEAR}/kf-information/tertialrapport/T1`, {
      token: registrar,
      body: { toKf: 'ja' },
    });
    expect(badBody.status).toBe(422);
    const notAllowed = await w.api.request('PUT', `/api/years/${YEAR}/kf-information/tertialrapport/T1`, {
      token: await w.api.login('bin.fvc'),
      body: { toKf: true },
    });
    expect(notAllowed.status).toBe(403);
    expect((await w.get(`/api/years/${YEAR}/kf-information`, 'bin.fvc')).items[0].configured).toBe(false);

    const set = await w.api.request('PUT', `/api/years/${YEAR}/kf-information/tertialrapport/T1`, {
      token: registrar,
      body: { toKf: true },
    });
    expect(set.status).toBe(200);
    expect(set.body.items[0]).toMatchObject({ period: 'T1', toKf: true, configured: true });

    const id = await w.submitDocument(
      'bin.fvc',
      { type: 'tertialrapport', orgUnitId: unit['BIN'], year: YEAR, period: 'T1' },
      authored('tertialrapport'),
    );
    await w.move('bin.fvc', id, 'APPROVE', 'decision');
    await w.saveData('bin.sekreterare', id, { beslut: { datum: '2027-05-12', paragraf: '§ 30' } });
    await w.move('bin.sekreterare', id, 'DECIDE', 'registration');
    await w.move('registrator', id, 'REGISTER', 'ks_treatment');
    await w.saveData('ks.sekreterare', id, { ksBeslut: { datum: '2027-05-26', paragraf: '§ 88' } });
    await w.move('ks.sekreterare', id, 'TAKE_NOTE', 'kf_information');
    const mail = await w.smtp.waitFor((all) =>
      all.find((m) => m.to.includes('kf.sekreterare@hallsberg.example') && m.text.includes('Tertialrapport')),
    );
    expect(mail.text).toContain('kommunfullmäktige');
    await w.saveData('kf.sekreterare', id, { kfBeslut: { datum: '2027-06-14', paragraf: '§ 49' } });
    await w.move('kf.sekreterare', id, 'TAKE_NOTE', 'noted_by_kf');
    expect(await w.get(`/api/documents/${id}`, 'bin.fvc')).toMatchObject({
      final: true,
      stateTitle: 'Anmäld i kommunfullmäktige',
      data: expect.objectContaining({ kfBeslut: { datum: '2027-06-14', paragraf: '§ 49' } }),
    });

    // The line set back: the next report of that line stops at KS again.
    await w.api.request('PUT', `/api/years/${YEAR}/kf-information/tertialrapport/T1`, {
      token: registrar,
      body: { toKf: false },
    });
    const [{ n }] = await w.api.dataSource.query(
      `SELECT COUNT(*) AS n FROM admin_audit WHERE action = 'year-wheel.kf-information'`,
    );
    expect(Number(n)).toBe(2);
  }, 90_000);

  it("a year-end hearing's conclusions and the budget dialogue's notes appear as underlag for the next year's GPF, with links", async () => {
    // The hearing of 2025 is held in February 2026; the GPF decided in June 2026 plans 2027.
    const hearingYear = YEAR - 2;
    const vb = await w.createDocument('bin.fvc', {
      type: 'verksamhetsberattelse',
      orgUnitId: unit['BIN'],
      year: hearingYear,
      period: null,
    });
    const id = await w.createDocument('ks.sekreterare', {
      type: 'bokslutsdialog',
      orgUnitId: unit['BIN'],
      year: hearingYear,
      period: null,
    });
    const called = await w.sendEvent('ks.sekreterare', id, 'CALL');
    expect(called.status).toBe(422); // the meeting's date first
    await w.saveData('ks.sekreterare', id, { mote: { datum: '2026-02-24', plats: 'Kommunhuset' } });
    await w.move('ks.sekreterare', id, 'CALL', 'analys');
    const call = await w.smtp.waitFor((all) =>
      all.find((m) => m.to.includes('bin.ordforande@hallsberg.example') && m.text.includes('Bokslutsdialog')),
    );
    expect(call.text).toContain(`/dokument/${id}`);
    const analysis = 'Nämnden höll ramen; behörigheten till gymnasiet ökade men når inte målnivån.';
    await w.saveData('bin.sekreterare', id, { analys: analysis });
    await w.move('bin.sekreterare', id, 'SUBMIT', 'protokoll');
    const conclusions = 'Lokalbehovet i förskolan tas upp i de Gemensamma planeringsförutsättningarna.';
    const notes = 'Nämnden lyfte behovet av fler förskoleplatser i Vretstorp.';
    await w.saveData('ks.sekreterare', id, {
      mote: { datum: '2026-02-24', plats: 'Kommunhuset', paragraf: '§ 14' },
      slutsatser: conclusions,
      budgetdialog: notes,
    });
    await w.move('ks.sekreterare', id, 'RECORD', 'recorded');

    const underlag = await w.get(`/api/years/${YEAR}/gpf-underlag`, 'ksf.fvc');
    expect(underlag).toMatchObject({ year: YEAR, hearingYear, budgetDialogueDate: `${YEAR - 1}-02-15` });
    expect(underlag.hearings).toEqual([
      expect.objectContaining({
        documentId: id,
        orgUnitName: 'Bildningsnämnden',
        final: true,
        stateTitle: 'Protokollförd',
        meetingDate: '2026-02-24',
        analysis,
        conclusions,
        budgetDialogueNotes: notes,
        annualReportDocumentId: vb,
      }),
    ]);
    // Another year's GPF has none of them.
    expect((await w.get(`/api/years/${YEAR + 1}/gpf-underlag`, 'ksf.fvc')).hearings).toEqual([]);
  }, 90_000);
});
