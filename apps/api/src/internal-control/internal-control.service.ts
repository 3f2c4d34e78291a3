import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type {
  InternalControlSummaryView,
  NamndRiskMatrixView,
  RiskMatrixView,
  UpdateRiskMatrixRequest,
} from '@rodtrad/contracts';
import { RISK_LEVEL_LABELS, riskMatrixProblems, type RiskMatrix } from '@rodtrad/domain';
import { InternalControlFollowUp, RiskMatrixSettings, type ControlFollowUpReport } from '@rodtrad/engine';
import { AdminAuditRepository, RiskMatrixRepository } from '@rodtrad/persistence';
import { OrgTreeService } from '../auth/org-tree.service';
import type { Principal } from '../auth/principal';
import { ApiProblem } from '../common/problem/problem';
import { DATA_SOURCE } from '../infrastructure/tokens';

/** The matrix as the API shows it: its figures and each level's range of risk values. */
export function riskMatrixView(m: RiskMatrix, updatedAt: Date | null): RiskMatrixView {
  const top = m.size * m.size;
  return {
    size: m.size,
    mediumFrom: m.mediumFrom,
    highFrom: m.highFrom,
    levels: [
      { level: 'low', label: RISK_LEVEL_LABELS.low, from: 1, to: m.mediumFrom - 1 },
      { level: 'medium', label: RISK_LEVEL_LABELS.medium, from: m.mediumFrom, to: m.highFrom - 1 },
      { level: 'high', label: RISK_LEVEL_LABELS.high, from: m.highFrom, to: top },
    ],
    updatedAt: updatedAt ? new Date(updatedAt).toISOString() : null,
  };
}

/** Internal control followed up (#16): the installation's risk matrix, a nämnd's risks in it, KS's summary. */
@Injectable()
export class InternalControlService {
  private readonly repo: RiskMatrixRepository;
  private readonly settings: RiskMatrixSettings;
  private readonly followUp: InternalControlFollowUp;

  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    private readonly audit: AdminAuditRepository,
    private readonly orgTree: OrgTreeService,
  ) {
    this.repo = new RiskMatrixRepository(ds);
    this.settings = new RiskMatrixSettings(ds);
    this.followUp = new InternalControlFollowUp(ds);
  }

  async matrix(): Promise<RiskMatrixView> {
    const row = await this.repo.get();
    return riskMatrixView(await this.settings.current(), row?.updatedAt ?? null);
  }

  /** Validated field by field (Swedish); saved and audited in one transaction. */
  async saveMatrix(p: Principal, body: UpdateRiskMatrixRequest): Promise<RiskMatrixView> {
    const problems = riskMatrixProblems(body);
    if (problems.length) throw ApiProblem.validation(problems);
    await this.ds.transaction(async (m) => {
      await this.repo.save(body, p.userId, m);
      await this.audit.append(
        {
          actorUserId: p.userId,
          action: 'risk-matrix.updated',
          entityType: 'risk_matrix',
          entityId: '1',
          details: { size: body.size, mediumFrom: body.mediumFrom, highFrom: body.highFrom },
        },
        m,
      );
    });
    return this.matrix();
  }

  async namndMatrix(orgUnitId: string, year: number): Promise<NamndRiskMatrixView> {
    const unit = (await this.orgTree.tree()).get(orgUnitId);
    if (!unit) throw ApiProblem.notFound('Organisationsenheten');
    if (!InternalControlFollowUp.ownsPlan(unit))
      throw ApiProblem.validation([
        { pointer: '/orgUnitId', message: 'Internkontrollplaner beslutas av nämnder och kommunstyrelsen.' },
      ]);
    const row = await this.repo.get();
    const m = await this.followUp.riskMatrix(unit, year);
    return {
      year: m.year,
      orgUnitId: m.orgUnitId,
      orgUnitName: m.orgUnitName,
      matrix: riskMatrixView(m.matrix, row?.updatedAt ?? null),
      plan: m.plan,
      rows: m.grid.rows,
      outside: m.grid.outside,
      total: m.grid.total,
    };
  }

  async summary(year: number, report: ControlFollowUpReport): Promise<InternalControlSummaryView> {
    const namnder = await this.followUp.summary(await this.orgTree.tree(), year, report);
    const sum = (k: 'planned' | 'performed' | 'withDeviation' | 'notPerformed' | 'unreported') =>
      namnder.reduce((s, n) => s + n[k], 0);
    return {
      year,
      report,
      namnder,
      totals: {
        planned: sum('planned'),
        performed: sum('performed'),
        withDeviation: sum('withDeviation'),
        notPerformed: sum('notPerformed'),
        unreported: sum('unreported'),
      },
    };
  }
}
