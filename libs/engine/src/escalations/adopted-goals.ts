import type { DataSource } from 'typeorm';
import { mandateSpan, type AdoptedGoal, type MandateSpan } from '@rodtrad/domain';
import { fromJsonColumn } from '@rodtrad/persistence';

/**
 * What a report's goal results are measured against: the nämndmål with their indicators in the
 * nämnd's adopted (final) Mål- och budget of the year, and the mandate period the lines run over.
 */
export class AdoptedGoals {
  constructor(private readonly ds: DataSource) {}

  async of(namndId: string, year: number): Promise<{ goals: AdoptedGoal[]; span: MandateSpan }> {
    const [plan] = await this.ds.query(
      "SELECT data FROM document WHERE type = 'mal-och-budget' AND org_unit_id = ? AND year = ? AND final = 1 LIMIT 1",
      [namndId, year],
    );
    const [period] = await this.ds.query(
      `SELECT start_year AS startYear, end_year AS endYear FROM mandate_period
        WHERE start_year <= ? AND end_year >= ? ORDER BY start_year DESC LIMIT 1`,
      [year, year],
    );
    const goals = plan ? fromJsonColumn<{ namndmal?: unknown }>(plan.data)?.namndmal : undefined;
    return {
      goals: Array.isArray(goals) ? (goals as AdoptedGoal[]) : [],
      span: mandateSpan(
        period ? { startYear: Number(period.startYear), endYear: Number(period.endYear) } : null,
        year,
      ),
    };
  }
}
