import { eventually } from '@rodtrad/testing';
import { EscalationWorld, type Data } from '../escalations/testing/escalation-test-kit';

/** A budget year far from the other specs' (the documents' slots are per type, unit and year). */
const YEAR = 2031;
const KS_BESLUT = { datum: `${YEAR + 1}-04-22`, paragraf: '§ 64' };
const KF_BESLUT = { datum: `${YEAR}-02-16`, paragraf: '§ 9' };

describe('Companies and kommunalförbund under KS’s uppsikt, end to end over HTTP with a real worker and SMTP', () => {
  const w = new EscalationWorld('companies');
  const { unit } = w;
  beforeAll(() => w.start(), 60_000);
  afterAll(() => w.stop());

  /** An owner steering document from KS's draft through KS and the registrar to KF's decision. */
  async function adoptedByKf(type: string, orgUnitId: string, data: Data): Promise<string> {
    const id = await w.createDocument('ks.sekreterare', { type, orgUnitId, year: YEAR, period: null });
    await w.saveData('ks.sekreterare', id, data);
    await w.move('ks.sekreterare', id, 'SUBMIT', 'ks_treatment');
    await w.saveData('ks.sekreterare', id, { ksBeslut: { datum: `${YEAR}-01-20`, paragraf: '§ 5' } });
    await w.move('ks.sekreterare', id, 'DECIDE', 'registration');
    await w.move('registrator', id, 'REGISTER', 'kf_decision');
    await w.saveData('kf.sekreterare', id, { beslut: KF_BESLUT });
    await w.move('kf.sekreterare', id, 'DECIDE', 'adopted');
    return id;
  }

  it('keeps each company’s share and each kommunalförbund’s members, validated field by field, set by an administrator', async () => {
    const listed = await w.get('/api/owned-bodies', 'ks.sekreterare');
    expect(listed.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          code: 'HBAB',
          kind: 'bolag',
          form: 'helagt',
          sharePercent: 100,
          text: 'Helägt bolag (100 %)',
        }),
        expect.objectContaining({
          code: 'SNUF',
          kind: 'kommunalforbund',
          form: 'kommunalforbund',
          sharePercent: null,
          memberMunicipalities: ['Askersund', 'Hallsberg', 'Kumla', 'Laxå'],
        }),
      ]),
    );
    // Gymnasium och vuxenutbildning lies under the förbund, not Bildningsförvaltningen.
    const [{ parent }] = await w.api.dataSource.query(
      "SELECT p.code AS parent FROM org_unit u JOIN org_unit p ON p.id = u.parent_id WHERE u.code = 'GYV'",
    );
    expect(parent).toBe('SNUF');

    const admin = await w.api.login('admin');
    const created = await w.api.request('POST', '/api/org-units', {
      token: admin,
      body: { parentId: unit['HBG'], kind: 'bolag', name: 'Sydnärke Energi AB', code: 'SNEAB' },
    });
    expect(created.status).toBe(201);
    const path = `/api/org-units/${created.body.id}/ownership`;

    const bad = await w.api.request('PUT', path, {
      token: admin,
      body: { sharePercent: 0, memberMunicipalities: ['Kumla'] },
    });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(bad.body.errors).toEqual([
      {
        pointer: '/sharePercent',
        message: 'Ägarandelen ska vara större än 0 och högst 100 procent (100 = helägt).',
      },
      { pointer: '/memberMunicipalities', message: 'Bara ett kommunalförbund har medlemskommuner.' },
    ]);
    const forbidden = await w.api.request('PUT', path, {
      token: await w.api.login('ks.sekreterare'),
      body: { sharePercent: 40, memberMunicipalities: [] },
    });
    expect(forbidden.status).toBe(403);

    const set = await w.api.request('PUT', path, {
      token: admin,
      body: { sharePercent: 40, memberMunicipalities: [] },
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({ form: 'delagt', sharePercent: 40, text: 'Delägt bolag (40 %)' });
    expect((await w.get(path, 'hbab.vd')).sharePercent).toBe(40);
    const [audit] = await w.api.dataSource.query(
      "SELECT COUNT(*) AS n FROM admin_audit WHERE action = 'org-unit.ownership-set' AND entity_id = ?",
      [created.body.id],
    );
    expect(Number(audit.n)).toBe(1);

    const noMembers = await w.api.request('PUT', `/api/org-units/${unit['SNUF']}/ownership`, {
      token: admin,
      body: { sharePercent: null, memberMunicipalities: [] },
    });
    expect(noMembers.status).toBe(422);
    expect(noMembers.body.errors.map((e: { pointer: string }) => e.pointer)).toEqual([
      '/memberMunicipalities',
    ]);
    const notABody = await w.api.request('GET', `/api/org-units/${unit['BIN']}/ownership`, { token: admin });
    expect(notABody.status).toBe(404);
  });

  it('a company reports to KS on its result and its ägardirektiv; KS’s assessment finds one company outside its purpose, which goes to KF with a mail', async () => {
    // KF has adopted the common ägardirektiv and Hallsbergs Bostads AB's own.
    await adoptedByKf('agardirektiv-gemensamma', unit['KS'], {
      direktiv: [
        {
          rubrik: 'Information till ägaren',
          text: 'Bolaget informerar kommunstyrelsen om väsentliga händelser.',
        },
      ],
    });
    const direktiv = await adoptedByKf('agardirektiv', unit['HBAB'], {
      direktiv: [{ rubrik: 'Bostadsförsörjning', text: 'Bolaget bidrar till bostäder för alla grupper.' }],
    });
    const adopted = await w.get(`/api/documents/${direktiv}`, 'hbab.vd');
    expect(adopted).toMatchObject({ state: 'adopted', final: true });

    // The company's VD writes its interim report; the directives come prefilled.
    const report = await w.createDocument('hbab.vd', {
      type: 'bolagsrapport',
      orgUnitId: unit['HBAB'],
      year: YEAR,
      period: 'D1',
    });
    const fresh = await w.get(`/api/documents/${report}`, 'hbab.vd');
    expect(fresh.title).toBe(`Bolagsrapport januari–juli ${YEAR} – Hallsbergs Bostads AB`);
    expect(fresh.data.agardirektiv).toEqual([
      { direktiv: 'Information till ägaren', kalla: 'gemensamma' },
      { direktiv: 'Bostadsförsörjning', kalla: 'bolagsspecifika' },
    ]);
    const incomplete = await w.sendEvent('hbab.vd', report, 'SUBMIT');
    expect(incomplete.status).toBe(422);
    await w.saveData('hbab.vd', report, {
      // The company's result, not a net cost: positive is a profit.
      ekonomi: { omsattning: 61_000_000, resultat: 3_400_000, prognosHelar: 5_200_000 },
      agardirektiv: [
        { direktiv: 'Information till ägaren', kalla: 'gemensamma', uppfyllelse: 'uppfyllt' },
        {
          direktiv: 'Bostadsförsörjning',
          kalla: 'bolagsspecifika',
          uppfyllelse: 'delvis',
          kommentar: 'Nyproduktionen i Vretstorp är försenad.',
        },
      ],
      sammanfattning: 'Bolaget följer i stort sin plan.',
    });
    await w.move('hbab.vd', report, 'SUBMIT', 'ks_treatment');
    const toKs = await w.smtp.waitFor((all) =>
      all.find(
        (m) => m.to.includes('ks.sekreterare@hallsberg.example') && m.subject.includes('Bolagsrapport'),
      ),
    );
    expect(toKs.text).toContain('Hallsbergs Bostads AB');
    await w.saveData('ks.sekreterare', report, { ksBeslut: { datum: `${YEAR}-09-22`, paragraf: '§ 120' } });
    await w.move('ks.sekreterare', report, 'NOTE', 'treated');

    // KS's yearly assessment: one row per company, prefilled.
    const assessment = await w.createDocument('ks.sekreterare', {
      type: 'ks-bolagsbedomning',
      orgUnitId: unit['KS'],
      year: YEAR,
      period: null,
    });
    const rows: { bolagId: string; bolag: string; agande: string }[] = (
      await w.get(`/api/documents/${assessment}`, 'ks.sekreterare')
    ).data.bedomningar;
    expect(rows.map((r) => [r.bolag, r.agande])).toEqual([
      ['Hallsbergs Bostads AB', 'Helägt bolag (100 %)'],
      ['Sydnärke Energi AB', 'Delägt bolag (40 %)'],
    ]);
    const [hbab, energi] = rows;
    const motivation =
      'Bolaget har bedrivit elhandel med kunder utanför kommunen, vilket bolagsordningen inte medger.';
    await w.saveData('ks.sekreterare', assessment, {
      bedomningar: [
        { ...hbab, inomAndamal: 'ja', motivering: 'Bolaget har förvaltat och byggt bostäder i kommunen.' },
        { ...energi, inomAndamal: 'nej', motivering: motivation },
      ],
      forslagTillKf: 'Kommunfullmäktige uppdrar åt bolaget att avveckla elhandeln utanför kommunen.',
    });
    await w.move('ks.sekreterare', assessment, 'SUBMIT', 'ks_decision');
    await w.saveData('ks.sekreterare', assessment, { ksBeslut: KS_BESLUT });
    await w.move('ks.sekreterare', assessment, 'DECIDE', 'decided');

    // The company found outside its purpose becomes a KF matter; the other does not.
    const matter = (await eventually(
      async () => {
        const found: { id: string }[] = await w.api.dataSource.query(
          "SELECT id FROM document WHERE type = 'kf-arende' AND JSON_VALUE(data, '$.ursprung.typ') = 'bolagsbedomning'",
        );
        return found.length ? found : undefined;
      },
      20_000,
      'the KF matter of the finding',
    )) as { id: string }[];
    expect(matter).toHaveLength(1);
    const kfMatter = await w.get(`/api/documents/${matter[0].id}`, 'kf.sekreterare');
    expect(kfMatter.data.ursprung).toMatchObject({
      typ: 'bolagsbedomning',
      id: `${assessment}__${energi.bolagId}`,
      titel: 'Sydnärke Energi AB: verksamheten utanför det kommunala ändamålet',
    });
    expect(kfMatter.data.ursprung.sammanfattning).toContain(motivation);
    expect(kfMatter.data.ksBeslut).toEqual({ datum: KS_BESLUT.datum, paragraf: KS_BESLUT.paragraf });
    expect(kfMatter.data.forslagTillBeslut).toBe(
      'Kommunfullmäktige uppdrar åt bolaget att avveckla elhandeln utanför kommunen.',
    );

    const mail = await w.smtp.waitFor((all) =>
      all.find(
        (m) => m.subject === 'Till kommunfullmäktige: Sydnärke Energi AB utanför det kommunala ändamålet',
      ),
    );
    expect(mail.to.sort()).toEqual([
      'kf.ordforande@hallsberg.example',
      'kf.sekreterare@hallsberg.example',
      'ks.sekreterare@hallsberg.example',
    ]);
    expect(mail.text).toContain(`sammanträde ${KS_BESLUT.datum}, ${KS_BESLUT.paragraf}`);
    expect(mail.text).toContain(`/dokument/${matter[0].id}`);

    // Handled once: the worker's result names the one matter, and no second mail or matter follows.
    await w.effectResult(assessment, 'documentFinished');
    const [{ n }] = await w.api.dataSource.query(
      "SELECT COUNT(*) AS n FROM document WHERE type = 'kf-arende' AND JSON_VALUE(data, '$.ursprung.typ') = 'bolagsbedomning'",
    );
    expect(Number(n)).toBe(1);
    expect(
      w.smtp.received.filter((m) => m.subject.startsWith('Till kommunfullmäktige: Sydnärke Energi AB')),
    ).toHaveLength(1);
  });
});
