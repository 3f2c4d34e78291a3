import type { DataSource } from 'typeorm';
import { DEFAULT_RISK_MATRIX, type RiskMatrix } from '@rodtrad/domain';
import { RiskMatrixRepository } from '@rodtrad/persistence';

/** The installation's risk matrix, or the default 4 × 4 when none is stored. */
export class RiskMatrixSettings {
  private readonly repo: RiskMatrixRepository;

  constructor(ds: DataSource) {
    this.repo = new RiskMatrixRepository(ds);
  }

  async current(): Promise<RiskMatrix> {
    const row = await this.repo.get();
    return row ? { size: row.size, mediumFrom: row.mediumFrom, highFrom: row.highFrom } : DEFAULT_RISK_MATRIX;
  }
}
