import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type {
  EscalationDetail,
  EscalationQuery,
  EscalationView,
  Page,
  ReportDeviationRequest,
} from '@rodtrad/contracts';
import {
  ESCALATION_RULES,
  followRestorationOf,
  NAMND_LIKE_KINDS,
  roleApplies,
  type RoleKey,
} from '@rodtrad/domain';
import { AcknowledgeEscalation, DeviationThresholds, OpenEscalation } from '@rodtrad/engine';
import { BalanceRestorationRepository, EscalationRepository, type EscalationRow } from '@rodtrad/persistence';
import { OrgTreeService } from '../auth/org-tree.service';
import type { Principal } from '../auth/principal';
import { ApiProblem } from '../common/problem/problem';
import { DATA_SOURCE } from '../infrastructure/tokens';

/** Roles that oversee every nämnd and so see every escalation. */
const OVERSIGHT: RoleKey[] = [
  'admin',
  'registrator',
  'ks.ordforande',
  'ks.sekreterare',
  'kf.ordforande',
  'kf.sekreterare',
];
export const KS_ROLES: RoleKey[] = ['ks.ordforande', 'ks.sekreterare'];
export const NAMND_ROLES: RoleKey[] = ['namnd.ordforande', 'namnd.sekreterare'];
/**
 * Who may report a deviation between the regular reports for a nämnd (§5.4.2): its chair and
 * secretary, its förvaltningschef, and its economists. The product has no role of its own for
 * the economist (controller): an economist is a handläggare on the nämnd's förvaltning (or on the
 * nämnd), which reaches the nämnd itself; a handläggare further down (on an enhet) does not.
 */
export const DEVIATION_REPORTER_ROLES: RoleKey[] = [...NAMND_ROLES, 'forvaltningschef', 'handlaggare'];

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

/** KS's view of escalations: list, read, acknowledge; nämnder report ad-hoc deviations. */
@Injectable()
export class EscalationsService {
  constructor(
    @Inject(DATA_SOURCE) private readonly ds: DataSource,
    private readonly repo: EscalationRepository,
    private readonly restorations: BalanceRestorationRepository,
    private readonly thresholds: DeviationThresholds,
    private readonly orgTree: OrgTreeService,
    private readonly openEscalation: OpenEscalation,
    private readonly acknowledgeEscalation: AcknowledgeEscalation,
  ) {}

  async list(p: Principal, q: EscalationQuery): Promise<Page<EscalationView>> {
    const { items, total } = await this.repo.list(
      { status: q.status, year: q.year, orgUnitIds: await this.visibleUnits(p) },
      q.limit ?? 50,
      q.offset ?? 0,
    );
    return { items: items.map(toView), total };
  }

  async get(p: Principal, id: string): Promise<EscalationDetail> {
    const e = await this.repo.get(id);
    if (!e) throw ApiProblem.notFound('Eskaleringen');
    const units = await this.visibleUnits(p);
    // Another nämnd's escalation answers as an unknown one does: its existence is not told.
    if (units && !units.includes(e.orgUnitId)) throw ApiProblem.notFound('Eskaleringen');
    return this.detail(e);
  }

  async acknowledge(p: Principal, id: string, comment: string | null): Promise<EscalationDetail> {
    return this.detail(
      await this.acknowledgeEscalation.execute({ escalationId: id, userId: p.userId, comment }),
    );
  }

  /** An ad-hoc deviation report: escalates at once; the worker creates the åtgärdsplan and mails KS. */
  async report(p: Principal, body: ReportDeviationRequest): Promise<EscalationDetail> {
    const tree = await this.orgTree.tree();
    const unit = tree.get(body.orgUnitId);
    if (!unit || !NAMND_LIKE_KINDS.includes(unit.kind) || unit.kind === 'ks')
      throw ApiProblem.validation([{ pointer: '/orgUnitId', message: 'Ange en nämnd.' }]);
    const blank = (['description', 'measures'] as const).filter((f) => !body[f]?.trim());
    if (blank.length)
      throw ApiProblem.validation(
        blank.map((f) => ({
          pointer: `/${f}`,
          message:
            f === 'measures'
              ? 'Ange föreslagna åtgärder: en väsentlig avvikelse meddelas kommunstyrelsen med förslag på åtgärder.'
              : 'Beskriv avvikelsen.',
        })),
      );
    if (!p.roles.some((a) => DEVIATION_REPORTER_ROLES.includes(a.role) && roleApplies(a, unit.id, tree)))
      throw ApiProblem.forbidden(
        'Bara nämndens ordförande, sekreterare, förvaltningschef eller ekonom kan rapportera en avvikelse för nämnden.',
      );
    const threshold = await this.thresholds.thresholdFor(unit.id, body.year);
    const { id } = await this.ds.transaction((m) =>
      this.openEscalation.execute(
        {
          kind: 'adhoc',
          orgUnitId: unit.id,
          year: body.year,
          sourceDocumentId: null,
          sourceKey: `adhoc__${randomUUID()}`,
          amount: body.amount ?? null,
          threshold,
          measures: body.measures.trim(),
          description: body.description.trim(),
          toBody: ESCALATION_RULES.adhoc.toBody,
          reportedByUserId: p.userId,
        },
        m,
      ),
    );
    return this.detail((await this.repo.get(id)) as EscalationRow);
  }

  /** The escalation with its restoration year by year, when it is a deficit being restored. */
  private async detail(e: EscalationRow): Promise<EscalationDetail> {
    const rows = e.kind === 'balance' ? await this.restorations.rows(e.id) : [];
    const followUpOf = e.kind === 'balance' ? await this.restorations.followUpOf(e.id) : null;
    if (!rows.length) return { ...toDetail(e), restoration: null, restorationRemaining: null, followUpOf };
    const status = followRestorationOf(e.amount ?? 0, e.year, rows);
    return {
      ...toDetail(e),
      restoration: status.years.map((y) => {
        const row = rows.find((r) => r.year === y.year);
        return {
          year: y.year,
          planned: y.planned,
          achieved: y.achieved,
          balanceResult: y.balanceResult,
          behindPlan: y.behindPlan,
          sourceDocumentId: row?.sourceDocumentId ?? null,
          followUpEscalationId: row?.followUpEscalationId ?? null,
        };
      }),
      restorationRemaining: status.remaining,
      followUpOf,
    };
  }

  /** Undefined: everything; otherwise the units the caller's roles reach. */
  private async visibleUnits(p: Principal): Promise<string[] | undefined> {
    if (p.roles.some((r) => OVERSIGHT.includes(r.role))) return undefined;
    const tree = await this.orgTree.tree();
    return tree
      .all()
      .filter((u) => p.roles.some((a) => roleApplies(a, u.id, tree)))
      .map((u) => u.id);
  }
}

function toView(e: EscalationRow): EscalationView {
  return {
    id: e.id,
    kind: e.kind,
    status: e.status,
    orgUnitId: e.orgUnitId,
    orgUnitName: e.orgUnitName,
    year: e.year,
    sourceDocumentId: e.sourceDocumentId,
    amount: e.amount,
    threshold: e.threshold,
    actionPlanDocumentId: e.actionPlanDocumentId,
    actionPlanState: e.actionPlanState,
    toBody: e.toBody,
    createdAt: iso(e.createdAt) as string,
  };
}

function toDetail(
  e: EscalationRow,
): Omit<EscalationDetail, 'restoration' | 'restorationRemaining' | 'followUpOf'> {
  return {
    ...toView(e),
    sourceDocumentTitle: e.sourceDocumentTitle,
    measures: e.measures,
    description: e.description,
    acknowledgedBy: e.acknowledgedBy,
    acknowledgedAt: iso(e.acknowledgedAt),
    acknowledgedComment: e.acknowledgedComment,
    closedAt: iso(e.closedAt),
  };
}
