import type { DataSource, EntityManager } from 'typeorm';
import { fromJsonColumn } from '@rodtrad/persistence';
import { adoptedFrameOf } from './cross-document-rules';

/** A nämnd's (or bolag's) annual budget frame and the KF decision it comes from. */
export interface AnnualBudgetFrame {
  /** Whole kronor of net cost for the whole budget year (a cost positive). */
  frame: number;
  /** KF's adopted Budget och flerårsplan, or the adopted GPF until KF has adopted the budget. */
  source: 'budget-och-flerarsplan' | 'gpf';
  documentId: string;
}

/**
 * The one place that answers "what is this nämnd's annual budget (arsbudget) for the year?":
 * the frame in KF's adopted Budget och flerårsplan (November) wins over the frame in the adopted
 * GPF (June), which holds until the budget is adopted. The frame rule of Mål och budget
 * (DocumentFacts.withinFrame), the deviation thresholds and the reports' `arsbudget` read it.
 */
export class AnnualBudgetSource {
  constructor(private readonly ds: DataSource) {}

  /** The frame of the nämnd with `namndCode` (its org unit code, e.g. "BIN") in `year`. */
  async annualBudgetFrame(
    namndCode: string | undefined,
    year: number,
    m?: EntityManager,
  ): Promise<AnnualBudgetFrame | undefined> {
    if (!namndCode) return undefined;
    const q = m ?? this.ds;
    const rows: { id: string; type: string; data: unknown }[] = await q.query(
      `SELECT id, type, data FROM document
        WHERE type IN ('budget-och-flerarsplan', 'gpf') AND year = ? AND final = 1
        ORDER BY decided_at DESC`,
      [year],
    );
    const budget = rows.find((r) => r.type === 'budget-och-flerarsplan');
    const gpf = rows.find((r) => r.type === 'gpf');
    const found = adoptedFrameOf(
      budget ? fromJsonColumn(budget.data) : null,
      gpf ? fromJsonColumn(gpf.data) : null,
      namndCode,
    );
    if (!found) return undefined;
    const doc = found.source === 'gpf' ? gpf : budget;
    return { ...found, documentId: String(doc?.id) };
  }

  /** The frame of the org unit `orgUnitId` (by its code) in `year`. */
  async frameOfUnit(
    orgUnitId: string,
    year: number,
    m?: EntityManager,
  ): Promise<AnnualBudgetFrame | undefined> {
    const [unit] = await (m ?? this.ds).query('SELECT code FROM org_unit WHERE id = ?', [orgUnitId]);
    return unit ? this.annualBudgetFrame(String(unit.code), year, m) : undefined;
  }
}
