import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { DeviationThresholdView, UpdateDeviationThresholdRequest } from '@rodtrad/contracts';
import { NAMND_LIKE_KINDS } from '@rodtrad/domain';
import { DeviationThresholds } from '@rodtrad/engine';
import { AdminAuditRepository, EscalationRepository } from '@rodtrad/persistence';
import { OrgTreeService } from '../../auth/org-tree.service';
import type { Principal } from '../../auth/principal';
import { ApiProblem } from '../../common/problem/problem';
import { DATA_SOURCE } from '../../infrastructure/tokens';

/** A nämnd's threshold for a material budget deviation: read it, set it (audited in the same transaction). */
@Injectable()
export class DeviationThresholdsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    private readonly escalations: EscalationRepository,
    private readonly audit: AdminAuditRepository,
    private readonly thresholds: DeviationThresholds,
    private readonly orgTree: OrgTreeService,
  ) {}

  async threshold(orgUnitId: string, year: number): Promise<DeviationThresholdView> {
    await this.requireNamnd(orgUnitId);
    const d = await this.thresholds.describe(orgUnitId, year);
    const config = await this.escalations.threshold(orgUnitId);
    return {
      investmentKronor: config?.investmentKronor ?? null,
      investmentShare: config?.investmentShare ?? null,
      orgUnitId,
      kronor: d.kronor,
      shareOfFrame: d.shareOfFrame,
      frame: d.frame,
      effectiveThreshold: d.threshold,
      year,
    };
  }

  async saveThreshold(
    p: Principal,
    orgUnitId: string,
    body: UpdateDeviationThresholdRequest,
    year: number,
  ): Promise<DeviationThresholdView> {
    await this.requireNamnd(orgUnitId);
    await this.ds.transaction(async (m) => {
      await this.escalations.saveThreshold(
        {
          orgUnitId,
          kronor: body.kronor,
          shareOfFrame: body.shareOfFrame,
          investmentKronor: body.investmentKronor,
          investmentShare: body.investmentShare,
        },
        p.userId,
        m,
      );
      await this.audit.append(
        {
          actorUserId: p.userId,
          action: 'threshold.updated',
          entityType: 'org_unit',
          entityId: orgUnitId,
          details: body,
        },
        m,
      );
    });
    return this.threshold(orgUnitId, year);
  }

  private async requireNamnd(orgUnitId: string): Promise<void> {
    const unit = (await this.orgTree.tree()).get(orgUnitId);
    if (!unit) throw ApiProblem.notFound('Organisationsenheten');
    if (!NAMND_LIKE_KINDS.includes(unit.kind))
      throw ApiProblem.validation([
        { pointer: '/orgUnitId', message: 'Gränser sätts för nämnder och styrelser.' },
      ]);
  }
}
