import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AccountRange, ColumnMapping, MonthFigure } from '@rodtrad/domain';
import type { Queryable } from './batched-transaction';
import { fromJsonColumn } from './json-column';

/** The administrator's choices for imports from the financial system (one row). */
export interface FinancialImportSettings {
  sieDimension: number;
  netCostAccounts: AccountRange[];
  columnMapping: ColumnMapping | null;
}

export interface ResponsibilityMappingRow {
  id: string;
  from: string;
  to: string;
  orgUnitId: string;
  orgUnitName: string;
}

/** One import as stored: the audit record and its result. */
export interface FinancialImportRow {
  id: string;
  format: string;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  importedBy: string | null;
  importedByName: string | null;
  importedAt: Date;
  status: 'imported' | 'rejected';
  year: number | null;
  period: string | null;
  linesRead: number;
  linesImported: number;
  linesSkipped: number;
  linesRefused: number;
  budgetOre: number;
  outcomeOre: number;
  result: Record<string, unknown>;
}

/** Imports from the financial system: settings, code mapping, the stored figures and the import log. */
export class FinancialImportRepository {
  constructor(private readonly ds: DataSource) {}

  async settings(m: Queryable = this.ds): Promise<Partial<FinancialImportSettings>> {
    const [row] = await m.query(
      'SELECT sie_dimension AS sieDimension, net_cost_accounts AS netCost, column_mapping AS columns FROM financial_import_setting WHERE id = 1',
    );
    if (!row) return {};
    return {
      sieDimension: Number(row.sieDimension),
      ...(row.netCost ? { netCostAccounts: fromJsonColumn<AccountRange[]>(row.netCost) } : {}),
      columnMapping: row.columns ? fromJsonColumn<ColumnMapping>(row.columns) : null,
    };
  }

  async saveSettings(s: FinancialImportSettings, m: Queryable): Promise<void> {
    await m.query(
      `INSERT INTO financial_import_setting (id, sie_dimension, net_cost_accounts, column_mapping, updated_at)
       VALUES (1, ?, ?, ?, CURRENT_TIMESTAMP(3))
       ON DUPLICATE KEY UPDATE sie_dimension = VALUES(sie_dimension), net_cost_accounts = VALUES(net_cost_accounts),
         column_mapping = VALUES(column_mapping), updated_at = VALUES(updated_at)`,
      [
        s.sieDimension,
        JSON.stringify(s.netCostAccounts),
        s.columnMapping ? JSON.stringify(s.columnMapping) : null,
      ],
    );
  }

  async mappings(m: Queryable = this.ds): Promise<ResponsibilityMappingRow[]> {
    const rows: Record<string, unknown>[] = await m.query(
      `SELECT r.id, r.code_from AS codeFrom, r.code_to AS codeTo, r.org_unit_id AS orgUnitId, u.name AS orgUnitName
         FROM responsibility_mapping r JOIN org_unit u ON u.id = r.org_unit_id`,
    );
    return rows.map((r) => ({
      id: String(r['id']),
      from: String(r['codeFrom']),
      to: String(r['codeTo']),
      orgUnitId: String(r['orgUnitId']),
      orgUnitName: String(r['orgUnitName']),
    }));
  }

  /** Adds a mapping after locking the table's rows, so two overlapping ranges cannot both pass the check. */
  async lockMappings(m: Queryable): Promise<void> {
    await m.query('SELECT id FROM responsibility_mapping FOR UPDATE');
  }

  async addMapping(r: { from: string; to: string; orgUnitId: string }, m: Queryable): Promise<string> {
    const id = randomUUID();
    await m.query(
      'INSERT INTO responsibility_mapping (id, code_from, code_to, org_unit_id) VALUES (?, ?, ?, ?)',
      [id, r.from, r.to, r.orgUnitId],
    );
    return id;
  }

  async removeMapping(id: string, m: Queryable): Promise<boolean> {
    const res = await m.query('DELETE FROM responsibility_mapping WHERE id = ?', [id]);
    return Number(res.affectedRows ?? 0) === 1;
  }

  /** Replaces the stored figures of every month the import carries (each month wholly: idempotent). */
  async replaceMonths(importId: string, figures: readonly MonthFigure[], m: Queryable): Promise<void> {
    const months = new Map<string, [number, number]>();
    for (const f of figures) months.set(`${f.year}-${f.month}`, [f.year, f.month]);
    for (const [year, month] of months.values())
      await m.query('DELETE FROM financial_figure WHERE year = ? AND month = ?', [year, month]);
    for (let i = 0; i < figures.length; i += 500) {
      const chunk = figures.slice(i, i + 500);
      await m.query(
        `INSERT INTO financial_figure (year, month, code, budget_ore, outcome_ore, import_id) VALUES ${chunk
          .map(() => '(?, ?, ?, ?, ?, ?)')
          .join(', ')}`,
        chunk.flatMap((f) => [f.year, f.month, f.code, f.budgetOre, f.outcomeOre, importId]),
      );
    }
  }

  async figuresOfYear(year: number, m: Queryable = this.ds): Promise<MonthFigure[]> {
    const rows: Record<string, unknown>[] = await m.query(
      `SELECT year, month, code, budget_ore AS budgetOre, outcome_ore AS outcomeOre
         FROM financial_figure WHERE year = ?`,
      [year],
    );
    return rows.map((r) => ({
      year: Number(r['year']),
      month: Number(r['month']),
      code: String(r['code']),
      budgetOre: Number(r['budgetOre']),
      outcomeOre: Number(r['outcomeOre']),
    }));
  }

  async insertImport(row: Omit<FinancialImportRow, 'importedByName'>, m: Queryable): Promise<void> {
    await m.query(
      `INSERT INTO financial_import (id, format, file_name, sha256, size_bytes, imported_by, imported_at, status,
         year, period, lines_read, lines_imported, lines_skipped, lines_refused, budget_ore, outcome_ore, result)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        row.id,
        row.format,
        row.fileName,
        row.sha256,
        row.sizeBytes,
        row.importedBy,
        row.importedAt,
        row.status,
        row.year,
        row.period,
        row.linesRead,
        row.linesImported,
        row.linesSkipped,
        row.linesRefused,
        row.budgetOre,
        row.outcomeOre,
        JSON.stringify(row.result),
      ],
    );
  }

  async get(id: string): Promise<FinancialImportRow | null> {
    const [row] = await this.list({ id, limit: 1 });
    return row ?? null;
  }

  async list({ id, limit = 20 }: { id?: string; limit?: number } = {}): Promise<FinancialImportRow[]> {
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT i.*, u.name AS importedByName FROM financial_import i
         LEFT JOIN app_user u ON u.id = i.imported_by
        ${id ? 'WHERE i.id = ?' : ''} ORDER BY i.imported_at DESC LIMIT ?`,
      id ? [id, limit] : [limit],
    );
    return rows.map((r) => ({
      id: String(r['id']),
      format: String(r['format']),
      fileName: String(r['file_name']),
      sha256: String(r['sha256']),
      sizeBytes: Number(r['size_bytes']),
      importedBy: r['imported_by'] ? String(r['imported_by']) : null,
      importedByName: r['importedByName'] ? String(r['importedByName']) : null,
      importedAt: new Date(r['imported_at'] as string),
      status: r['status'] as 'imported' | 'rejected',
      year: r['year'] === null ? null : Number(r['year']),
      period: r['period'] === null ? null : String(r['period']),
      linesRead: Number(r['lines_read']),
      linesImported: Number(r['lines_imported']),
      linesSkipped: Number(r['lines_skipped']),
      linesRefused: Number(r['lines_refused']),
      budgetOre: Number(r['budget_ore']),
      outcomeOre: Number(r['outcome_ore']),
      result: fromJsonColumn<Record<string, unknown>>(r['result']),
    }));
  }
}
