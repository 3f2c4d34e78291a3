import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  eventually,
  isolatedStack,
  readPdfBack,
  readZip,
  startTestApi,
  startTestWorker,
  type TestApi,
} from '@rodtrad/testing';

/**
 * The archive package of a closed year over HTTP, built by the worker (#20): Bildningsnämnden's
 * internal control plan of 2096 is adopted (every document of the year final: the year is
 * closed), the registrar asks for the package, follows its progress and downloads the zip; its
 * METS manifest validates against the METS schema in test/fixtures/archive with xmllint, offline,
 * and every file's SHA-256 matches the manifest and checksums.sha256.
 */
const YEAR = 2096;
const SCHEMA = join(__dirname, '../../../../test/fixtures/archive/mets.xsd');
const RISKER = [
  {
    risk: 'Attest av egna kostnader',
    sannolikhet: 2,
    konsekvens: 3,
    kontroll: 'Stickprov',
    kontrollmal: ['eliminering eller upptäckt av allvarliga fel'],
    ansvarig: 'Controller',
  },
];
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('archive package of a closed year (real MariaDB, Redis, worker)', () => {
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  const archiveDir = mkdtempSync(join(tmpdir(), 'rodtrad-archive-'));
  let registrator: string;
  let docId: string;
  let title: string;

  beforeAll(async () => {
    const env = { ...(await isolatedStack('archive')), ARCHIVE_DIR: archiveDir };
    api = await startTestApi(env);
    worker = await startTestWorker(env);
    registrator = await api.login('registrator');
    const [handlaggare, fvc, sekreterare] = await Promise.all(
      ['bin.handlaggare', 'bin.fvc', 'bin.sekreterare'].map((u) => api.login(u)),
    );
    const [{ id: bin }] = await api.dataSource.query("SELECT id FROM org_unit WHERE code = 'BIN'");
    const created = await api.request('POST', '/api/documents', {
      token: handlaggare,
      body: { type: 'internkontrollplan', orgUnitId: bin, year: YEAR },
    });
    ({ id: docId, title } = created.body);
    let version = created.body.version;
    const step = async (token: string, type: string, data?: Record<string, unknown>) => {
      if (data) {
        const saved = await api.request('PUT', `/api/documents/${docId}/data`, {
          token,
          body: { data, expectedVersion: version },
        });
        version = saved.body.version;
      }
      const sent = await api.request('POST', `/api/documents/${docId}/events`, {
        token,
        body: { type, expectedVersion: version },
      });
      expect(sent.status).toBe(200);
      version = sent.body.version;
    };
    // While the plan is open, the year is not closed.
    const early = await api.request('POST', `/api/years/${YEAR}/archive`, { token: registrator });
    expect(early.status).toBe(409);
    expect(early.body.code ?? early.body.type).toMatch(/year-not-closed/);
    await step(handlaggare, 'SUBMIT', { risker: RISKER });
    await step(fvc, 'APPROVE');
    await step(sekreterare, 'DECIDE', { risker: RISKER, beslut: { datum: '2095-12-10', paragraf: '§ 140' } });
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    rmSync(archiveDir, { recursive: true, force: true });
  });

  it('is for the registrar and administrators only', async () => {
    const res = await api.request('POST', `/api/years/${YEAR}/archive`, {
      token: await api.login('bin.fvc'),
    });
    expect(res.status).toBe(403);
    expect((await api.request('GET', `/api/years/${YEAR + 1}/archive`, { token: registrator })).status).toBe(
      404,
    );
  });

  it('is built by the worker with progress, then served as a zip whose METS manifest validates', async () => {
    const started = await api.request('POST', `/api/years/${YEAR}/archive`, { token: registrator });
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ year: YEAR, status: 'queued', done: 0 });

    const finished = await eventually(
      async () => {
        const res = await api.request('GET', `/api/years/${YEAR}/archive`, { token: registrator });
        if (res.status === 202) {
          expect(['queued', 'running']).toContain(res.body.status);
          return null;
        }
        return res;
      },
      60_000,
      'the archive package',
    );
    expect(finished?.status).toBe(200);
    expect(finished?.headers.get('content-type')).toBe('application/zip');
    const download = await fetch(`${api.url}/api/years/${YEAR}/archive`, {
      headers: { authorization: `Bearer ${registrator}` },
    });
    const zip = Buffer.from(await download.arrayBuffer());
    expect(sha256(zip)).toBe(download.headers.get('x-content-sha256'));
    const [row] = await api.dataSource.query(
      'SELECT status, done, total FROM archive_package WHERE year = ?',
      [YEAR],
    );
    expect(row).toMatchObject({ status: 'done' });
    expect(Number(row.done)).toBe(Number(row.total));

    const files = readZip(zip);
    const root = `arkivpaket-${YEAR}`;
    const at = (path: string) => {
      const f = files.get(`${root}/${path}`);
      if (!f) throw new Error(`${path} is missing from the package: ${[...files.keys()].join(', ')}`);
      return f;
    };
    const dir = `dokument/${docId}`;
    // The document: its frozen PDF, data, audit trail and registration metadata.
    const pdf = at(`${dir}/dokument.pdf`);
    const [frozen] = await api.dataSource.query('SELECT sha256 FROM document_pdf WHERE document_id = ?', [
      docId,
    ]);
    expect(sha256(pdf)).toBe(frozen.sha256);
    expect(readPdfBack(pdf).info['Title']).toBe(title);
    expect(JSON.parse(at(`${dir}/data.json`).toString()).risker[0].risk).toBe(RISKER[0].risk);
    const trail = JSON.parse(at(`${dir}/revisionsspar.json`).toString());
    expect(trail.dokumentkedja.map((e: { event: string }) => e.event)).toEqual([
      'CREATE',
      'SAVE',
      'SUBMIT',
      'APPROVE',
      'SAVE',
      'DECIDE',
    ]);
    expect(trail.administrativaPoster.map((e: { action: string }) => e.action)).toContain(
      'document.pdf-frozen',
    );
    expect(JSON.parse(at(`${dir}/registrering.json`).toString())).toMatchObject({
      id: docId,
      dokumenttyp: 'internkontrollplan',
      organ: 'Bildningsnämnden',
      ar: YEAR,
      beslutsdatum: '2095-12-10',
      paragraf: '§ 140',
      pdf: { fryst: true, sha256: frozen.sha256 },
    });

    // The manifest: valid METS 1.12.1 (xmllint, no network), every file with its SHA-256.
    const mets = at('METS.xml');
    const tmp = mkdtempSync(join(tmpdir(), 'rodtrad-mets-'));
    try {
      writeFileSync(join(tmp, 'METS.xml'), mets);
      const result = execFileSync(
        'xmllint',
        ['--nonet', '--noout', '--schema', SCHEMA, join(tmp, 'METS.xml')],
        {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      expect(result).toBe('');
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    const text = mets.toString('utf8');
    const listed = [
      ...text.matchAll(
        /CHECKSUM="([0-9a-f]{64})" CHECKSUMTYPE="SHA-256">\s*<mets:FLocat LOCTYPE="URL" xlink:type="simple" xlink:href="([^"]+)"/g,
      ),
    ];
    expect(listed.map((m) => m[2]).sort()).toEqual(
      [...files.keys()]
        .map((k) => k.slice(root.length + 1))
        .filter((k) => k !== 'METS.xml' && k !== 'checksums.sha256')
        .sort(),
    );
    for (const [, hash, path] of listed)
      expect({ path, hash }).toEqual({ path, hash: sha256(at(path as string)) });
    const sums = at('checksums.sha256').toString().trim().split('\n');
    expect(sums).toContain(`${sha256(mets)}  METS.xml`);
    for (const line of sums) {
      const [hash, path] = line.split('  ');
      expect({ path, hash }).toEqual({ path, hash: sha256(at(path as string)) });
    }
  });
});
