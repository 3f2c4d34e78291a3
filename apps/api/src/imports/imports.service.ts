import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import busboy from 'busboy';
import type { Request } from 'express';
import type { DataSource } from 'typeorm';
import type {
  CreateResponsibilityMappingRequest,
  FinancialImportSettingsView,
  FinancialImportView,
  ResponsibilityMappingView,
} from '@rodtrad/contracts';
import { oreToKronor } from '@rodtrad/domain';
import {
  DeviationThresholds,
  DocumentEngine,
  FinancialImportAdmin,
  ImportFinancialFigures,
  type FinancialFileFormat,
  type FinancialImportResult,
} from '@rodtrad/engine';
import { FinancialImportRepository, type FinancialImportRow } from '@rodtrad/persistence';
import { OrgTreeService } from '../auth/org-tree.service';
import type { Principal } from '../auth/principal';
import { ApiProblem } from '../common/problem/problem';
import { DATA_SOURCE } from '../infrastructure/tokens';

/** Files up to this size are taken (streamed: memory does not grow with the file). */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;

const FORMATS: readonly FinancialFileFormat[] = ['sie', 'csv', 'xlsx'];

/** The format by the file's name: SIE files are named .se (SIE 4), .si or .sie. */
export function formatOfFileName(name: string): FinancialFileFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'se' || ext === 'si' || ext === 'sie') return 'sie';
  if (ext === 'csv' || ext === 'txt') return 'csv';
  if (ext === 'xlsx') return 'xlsx';
  return null;
}

class FileTooLarge extends Error {}

/**
 * Imports from the financial system over HTTP: the upload (multipart, the file streamed into the
 * import), the import log, and the administrator's mappings and settings. Who may: an
 * administrator, or a handläggare at KS or at a förvaltning under KS (the central
 * ekonomiavdelning, which exports from the financial system for every nämnd).
 */
@Injectable()
export class ImportsService {
  private readonly importer: ImportFinancialFigures;
  private readonly admin: FinancialImportAdmin;
  private readonly repo: FinancialImportRepository;

  constructor(
    @Inject(DATA_SOURCE) ds: DataSource,
    engine: DocumentEngine,
    private readonly orgTree: OrgTreeService,
  ) {
    const tree = () => orgTree.tree();
    this.importer = new ImportFinancialFigures(ds, engine, tree, new DeviationThresholds(ds));
    this.admin = new FinancialImportAdmin(ds, tree, this.importer);
    this.repo = new FinancialImportRepository(ds);
  }

  /** Admin anywhere, or handläggare on KS or a förvaltning directly under KS. */
  async requireEconomist(p: Principal): Promise<void> {
    if (p.roles.some((r) => r.role === 'admin')) return;
    const tree = await this.orgTree.tree();
    const central = p.roles.some((r) => {
      if (r.role !== 'handlaggare') return false;
      const unit = tree.get(r.orgUnitId);
      return unit?.kind === 'ks' || (unit?.kind === 'forvaltning' && tree.parent(unit.id)?.kind === 'ks');
    });
    if (!central)
      throw ApiProblem.forbidden(
        'Import från ekonomisystemet görs av en administratör eller en handläggare på kommunstyrelsens förvaltning.',
      );
  }

  async upload(req: Request, p: Principal): Promise<FinancialImportView> {
    await this.requireEconomist(p);
    if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? ''))
      throw ApiProblem.validation([
        { pointer: '/file', message: 'Skicka filen som multipart/form-data i fältet file.' },
      ]);
    const id = await new Promise<string>((resolve, reject) => {
      const fields: Record<string, string> = {};
      let job: Promise<string> | null = null;
      let refusal: ApiProblem | null = null;
      const bb = busboy({
        headers: req.headers,
        limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 10, fieldSize: 1024 },
      });
      bb.on('field', (name, value) => (fields[name] = value));
      bb.on('file', (name, stream, info) => {
        if (name !== 'file' || job || refusal) return void stream.resume();
        refusal = this.fieldProblem(fields, info.filename);
        if (refusal) return void stream.resume();
        stream.on('limit', () => stream.destroy(new FileTooLarge()));
        job = this.importer.run({
          format:
            (fields['format'] as FinancialFileFormat | undefined) ??
            (formatOfFileName(info.filename) as FinancialFileFormat),
          fileName: info.filename || 'fil',
          stream: stream as Readable,
          period: fields['period'] || null,
          userId: p.userId,
        });
        job.catch(() => stream.resume());
      });
      bb.on('error', () => reject(ApiProblem.badRequest('Begäran är inte giltig multipart/form-data.')));
      bb.on('close', () => {
        if (refusal) return reject(refusal);
        if (!job)
          return reject(
            ApiProblem.validation([
              { pointer: '/file', message: 'Välj en fil att importera (fältet file).' },
            ]),
          );
        job.then(resolve, (e: unknown) =>
          reject(
            e instanceof FileTooLarge
              ? new ApiProblem(
                  413,
                  'payload-too-large',
                  'För stor fil',
                  `Filen är större än ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`,
                )
              : e,
          ),
        );
      });
      req.pipe(bb);
    });
    return this.get(id);
  }

  private fieldProblem(fields: Record<string, string>, fileName: string): ApiProblem | null {
    const format = fields['format'];
    if (format !== undefined && !FORMATS.includes(format as FinancialFileFormat))
      return ApiProblem.validation([
        { pointer: '/format', message: 'Formatet ska vara sie, csv eller xlsx.' },
      ]);
    if (format === undefined && !formatOfFileName(fileName))
      return ApiProblem.validation([
        {
          pointer: '/format',
          message: 'Filens format framgår inte av namnet (.se, .csv eller .xlsx): ange format.',
        },
      ]);
    const period = fields['period'];
    if (period && !/^\d{4}-(0[1-9]|1[0-2])$/.test(period))
      return ApiProblem.validation([{ pointer: '/period', message: 'Perioden ska vara ÅÅÅÅ-MM.' }]);
    return null;
  }

  async get(id: string): Promise<FinancialImportView> {
    const row = await this.repo.get(id);
    if (!row) throw ApiProblem.notFound('Importen');
    return view(row);
  }

  async list(): Promise<{ items: FinancialImportView[] }> {
    return { items: (await this.repo.list({ limit: 20 })).map(view) };
  }

  async mappings(): Promise<{ items: ResponsibilityMappingView[] }> {
    return { items: await this.admin.mappings() };
  }

  addMapping(req: CreateResponsibilityMappingRequest, p: Principal): Promise<ResponsibilityMappingView> {
    return this.admin.addMapping(req, p.userId);
  }

  removeMapping(id: string, p: Principal): Promise<void> {
    return this.admin.removeMapping(id, p.userId);
  }

  settings(): Promise<FinancialImportSettingsView> {
    return this.admin.settings();
  }

  saveSettings(s: FinancialImportSettingsView, p: Principal): Promise<FinancialImportSettingsView> {
    return this.admin.saveSettings(
      {
        sieDimension: s.sieDimension,
        netCostAccounts: s.netCostAccounts.map((r) => ({ from: r.from, to: r.to })),
        columnMapping: { ...s.columnMapping, account: s.columnMapping.account ?? null },
      },
      p.userId,
    );
  }
}

function view(row: FinancialImportRow): FinancialImportView {
  const result = row.result as unknown as Partial<FinancialImportResult>;
  return {
    id: row.id,
    format: row.format as FinancialFileFormat,
    fileName: row.fileName,
    sha256: row.sha256,
    sizeBytes: row.sizeBytes,
    importedBy: row.importedBy,
    importedByName: row.importedByName,
    importedAt: row.importedAt.toISOString(),
    status: row.status,
    year: row.year,
    period: row.period,
    linesRead: row.linesRead,
    linesImported: row.linesImported,
    linesSkipped: row.linesSkipped,
    linesRefused: row.linesRefused,
    budget: oreToKronor(row.budgetOre),
    utfall: oreToKronor(row.outcomeOre),
    refused: result.refused ?? [],
    unmapped: result.unmapped ?? [],
    reports: result.reports ?? [],
  };
}
