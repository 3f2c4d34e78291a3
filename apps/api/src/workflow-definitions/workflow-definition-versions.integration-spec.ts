import { ENHETSPLAN_DATA as ENHETSPLAN, isolatedStack, startTestApi, type TestApi } from '@rodtrad/testing';

// The story of issue 8 over HTTP: an administrator edits the enhetsplan workflow (a quality check
// after the områdeschef, the adoption step renamed), checks, compares, simulates and publishes it,
// then moves the documents under way. Its own database: publishing changes what every test sees.

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON under test

/** Version 2: områdeschefens approval goes to a quality check; "adoption" is now "antagande". */
function withQualityCheck(v1: Json): Json {
  const def = structuredClone(v1);
  const states = def.machine.states;
  states.review.on.APPROVE.target = 'quality_check';
  states.quality_check = {
    meta: {
      title: 'Kvalitetsgranskning',
      form: 'review',
      editableBy: ['handlaggare'],
      responsible: ['forvaltningschef'],
      deadline: { key: 'enhetsplan', reminders: [3] },
      events: {
        QUALITY_OK: { label: 'Godkänn kvaliteten', roles: ['omradeschef'] },
        RETURN: { label: 'Returnera för ändring', roles: ['omradeschef'], requiresComment: true },
      },
    },
    on: {
      QUALITY_OK: {
        target: 'antagande',
        actions: [{ type: 'notify', params: { roles: ['enhetschef'], template: 'approved' } }],
      },
      RETURN: { target: 'draft' },
    },
  };
  states.antagande = states.adoption;
  delete states.adoption;
  return def;
}

describe('administrators edit, simulate, publish and migrate workflow definitions (real MariaDB)', () => {
  let api: TestApi;
  let admin: string;
  let rektor: string;
  let omradeschef: string;
  let transten: string;
  let v1: Json;
  let v2: Json;
  let forms2: Json;
  const docs: Record<string, Json> = {};

  const get = (path: string, token = admin) => api.request('GET', path, { token });
  const post = (path: string, body: unknown = {}, token = admin) =>
    api.request('POST', path, { token, body });
  const base = '/api/workflow-definitions/enhetsplan/versions';

  async function start(year: number) {
    const res = await post('/api/documents', { type: 'enhetsplan', orgUnitId: transten, year }, rektor);
    expect(res.status).toBe(201);
    return res.body;
  }
  async function send(doc: Json, type: string, token: string, comment?: string) {
    const current = (await get(`/api/documents/${doc.id}`, token)).body;
    const res = await post(
      `/api/documents/${doc.id}/events`,
      { type, expectedVersion: current.version, comment },
      token,
    );
    expect(res.status).toBe(200);
    return (await get(`/api/documents/${doc.id}`, token)).body;
  }
  async function save(doc: Json, data: Json) {
    const current = (await get(`/api/documents/${doc.id}`, rektor)).body;
    const res = await api.request('PUT', `/api/documents/${doc.id}/data`, {
      token: rektor,
      body: { data, expectedVersion: current.version },
    });
    expect(res.status).toBe(200);
  }

  beforeAll(async () => {
    api = await startTestApi(await isolatedStack('wf_admin'));
    [admin, rektor, omradeschef] = await Promise.all(
      ['admin', 'transten.rektor', 'grundskola.chef'].map((u) => api.login(u)),
    );
    [{ id: transten }] = await api.dataSource.query("SELECT id FROM org_unit WHERE code = 'TRAN'");
    const published = (await get(`${base}/1`)).body;
    v1 = published.definition;
    v2 = withQualityCheck(v1);
    forms2 = structuredClone(published.forms);
    forms2.draft.schema.properties.fokusomraden = { type: 'array', maxItems: 2, items: { type: 'string' } };
  });
  afterAll(() => api.close());

  it('refuses an invalid definition with every problem and its pointer, storing nothing', async () => {
    const bad = structuredClone(v2);
    bad.machine.states.quality_check.on.QUALITY_OK.target = 'nowhere';
    bad.machine.states.quality_check.meta.responsible = ['rektorn'];
    bad.machine.states.quality_check.meta.form = 'kvalitet';
    bad.machine.states.draft.on.SUBMIT.guard = { type: 'alwaysTrue' };
    bad.key = 'gpf';
    const res = await post(base, { definition: bad });
    expect(res.status).toBe(422);
    const pointers = res.body.errors.map((e: { pointer: string }) => e.pointer);
    expect(pointers).toEqual(
      expect.arrayContaining([
        '/definition/key',
        '/definition/machine/states/quality_check/on/QUALITY_OK/target',
        '/definition/machine/states/quality_check/meta/responsible/0',
        '/definition/machine/states/quality_check/meta/form',
        '/definition/machine/states/draft/on/SUBMIT/guard/type',
      ]),
    );
    expect(res.body.errors.find((e: Json) => e.code === 'unknown-role').message).toMatch(/^Okänd roll/);
    expect((await get(base)).body.total).toBe(1);
  });

  it('keeps documents started before on their version and starts new ones on the published draft', async () => {
    docs['early'] = await start(2050); // will be in "adoption", a step version 2 no longer has
    docs['drafting'] = await start(2051); // stays in draft
    docs['inReview'] = await start(2052); // submitted, awaiting the områdeschef
    docs['tooMany'] = await start(2053); // data the new draft form refuses
    await save(docs['early'], ENHETSPLAN);
    await send(docs['early'], 'SUBMIT', rektor);
    await save(docs['inReview'], ENHETSPLAN);
    await send(docs['inReview'], 'SUBMIT', rektor);
    await save(docs['tooMany'], { fokusomraden: ['Läsning', 'Skrivning', 'Räkning'] });

    const created = await post(base, { definition: v2, forms: forms2 });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ version: 2 });
    expect((await post(base, { definition: v2 }, rektor)).status).toBe(403);

    const diff = (await get(`${base}/1/diff/2`)).body;
    expect(diff.states.added.map((s: Json) => s.state).sort()).toEqual(['antagande', 'quality_check']);
    expect(diff.states.removed).toEqual([{ state: 'adoption', title: 'Antagande av enhetschef' }]);
    expect(diff.transitions.changed).toEqual([
      expect.objectContaining({ from: 'review', event: 'APPROVE', to: 'quality_check' }),
    ]);
    expect(diff.deadlines.added).toEqual(
      expect.arrayContaining([expect.objectContaining({ state: 'quality_check' })]),
    );
    expect(diff.roles.added).toEqual(
      expect.arrayContaining([{ state: 'quality_check', where: 'responsible', role: 'forvaltningschef' }]),
    );
    expect(diff.formFields.changed).toEqual([
      expect.objectContaining({ form: 'draft', path: 'fokusomraden' }),
    ]);

    const [{ n: outboxBefore }] = await api.dataSource.query('SELECT COUNT(*) AS n FROM outbox');
    const sim = await post(`${base}/2/simulate`, {
      data: ENHETSPLAN,
      facts: { upstreamAdopted: true },
      events: [
        { type: 'SUBMIT' },
        { type: 'APPROVE' },
        { type: 'ADOPT' },
        { type: 'QUALITY_OK' },
        { type: 'ADOPT' },
      ],
    });
    expect(sim.status).toBe(200);
    expect(sim.body.steps.map((s: Json) => [s.event, s.ok, s.state])).toEqual([
      [null, true, 'draft'],
      ['SUBMIT', true, 'review'],
      ['APPROVE', true, 'quality_check'],
      ['ADOPT', false, 'quality_check'],
      ['QUALITY_OK', true, 'antagande'],
      ['ADOPT', true, 'adopted'],
    ]);
    expect(sim.body.steps[2].deadlines).toEqual([
      expect.objectContaining({ type: 'cancelDeadlines', params: { state: 'review' } }),
      expect.objectContaining({
        type: 'scheduleDeadline',
        params: expect.objectContaining({ state: 'quality_check' }),
      }),
    ]);
    expect(sim.body.steps[1].mails).toEqual([expect.objectContaining({ type: 'requestApproval' })]);
    const [{ n: outboxAfter }] = await api.dataSource.query('SELECT COUNT(*) AS n FROM outbox');
    expect(Number(outboxAfter)).toBe(Number(outboxBefore));

    const paths = (await get(`${base}/2/paths`)).body;
    expect(paths.items.some((p: Json) => p.states.includes('quality_check') && p.final)).toBe(true);
    expect(paths.items.every((p: Json) => p.length === p.events.length)).toBe(true);

    const published = await post(`${base}/2/publish`);
    expect(published.status).toBe(200);
    expect(published.body).toEqual({ version: 2, retired: [1] });
    expect((await api.request('PUT', `${base}/2`, { token: admin, body: { definition: v2 } })).status).toBe(
      409,
    );
    expect((await post(`${base}/2/publish`)).status).toBe(409);

    // Started before: the old flow, approval leads straight to the adoption step.
    const early = await send(docs['early'], 'APPROVE', omradeschef);
    expect(early).toMatchObject({ state: 'adoption', definition: { version: 1 } });
    // Started after: the new flow, approval leads to the quality check.
    const late = await start(2054);
    expect(late.definition).toMatchObject({ version: 2 });
    await save(late, ENHETSPLAN);
    await send(late, 'SUBMIT', rektor);
    expect(await send(late, 'APPROVE', omradeschef)).toMatchObject({ state: 'quality_check' });

    const versions = (await get(base)).body.items;
    expect(versions.map((v: Json) => [v.version, v.status, v.running])).toEqual([
      [1, 'retired', 4],
      [2, 'published', 1],
    ]);
  });

  it('dry-runs a migration, flagging an unmapped step and data the new form refuses, changing nothing', async () => {
    const before = await api.dataSource.query('SELECT id, version FROM document ORDER BY id');
    const res = await post(`${base}/2/migrations/dry-run`, { from: 1, stateMap: {} });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.documents.map((d: Json) => [d.documentId, d]));
    expect(byId[docs['early'].id]).toMatchObject({ state: 'adoption', target: null, movable: false });
    expect(byId[docs['early'].id].reason).toMatch(/adoption saknas i version 2/);
    expect(byId[docs['tooMany'].id]).toMatchObject({ state: 'draft', target: 'draft', movable: false });
    expect(byId[docs['tooMany'].id].errors).toEqual([expect.objectContaining({ pointer: '/fokusomraden' })]);
    expect(byId[docs['drafting'].id]).toMatchObject({ target: 'draft', movable: true, complete: false });
    expect(byId[docs['inReview'].id]).toMatchObject({ target: 'review', movable: true });
    expect(res.body).toMatchObject({ movable: 2, blocked: 2 });
    expect(await api.dataSource.query('SELECT id, version FROM document ORDER BY id')).toEqual(before);

    const wrongMap = await post(`${base}/2/migrations/dry-run`, {
      from: 1,
      stateMap: { adoption: 'nowhere' },
    });
    expect(wrongMap.status).toBe(422);
    expect(wrongMap.body.errors).toEqual([expect.objectContaining({ pointer: '/stateMap/adoption' })]);
  });

  it('migrates the movable documents: audit trails say so and verify, deadlines follow', async () => {
    const res = await post(`${base}/2/migrations`, { from: 1, stateMap: {} });
    expect(res.status).toBe(200);
    expect(res.body.migrated).toBe(2);
    expect(res.body.skipped.map((s: Json) => s.documentId).sort()).toEqual(
      [docs['early'].id, docs['tooMany'].id].sort(),
    );

    for (const key of ['drafting', 'inReview']) {
      const doc = (await get(`/api/documents/${docs[key].id}`)).body;
      expect(doc.definition).toMatchObject({ version: 2 });
      const history = (await get(`/api/documents/${doc.id}/history`)).body.items;
      expect(history.at(-1)).toMatchObject({
        event: 'MIGRATE',
        fromState: doc.state,
        toState: doc.state,
        comment: 'Migrerad från version 1 till 2',
      });
      const outbox = await api.dataSource.query(
        'SELECT effect_type AS type, payload FROM outbox WHERE document_id = ? ORDER BY id DESC LIMIT 2',
        [doc.id],
      );
      const payload = (r: Json) => (typeof r.payload === 'string' ? JSON.parse(r.payload) : r.payload);
      expect(outbox.map((r: Json) => r.type)).toEqual(['scheduleDeadline', 'cancelDeadlines']);
      expect(payload(outbox[0])).toMatchObject({
        state: doc.state,
        key: 'enhetsplan',
        dueAt: `${doc.year}-01-31T22:59:59.000Z`,
      });
      expect(payload(outbox[1])).toMatchObject({ state: null, documentId: doc.id });
    }
    expect((await get('/api/audit/verify')).body).toMatchObject({ ok: true });

    // The migrated document now follows the new flow.
    expect(await send(docs['inReview'], 'APPROVE', omradeschef)).toMatchObject({ state: 'quality_check' });
    // The one left behind still runs on version 1.
    expect((await get(`/api/documents/${docs['early'].id}`)).body.definition).toMatchObject({ version: 1 });

    const mapped = await post(`${base}/2/migrations`, { from: 1, stateMap: { adoption: 'antagande' } });
    expect(mapped.body.migrated).toBe(1);
    expect((await get(`/api/documents/${docs['early'].id}`)).body).toMatchObject({
      state: 'antagande',
      definition: { version: 2 },
    });
    const [renamed] = await api.dataSource.query(
      "SELECT payload FROM outbox WHERE document_id = ? AND effect_type = 'scheduleDeadline' ORDER BY id DESC LIMIT 1",
      [docs['early'].id],
    );
    const renamedPayload =
      typeof renamed.payload === 'string' ? JSON.parse(renamed.payload) : renamed.payload;
    expect(renamedPayload).toMatchObject({ state: 'antagande', dueAt: '2050-01-31T22:59:59.000Z' });

    const audit = await api.dataSource.query(
      "SELECT action FROM admin_audit WHERE entity_type = 'workflow_definition' ORDER BY id",
    );
    expect(audit.map((a: Json) => a.action)).toEqual([
      'workflow-definition.draft-created',
      'workflow-definition.published',
      'workflow-definition.migrated',
      'workflow-definition.migrated',
    ]);
  });

  it('versions forms with their definition: checked, put in a draft, compared and published', async () => {
    const forms = '/api/forms/enhetsplan/review/versions';
    const current = (await get(`${base}/2`)).body.forms.review;
    const bad = await post(forms, {
      schema: { type: 'object', properties: { kommentar: { type: 'text' } } },
      uiSchema: { saknas: { 'ui:widget': 'textarea' } },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: Json) => e.pointer)).toEqual(['/schema/properties/kommentar/type']);
    const badUi = await post(forms, { schema: current.schema, uiSchema: { saknas: {} } });
    expect(badUi.body.errors).toEqual([expect.objectContaining({ pointer: '/uiSchema/saknas' })]);

    const schema = structuredClone(current.schema);
    schema.properties.kvalitetsbedomning = { type: 'string', title: 'Kvalitetsbedömning' };
    const saved = await post(forms, { schema, uiSchema: current.uiSchema });
    expect(saved.status).toBe(201);
    expect(saved.body).toEqual({ version: 3, createdDraft: true });
    const again = await post(forms, { schema, uiSchema: { ...current.uiSchema, 'ui:order': ['*'] } });
    expect(again.body).toEqual({ version: 3, createdDraft: false });

    const list = (await get(forms)).body.items;
    expect(list.map((f: Json) => [f.version, f.status, f.changed])).toEqual([
      [1, 'retired', false],
      [2, 'published', false],
      [3, 'draft', true],
    ]);
    const diff = (await get(`${forms}/2/diff/3`)).body;
    expect(diff).toMatchObject({ schemaChanged: true, uiSchemaChanged: true });
    expect(diff.fields.added).toEqual([{ form: 'review', path: 'kvalitetsbedomning', required: false }]);

    const published = await post(`${forms}/3/publish`);
    expect(published.body).toEqual({ version: 3, retired: [2] });
    // Documents keep the forms of their definition version.
    const onTwo = (await get(`/api/documents/${docs['inReview'].id}`, omradeschef)).body;
    expect(onTwo.definition).toMatchObject({ version: 2 });
    expect(onTwo.form.schema.properties.kvalitetsbedomning).toBeUndefined();
  });
});
