import type { DataSource } from 'typeorm';
import { demoFrame, deviationThreshold } from '@rodtrad/domain';
import { EscalationRepository, fromJsonColumn } from '@rodtrad/persistence';

/**
 * A nämnd's limit of a significant budget deviation: its configured kronor and/or share of the
 * frame (default 1 % of the frame). The frame is the adopted GPF's `ramar` entry of the year for
 * the nämnd's code, else the demo municipality's frame.
 */
export class DeviationThresholds {
  private readonly escalations: EscalationRepository;

  constructor(private readonly ds: DataSource) {
    this.escalations = new EscalationRepository(ds);
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
    const [gpf] = await this.ds.query(
      `SELECT data FROM document WHERE type = 'gpf' AND year = ? AND final = 1 ORDER BY decided_at DESC LIMIT 1`,
      [year],
    );
    if (gpf) {
      const ramar = fromJsonColumn<{ ramar?: { namnd: string; ram: number }[] }>(gpf.data).ramar ?? [];
      const ram = ramar.find((r) => r.namnd === unit.code)?.ram;
      if (Number.isSafeInteger(ram)) return ram;
    }
    return unit.seedKey ? demoFrame(String(unit.seedKey), year) : undefined;
  }
}
