import type { DataSource } from 'typeorm';
import { DEFAULT_INVESTMENT_DEVIATION_SHARE, demoFrame, deviationThreshold } from '@rodtrad/domain';
import { EscalationRepository } from '@rodtrad/persistence';
import { AnnualBudgetSource } from './annual-budget-source';

/**
 * A nämnd's limit of a significant budget deviation: its configured kronor and/or share of the
 * frame (default 1 % of the frame). The frame is the nämnd's annual budget (AnnualBudgetSource:
 * KF's adopted Budget och flerårsplan, else the adopted GPF), else the demo municipality's frame.
 * Its limit of a significant investment deviation is configured the same way, as kronor and/or a
 * share of the report's investment budget (default 5 %).
 */
export class DeviationThresholds {
  private readonly escalations: EscalationRepository;
  private readonly budgets: AnnualBudgetSource;

  constructor(private readonly ds: DataSource) {
    this.escalations = new EscalationRepository(ds);
    this.budgets = new AnnualBudgetSource(ds);
  }

  async describe(
    orgUnitId: string,
    year: number,
  ): Promise<{
    kronor: number | null;
    shareOfFrame: number | null;
    frame: number | null;
    threshold: number | null;
  }> {
    const config = await this.escalations.threshold(orgUnitId);
    const frame = (await this.frame(orgUnitId, year)) ?? null;
    const kronor = config?.kronor ?? null;
    const shareOfFrame = config?.shareOfFrame ?? null;
    const threshold =
      frame === null
        ? kronor
        : deviationThreshold({ frame, kronor: kronor ?? undefined, shareOfFrame: shareOfFrame ?? undefined });
    return { kronor, shareOfFrame, frame, threshold };
  }

  async thresholdFor(orgUnitId: string, year: number): Promise<number | null> {
    return (await this.describe(orgUnitId, year)).threshold;
  }

  /**
   * The overrun, in kronor, from which the decided investments of a report (whose projects'
   * budgets add up to `investmentBudget`) deviate significantly: the configured kronor and/or share
   * of that budget, the smaller when both; by default 5 % of it. Null when nothing can be measured.
   */
  async investmentThresholdFor(orgUnitId: string, investmentBudget: number): Promise<number | null> {
    const config = await this.escalations.threshold(orgUnitId);
    const kronor = config?.investmentKronor ?? undefined;
    const share = config?.investmentShare ?? undefined;
    if (investmentBudget <= 0) return kronor ?? null;
    return deviationThreshold({
      frame: investmentBudget,
      kronor,
      shareOfFrame: share,
      defaultShare: DEFAULT_INVESTMENT_DEVIATION_SHARE,
    });
  }

  async frame(orgUnitId: string, year: number): Promise<number | undefined> {
    const [unit] = await this.ds.query('SELECT code, seed_key AS seedKey FROM org_unit WHERE id = ?', [
      orgUnitId,
    ]);
    if (!unit) return undefined;
    const adopted = await this.budgets.annualBudgetFrame(String(unit.code), year);
    if (adopted && Number.isSafeInteger(adopted.frame)) return adopted.frame;
    return unit.seedKey ? demoFrame(String(unit.seedKey), year) : undefined;
  }
}
