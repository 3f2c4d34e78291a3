import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import {
  DEFAULT_COLUMN_MAPPING,
  DEFAULT_NET_COST_ACCOUNTS,
  DEFAULT_RESPONSIBILITY_DIMENSION,
  FigureAccumulator,
  Sie4Reader,
  TableReader,
  detectDelimiter,
  monthPeriodKey,
  oreToKronor,
  parseImportPeriod,
  reportPeriodEnd,
  splitCsvLine,
  unitOfCode,
  unitsOfReport,
  yearToDate,
  type DocumentTypeKey,
  type LineError,
  type MonthFigure,
  type OrgTree,
} from '@rodtrad/domain';
import {
  AdminAuditRepository,
  FinancialImportRepository,
  fromJsonColumn,
  type FinancialImportRow,
  type FinancialImportSettings,
} from '@rodtrad/persistence';
import { stateMeta } from '@rodtrad/workflow';
import type { DeviationThresholds } from '../deviation-thresholds';
import type { DocumentEngine } from '../document-engine';
import { EngineError } from '../engine-error';
import { decodedLines, digesting } from './file-lines';

export type FinancialFileFormat = 'sie' | 'csv' | 'xlsx';

/** At most this many refused lines are kept with an import (the count is always exact). */
export const MAX_REFUSED_KEPT = 1_000;

export interface FinancialImportCommand {
  format: FinancialFileFormat;
  fileName: string;
  stream: Readable;
  /** The month the reports are filled for (`ÅÅÅÅ-MM`); by default the file's last month with outcome. */
  period?: string | null;
  /** Who imports: recorded on the import, in the admin audit and on each report's audit entry. */
  userId: string;
}

/** What happened to one report of the period. */
/** The reports an import fills. */
export type FilledReportType = 'manadsrapport' | 'tertialrapport' | 'delarsrapport';

export interface FilledReport {
  documentId: string;
  type: FilledReportType;
  period: string;
  orgUnitId: string;
  orgUnitName: string;
  /** filled: figures written; unchanged: they were already the imported ones; refused: not editable (reason). */
  outcome: 'filled' | 'unchanged' | 'refused' | 'no-figures';
  reason: string | null;
  periodbudget: number | null;
  utfall: number | null;
  prognos: number | null;
  /** KF's frame for the nämnd (the report's read-only arsbudget), kronor of net cost. */
  arsbudget: number | null;
  /** The financial system's budget for the whole year, summed over the nämnd's codes. */
  importedArsbudget: number | null;
  /** importedArsbudget − arsbudget: shown, never written over KF's figure. */
  arsbudgetDifference: number | null;
}

export interface UnmappedCode {
  code: string;
  name: string | null;
  budget: number;
  utfall: number;
}

export interface FinancialImportResult {
  refused: LineError[];
  unmapped: UnmappedCode[];
  reports: FilledReport[];
}

type Row = Record<string, unknown>;
const REPORT_TYPES: readonly FilledReportType[] = ['manadsrapport', 'tertialrapport', 'delarsrapport'];

/** The reports a month fills: its månadsrapport, and the tertial (April) or interim (July) report. */
function reportsOfMonth(year: number, month: number): { type: FilledReportType; period: string }[] {
  const out: { type: FilledReportType; period: string }[] = [
    { type: 'manadsrapport', period: monthPeriodKey(year, month) },
  ];
  if (month === 4) out.push({ type: 'tertialrapport', period: 'T1' });
  if (month === 7) out.push({ type: 'delarsrapport', period: 'D1' });
  return out;
}

/** An Excel cell's value as the row reader takes it (formulas by their result, rich text as text). */
function cellValue(v: unknown): string | number | boolean | Date | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  const o = v as Row;
  if ('result' in o) return cellValue(o['result']);
  if (Array.isArray(o['richText'])) return (o['richText'] as { text: string }[]).map((t) => t.text).join('');
  if ('text' in o) return cellValue(o['text']);
  return String(v);
}

/**
 * Imports budget and outcome from the financial system (SIE 4, CSV or Excel) and fills the month's
 * reports. In one pass over the stream: the SHA-256, the lines, and the sums by month and
 * responsibility code. A file with any refused line imports nothing (the import is kept, rejected,
 * with every reason). Otherwise, in one transaction, the months the file carries replace those
 * stored (so the same file twice changes nothing the second time), the import and its admin audit
 * entry are written; then each report of the period whose nämnd has mapped codes is filled while
 * it is in its first (draft) step: `periodbudget` and `utfall` year to date, `prognos` kept or
 * prefilled from the nämnd's last report, `arsbudget` left to KF's frame (a difference is shown).
 */
export class ImportFinancialFigures {
  private readonly repo: FinancialImportRepository;
  private readonly audit: AdminAuditRepository;

  constructor(
    private readonly ds: DataSource,
    private readonly engine: DocumentEngine,
    private readonly orgTree: () => Promise<OrgTree>,
    private readonly frames: DeviationThresholds,
  ) {
    this.repo = new FinancialImportRepository(ds);
    this.audit = new AdminAuditRepository(ds);
  }

  async settings(): Promise<FinancialImportSettings> {
    const s = await this.repo.settings();
    return {
      sieDimension: s.sieDimension ?? DEFAULT_RESPONSIBILITY_DIMENSION,
      netCostAccounts: s.netCostAccounts ?? [...DEFAULT_NET_COST_ACCOUNTS],
      columnMapping: s.columnMapping ?? null,
    };
  }

  async run(cmd: FinancialImportCommand): Promise<string> {
    const settings = await this.settings();
    const ranges = await this.repo.mappings();
    const acc = new FigureAccumulator(settings.netCostAccounts);
    const { stream, digest } = digesting(cmd.stream);
    const parsed = await this.parse(cmd.format, stream, settings, acc);
    const { sha256, sizeBytes } = digest();
    const errors = [...parsed.errors];

    const years = [...new Set(acc.months().map((m) => m.year))];
    if (years.length > 1)
      errors.push({
        line: 0,
        reason: `Filen har belopp för flera år (${years.join(', ')}); importera ett räkenskapsår i taget.`,
      });
    const year = years[0] ?? null;
    let month: number | null = null;
    if (cmd.period) {
      const at = parseImportPeriod(cmd.period);
      if (!at || (year !== null && at.year !== year))
        errors.push({
          line: 0,
          reason: `Perioden ${cmd.period} ligger inte i filens år (${year ?? 'inget'}).`,
        });
      else month = at.month;
    } else {
      const figures = acc.figures();
      const withOutcome = figures.filter((f) => f.outcomeOre !== 0);
      month = (withOutcome.length ? withOutcome : figures).reduce<number | null>(
        (m, f) => Math.max(m ?? 0, f.month),
        null,
      );
    }
    errors.sort((a, b) => a.line - b.line);

    const figures = acc.figures();
    const totals = acc.totals();
    const id = randomUUID();
    const rejected = errors.length > 0;
    const unmapped = rejected ? [] : this.unmapped(figures, ranges, parsed.names);
    const row: Omit<FinancialImportRow, 'importedByName'> = {
      id,
      format: cmd.format,
      fileName: cmd.fileName.slice(0, 255),
      sha256,
      sizeBytes,
      importedBy: cmd.userId,
      importedAt: new Date(),
      status: rejected ? 'rejected' : 'imported',
      year,
      period: year !== null && month !== null ? monthPeriodKey(year, month) : null,
      linesRead: parsed.linesRead,
      linesImported: rejected ? 0 : acc.imported,
      linesSkipped: rejected ? 0 : parsed.linesRead - acc.imported - errors.length,
      linesRefused: errors.length,
      budgetOre: rejected ? 0 : totals.budgetOre,
      outcomeOre: rejected ? 0 : totals.outcomeOre,
      result: {
        refused: errors.slice(0, MAX_REFUSED_KEPT),
        unmapped,
        reports: [],
      } satisfies FinancialImportResult,
    };
    await this.ds.transaction(async (m) => {
      if (!rejected) await this.repo.replaceMonths(id, figures, m);
      await this.repo.insertImport(row, m);
      await this.audit.append(
        {
          actorUserId: cmd.userId,
          action: rejected ? 'financial-import.rejected' : 'financial-import.imported',
          entityType: 'financial_import',
          entityId: id,
          details: {
            format: row.format,
            fileName: row.fileName,
            sha256,
            sizeBytes,
            period: row.period,
            linesRead: row.linesRead,
            linesImported: row.linesImported,
            linesRefused: row.linesRefused,
            budget: oreToKronor(row.budgetOre),
            utfall: oreToKronor(row.outcomeOre),
            unmappedCodes: unmapped.map((u) => u.code),
          },
        },
        m,
      );
    });
    if (!rejected && year !== null && month !== null) {
      const reports = await this.fill(year, month, ranges, cmd.userId);
      await this.ds.query('UPDATE financial_import SET result = ? WHERE id = ?', [
        JSON.stringify({ ...row.result, reports }),
        id,
      ]);
    }
    return id;
  }

  private async parse(
    format: FinancialFileFormat,
    stream: Readable,
    settings: FinancialImportSettings,
    acc: FigureAccumulator,
  ): Promise<{ errors: LineError[]; linesRead: number; names: Map<string, string> }> {
    if (format === 'sie') {
      const dim = settings.sieDimension;
      const reader = new Sie4Reader((b) => {
        const only = b.objects.length === 1 && b.objects[0]?.dimension === dim ? b.objects[0].code : null;
        if (b.yearIndex !== 0 || only === null) acc.skip();
        else acc.add(b.kind, b, only, b.account, b.amountOre);
      });
      for await (const { text, line } of decodedLines(stream, 'sie')) reader.line(text, line);
      reader.finish();
      const names = new Map<string, string>();
      for (const code of acc.codes) {
        const name = reader.objectName(dim, code);
        if (name !== undefined) names.set(code, name);
      }
      return { errors: reader.errors, linesRead: reader.linesRead, names };
    }
    const reader = new TableReader(settings.columnMapping ?? DEFAULT_COLUMN_MAPPING, (r) =>
      acc.addRow(r, r.code, r.account, r.budgetOre, r.outcomeOre),
    );
    if (format === 'csv') {
      let delimiter: string | null = null;
      for await (const { text, line } of decodedLines(stream, 'csv')) {
        delimiter ??= detectDelimiter(text);
        const cells = splitCsvLine(text, delimiter);
        if (typeof cells === 'string') {
          reader.linesRead++;
          reader.errors.push({ line, reason: cells });
        } else reader.row(cells, line);
      }
    } else {
      const workbook = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
        worksheets: 'emit',
        sharedStrings: 'cache',
        styles: 'cache',
        hyperlinks: 'ignore',
        entries: 'ignore',
      });
      try {
        // The first worksheet is the export; the others are read past (so the whole file is hashed).
        let first = true;
        for await (const sheet of workbook) {
          for await (const r of sheet)
            if (first) reader.row((r.values as unknown[]).slice(1).map(cellValue), r.number);
          first = false;
        }
      } catch {
        reader.errors.push({ line: 0, reason: 'Filen är ingen Excel-arbetsbok (.xlsx) som går att läsa.' });
        for await (const chunk of stream) void chunk;
      }
    }
    reader.finish();
    return { errors: reader.errors, linesRead: reader.linesRead, names: new Map() };
  }

  private unmapped(
    figures: readonly MonthFigure[],
    ranges: readonly { from: string; to: string; orgUnitId: string }[],
    names: Map<string, string>,
  ): UnmappedCode[] {
    const byCode = new Map<string, { budget: number; outcome: number }>();
    for (const f of figures) {
      if (unitOfCode(f.code, ranges)) continue;
      const s = byCode.get(f.code) ?? { budget: 0, outcome: 0 };
      s.budget += f.budgetOre;
      s.outcome += f.outcomeOre;
      byCode.set(f.code, s);
    }
    return [...byCode.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([code, s]) => ({
        code,
        name: names.get(code) ?? null,
        budget: oreToKronor(s.budget),
        utfall: oreToKronor(s.outcome),
      }));
  }

  private async fill(
    year: number,
    month: number,
    ranges: readonly { from: string; to: string; orgUnitId: string }[],
    userId: string,
  ): Promise<FilledReport[]> {
    const tree = await this.orgTree();
    const figures = await this.repo.figuresOfYear(year);
    const wanted = reportsOfMonth(year, month);
    const docs: Row[] = await this.ds.query(
      `SELECT id, type, org_unit_id AS orgUnitId, period FROM document
        WHERE year = ? AND (${wanted.map(() => '(type = ? AND period = ?)').join(' OR ')})
        ORDER BY type, org_unit_id`,
      [year, ...wanted.flatMap((w) => [w.type, w.period])],
    );
    const out: FilledReport[] = [];
    for (const d of docs) out.push(await this.fillOne(String(d['id']), tree, figures, ranges, month, userId));
    return out.sort(
      (a, b) => a.orgUnitName.localeCompare(b.orgUnitName, 'sv') || a.type.localeCompare(b.type),
    );
  }

  private async fillOne(
    documentId: string,
    tree: OrgTree,
    figures: readonly MonthFigure[],
    ranges: readonly { from: string; to: string; orgUnitId: string }[],
    month: number,
    userId: string,
  ): Promise<FilledReport> {
    const { doc, def } = await this.engine.get(documentId);
    const owner = tree.get(doc.orgUnitId);
    const units = unitsOfReport(tree, doc.orgUnitId);
    const ytd = yearToDate(figures, month, (code) => {
      const unit = unitOfCode(code, ranges);
      return unit !== undefined && units.has(unit);
    });
    const data = (doc.data ?? {}) as Row;
    const ekonomi = (data['ekonomi'] && typeof data['ekonomi'] === 'object' ? data['ekonomi'] : {}) as Row;
    const arsbudget = (await this.frames.frame(doc.orgUnitId, doc.year)) ?? null;
    const base = {
      documentId,
      type: doc.type as FilledReportType,
      period: String(doc.period),
      orgUnitId: doc.orgUnitId,
      orgUnitName: owner?.name ?? '',
      arsbudget,
    };
    if (ytd.codes === 0)
      return {
        ...base,
        outcome: 'no-figures',
        reason: 'Inga ansvarskoder i filen är kopplade till nämndens enheter.',
        periodbudget: null,
        utfall: null,
        prognos: typeof ekonomi['prognos'] === 'number' ? ekonomi['prognos'] : null,
        importedArsbudget: null,
        arsbudgetDifference: null,
      };
    const periodbudget = oreToKronor(ytd.periodbudgetOre);
    const utfall = oreToKronor(ytd.utfallOre);
    const importedArsbudget = oreToKronor(ytd.yearBudgetOre);
    const prognos =
      typeof ekonomi['prognos'] === 'number'
        ? ekonomi['prognos']
        : await this.lastForecast(doc.orgUnitId, doc.year, doc.type as DocumentTypeKey, String(doc.period));
    const figuresOf = {
      ...base,
      periodbudget,
      utfall,
      prognos,
      importedArsbudget,
      arsbudgetDifference: arsbudget === null ? null : importedArsbudget - arsbudget,
    };
    const firstStep = def.definition.machine.initial;
    if (doc.final || doc.state !== firstStep) {
      const step = stateMeta(def.definition, doc.state)?.title ?? doc.state;
      return {
        ...figuresOf,
        prognos: typeof ekonomi['prognos'] === 'number' ? ekonomi['prognos'] : null,
        outcome: 'refused',
        reason: `Rapporten är redan inskickad (steget "${step}") och fylls inte i. Returnera den till utkast och importera igen om siffrorna ska ändras.`,
      };
    }
    if (
      ekonomi['periodbudget'] === periodbudget &&
      ekonomi['utfall'] === utfall &&
      (ekonomi['prognos'] ?? null) === prognos
    )
      return { ...figuresOf, outcome: 'unchanged', reason: null };
    const next: Row = { ...ekonomi, periodbudget, utfall };
    if (prognos !== null) next['prognos'] = prognos;
    try {
      await this.engine.saveData({
        documentId,
        data: { ...data, ekonomi: next },
        expectedVersion: doc.version,
        actor: { userId, roles: [], via: 'system' },
      });
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      return { ...figuresOf, outcome: 'refused', reason: e.message };
    }
    return { ...figuresOf, outcome: 'filled', reason: null };
  }

  /** The forecast of the nämnd's latest report of the year before this one, when it has one. */
  private async lastForecast(
    orgUnitId: string,
    year: number,
    type: DocumentTypeKey,
    period: string,
  ): Promise<number | null> {
    const end = reportPeriodEnd(type, period, year);
    const rows: Row[] = await this.ds.query(
      `SELECT type, period, data FROM document WHERE org_unit_id = ? AND year = ? AND type IN (?, ?, ?)`,
      [orgUnitId, year, ...REPORT_TYPES],
    );
    let best: { end: string; prognos: number } | null = null;
    for (const r of rows) {
      const rEnd = (() => {
        try {
          return reportPeriodEnd(r['type'] as DocumentTypeKey, String(r['period']), year);
        } catch {
          return null;
        }
      })();
      if (!rEnd || rEnd >= end) continue;
      const ek = fromJsonColumn<Row | null>(r['data'])?.['ekonomi'] as Row | undefined;
      const p = ek?.['prognos'];
      if (typeof p === 'number' && (!best || rEnd > best.end)) best = { end: rEnd, prognos: p };
    }
    return best?.prognos ?? null;
  }
}
