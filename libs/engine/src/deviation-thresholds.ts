import type { DataSource } from 'typeorm';
import { demoFrame, deviationThreshold } from '@rodtrad/domain';
import { EscalationRepository } from '@rodtrad/persistence';
import { AnnualBudgetSource } from './annual-budget-source';

/**
 * A nämnd's limit of a significant budget deviation: its configured kronor and/or share of the
 * frame (default 1 % of the frame). The frame is the nämnd's annual budget (AnnualBudgetSource:
 * KF's adopted Budget och flerårsplan, else the adopted GPF), else the demo municipality's frame.
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
