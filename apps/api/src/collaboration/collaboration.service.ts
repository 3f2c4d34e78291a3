import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import busboy from 'busboy';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@rodtrad/config';
import type { AttachmentListView, AttachmentView, CommentListView, CommentView } from '@rodtrad/contracts';
import { hasAnyRole, ROLE_KEYS } from '@rodtrad/domain';
import { DocumentEngine } from '@rodtrad/engine';
import { render } from '@rodtrad/mail';
import {
  DocumentCollaborationRepository,
  UserRepository,
  type AttachmentRow,
  type CommentRow,
  type DocumentRow,
} from '@rodtrad/persistence';
import { OrgTreeService } from '../auth/org-tree.service';
import type { Principal } from '../auth/principal';
import { ApiProblem } from '../common/problem/problem';
import { DocumentsService } from '../documents/documents.service';
import { APP_CONFIG, DATA_SOURCE } from '../infrastructure/tokens';
import { ApiMailOutbox } from '../mail/api-mail-outbox';
import { attachmentStorageFor, S3AttachmentStorage, type AttachmentStorage } from './attachment-storage';
import { contentMatches, extensionOf } from './file-signature';

/** `@username` at the start or after a space or punctuation (not inside an e-mail address). */
const MENTION = /(?:^|[^\p{L}\p{N}._@-])@([a-z0-9][a-z0-9._-]{0,98}[a-z0-9]|[a-z0-9])/giu;

export function mentionedUsernames(body: string): string[] {
  return [...new Set([...body.matchAll(MENTION)].map((m) => (m[1] as string).toLowerCase()))];
}

class FileTooLarge extends Error {}

/**
 * Comments and attachments on a document (#18). Who may read the document may comment and add
 * underlag while it is not final; the uploader (or an administrator) may remove an attachment
 * while the document is not final. Every addition and removal is in the admin audit chain and the
 * document's history.
 */
@Injectable()
export class CollaborationService implements OnApplicationShutdown {
  private readonly repo: DocumentCollaborationRepository;
  private readonly users: UserRepository;
  readonly storage: AttachmentStorage;

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly engine: DocumentEngine,
    private readonly documents: DocumentsService,
    private readonly orgTree: OrgTreeService,
    private readonly mail: ApiMailOutbox,
  ) {
    this.repo = new DocumentCollaborationRepository(ds);
    this.users = new UserRepository(ds);
    this.storage = attachmentStorageFor(config);
  }

  onApplicationShutdown(): void {
    if (this.storage instanceof S3AttachmentStorage) this.storage.destroy();
  }

  private async readable(p: Principal, id: string): Promise<DocumentRow> {
    const { doc } = await this.engine.get(id);
    await this.documents.requireReadable(p, doc);
    return doc;
  }

  // ---- comments ---------------------------------------------------------------------------

  async comments(p: Principal, id: string): Promise<CommentListView> {
    await this.readable(p, id);
    const rows = await this.repo.comments(id);
    const people = await this.people(rows.flatMap((r) => r.mentions));
    return { items: rows.map((r) => this.commentView(r, people)), canComment: true };
  }

  async addComment(p: Principal, id: string, body: string): Promise<CommentView> {
    const doc = await this.readable(p, id);
    const text = body.trim();
    if (!text) throw ApiProblem.validation([{ pointer: '/body', message: 'Skriv en kommentar.' }]);
    const tree = await this.orgTree.tree();
    const mentioned: { id: string; name: string; username: string; email: string }[] = [];
    for (const username of mentionedUsernames(text)) {
      const [user]: { id: string; name: string; username: string; email: string }[] = await this.ds.query(
        'SELECT id, name, username, email FROM app_user WHERE username = ? AND active = 1',
        [username],
      );
      if (!user || user.id === p.userId) continue;
      // Only those who may read the document: a mail must not lead to a page they cannot open.
      if (hasAnyRole(await this.users.rolesOf(user.id), ROLE_KEYS, doc.orgUnitId, tree))
        mentioned.push({ id: user.id, name: user.name, username: user.username, email: user.email });
    }
    const commentId = randomUUID();
    const at = new Date();
    await this.repo.addComment({
      id: commentId,
      documentId: id,
      authorUserId: p.userId,
      body: text,
      mentions: mentioned.map((m) => m.id),
      at,
    });
    const url = `${this.config.publicUrl}/dokument/${doc.id}#kommentarer`;
    for (const person of mentioned) {
      const mail = render(`${p.name} nämnde dig i en kommentar: ${doc.title}`, {
        heading: `${p.name} nämnde dig i en kommentar`,
        paragraphs: [`${p.name} skrev en kommentar till ${doc.title} (${doc.orgUnitName ?? ''}):`, text],
        facts: doc.diarienummer ? [['Diarienummer', doc.diarienummer]] : undefined,
        action: { label: 'Öppna dokumentet', href: url },
      });
      await this.mail.enqueue({
        ...mail,
        to: [person.email],
        threadKey: doc.id,
        dedupeKey: `comment__${commentId}__${person.id}`,
      });
    }
    return {
      id: commentId,
      body: text,
      author: { id: p.userId, name: p.name, username: p.username },
      createdAt: at.toISOString(),
      mentions: mentioned.map(({ id: uid, name, username }) => ({ id: uid, name, username })),
    };
  }

  private async people(ids: string[]): Promise<Map<string, { id: string; name: string; username: string }>> {
    const unique = [...new Set(ids)];
    if (!unique.length) return new Map();
    const rows: { id: string; name: string; username: string }[] = await this.ds.query(
      'SELECT id, name, username FROM app_user WHERE id IN (?)',
      [unique],
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  private commentView(
    r: CommentRow,
    people: Map<string, { id: string; name: string; username: string }>,
  ): CommentView {
    return {
      id: r.id,
      body: r.body,
      author: { id: r.authorUserId, name: r.authorName, username: r.authorUsername },
      createdAt: new Date(r.createdAt).toISOString(),
      mentions: r.mentions.flatMap((m) => {
        const person = people.get(m);
        return person ? [person] : [];
      }),
    };
  }

  // ---- attachments ------------------------------------------------------------------------

  get maxBytes(): number {
    return this.config.attachmentsMaxMb * 1024 * 1024;
  }

  async attachments(p: Principal, id: string): Promise<AttachmentListView> {
    const doc = await this.readable(p, id);
    const rows = await this.repo.attachments(id);
    return {
      items: rows.map((r) => this.attachmentView(r, p, doc)),
      canUpload: !doc.final,
      maxBytes: this.maxBytes,
      accept: Object.keys(this.config.attachmentsTypes).map((e) => `.${e}`),
    };
  }

  private mayRemove(a: AttachmentRow, p: Principal, doc: DocumentRow): boolean {
    return !doc.final && (a.uploadedBy === p.userId || p.roles.some((r) => r.role === 'admin'));
  }

  private attachmentView(r: AttachmentRow, p: Principal, doc: DocumentRow): AttachmentView {
    return {
      id: r.id,
      fileName: r.fileName,
      contentType: r.contentType,
      sizeBytes: r.sizeBytes,
      sha256: r.sha256,
      uploadedAt: new Date(r.uploadedAt).toISOString(),
      uploadedBy: { id: r.uploadedBy, name: r.uploaderName, username: r.uploaderUsername },
      canRemove: this.mayRemove(r, p, doc),
    };
  }

  private finalRefusal(): ApiProblem {
    return ApiProblem.conflict(
      'document-final',
      'Dokumentet är avslutat: dess underlag kan inte längre ändras. Kommentera gärna i stället.',
    );
  }

  private tooLarge(): ApiProblem {
    return new ApiProblem(
      413,
      'attachment-too-large',
      'För stor fil',
      `Filen är större än ${this.config.attachmentsMaxMb} MB, det största som tas emot.`,
      [{ pointer: '/file', message: `Välj en fil på högst ${this.config.attachmentsMaxMb} MB.` }],
    );
  }

  private unsupported(message: string): ApiProblem {
    return new ApiProblem(415, 'attachment-type-refused', 'Filtypen tas inte emot', message, [
      { pointer: '/file', message },
    ]);
  }

  /**
   * multipart/form-data with one part `file`: spooled to a temporary file while its SHA-256 is
   * computed and its size counted, checked (size, type by extension and by content), then handed to
   * the storage and recorded. A refused upload leaves nothing stored.
   */
  async upload(p: Principal, id: string, req: Request): Promise<AttachmentView> {
    const doc = await this.readable(p, id);
    if (doc.final) throw this.finalRefusal();
    // A body announced larger than the limit (with room for the multipart framing) is refused unread.
    const announced = Number(req.headers['content-length'] ?? 0);
    if (announced > this.maxBytes + 64 * 1024) {
      // Read and dropped, not stored: the client hears the refusal once it has sent its body.
      await new Promise<void>((resolve) => {
        req
          .on('end', resolve)
          .on('error', () => resolve())
          .on('close', () => resolve());
        req.resume();
      });
      throw this.tooLarge();
    }
    const spool = await mkdtemp(join(tmpdir(), 'rodtrad-attachment-'));
    try {
      const file = await this.receive(req, join(spool, 'upload'));
      const attachmentId = randomUUID();
      const key = `${doc.id}/${attachmentId}`;
      await this.storage.put(key, { path: file.path, size: file.size, contentType: file.contentType });
      const row = {
        id: attachmentId,
        documentId: doc.id,
        fileName: file.fileName,
        contentType: file.contentType,
        sizeBytes: file.size,
        sha256: file.sha256,
        storage: this.storage.kind,
        storageKey: key,
        uploadedBy: p.userId,
        uploadedAt: new Date(),
      };
      try {
        await this.repo.addAttachment(row);
      } catch (e) {
        await this.storage.delete(key).catch(() => undefined);
        throw e;
      }
      return this.attachmentView(
        { ...row, uploaderName: p.name, uploaderUsername: p.username, removedAt: null },
        p,
        doc,
      );
    } finally {
      await rm(spool, { recursive: true, force: true });
    }
  }

  private receive(
    req: Request,
    path: string,
  ): Promise<{ path: string; fileName: string; contentType: string; size: number; sha256: string }> {
    return new Promise((resolve, reject) => {
      let job: Promise<{ fileName: string; contentType: string; size: number; sha256: string }> | null = null;
      let refusal: ApiProblem | null = null;
      let bb: ReturnType<typeof busboy>;
      try {
        bb = busboy({
          headers: req.headers,
          limits: { fileSize: this.maxBytes, files: 1, fields: 5, fieldSize: 1024 },
        });
      } catch {
        return reject(ApiProblem.badRequest('Begäran ska vara multipart/form-data med filen i fältet file.'));
      }
      bb.on('file', (name, stream, info) => {
        if (name !== 'file' || job || refusal) return void stream.resume();
        const fileName = cleanFileName(info.filename);
        const ext = extensionOf(fileName);
        const contentType = ext ? this.config.attachmentsTypes[ext] : undefined;
        if (!fileName || !ext || !contentType) {
          refusal = this.unsupported(
            `Filer av typen ${ext ? `.${ext}` : 'utan filändelse'} tas inte emot. Tillåtna: ${Object.keys(
              this.config.attachmentsTypes,
            )
              .map((e) => `.${e}`)
              .join(', ')}.`,
          );
          return void stream.resume();
        }
        job = this.spool(stream as Readable, path, ext).then(
          (r) => ({ ...r, fileName, contentType }),
          (e: unknown) => {
            stream.resume();
            throw e;
          },
        );
        job.catch(() => undefined);
      });
      bb.on('error', () => reject(ApiProblem.badRequest('Begäran är inte giltig multipart/form-data.')));
      bb.on('close', () => {
        if (refusal) return reject(refusal);
        if (!job)
          return reject(ApiProblem.validation([{ pointer: '/file', message: 'Välj en fil (fältet file).' }]));
        job.then(
          (r) => resolve({ ...r, path }),
          (e: unknown) => reject(e instanceof FileTooLarge ? this.tooLarge() : e),
        );
      });
      req.pipe(bb);
    });
  }

  private async spool(
    stream: Readable & { truncated?: boolean },
    path: string,
    ext: string,
  ): Promise<{ size: number; sha256: string }> {
    const hash = createHash('sha256');
    let size = 0;
    let head = Buffer.alloc(0);
    // Past the limit busboy truncates the part and drops the rest of it: refused once it has ended.
    stream.on('data', (chunk: Buffer) => {
      hash.update(chunk);
      size += chunk.length;
      if (head.length < 4096) head = Buffer.concat([head, chunk.subarray(0, 4096 - head.length)]);
    });
    await pipeline(stream, createWriteStream(path));
    if (stream.truncated) throw new FileTooLarge();
    if (size === 0) throw ApiProblem.validation([{ pointer: '/file', message: 'Filen är tom.' }]);
    if (!contentMatches(ext, head))
      throw this.unsupported(`Filens innehåll stämmer inte med filändelsen .${ext}.`);
    return { size, sha256: hash.digest('hex') };
  }

  async download(
    p: Principal,
    id: string,
    attachmentId: string,
  ): Promise<{ row: AttachmentRow; content: Readable }> {
    await this.readable(p, id);
    const row = await this.repo.attachment(id, attachmentId);
    if (!row) throw ApiProblem.notFound('Underlaget');
    return { row, content: await this.storage.get(row.storageKey) };
  }

  async remove(p: Principal, id: string, attachmentId: string): Promise<void> {
    const doc = await this.readable(p, id);
    const row = await this.repo.attachment(id, attachmentId);
    if (!row) throw ApiProblem.notFound('Underlaget');
    if (doc.final) throw this.finalRefusal();
    if (!this.mayRemove(row, p, doc))
      throw ApiProblem.forbidden(
        'Bara den som lade till underlaget (eller en administratör) kan ta bort det.',
      );
    if (await this.repo.removeAttachment(row, p.userId, new Date()))
      await this.storage.delete(row.storageKey).catch(() => undefined);
  }

  /** The attachments of documents (for the PDF's list): name, size, SHA-256. */
  attachmentRows(documentId: string): Promise<AttachmentRow[]> {
    return this.repo.attachments(documentId);
  }
}

/** Control characters and the quote, which have no place in a file name. */
const CONTROL = new RegExp(
  `[${String.fromCharCode(0)}-${String.fromCharCode(0x1f)}${String.fromCharCode(0x7f)}"]`,
  'g',
);

/** The file name as the user's system gave it, without a path, control characters or excess length. */
function cleanFileName(raw: string | undefined): string {
  const base = (raw ?? '').split(/[\\/]/).pop() ?? '';
  return base.replace(CONTROL, '').trim().slice(0, 200);
}
