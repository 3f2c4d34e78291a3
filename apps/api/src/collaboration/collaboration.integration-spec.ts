import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
// s3rver ships no types: the part the test uses.
const S3rver = require('s3rver') as new (options: Record<string, unknown>) => {
  run(): Promise<{ port: number }>;
  close(): Promise<void>;
};
import {
  freePort,
  isolatedStack,
  LocalSmtpServer,
  readPdfBack,
  startTestApi,
  startTestWorker,
  type TestApi,
} from '@rodtrad/testing';

/**
 * Comments and attachments on a document over HTTP (#18): a mention mails the person over the SMTP
 * test server (the real worker sends it), attachments are stored on disk and, with ATTACHMENTS_S3_*,
 * in a real S3-compatible server (s3rver, started here); refusals are problem+json and leave
 * nothing stored. A stack of its own (its worker sends every mail of its outbox).
 */
const YEAR = 2093; // far ahead: nothing of the test's document is late on any day

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(3000, 'x'), Buffer.from('\n%%EOF\n')]);

function form(name: string, content: Buffer, type = 'application/octet-stream'): FormData {
  const f = new FormData();
  f.append('file', new Blob([new Uint8Array(content)], { type }), name);
  return f;
}

describe('comments and attachments on a document (real MariaDB, Redis, worker, SMTP, s3rver)', () => {
  const smtp = new LocalSmtpServer();
  const dir = mkdtempSync(join(tmpdir(), 'rodtrad-attachments-'));
  const s3dir = mkdtempSync(join(tmpdir(), 'rodtrad-s3rver-'));
  let env: Record<string, string>;
  let api: TestApi;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let fvc: string;
  let sekreterare: string;
  let outsider: string;
  let docId: string;

  beforeAll(async () => {
    await smtp.start();
    env = {
      ...(await isolatedStack('collab')),
      SMTP_URL: smtp.url,
      ATTACHMENTS_DIR: dir,
      ATTACHMENTS_MAX_MB: '1',
    };
    api = await startTestApi(env);
    worker = await startTestWorker(env);
    [fvc, sekreterare, outsider] = await Promise.all(
      ['bin.fvc', 'bin.sekreterare', 'san.sekreterare'].map((u) => api.login(u)),
    );
    const [{ id: bin }] = await api.dataSource.query("SELECT id FROM org_unit WHERE code = 'BIN'");
    const created = await api.request('POST', '/api/documents', {
      token: fvc,
      body: { type: 'mal-och-budget', orgUnitId: bin, year: YEAR },
    });
    expect(created.status).toBe(201);
    docId = created.body.id;
  }, 120_000);
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await smtp.stop();
    rmSync(dir, { recursive: true, force: true });
    rmSync(s3dir, { recursive: true, force: true });
  });

  describe('comments', () => {
    it('keeps a thread, mails the mentioned who may read the document, and shows it in the history', async () => {
      const posted = await api.request('POST', `/api/documents/${docId}/comments`, {
        token: fvc,
        body: {
          body: 'Kan @bin.sekreterare titta på ramen? @san.sekreterare och @finns.inte ser inte detta.',
        },
      });
      expect(posted.status).toBe(201);
      // san.sekreterare cannot read Bildningsnämnden's document: not named, not mailed.
      expect(posted.body.mentions).toEqual([expect.objectContaining({ username: 'bin.sekreterare' })]);
      expect(posted.body.author).toMatchObject({ username: 'bin.fvc', name: 'Helena Björk' });

      const mail = await smtp.waitFor((mails) =>
        mails.find(
          (m) => m.to.includes('bin.sekreterare@hallsberg.example') && m.subject.includes('nämnde dig'),
        ),
      );
      expect(mail.subject).toBe(
        `Helena Björk nämnde dig i en kommentar: Mål och budget ${YEAR} – Bildningsnämnden`,
      );
      expect(mail.text).toContain('Kan @bin.sekreterare titta på ramen?');
      expect(mail.text).toContain(`/dokument/${docId}#kommentarer`);
      expect(
        smtp.to('san.sekreterare@hallsberg.example').filter((m) => m.subject.includes('nämnde dig')),
      ).toEqual([]);

      const thread = await api.request('GET', `/api/documents/${docId}/comments`, { token: sekreterare });
      expect(thread.status).toBe(200);
      expect(thread.body).toMatchObject({ canComment: true, items: [{ id: posted.body.id }] });
      const history = await api.request('GET', `/api/documents/${docId}/history`, { token: sekreterare });
      expect(history.body.items.map((e: { event: string }) => e.event)).toEqual(['CREATE', 'COMMENT']);
      expect(history.body.items[1]).toMatchObject({
        actor: { name: 'Helena Björk' },
        comment: posted.body.body,
        toState: 'draft',
      });
    }, 60_000);

    it('is closed to those who may not read the document, and refuses an empty comment', async () => {
      const read = await api.request('GET', `/api/documents/${docId}/comments`, { token: outsider });
      expect(read.status).toBe(403);
      const write = await api.request('POST', `/api/documents/${docId}/comments`, {
        token: outsider,
        body: { body: 'Hej' },
      });
      expect(write.status).toBe(403);
      const empty = await api.request('POST', `/api/documents/${docId}/comments`, {
        token: fvc,
        body: { body: '   ' },
      });
      expect(empty.status).toBe(422);
      expect(empty.headers.get('content-type')).toContain('application/problem+json');
    });
  });

  describe('attachments on disk', () => {
    const stored = () => (existsSync(join(dir, docId)) ? readdirSync(join(dir, docId)) : []);
    const rows = async () =>
      Number(
        (
          await api.dataSource.query('SELECT COUNT(*) AS n FROM document_attachment WHERE document_id = ?', [
            docId,
          ])
        )[0].n,
      );

    it('stores a file with its SHA-256, serves it back, lists it and shows it in the history', async () => {
      const up = await api.request('POST', `/api/documents/${docId}/attachments`, {
        token: fvc,
        form: form('Lokalutredning Vretstorp.pdf', PDF, 'application/pdf'),
      });
      expect(up.status).toBe(201);
      expect(up.body).toMatchObject({
        fileName: 'Lokalutredning Vretstorp.pdf',
        contentType: 'application/pdf',
        sizeBytes: PDF.length,
        sha256: sha256(PDF),
        canRemove: true,
      });
      expect(stored()).toEqual([up.body.id]);

      const res = await fetch(`${api.url}/api/documents/${docId}/attachments/${up.body.id}`, {
        headers: { authorization: `Bearer ${sekreterare}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('x-content-sha256')).toBe(sha256(PDF));
      expect(res.headers.get('content-disposition')).toContain(
        "filename*=UTF-8''Lokalutredning%20Vretstorp.pdf",
      );
      expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);

      const list = await api.request('GET', `/api/documents/${docId}/attachments`, { token: sekreterare });
      expect(list.body).toMatchObject({ canUpload: true, maxBytes: 1024 * 1024 });
      expect(list.body.items).toEqual([expect.objectContaining({ id: up.body.id, canRemove: false })]);
      const history = await api.request('GET', `/api/documents/${docId}/history`, { token: fvc });
      expect(history.body.items.at(-1)).toMatchObject({
        event: 'ATTACHMENT_ADDED',
        dataHash: sha256(PDF),
        comment: `Lokalutredning Vretstorp.pdf, 3 kB (SHA-256 ${sha256(PDF)})`,
      });
      const outside = await fetch(`${api.url}/api/documents/${docId}/attachments/${up.body.id}`, {
        headers: { authorization: `Bearer ${outsider}` },
      });
      expect(outside.status).toBe(403);
    });

    it('lists the attachments in the document’s PDF', async () => {
      const res = await fetch(`${api.url}/api/documents/${docId}/pdf`, {
        headers: { authorization: `Bearer ${fvc}` },
      });
      expect(res.status).toBe(200);
      const { text } = readPdfBack(Buffer.from(await res.arrayBuffer()));
      expect(text).toContain('Bilagor (underlag)');
      // The file name may wrap in its table cell.
      expect(text.replace(/\s+/g, ' ')).toContain('Lokalutredning Vretstorp.pdf');
      // The checksum may wrap in its table cell: its first half is on one line.
      expect(text).toContain(sha256(PDF).slice(0, 32));
    });

    it('refuses too large files, refused types and content that does not match, storing nothing', async () => {
      const before = { files: stored(), rows: await rows() };
      const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(1024 * 1024 + 10, 'x')]);
      const cases: [FormData, number, string][] = [
        [form('stor.pdf', big), 413, 'attachment-too-large'],
        [form('program.exe', Buffer.from('MZ\x90\x00')), 415, 'attachment-type-refused'],
        [form('inte-en.pdf', Buffer.from('MZ\x90\x00 not a pdf')), 415, 'attachment-type-refused'],
      ];
      for (const [body, status, code] of cases) {
        const res = await api.request('POST', `/api/documents/${docId}/attachments`, {
          token: fvc,
          form: body,
        });
        expect({ status: res.status, code: res.body.code }).toEqual({ status, code });
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        expect(res.body.errors).toEqual([expect.objectContaining({ pointer: '/file' })]);
      }
      expect({ files: stored(), rows: await rows() }).toEqual(before);
    }, 60_000);

    it('lets only the uploader remove an attachment, deleting the stored file', async () => {
      const [{ id }] = await api.dataSource.query(
        'SELECT id FROM document_attachment WHERE document_id = ? AND removed_at IS NULL',
        [docId],
      );
      const other = await api.request('DELETE', `/api/documents/${docId}/attachments/${id}`, {
        token: sekreterare,
      });
      expect(other.status).toBe(403);
      const own = await api.request('DELETE', `/api/documents/${docId}/attachments/${id}`, { token: fvc });
      expect(own.status).toBe(204);
      expect(stored()).toEqual([]);
      const history = await api.request('GET', `/api/documents/${docId}/history`, { token: fvc });
      expect(history.body.items.at(-1)).toMatchObject({ event: 'ATTACHMENT_REMOVED' });
      const gone = await api.request('GET', `/api/documents/${docId}/attachments`, { token: fvc });
      expect(gone.body.items).toEqual([]);
    });
  });

  describe('attachments in S3-compatible storage', () => {
    let s3api: TestApi;
    let server: InstanceType<typeof S3rver>;
    let client: S3Client;

    beforeAll(async () => {
      const port = await freePort();
      server = new S3rver({
        port,
        address: '127.0.0.1',
        directory: s3dir,
        silent: true,
        configureBuckets: [{ name: 'underlag' }],
      });
      await server.run();
      const s3 = {
        ATTACHMENTS_S3_BUCKET: 'underlag',
        ATTACHMENTS_S3_ENDPOINT: `http://127.0.0.1:${port}`,
        ATTACHMENTS_S3_ACCESS_KEY: 'S3RVER',
        ATTACHMENTS_S3_SECRET_KEY: 'S3RVER',
        ATTACHMENTS_S3_PATH_STYLE: 'true',
      };
      s3api = await startTestApi({ ...env, ...s3 });
      client = new S3Client({
        endpoint: s3.ATTACHMENTS_S3_ENDPOINT,
        region: 'eu-north-1',
        forcePathStyle: true,
        credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      });
    }, 60_000);
    afterAll(async () => {
      client?.destroy();
      await s3api?.close();
      await server?.close();
    });

    const keys = async () =>
      ((await client.send(new ListObjectsV2Command({ Bucket: 'underlag' }))).Contents ?? []).map(
        (o) => o.Key,
      );

    it('stores the file as an object, serves it back and deletes it; refusals store nothing', async () => {
      const csv = Buffer.from('Konto;Belopp\n4010;12 500\n', 'utf8');
      const token = await s3api.login('bin.fvc');
      const up = await s3api.request('POST', `/api/documents/${docId}/attachments`, {
        token,
        form: form('utfall.csv', csv, 'text/csv'),
      });
      expect(up.status).toBe(201);
      expect(up.body).toMatchObject({ contentType: 'text/csv', sha256: sha256(csv) });
      const key = `${docId}/${up.body.id}`;
      expect(await keys()).toEqual([key]);
      const object = await client.send(new GetObjectCommand({ Bucket: 'underlag', Key: key }));
      expect(
        Buffer.from(
          await (object.Body as { transformToByteArray(): Promise<Uint8Array> }).transformToByteArray(),
        ).equals(csv),
      ).toBe(true);
      expect(existsSync(join(dir, docId, up.body.id))).toBe(false);

      const res = await fetch(`${s3api.url}/api/documents/${docId}/attachments/${up.body.id}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      expect(Buffer.from(await res.arrayBuffer()).equals(csv)).toBe(true);

      const refused = await s3api.request('POST', `/api/documents/${docId}/attachments`, {
        token,
        form: form('makro.xlsm', Buffer.from('PK\x03\x04')),
      });
      expect(refused.status).toBe(415);
      expect(await keys()).toEqual([key]);

      const removed = await s3api.request('DELETE', `/api/documents/${docId}/attachments/${up.body.id}`, {
        token,
      });
      expect(removed.status).toBe(204);
      expect(await keys()).toEqual([]);
    }, 60_000);
  });
});
