import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { ZipFile } from 'yazl';
import type { AppConfig } from '@rodtrad/config';
import {
  DOCUMENT_TYPES,
  isDocumentTypeKey,
  metsManifest,
  type ManifestDocument,
  type ManifestFile,
} from '@rodtrad/domain';
import { decisionOf, DefinitionStore, DocumentPublisher, OrgTreeCache } from '@rodtrad/engine';
import { JOBS, QUEUES, type JobData } from '@rodtrad/jobs';
import {
  ArchivePackageRepository,
  DocumentAuditRepository,
  DocumentRepository,
  fromJsonColumn,
} from '@rodtrad/persistence';
import { stateMeta, type WorkflowDefinition } from '@rodtrad/workflow';
import type { JobHandler } from '../queues/job-handler';
import { WORKER_CONFIG, WORKER_DATA_SOURCE } from '../tokens';

const json = (v: unknown) => Buffer.from(JSON.stringify(v, null, 2) + '\n', 'utf8');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Events whose transition takes a diarienummer: the first such entry dates the registration. */
function registeringEvents(definition: WorkflowDefinition): Set<string> {
  const events = new Set<string>();
  const walk = (states: Record<string, unknown> | undefined) => {
    for (const s of Object.values(states ?? {}) as {
      on?: Record<string, unknown>;
      states?: Record<string, unknown>;
    }[]) {
      for (const [event, t] of Object.entries(s.on ?? {}))
        if (JSON.stringify(t).includes('"assignDiarienummer"')) events.add(event);
      walk(s.states);
    }
  };
  walk(definition.machine.states as Record<string, unknown>);
  return events;
}

/**
 * The archive package of a closed year (#20): every document of the year with its PDF (the one
 * frozen at adoption, else rendered now), its data, its full audit trail and its registration
 * metadata, a METS manifest with the SHA-256 of every file and a checksum list over all of them,
 * in one zip under ARCHIVE_DIR. Progress goes to archive_package (and the job's progress) after
 * every document. A newer request for the year supersedes this job: it stops and leaves no file.
 */
@Injectable()
export class BuildArchivePackageJob implements JobHandler<typeof JOBS.buildArchivePackage> {
  readonly queue = QUEUES.archive;
  readonly name = JOBS.buildArchivePackage;
  private readonly logger = new Logger('BuildArchivePackage');
  private readonly packages: ArchivePackageRepository;
  private readonly audit: DocumentAuditRepository;

  constructor(
    @Inject(WORKER_CONFIG) private readonly config: AppConfig,
    @Inject(WORKER_DATA_SOURCE) private readonly ds: DataSource,
    private readonly documents: DocumentRepository,
    private readonly publisher: DocumentPublisher,
    private readonly definitions: DefinitionStore,
    private readonly orgTree: OrgTreeCache,
  ) {
    this.packages = new ArchivePackageRepository(ds);
    this.audit = new DocumentAuditRepository(ds);
  }

  async handle(job: Job<JobData<typeof JOBS.buildArchivePackage>>): Promise<unknown> {
    const { year } = job.data;
    const requestedAt = new Date(job.data.requestedAt);
    const row = await this.packages.get(year);
    if (!row || new Date(row.requestedAt).getTime() !== requestedAt.getTime() || row.status === 'done')
      return { skipped: 'superseded or done' };
    const dir = resolve(this.config.archiveDir);
    await mkdir(dir, { recursive: true });
    const fileName = `arkivpaket-${year}-${requestedAt.getTime()}.zip`;
    const part = join(dir, `${fileName}.part`);
    try {
      const result = await this.build(year, requestedAt, part, async (done, total) => {
        await this.packages.progress(year, requestedAt, { status: 'running', done, total });
        await job.updateProgress({ done, total });
      });
      const current = await this.packages.get(year);
      if (!current || new Date(current.requestedAt).getTime() !== requestedAt.getTime()) {
        await rm(part, { force: true });
        return { skipped: 'superseded' };
      }
      await rename(part, join(dir, fileName));
      await this.packages.progress(year, requestedAt, {
        status: 'done',
        fileName,
        sha256: result.sha256,
        byteLength: result.bytes,
        finishedAt: new Date(),
      });
      this.logger.log(`Archive package ${year}: ${result.documents} documents, ${result.bytes} bytes`);
      return { documents: result.documents, sha256: result.sha256 };
    } catch (e) {
      await rm(part, { force: true });
      await this.packages.progress(year, requestedAt, {
        status: 'failed',
        error: (e as Error).message.slice(0, 500),
        finishedAt: new Date(),
      });
      throw e;
    }
  }

  private async build(
    year: number,
    requestedAt: Date,
    path: string,
    progress: (done: number, total: number) => Promise<void>,
  ): Promise<{ documents: number; bytes: number; sha256: string }> {
    const tree = await this.orgTree.tree();
    const municipality = (tree.roots().find((u) => u.kind === 'kommun') ?? tree.roots()[0])?.name ?? '';
    const ids: { id: string }[] = await this.ds.query(
      'SELECT id FROM document WHERE year = ? ORDER BY type, org_unit_id, period, id',
      [year],
    );
    const zip = new ZipFile();
    const out = createWriteStream(path);
    const written = new Promise<void>((ok, fail) => {
      out.on('close', ok);
      out.on('error', fail);
      zip.outputStream.on('error', fail);
    });
    zip.outputStream.pipe(out);
    const root = `arkivpaket-${year}`;
    const checksums: string[] = [];
    const add = (path: string, content: Buffer, mimeType: string, use: string): ManifestFile => {
      zip.addBuffer(content, `${root}/${path}`, { mtime: requestedAt });
      const file = { path, mimeType, size: content.length, sha256: sha256(content), use };
      checksums.push(`${file.sha256}  ${path}`);
      return file;
    };

    const manifestDocs: ManifestDocument[] = [];
    await progress(0, ids.length);
    for (const [i, { id }] of ids.entries()) {
      const doc = await this.documents.get(id);
      if (!doc) continue;
      const def = await this.definitions.load(doc.definitionId);
      const typeTitle = isDocumentTypeKey(doc.type) ? DOCUMENT_TYPES[doc.type].title : doc.type;
      const body = tree.has(doc.orgUnitId)
        ? (tree.namndOf(doc.orgUnitId) ?? tree.get(doc.orgUnitId))
        : undefined;
      const pdf = doc.final ? await this.publisher.freeze(doc) : null;
      const pdfBytes = pdf?.content ?? (await this.publisher.render(doc));
      const trail = await this.audit.history(doc.id);
      const adminTrail: Record<string, unknown>[] = await this.ds.query(
        `SELECT seq, at, actor_user_id AS actorUserId, action, details, prev_hash AS prevHash, hash, key_id AS keyId
           FROM admin_audit WHERE entity_type = 'document' AND entity_id = ? ORDER BY seq`,
        [doc.id],
      );
      const secrecy = await this.publisher.store.secrecy(doc.id);
      const registering = registeringEvents(def.definition);
      const registered = doc.diarienummer ? trail.find((e) => registering.has(e.event)) : undefined;
      const decision = decisionOf(def.definition, doc.data);
      const dir = `dokument/${doc.id}`;
      const files = [
        add(`${dir}/dokument.pdf`, pdfBytes, 'application/pdf', 'Dokument'),
        add(`${dir}/data.json`, json(doc.data ?? {}), 'application/json', 'Data'),
        add(
          `${dir}/revisionsspar.json`,
          json({
            dokumentkedja: trail.map((e) => ({ ...e, at: new Date(e.at).toISOString() })),
            administrativaPoster: adminTrail.map((e) => ({
              ...e,
              at: new Date(e['at'] as string).toISOString(),
              details: fromJsonColumn(e['details']),
            })),
          }),
          'application/json',
          'Revisionsspår',
        ),
        add(
          `${dir}/registrering.json`,
          json({
            id: doc.id,
            diarienummer: doc.diarienummer,
            dokumenttyp: doc.type,
            typnamn: typeTitle,
            titel: doc.title,
            organ: body?.name ?? null,
            enhet: tree.get(doc.orgUnitId)?.name ?? doc.orgUnitName ?? null,
            ar: doc.year,
            period: doc.period || null,
            status: stateMeta(def.definition, doc.state)?.title ?? doc.state,
            slutsteg: doc.final,
            upprattad: new Date(doc.createdAt).toISOString(),
            inlamnad: doc.submittedAt ? new Date(doc.submittedAt).toISOString() : null,
            registrerad: registered ? new Date(registered.at).toISOString() : null,
            beslutad: doc.decidedAt ? new Date(doc.decidedAt).toISOString() : null,
            beslutsdatum: decision.date,
            paragraf: decision.paragraph,
            arbetsflode: { nyckel: def.key, version: def.version },
            pdf: pdf
              ? {
                  fryst: true,
                  sha256: pdf.sha256,
                  frystVid: new Date(pdf.frozenAt).toISOString(),
                  layout: pdf.layoutVersion,
                }
              : { fryst: false, sha256: sha256(pdfBytes) },
            sekretess: secrecy.map((s) => ({ falt: s.pointer || null, paragraf: s.paragraph })),
          }),
          'application/json',
          'Registrering',
        ),
      ];
      manifestDocs.push({ id: doc.id, label: doc.title, type: typeTitle, files });
      await progress(i + 1, ids.length);
    }
    const packageFile = add(
      'paket.json',
      json({
        kommun: municipality,
        ar: year,
        skapat: requestedAt.toISOString(),
        dokument: manifestDocs.length,
        programvara: 'Rödtråd',
        manifest: 'METS.xml (METS 1.12.1)',
        kontrollsummor: 'checksums.sha256 (SHA-256, alla filer)',
      }),
      'application/json',
      'Paket',
    );
    const mets = Buffer.from(
      metsManifest({
        objid: `urn:rodtrad:arkivpaket:${year}:${requestedAt.getTime()}`,
        label: `${municipality}: styrdokument och rapporter ${year}`,
        createdAt: requestedAt,
        organisation: municipality,
        software: 'Rödtråd',
        documents: manifestDocs,
        packageFiles: [packageFile],
      }),
      'utf8',
    );
    zip.addBuffer(mets, `${root}/METS.xml`, { mtime: requestedAt });
    checksums.push(`${sha256(mets)}  METS.xml`);
    zip.addBuffer(Buffer.from(checksums.join('\n') + '\n', 'utf8'), `${root}/checksums.sha256`, {
      mtime: requestedAt,
    });
    zip.end();
    await written;
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    return { documents: manifestDocs.length, bytes: (await stat(path)).size, sha256: hash.digest('hex') };
  }
}
