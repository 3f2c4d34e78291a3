import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  eventually,
  inOrder,
  isolatedStack,
  LocalSmtpServer,
  readPdfBack,
  startTestApi,
  startTestWorker,
  type TestApi,
} from '@rodtrad/testing';

/**
 * GET /api/documents/{id}/pdf and the secrecy marks over HTTP, with the worker running: an
 * internal control plan of Bildningsnämnden is drafted, read as PDF (read back with poppler),
 * marked secret in part, and decided; the worker freezes its PDF at adoption, with the SHA-256 in
 * the audit chain, and the adoption mail links to it. A stack of its own: the worker handles
 * every effect of its database.
 */
const FIXTURE = JSON.parse(
  readFileSync(join(__dirname, '../../../../test/fixtures/documents/internkontrollplan.json'), 'utf8'),
);
const { beslut: _beslut, granskningskommentar: _comment, ...CONTENT } = FIXTURE;
const json = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('document PDF and secrecy over HTTP (real MariaDB, Redis, worker)', () => {
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  const smtp = new LocalSmtpServer();
  let handlaggare: string;
  let fvc: string;
  let sekreterare: string;
  let outsider: string;
  let bin: string;
  let doc: { id: string; title: string; version: number };

  beforeAll(async () => {
    await smtp.start();
    const env = { ...(await isolatedStack('publication')), SMTP_URL: smtp.url };
    api = await startTestApi(env);
    worker = await startTestWorker(env);
    [handlaggare, fvc, sekreterare, outsider] = await Promise.all(
      ['bin.handlaggare', 'bin.fvc', 'bin.sekreterare', 'san.sekreterare'].map((u) => api.login(u)),
    );
    [{ id: bin }] = await api.dataSource.query("SELECT id FROM org_unit WHERE code = 'BIN'");
    const created = await api.request('POST', '/api/documents', {
      token: handlaggare,
      body: { type: 'internkontrollplan', orgUnitId: bin, year: 2091 },
    });
    expect(created.status).toBe(201);
    const saved = await api.request('PUT', `/api/documents/${created.body.id}/data`, {
      token: handlaggare,
      body: { data: CONTENT, expectedVersion: created.body.version },
    });
    expect(saved.status).toBe(200);
    doc = saved.body;
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp.stop();
  });

  const pdfOf = async (token: string) => {
    const res = await fetch(`${api.url}/api/documents/${doc.id}/pdf`, {
      headers: { authorization: `Bearer ${token}` },
    });
    return {
      sha256: res.headers.get('x-content-sha256'),
      status: res.status,
      type: res.headers.get('content-type'),
      bytes: Buffer.from(await res.arrayBuffer()),
    };
  };

  it('renders a draft from its current data: tagged, titled, fonts embedded, the form’s labels in order', async () => {
    const contract = await api.request('GET', `/api/documents/${doc.id}/pdf`, { token: handlaggare });
    expect(contract.status).toBe(200);
    const pdf = await pdfOf(handlaggare);
    expect(pdf.type).toBe('application/pdf');
    const back = readPdfBack(pdf.bytes);
    expect(back.info['Tagged']).toBe('yes');
    expect(back.info['Title']).toBe(doc.title);
    expect(back.fonts.every((f) => f.embedded)).toBe(true);
    expect(
      inOrder(back.text, [
        doc.title,
        'Kommun: Hallsbergs kommun',
        'Enhet: Bildningsnämnden',
        'År: 2091',
        'Status: Utkast',
        'Risker och kontroller',
        CONTENT.risker[0].risk,
        'Riskmatris',
      ]),
    ).toEqual({ ok: true });
  });

  it('is read with the same access as the document: another nämnd’s secretary gets 403', async () => {
    const res = await api.request('GET', `/api/documents/${doc.id}/pdf`, { token: outsider });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('lets those who may edit the document mark a field secret, with its OSL paragraph; others not', async () => {
    const bad = await api.request('PUT', `/api/documents/${doc.id}/secrecy`, {
      token: handlaggare,
      body: { pointer: '/risker', paragraph: 'paragraf 3' },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].pointer).toBe('/paragraph');
    const unknown = await api.request('PUT', `/api/documents/${doc.id}/secrecy`, {
      token: handlaggare,
      body: { pointer: '/finnsInte', paragraph: 'OSL 21 kap. 1 §' },
    });
    expect(unknown.status).toBe(422);
    const foreign = await api.request('PUT', `/api/documents/${doc.id}/secrecy`, {
      token: outsider,
      body: { pointer: '/risker', paragraph: 'OSL 21 kap. 1 §' },
    });
    expect(foreign.status).toBe(403);
    expect(
      (await api.request('GET', `/api/documents/${doc.id}/secrecy`, { token: handlaggare })).body.items,
    ).toEqual([]);

    const marked = await api.request('PUT', `/api/documents/${doc.id}/secrecy`, {
      token: handlaggare,
      body: { pointer: '/risker', paragraph: 'OSL 18 kap. 8 §' },
    });
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({
      canMark: true,
      items: [{ pointer: '/risker', paragraph: 'OSL 18 kap. 8 §' }],
    });
    expect(marked.body.fields).toContainEqual({ pointer: '/risker', label: 'Risker och kontroller' });
    const [audit] = await api.dataSource.query(
      "SELECT details FROM admin_audit WHERE action = 'document.secrecy-marked' AND entity_id = ?",
      [doc.id],
    );
    expect(json(audit.details)).toEqual({ pointer: '/risker', paragraph: 'OSL 18 kap. 8 §' });
  });

  it('freezes the PDF at adoption: stored once by the worker, its SHA-256 in the audit chain, linked from the mail', async () => {
    const send = async (token: string, type: string) => {
      const res = await api.request('POST', `/api/documents/${doc.id}/events`, {
        token,
        body: { type, expectedVersion: doc.version },
      });
      expect(res.status).toBe(200);
      doc = { ...doc, version: res.body.version };
    };
    await send(handlaggare, 'SUBMIT');
    await send(fvc, 'APPROVE');
    const decided = await api.request('PUT', `/api/documents/${doc.id}/data`, {
      token: sekreterare,
      body: {
        data: { ...CONTENT, beslut: { datum: '2090-12-10', paragraf: '§ 112' } },
        expectedVersion: doc.version,
      },
    });
    expect(decided.status).toBe(200);
    doc = { ...doc, version: decided.body.version };
    await send(sekreterare, 'DECIDE');

    const [frozen] = await eventually(
      async () => {
        const rows = await api.dataSource.query(
          'SELECT sha256, byte_length AS n FROM document_pdf WHERE document_id = ?',
          [doc.id],
        );
        return rows.length ? rows : null;
      },
      30_000,
      'the frozen PDF',
    );
    const [entry] = await api.dataSource.query(
      "SELECT details FROM admin_audit WHERE action = 'document.pdf-frozen' AND entity_id = ?",
      [doc.id],
    );
    expect(json(entry.details)).toMatchObject({ sha256: frozen.sha256, byteLength: Number(frozen.n) });

    const served = await pdfOf(sekreterare);
    expect(served.status).toBe(200);
    expect(sha256(served.bytes)).toBe(frozen.sha256);
    expect(served.sha256).toBe(frozen.sha256);
    const back = readPdfBack(served.bytes);
    expect(
      inOrder(back.text, [
        'Status: Fastställd av nämnden',
        'Beslutsdatum: 10 december 2090',
        'Paragraf: § 112',
      ]),
    ).toEqual({ ok: true });
    // The full document for those who may read it: the secret field is in it.
    expect(inOrder(back.text, [CONTENT.risker[0].risk])).toEqual({ ok: true });
    // Later reads serve the same stored bytes.
    expect(sha256((await pdfOf(handlaggare)).bytes)).toBe(frozen.sha256);

    const mail = await eventually(
      async () =>
        smtp.received.find((m) => m.subject.includes('har fastställts') && m.text.includes(doc.title)),
      30_000,
      'the adoption mail with the PDF link',
    );
    expect(mail?.text).toContain(`/api/documents/${doc.id}/pdf`);
    // Mails of the steps before adoption carry no PDF link.
    const review = await eventually(
      async () =>
        smtp.received.find(
          (m) => m.subject.includes('väntar på din granskning') && m.text.includes(doc.title),
        ),
      30_000,
      'the review mail',
    );
    expect(review?.text).not.toContain('/pdf');
  });
});
