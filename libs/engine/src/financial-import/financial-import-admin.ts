import type { DataSource } from 'typeorm';
import {
  DEFAULT_COLUMN_MAPPING,
  compareCodes,
  responsibilityRangeProblem,
  type AccountRange,
  type ColumnMapping,
  type OrgTree,
} from '@rodtrad/domain';
import {
  AdminAuditRepository,
  FinancialImportRepository,
  type FinancialImportSettings,
  type ResponsibilityMappingRow,
} from '@rodtrad/persistence';
import { EngineError } from '../engine-error';
import type { ImportFinancialFigures } from './import-financial-figures';

/** Units that own no budget of their own cannot carry a responsibility code. */
const NOT_MAPPABLE = ['kommun', 'kf'];

/**
 * The administrator's side of the financial import: responsibility codes and ranges to units
 * (ranges may not overlap, so a code maps to one unit), the SIE dimension of the responsibility
 * code, the net-cost accounts and the CSV/Excel column mapping. Every change is in the admin audit.
 */
export class FinancialImportAdmin {
  private readonly repo: FinancialImportRepository;
  private readonly audit: AdminAuditRepository;

  constructor(
    private readonly ds: DataSource,
    private readonly orgTree: () => Promise<OrgTree>,
    private readonly importer: ImportFinancialFigures,
  ) {
    this.repo = new FinancialImportRepository(ds);
    this.audit = new AdminAuditRepository(ds);
  }

  async mappings(): Promise<ResponsibilityMappingRow[]> {
    return (await this.repo.mappings()).sort((a, b) => compareCodes(a.from, b.from));
  }

  async addMapping(
    req: { from: string; to?: string | null; orgUnitId: string },
    actorUserId: string,
  ): Promise<ResponsibilityMappingRow> {
    const range = { from: req.from.trim(), to: (req.to ?? '').trim() || req.from.trim() };
    const unit = (await this.orgTree()).get(req.orgUnitId);
    if (!unit || NOT_MAPPABLE.includes(unit.kind))
      throw new EngineError('invalid-request', 'Enheten kan inte ha ansvarskoder.', [
        { pointer: '/orgUnitId', message: 'Välj en nämnd, förvaltning, ett område eller en enhet.' },
      ]);
    const id = await this.ds.transaction(async (m) => {
      await this.repo.lockMappings(m);
      const saved = (await this.repo.mappings(m)).map((s) => ({ ...s, unitName: s.orgUnitName }));
      const problem = responsibilityRangeProblem(range, saved);
      if (problem) throw new EngineError('invalid-request', problem.message, [problem]);
      const id = await this.repo.addMapping({ ...range, orgUnitId: unit.id }, m);
      await this.audit.append(
        {
          actorUserId,
          action: 'responsibility-mapping.created',
          entityType: 'responsibility_mapping',
          entityId: id,
          details: { ...range, orgUnitId: unit.id },
        },
        m,
      );
      return id;
    });
    return (await this.repo.mappings()).find((r) => r.id === id) as ResponsibilityMappingRow;
  }

  async removeMapping(id: string, actorUserId: string): Promise<void> {
    const before = (await this.repo.mappings()).find((r) => r.id === id);
    if (!before) throw new EngineError('not-found', 'Kopplingen finns inte.');
    await this.ds.transaction(async (m) => {
      await this.repo.removeMapping(id, m);
      await this.audit.append(
        {
          actorUserId,
          action: 'responsibility-mapping.removed',
          entityType: 'responsibility_mapping',
          entityId: id,
          details: before,
        },
        m,
      );
    });
  }

  /** The settings in force, with the defaults where the administrator has chosen nothing. */
  async settings(): Promise<FinancialImportSettings & { columnMapping: ColumnMapping }> {
    const s = await this.importer.settings();
    return { ...s, columnMapping: s.columnMapping ?? DEFAULT_COLUMN_MAPPING };
  }

  async saveSettings(
    s: { sieDimension: number; netCostAccounts: AccountRange[]; columnMapping: ColumnMapping },
    actorUserId: string,
  ): Promise<FinancialImportSettings & { columnMapping: ColumnMapping }> {
    s.netCostAccounts.forEach((r, i) => {
      if (compareCodes(r.from, r.to) > 0 && r.from.length === r.to.length)
        throw new EngineError('invalid-request', 'Ett kontointervall slutar före det börjar.', [
          { pointer: `/netCostAccounts/${i}/to`, message: 'Intervallets slut ligger före dess början.' },
        ]);
    });
    const seen = new Set<string>();
    for (const [field, heading] of Object.entries(s.columnMapping)) {
      if (heading === null) continue;
      const key = heading.trim().toLowerCase();
      if (seen.has(key))
        throw new EngineError('invalid-request', 'Två fält har samma kolumnrubrik.', [
          {
            pointer: `/columnMapping/${field}`,
            message: `Rubriken "${heading}" används redan för ett annat fält.`,
          },
        ]);
      seen.add(key);
    }
    const settings = {
      sieDimension: s.sieDimension,
      netCostAccounts: s.netCostAccounts.map((r) => ({ from: r.from.trim(), to: r.to.trim() })),
      columnMapping: {
        period: s.columnMapping.period.trim(),
        code: s.columnMapping.code.trim(),
        account: s.columnMapping.account?.trim() || null,
        budget: s.columnMapping.budget.trim(),
        outcome: s.columnMapping.outcome.trim(),
      },
    };
    await this.ds.transaction(async (m) => {
      await this.repo.saveSettings(settings, m);
      await this.audit.append(
        {
          actorUserId,
          action: 'financial-import.settings-saved',
          entityType: 'financial_import_setting',
          entityId: '1',
          details: settings,
        },
        m,
      );
    });
    return settings;
  }
}
