import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { ENHETSPLAN_DATA as ENHETSPLAN, isolatedStack, startTestApi, type TestApi } from '@rodtrad/testing';

describe('documents and transitions over HTTP (real MariaDB)', () => {
  let api: TestApi;
  let rektor: string; // enhetschef, Transtenskolan
  let otherRektor: string; // enhetschef, Ekängsskolan
  let omradeschef: string; // områdeschef, Grundskola
  let registrator: string;
  let transten: string;
  let year = 2040;

  beforeAll(async () => {
    api = await startTestApi();
    [rektor, otherRektor, omradeschef, registrator] = await Promise.all(
      ['transten.rektor', 'ekangen.rektor', 'grundskola.chef', 'registrator'].map((u) => api.login(u)),
    );
    [{ id: transten }] = await api.dataSource.query("SELECT id FROM org_unit WHERE code = 'TRAN'");
  });
  afterAll(() => api.close());

  async function newEnhetsplan(token = rektor) {
    const res = await api.request('POST', '/api/documents', {
      token,
      body: { type: 'enhetsplan', orgUnitId: transten, year: year++ },
    });
    expect(res.status).toBe(201);
    return res.body;
  }

  it('starts a document on the published version, pinned, with the form of its first step and its deadline', async () => {
    const doc = await newEnhetsplan();
    expect(doc).toMatchObject({
      type: 'enhetsplan',
      state: 'draft',
      stateTitle: 'Utkast',
      version: 1,
      orgUnitName: 'Transtenskolan',
      definition: { key: 'enhetsplan', version: 1 },
      editable: true,
    });
    expect(doc.dueAt).toBe(`${doc.year}-01-31T22:59:59.000Z`);
    expect(doc.form.schema.title).toBe('Enhetsplan – Utkast');
    expect(doc.allowedEvents).toEqual([
      { type: 'SUBMIT', label: 'Skicka till områdeschef', requiresComment: false },
    ]);
    const history = await api.request('GET', `/api/documents/${doc.id}/history`, { token: rektor });
    expect(history.body.items).toEqual([
      expect.objectContaining({
        seq: 1,
        event: 'CREATE',
        fromState: null,
        toState: 'draft',
        actor: expect.objectContaining({ name: 'Erik Andersson' }),
      }),
    ]);
  });

  it('refuses a second document in the same slot (409) and a unit outside the caller’s roles (403)', async () => {
    const doc = await newEnhetsplan();
    const again = await api.request('POST', '/api/documents', {
      token: rektor,
      body: { type: 'enhetsplan', orgUnitId: transten, year: doc.year },
    });
    expect(again.status).toBe(409);
    const foreign = await api.request('POST', '/api/documents', {
      token: otherRektor,
      body: { type: 'enhetsplan', orgUnitId: transten, year: 2099 },
    });
    expect(foreign.status).toBe(403);
  });

  it('hides a document from a caller whose roles do not reach its unit (403), and lists only reachable ones', async () => {
    const doc = await newEnhetsplan();
    expect((await api.request('GET', `/api/documents/${doc.id}`, { token: otherRektor })).status).toBe(403);
    expect((await api.request('GET', `/api/documents/${doc.id}`, { token: omradeschef })).status).toBe(200);
    const listed = await api.request('GET', `/api/documents?type=enhetsplan&year=${doc.year}`, {
      token: otherRektor,
    });
    expect(listed.body).toEqual({ items: [], total: 0 });
    const mine = await api.request('GET', `/api/documents?type=enhetsplan&year=${doc.year}`, {
      token: registrator,
    });
    expect(mine.body.items.map((d: { id: string }) => d.id)).toEqual([doc.id]);
  });

  it('saves half-filled data but refuses wrong types field by field, changing nothing', async () => {
    const doc = await newEnhetsplan();
    const bad = await api.request('PUT', `/api/documents/${doc.id}/data`, {
      token: rektor,
      body: { data: { aktiviteter: [{ klartDatum: 'snart' }], aptDatum: 5 }, expectedVersion: 1 },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      '/aktiviteter/0/klartDatum',
      '/aptDatum',
    ]);
    expect((await api.request('GET', `/api/documents/${doc.id}`, { token: rektor })).body.version).toBe(1);
    const partial = await api.request('PUT', `/api/documents/${doc.id}/data`, {
      token: rektor,
      body: { data: { fokusomraden: ['Läsning'] }, expectedVersion: 1 },
    });
    expect(partial.status).toBe(200);
    expect(partial.body).toMatchObject({ version: 2, data: { fokusomraden: ['Läsning'] } });
  });

  it('answers 409 to a stale expectedVersion', async () => {
    const doc = await newEnhetsplan();
    await api.request('PUT', `/api/documents/${doc.id}/data`, {
      token: rektor,
      body: { data: ENHETSPLAN, expectedVersion: 1 },
    });
    const stale = await api.request('PUT', `/api/documents/${doc.id}/data`, {
      token: rektor,
      body: { data: {}, expectedVersion: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'stale-version', currentVersion: 2 });
    const staleEvent = await api.request('POST', `/api/documents/${doc.id}/events`, {
      token: rektor,
      body: { type: 'SUBMIT', expectedVersion: 1 },
    });
    expect(staleEvent.status).toBe(409);
  });

  it('refuses to submit an incomplete form with the guard’s reason and the missing fields (422)', async () => {
    const doc = await newEnhetsplan();
    const res = await api.request('POST', `/api/documents/${doc.id}/events`, {
      token: rektor,
      body: { type: 'SUBMIT', expectedVersion: 1 },
    });
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('guard-refused');
    expect(res.body.detail).toMatch(/[a-zåäö]/);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ pointer: '/aktiviteter' })]),
    );
  });

  it('refuses an event the state does not know (422) and one the caller’s role may not send (403)', async () => {
    const doc = await newEnhetsplan();
    const unknown = await api.request('POST', `/api/documents/${doc.id}/events`, {
      token: rektor,
      body: { type: 'ADOPT', expectedVersion: 1 },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.code).toBe('unknown-event');
    await api.request('PUT', `/api/documents/${doc.id}/data`, {
      token: rektor,
      body: { data: ENHETSPLAN, expectedVersion: 1 },
    });
    const wrongRole = await api.request('POST', `/api/documents/${doc.id}/events`, {
      token: omradeschef,
      body: { type: 'SUBMIT', expectedVersion: 2 },
    });
    expect(wrongRole.status).toBe(403);
    const malformed = await api.request('POST', `/api/documents/${doc.id}/events`, {
      token: rektor,
      body: { type: 'submit!', expectedVersion: 'två' },
    });
    expect(malformed.status).toBe(422);
    expect(malformed.body.errors.map((e: { pointer: string }) => e.pointer).sort()).toEqual([
      '/expectedVersion',
      '/type',
    ]);
  });

  it('moves the document, writes the audit entry and the outbox rows in the same transaction', async () => {
    const doc = await newEnhetsplan();
    await api.request('PUT', `/api/documents/${doc.id}/data`, {
      token: rektor,
      body: { data: ENHETSPLAN, expectedVersion: 1 },
    });
    const res = await api.request('POST', `/api/documents/${doc.id}/events`, {
      token: rektor,
      body: { type: 'SUBMIT', expectedVersion: 2 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: doc.id,
      state: 'review',
      previousState: 'draft',
      version: 3,
      final: false,
    });
    const outbox = await api.dataSource.query(
      'SELECT effect_type AS type, dedupe_key AS k FROM outbox WHERE document_id = ? ORDER BY id',
      [doc.id],
    );
    // CREATE scheduled the draft's deadline; SUBMIT cancels it, asks for approval, schedules the
    // review's, and announces the hand-in (lifecycle event for the follow-up machinery).
    expect(outbox.map((o: { type: string }) => o.type)).toEqual([
      'scheduleDeadline',
      'cancelDeadlines',
      'requestApproval',
      'scheduleDeadline',
      'documentSubmitted',
    ]);
    expect(new Set(outbox.map((o: { k: string }) => o.k)).size).toBe(5);
    const [{ submittedAt }] = await api.dataSource.query(
      'SELECT submitted_at AS submittedAt FROM document WHERE id = ?',
      [doc.id],
    );
    expect(submittedAt).toBeInstanceOf(Date);
    const view = await api.request('GET', `/api/documents/${doc.id}`, { token: omradeschef });
    expect(view.body.allowedEvents.map((e: { type: string }) => e.type)).toEqual(['APPROVE', 'RETURN']);
    expect(view.body.allowedEvents[1].requiresComment).toBe(true);
    const noComment = await api.request('POST', `/api/documents/${doc.id}/events`, {
      token: omradeschef,
      body: { type: 'RETURN', expectedVersion: 3 },
    });
    expect(noComment.status).toBe(422);
    const returned = await api.request('POST', `/api/documents/${doc.id}/events`, {
      token: omradeschef,
      body: { type: 'RETURN', comment: 'Lägg till ansvarig för aktivitet 2.', expectedVersion: 3 },
    });
    expect(returned.body.state).toBe('draft');
    const history = (await api.request('GET', `/api/documents/${doc.id}/history`, { token: rektor })).body
      .items;
    expect(history.map((h: { event: string }) => h.event)).toEqual(['CREATE', 'SAVE', 'SUBMIT', 'RETURN']);
    expect(history[3]).toMatchObject({
      comment: 'Lägg till ansvarig för aktivitet 2.',
      actor: { name: 'Jonas Bergström' },
      via: 'user',
    });
  });

  it('lets exactly one of 50 parallel identical events win; the rest get 409 and the audit has one entry', async () => {
    const doc = await newEnhetsplan();
    await api.request('PUT', `/api/documents/${doc.id}/data`, {
      token: rektor,
      body: { data: ENHETSPLAN, expectedVersion: 1 },
    });
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        api.request('POST', `/api/documents/${doc.id}/events`, {
          token: rektor,
          body: { type: 'SUBMIT', expectedVersion: 2 },
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    const [{ n }] = await api.dataSource.query(
      "SELECT COUNT(*) AS n FROM document_audit WHERE document_id = ? AND event = 'SUBMIT'",
      [doc.id],
    );
    expect(Number(n)).toBe(1);
    const [{ m }] = await api.dataSource.query(
      "SELECT COUNT(*) AS m FROM outbox WHERE document_id = ? AND effect_type = 'requestApproval'",
      [doc.id],
    );
    expect(Number(m)).toBe(1);
  });

  it('shows each step in the task list of whoever it waits for, with what to do next', async () => {
    const doc = await newEnhetsplan();
    const tasksOf = async (token: string) =>
      (
        (await api.request('GET', `/api/tasks?year=${doc.year}`, { token })).body.items as {
          documentId: string;
          action: string;
          stateTitle: string;
        }[]
      ).filter((t) => t.documentId === doc.id);
    expect(await tasksOf(rektor)).toEqual([
      expect.objectContaining({ stateTitle: 'Utkast', action: 'Fyll i och skicka till områdeschef' }),
    ]);
    expect(await tasksOf(omradeschef)).toEqual([]);
    expect(await tasksOf(otherRektor)).toEqual([]);
    await api.request('PUT', `/api/documents/${doc.id}/data`, {
      token: rektor,
      body: { data: ENHETSPLAN, expectedVersion: 1 },
    });
    await api.request('POST', `/api/documents/${doc.id}/events`, {
      token: rektor,
      body: { type: 'SUBMIT', expectedVersion: 2 },
    });
    expect(await tasksOf(rektor)).toEqual([]);
    expect(await tasksOf(omradeschef)).toEqual([
      expect.objectContaining({ stateTitle: expect.any(String), action: 'Godkänn enhetsplanen' }),
    ]);
  });

  it('says who sent a document back, when and why, and keeps what the step may not change (#18)', async () => {
    const doc = await newEnhetsplan();
    const put = (token: string, data: unknown, expectedVersion: number) =>
      api.request('PUT', `/api/documents/${doc.id}/data`, { token, body: { data, expectedVersion } });
    const send = (token: string, type: string, expectedVersion: number, comment?: string) =>
      api.request('POST', `/api/documents/${doc.id}/events`, {
        token,
        body: { type, expectedVersion, comment },
      });
    expect((await put(rektor, ENHETSPLAN, 1)).status).toBe(200);
    expect((await send(rektor, 'SUBMIT', 2)).status).toBe(200);
    const comment = 'Koppla aktiviteterna till nämndmålen.';
    expect((await put(omradeschef, { ...ENHETSPLAN, granskningskommentar: comment }, 3)).status).toBe(200);
    expect((await send(omradeschef, 'RETURN', 4, comment)).status).toBe(200);

    const back = {
      by: { id: expect.any(String), name: 'Jonas Bergström' },
      at: expect.any(String),
      comment,
      label: 'Returnera för ändring',
      fromStateTitle: 'Granskning av områdeschef',
    };
    const view = await api.request('GET', `/api/documents/${doc.id}`, { token: rektor });
    expect(view.body).toMatchObject({ state: 'draft', sentBack: back, unavailableEvents: [] });
    const tasks = await api.request('GET', `/api/tasks?year=${doc.year}`, { token: rektor });
    expect(tasks.body.items.find((t: { documentId: string }) => t.documentId === doc.id)).toMatchObject({
      sentBack: back,
    });

    // The reviewer's comment is read-only in the draft step (ui:readonly): a save keeps it.
    const rewritten = await put(
      rektor,
      { ...ENHETSPLAN, aptDatum: '2040-02-01', granskningskommentar: 'Allt bra.' },
      5,
    );
    expect(rewritten.status).toBe(200);
    const saved = await api.request('GET', `/api/documents/${doc.id}`, { token: rektor });
    expect(saved.body.data).toMatchObject({ aptDatum: '2040-02-01', granskningskommentar: comment });
  });

  it('lists the definitions and serves a pinned version', async () => {
    const list = await api.request('GET', '/api/workflow-definitions', { token: rektor });
    // One per document type: one per shipped workflow file (the cycle's, KF's and KS's, the
    // companies', the KF matter and the year-end hearing).
    const shipped = (await readdir(resolve(__dirname, '../../../../workflows'))).filter((f) =>
      f.endsWith('.workflow.json'),
    );
    expect(list.body.total).toBe(shipped.length);
    expect(shipped.length).toBeGreaterThanOrEqual(21);
    expect(list.body.items).toEqual(
      expect.arrayContaining([
        { key: 'enhetsplan', title: 'Enhetsplan', latestVersion: 1, publishedVersion: 1 },
      ]),
    );
    const v1 = await api.request('GET', '/api/workflow-definitions/enhetsplan/versions/1', { token: rektor });
    expect(v1.body).toMatchObject({
      key: 'enhetsplan',
      version: 1,
      status: 'published',
      definition: { key: 'enhetsplan' },
    });
    expect(
      (await api.request('GET', '/api/workflow-definitions/enhetsplan/versions/99', { token: rektor }))
        .status,
    ).toBe(404);
  });
});

// A database of its own: the test drops the audit table's trigger and alters an entry for a moment,
// and a check of every document's chain in another suite (shipped-workflows) would see it broken.
describe('the audit trail against tampering (real MariaDB)', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(await isolatedStack('audit'));
  }, 60_000);
  afterAll(() => api.close());

  it('keeps the audit trail append-only, and verification names the first broken link', async () => {
    const admin = await api.login('admin');
    const [{ id: transten }] = await api.dataSource.query("SELECT id FROM org_unit WHERE code = 'TRAN'");
    const created = await api.request('POST', '/api/documents', {
      token: await api.login('transten.rektor'),
      body: { type: 'enhetsplan', orgUnitId: transten, year: 2040 },
    });
    expect(created.status).toBe(201);
    const doc = created.body;
    expect((await api.request('GET', '/api/audit/verify', { token: admin })).body).toMatchObject({
      ok: true,
      checked: expect.any(Number),
    });
    await expect(
      api.dataSource.query("UPDATE document_audit SET comment = 'ändrad' WHERE document_id = ?", [doc.id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      api.dataSource.query('DELETE FROM document_audit WHERE document_id = ?', [doc.id]),
    ).rejects.toThrow(/append-only/);

    // Tampering as a database administrator would: around the trigger.
    await api.dataSource.query('DROP TRIGGER trg_document_audit_no_update');
    try {
      await api.dataSource.query(
        "UPDATE document_audit SET comment = 'efterhandsändrad' WHERE document_id = ? AND seq = 1",
        [doc.id],
      );
      const res = await api.request('GET', '/api/audit/verify', { token: admin });
      expect(res.body).toMatchObject({
        ok: false,
        brokenAt: { documentId: doc.id, seq: 1, reason: 'entry was altered' },
      });
    } finally {
      await api.dataSource.query(
        'UPDATE document_audit SET comment = NULL WHERE document_id = ? AND seq = 1',
        [doc.id],
      );
      await api.dataSource.query(
        "CREATE TRIGGER trg_document_audit_no_update BEFORE UPDATE ON document_audit FOR EACH ROW SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'document_audit is append-only'",
      );
    }
    expect((await api.request('GET', '/api/audit/verify', { token: admin })).body.ok).toBe(true);
  });
});
