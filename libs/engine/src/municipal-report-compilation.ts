import type { DataSource } from 'typeorm';
import {
  balanceStatement,
  compileMunicipalReport,
  readBalanceRequirementInput,
  readFinancialGoals,
  readReportEkonomi,
  type BalanceStatement,
  type FinancialGoalFollowUp,
  type KoladaLink,
  type MunicipalCompilation,
  readKoladaLink,
} from '@rodtrad/domain';
import { fromJsonColumn } from '@rodtrad/persistence';
import { KoladaIndicators, type KoladaIndicatorView } from './kolada/kolada-indicators';
import { goalFulfilmentByArea, type MunicipalGoalFulfilment } from './municipal-goal-fulfilment';

/** The municipality's own reports and the nämnd reports each is compiled from. */
export const MUNICIPAL_REPORT_SOURCES = {
  'delarsrapport-kommunen': { type: 'delarsrapport', period: 'D1', yearEnd: false },
  arsredovisning: { type: 'verksamhetsberattelse', period: null, yearEnd: true },
} as const;

export type MunicipalReportType = keyof typeof MUNICIPAL_REPORT_SOURCES;

export function isMunicipalReportType(value: unknown): value is MunicipalReportType {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(MUNICIPAL_REPORT_SOURCES, value);
}

type GoalWithKolada = FinancialGoalFollowUp & { kolada: KoladaIndicatorView | null };

export interface MunicipalReportView extends Omit<
  MunicipalCompilation,
  'finansiellaMal' | 'malGodEkonomiskHushallning'
> {
  /** KF's goals, each with its Kolada series where the goal is linked to a KPI (#19). */
  finansiellaMal: GoalWithKolada[];
  malGodEkonomiskHushallning: GoalWithKolada[];
  year: number;
  type: MunicipalReportType;
  /** The municipality's report of the year (KS's), or null before the year is opened. */
  documentId: string | null;
  /** KF's adopted Budget och flerårsplan the goals come from, or null when none is adopted. */
  budgetDocumentId: string | null;
  /** The årsredovisning's balanskravsutredning, or null (interim report, or not yet filled in). */
  balanskravsutredning: BalanceStatement | null;
  /**
   * The årsredovisning's goal fulfilment: the nämndmål's indicators at year end rolled up per
   * strategic area, with the kommunledningsgrupp's analysis (#16); null in the interim report.
   */
  maluppfyllelse: MunicipalGoalFulfilment | null;
}

/**
 * Compiles the municipality's interim report or årsredovisning from the stored reports (§5.4.1):
 * every nämnd's, KS's and bolag's report of the same period that has been submitted (so also
 * those decided and adopted), their `ekonomi` summed and each one's deviation listed; KF's
 * financial goals and goals for god ekonomisk hushållning from the adopted Budget och flerårsplan,
 * followed up against the outcomes the finance department states in the municipality's report
 * (`malUtfall`); and, in the årsredovisning, the balanskravsutredning's table.
 */
export class MunicipalReportCompilation {
  /** `koladaMunicipalityId`: the municipality's id in Kolada (KOLADA_MUNICIPALITY_ID). */
  constructor(
    private readonly ds: DataSource,
    private readonly koladaMunicipalityId = '1861',
  ) {}

  async compile(year: number, type: MunicipalReportType): Promise<MunicipalReportView> {
    const source = MUNICIPAL_REPORT_SOURCES[type];
    const reports: {
      id: string;
      state: string;
      data: unknown;
      orgUnitId: string;
      code: string;
      name: string;
    }[] = await this.ds.query(
      `SELECT d.id, d.state, d.data, d.org_unit_id AS orgUnitId, u.code, u.name
         FROM document d JOIN org_unit u ON u.id = d.org_unit_id
        WHERE d.type = ? AND d.year = ? AND d.period = ? AND d.submitted_at IS NOT NULL`,
      [source.type, year, source.period ?? ''],
    );
    const [budget] = await this.ds.query(
      `SELECT id, data FROM document WHERE type = 'budget-och-flerarsplan' AND year = ? AND final = 1
        ORDER BY decided_at DESC LIMIT 1`,
      [year],
    );
    const [own] = await this.ds.query(
      'SELECT id, data FROM document WHERE type = ? AND year = ? ORDER BY created_at LIMIT 1',
      [type, year],
    );
    const budgetData = (budget ? fromJsonColumn<Record<string, unknown>>(budget.data) : null) ?? {};
    const ownData = (own ? fromJsonColumn<Record<string, unknown>>(own.data) : null) ?? {};
    const budgetGoals = [
      ...asArray(budgetData['finansiellaMal']),
      ...asArray(budgetData['malGodEkonomiskHushallning']),
    ];
    const linkOf = (g: { mal: string; indikator: string }) =>
      readKoladaLink(
        budgetGoals.find((b) => b['mal'] === g.mal && b['indikator'] === g.indikator)?.['kolada'],
      );
    const links = budgetGoals.map((b) => readKoladaLink(b['kolada'])).filter((l): l is KoladaLink => !!l);
    const kolada = links.length
      ? await new KoladaIndicators(this.ds, this.koladaMunicipalityId).load(links)
      : null;
    const stated = readOutcomes(ownData['malUtfall']);
    // An outcome the finance department states wins; a linked goal without one takes Kolada's value of the year.
    const fromKolada = [
      ...readFinancialGoals(budgetData['finansiellaMal']),
      ...readFinancialGoals(budgetData['malGodEkonomiskHushallning']),
    ].flatMap((g) => {
      const link = linkOf(g);
      if (!link || !kolada || stated.some((o) => o.indikator === g.indikator && o.utfall !== null)) return [];
      const point = kolada(link, year).serie.find((p) => p.year === year);
      return point && point.value !== null ? [{ indikator: g.indikator, utfall: point.value }] : [];
    });
    const withKolada = (goals: FinancialGoalFollowUp[]): GoalWithKolada[] =>
      goals.map((g) => {
        const link = linkOf(g);
        return { ...g, kolada: link && kolada ? kolada(link, year) : null };
      });
    const compiled = compileMunicipalReport({
      units: reports.map((r) => ({
        orgUnitId: String(r.orgUnitId),
        code: String(r.code),
        name: String(r.name),
        documentId: String(r.id),
        state: String(r.state),
        ekonomi: readReportEkonomi(
          (fromJsonColumn<Record<string, unknown>>(r.data) ?? {})['ekonomi'],
          source.yearEnd,
        ),
      })),
      finansiellaMal: readFinancialGoals(budgetData['finansiellaMal']),
      malGodEkonomiskHushallning: readFinancialGoals(budgetData['malGodEkonomiskHushallning']),
      outcomes: [...stated.filter((o) => o.utfall !== null), ...fromKolada],
    });
    const statement =
      type === 'arsredovisning' ? readBalanceRequirementInput(ownData['balanskravsutredning']) : undefined;
    return {
      year,
      type,
      documentId: own ? String(own.id) : null,
      budgetDocumentId: budget ? String(budget.id) : null,
      ...compiled,
      finansiellaMal: withKolada(compiled.finansiellaMal),
      malGodEkonomiskHushallning: withKolada(compiled.malGodEkonomiskHushallning),
      balanskravsutredning: statement ? balanceStatement(statement) : null,
      maluppfyllelse:
        type === 'arsredovisning'
          ? await goalFulfilmentByArea(this.ds, year, ownData['maluppfyllelseAnalys'])
          : null,
    };
  }
}

const asArray = (v: unknown): Record<string, unknown>[] =>
  Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => !!x && typeof x === 'object') : [];

function readOutcomes(value: unknown): { indikator: string; utfall: number | null }[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((v) => {
    const o = (v && typeof v === 'object' ? v : {}) as Record<string, unknown>;
    return typeof o['indikator'] === 'string'
      ? [{ indikator: o['indikator'], utfall: typeof o['utfall'] === 'number' ? o['utfall'] : null }]
      : [];
  });
}
