import { createHash } from 'node:crypto';
import {
  BESLUT,
  CHAIN_GPF_DATA as GPF,
  inOrder,
  isolatedStack,
  CHAIN_MAL_OCH_BUDGET_DATA as MAL_OCH_BUDGET,
  readPdfBack,
  startTestApi,
  stepAs,
  type TestApi,
  yearlyDocumentOf,
} from '@rodtrad/testing';

/**
 * The public site over HTTP, without signing in: Bildningsnämnden's Mål och budget and KF's GPF
 * are adopted (the GPF's PDF frozen on its first read), a draft plan is not; the budget of Mål och
 * budget is marked secret. A database of its own: opening the year creates every document.
 */
const YEAR = 2027;

describe('the public site /offentligt and open data (real MariaDB, no sign-in)', () => {
  let api: TestApi;
  let gpf: string;
  let mob: string;
  let ikp: string;
  let mobTitle: string;
  let ikpTitle: string;
  let gpfDiarienummer: string;

  const docOf = (type: string, code: string) => yearlyDocumentOf(api, type, code, YEAR);
  const act = (id: string, username: string, step: { data?: Record<string, unknown>; event: string }) =>
    stepAs(api, id, username, step);
  const get = async (path: string) => {
    const res = await fetch(api.url + path);
    return {
      status: res.status,
      type: res.headers.get('content-type') ?? '',
      csp: res.headers.get('content-security-policy') ?? '',
      bytes: Buffer.from(await res.arrayBuffer()),
    };
  };
  const page = async (path: string) => {
    const res = await get(path);
    return { ...res, text: res.bytes.toString('utf8') };
  };

  beforeAll(async () => {
    api = await startTestApi(await isolatedStack('public_site'));
    expect(
      (await api.request('POST', `/api/years/${YEAR}/open`, { token: await api.login('admin') })).status,
    ).toBe(200);
    gpf = await docOf('gpf', 'KS');
    await act(gpf, 'ksf.fvc', { data: GPF, event: 'SUBMIT' });
    await act(gpf, 'ksf.fvc', { event: 'APPROVE' });
    const ksBeslut = BESLUT('§ 101');
    await act(gpf, 'ks.sekreterare', { data: { ...GPF, ksBeslut }, event: 'DECIDE' });
    await act(gpf, 'registrator', { event: 'REGISTER' });
    expect(
      await act(gpf, 'kf.sekreterare', {
        data: { ...GPF, ksBeslut, beslut: BESLUT('§ 55') },
        event: 'DECIDE',
      }),
    ).toBe('adopted');
    mob = await docOf('mal-och-budget', 'BIN');
    await act(mob, 'bin.fvc', { data: MAL_OCH_BUDGET, event: 'SUBMIT' });
    await act(mob, 'bin.fvc', { event: 'APPROVE' });
    expect(
      await act(mob, 'bin.sekreterare', {
        data: { ...MAL_OCH_BUDGET, beslut: BESLUT('§ 12') },
        event: 'DECIDE',
      }),
    ).toBe('adopted');
    ikp = await docOf('internkontrollplan', 'BIN');
    const fvc = await api.login('bin.fvc');
    const marked = await api.request('PUT', `/api/documents/${mob}/secrecy`, {
      token: fvc,
      body: { pointer: '/budget', paragraph: 'OSL 19 kap. 1 §' },
    });
    expect(marked.status).toBe(200);
    [{ title: mobTitle }] = await api.dataSource.query('SELECT title FROM document WHERE id = ?', [mob]);
    [{ title: ikpTitle }] = await api.dataSource.query('SELECT title FROM document WHERE id = ?', [ikp]);
    [{ diarienummer: gpfDiarienummer }] = await api.dataSource.query(
      'SELECT diarienummer FROM document WHERE id = ?',
      [gpf],
    );
  }, 120_000);
  afterAll(() => api?.close());

  it('is served by the API as HTML in Swedish, with no script and the strict CSP', async () => {
    const start = await page('/offentligt');
    expect(start.status).toBe(200);
    expect(start.type).toMatch(/^text\/html/);
    expect(start.text).toContain('<html lang="sv">');
    expect(start.text).not.toMatch(/<script/i);
    expect(start.csp).toMatch(/script-src 'self'(;|$)/);
    expect(start.text).toContain(`href="/offentligt/${YEAR}"`);
    // A path below /offentligt that does not exist is the site's own 404, not the web app.
    const missing = await page('/offentligt/inget-sadant');
    expect(missing.status).toBe(404);
    expect(missing.text).toContain('Sidan finns inte');
  });

  it('is described in the OpenAPI document as public (security: [])', async () => {
    const doc = JSON.parse((await page('/api/docs-json')).text);
    for (const path of [
      '/offentligt',
      '/offentligt/{year}',
      '/offentligt/data/{file}',
      '/offentligt/dokument/{file}',
    ])
      expect({ path, security: doc.paths[path]?.get?.security }).toEqual({ path, security: [] });
  });

  it('lists the adopted documents of the year per body with their PDFs, and nothing not adopted', async () => {
    const year = await page(`/offentligt/${YEAR}`);
    expect(year.status).toBe(200);
    expect(inOrder(year.text, ['Bildningsnämnden', mobTitle, `/offentligt/dokument/${mob}.pdf`])).toEqual({
      ok: true,
    });
    expect(year.text).toContain(`/offentligt/dokument/${gpf}.pdf`);
    expect(year.text).not.toContain(ikpTitle);
    expect(year.text).not.toContain(ikp);
  });

  it('finds documents by title and by diarienummer', async () => {
    const byNumber = await page(`/offentligt/sok?q=${encodeURIComponent(gpfDiarienummer)}`);
    expect(byNumber.text).toContain('1 träffar');
    expect(byNumber.text).toContain(`/offentligt/dokument/${gpf}.pdf`);
    const byTitle = await page(`/offentligt/sok?q=${encodeURIComponent('Mål och budget')}`);
    expect(byTitle.text).toContain(mobTitle);
    expect(byTitle.text).not.toContain(ikpTitle);
  });

  it('shows the red thread with the goals and their fulfilment, and the year wheel', async () => {
    const thread = await page(`/offentligt/${YEAR}/roda-traden`);
    expect(
      inOrder(thread.text, [
        'Livslångt lärande',
        'BIN-1: Fler elever är behöriga till gymnasiet',
        'Måluppfyllelse',
        'Andel behöriga',
        'Inget utfall ännu',
      ]),
    ).toEqual({ ok: true });
    const wheel = await page(`/offentligt/${YEAR}/arshjul`);
    expect(wheel.status).toBe(200);
    expect(wheel.text).toContain('Mål och budget');
  });

  it('serves the public PDF without the secret field, and the adopted GPF as frozen', async () => {
    const pdf = await get(`/offentligt/dokument/${mob}.pdf`);
    expect(pdf.type).toBe('application/pdf');
    const text = readPdfBack(pdf.bytes).text.replace(/\s+/g, ' ');
    expect(text).toContain('Fler elever är behöriga till gymnasiet');
    expect(text).not.toContain('540 000 000 kr');
    expect(text).toContain('Uppgiften omfattas av sekretess (OSL 19 kap. 1 §).');
    const gpfPdf = await get(`/offentligt/dokument/${gpf}.pdf`);
    expect(readPdfBack(gpfPdf.bytes).info['Tagged']).toBe('yes');
    const [frozen] = await api.dataSource.query('SELECT sha256 FROM document_pdf WHERE document_id = ?', [
      gpf,
    ]);
    expect(createHash('sha256').update(gpfPdf.bytes).digest('hex')).toBe(frozen.sha256);
    expect((await get(`/offentligt/dokument/${ikp}.pdf`)).status).toBe(404);
  });

  it('gives open data per year as JSON and CSV, secret fields left out and named', async () => {
    const json = await page(`/offentligt/data/${YEAR}.json`);
    expect(json.type).toMatch(/^application\/json/);
    const body = JSON.parse(json.text);
    const m = body.dokument.find((d: { id: string }) => d.id === mob);
    expect(m).toMatchObject({
      titel: mobTitle,
      organ: 'Bildningsnämnden',
      paragraf: '§ 12',
      utelamnat: [{ falt: '/budget', sekretess: 'OSL 19 kap. 1 §' }],
    });
    expect(m.data.budget).toBeUndefined();
    expect(m.data.namndmal[0].id).toBe('BIN-1');
    expect(body.dokument.some((d: { id: string }) => d.id === ikp)).toBe(false);
    const csv = await get(`/offentligt/data/${YEAR}.csv`);
    expect(csv.type).toMatch(/^text\/csv/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'Id;Dokumenttyp;Titel;Organ;Enhet;År;Period;Status;Diarienummer;Beslutsdatum;Paragraf;PDF;PDF SHA-256;Utelämnat (sekretess)',
    );
    expect(lines.find((l) => l.startsWith(mob))).toContain(';/budget (OSL 19 kap. 1 §)');
    expect((await get('/offentligt/data/20x7.json')).status).toBe(404);
  });

  it('leaves out a document marked secret as a whole, everywhere', async () => {
    const reg = await api.login('registrator');
    expect(
      (
        await api.request('PUT', `/api/documents/${gpf}/secrecy`, {
          token: reg,
          body: { pointer: '', paragraph: 'OSL 15 kap. 2 §' },
        })
      ).status,
    ).toBe(200);
    expect((await page(`/offentligt/${YEAR}`)).text).not.toContain(gpf);
    expect((await get(`/offentligt/dokument/${gpf}.pdf`)).status).toBe(404);
    expect((await page(`/offentligt/sok?q=${encodeURIComponent(gpfDiarienummer)}`)).text).toContain(
      '0 träffar',
    );
    expect(
      JSON.parse((await page(`/offentligt/data/${YEAR}.json`)).text).dokument.some(
        (d: { id: string }) => d.id === gpf,
      ),
    ).toBe(false);
    expect(
      (await api.request('DELETE', `/api/documents/${gpf}/secrecy?pointer=`, { token: reg })).status,
    ).toBe(200);
    expect((await page(`/offentligt/${YEAR}`)).text).toContain(gpf);
  });
});
