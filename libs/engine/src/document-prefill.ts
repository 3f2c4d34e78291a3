import type { DataSource } from 'typeorm';
import { controlFollowUpPrefill, documentTypeTraits } from '@rodtrad/domain';
import { fromJsonColumn } from '@rodtrad/persistence';
import { COMPANY_PREFILL_TYPES, companyPrefill } from './companies/company-prefill';

type Data = Record<string, unknown>;

/**
 * Budget och flerårsplan starts from the decisions it builds on: each nämnd's and bolag's frame,
 * the investment budget and the tax rate of the year's adopted GPF (KF may change them), and the
 * financial goals and goals for god ekonomisk hushållning of last year's adopted budget (they hold
 * for the mandate period unless KF changes them). Pure; keys without content are left out.
 */
export function budgetPrefill(gpfData: unknown, previousBudgetData: unknown): Data {
  const gpf = (gpfData && typeof gpfData === 'object' ? gpfData : {}) as Data;
  const previous = (
    previousBudgetData && typeof previousBudgetData === 'object' ? previousBudgetData : {}
  ) as Data;
  const out: Data = {};
  if (Array.isArray(gpf['ramar']) && gpf['ramar'].length)
    out['ramar'] = (gpf['ramar'] as Data[])
      .filter((r) => r && typeof r['namnd'] === 'string' && Number.isSafeInteger(r['ram']))
      .map((r) => ({ namnd: r['namnd'], ram: r['ram'] }));
  if (Array.isArray(gpf['investeringsbudget']) && gpf['investeringsbudget'].length)
    out['investeringsbudget'] = gpf['investeringsbudget'];
  if (typeof gpf['skattesats'] === 'number') out['skattesats'] = gpf['skattesats'];
  for (const key of ['finansiellaMal', 'malGodEkonomiskHushallning'])
    if (Array.isArray(previous[key]) && (previous[key] as unknown[]).length) out[key] = previous[key];
  return out;
}

/**
 * The data a new document starts with, from the documents it builds on: Budget och flerårsplan
 * from the GPF and last year's budget; a report that follows up internal control (traits
 * reports.internalControl) with one row per control of the unit's adopted internkontrollplan.
 * (Reports created before the plan is adopted get the rows as the form's default instead:
 * DocumentChoices.)
 */
export class DocumentPrefill {
  constructor(private readonly ds: DataSource) {}

  async of(type: string, year: number, orgUnitId?: string): Promise<Data> {
    if (COMPANY_PREFILL_TYPES.includes(type)) return companyPrefill(this.ds, type, year, orgUnitId);
    if (documentTypeTraits(type)?.reports.internalControl && orgUnitId) {
      const [plan] = await this.ds.query(
        `SELECT data FROM document WHERE type = 'internkontrollplan' AND org_unit_id = ? AND year = ? AND final = 1
          ORDER BY decided_at DESC LIMIT 1`,
        [orgUnitId, year],
      );
      const rows = plan ? controlFollowUpPrefill(fromJsonColumn(plan.data)) : [];
      return rows.length ? { internkontroll: rows } : {};
    }
    if (type !== 'budget-och-flerarsplan') return {};
    const adopted = async (t: string, y: number) => {
      const [row] = await this.ds.query(
        'SELECT data FROM document WHERE type = ? AND year = ? AND final = 1 ORDER BY decided_at DESC LIMIT 1',
        [t, y],
      );
      return row ? fromJsonColumn<Data>(row.data) : null;
    };
    return budgetPrefill(await adopted('gpf', year), await adopted('budget-och-flerarsplan', year - 1));
  }
}
