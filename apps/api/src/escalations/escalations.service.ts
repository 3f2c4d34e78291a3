import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type {
  DecideEscalationRequest,
  EscalationDecisionView,
  EscalationDetail,
  EscalationHistoryEntry,
  EscalationQuery,
  KsAdviceView,
  EscalationView,
  Page,
  ReportDeviationRequest,
} from '@rodtrad/contracts';
import {
  ESCALATION_DECISION_LABELS,
  ESCALATION_RULES,
  escalationDecisionProblems,
  followRestorationOf,
  NAMND_LIKE_KINDS,
  roleApplies,
  type RoleKey,
} from '@rodtrad/domain';
import {
  AcknowledgeEscalation,
  DecideOnEscalation,
  DeviationThresholds,
  OpenEscalation,
} from '@rodtrad/engine';
import {
  BalanceRestorationRepository,
  EscalationDecisionRepository,
  EscalationRepository,
  type EscalationDecisionRow,
  type EscalationRow,
} from '@rodtrad/persistence';
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
    private readonly decideOnEscalation: DecideOnEscalation,
  ) {
    this.decisions = new EscalationDecisionRepository(ds);
  }

  private readonly decisions: EscalationDecisionRepository;

  async list(p: Principal, q: EscalationQuery): Promise<Page<EscalationView>> {
    const { items, total } = await this.repo.list(
      {
        status: q.status,
        year: q.year,
        orgUnitIds: await this.visibleUnits(p),
        awaitingKsDecision: q.awaitingDecision === 'true',
      },
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

  /**
   * KS's decision under its uppsiktsplikt: every field checked first (problem+json field by field,
   * nothing changed), then recorded once (409 when KS has already decided).
   */
  async decide(p: Principal, id: string, body: DecideEscalationRequest): Promise<EscalationDetail> {
    const problems = escalationDecisionProblems(body, stockholmToday());
    if (problems.length) throw ApiProblem.validation(problems);
    const { escalation } = await this.decideOnEscalation.execute({
      escalationId: id,
      userId: p.userId,
      decision: body.decision,
      meetingDate: body.meetingDate,
      paragraph: body.paragraph.trim(),
      advice: body.advice?.trim() || null,
      comment: body.comment?.trim() || null,
    });
    return this.detail(escalation);
  }

  /** KS's advice on the escalations an åtgärdsplan answers, for the plan's page (those who see the nämnd). */
  async advice(p: Principal, actionPlanDocumentId: string): Promise<KsAdviceView[]> {
    const [plan]: { orgUnitId: string }[] = await this.ds.query(
      `SELECT org_unit_id AS orgUnitId FROM document WHERE id = ? AND type = 'atgardsplan'`,
      [actionPlanDocumentId],
    );
    const units = await this.visibleUnits(p);
    if (!plan || (units && !units.includes(String(plan.orgUnitId))))
      throw ApiProblem.notFound('Åtgärdsplanen');
    const rows = await this.decisions.adviceForActionPlan(actionPlanDocumentId);
    const kinds = new Map(
      (await Promise.all(rows.map((r) => this.repo.get(r.escalationId)))).flatMap((e) =>
        e ? [[e.id, e.kind] as const] : [],
      ),
    );
    return rows.map((r) => ({
      escalationId: r.escalationId,
      kind: kinds.get(r.escalationId) ?? 'adhoc',
      meetingDate: r.meetingDate,
      paragraph: r.paragraph,
      advice: r.advice ?? '',
      decidedAt: iso(r.decidedAt) as string,
    }));
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
    const decided = await this.decisions.get(e.id);
    const kfMatter = decided?.kfMatterDocumentId ? await this.kfMatter(decided.kfMatterDocumentId) : null;
    const decision = decided ? toDecisionView(decided, kfMatter) : null;
    const history = historyOf(e, decision, kfMatter);
    if (!rows.length)
      return {
        ...toDetail(e),
        restoration: null,
        restorationRemaining: null,
        followUpOf,
        decision,
        history,
      };
    const status = followRestorationOf(e.amount ?? 0, e.year, rows);
    return {
      ...toDetail(e),
      decision,
      history,
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

  /** The KF matter a decision referred to: where it is in its workflow, and KF's decision once taken. */
  private async kfMatter(documentId: string): Promise<KfMatter | null> {
    const [r]: Record<string, unknown>[] = await this.ds.query(
      `SELECT d.id, d.title, d.state, d.final, d.created_at AS createdAt, d.decided_at AS decidedAt,
          JSON_VALUE(wd.definition, CONCAT('$.machine.states.', d.state, '.meta.title')) AS stateTitle,
          JSON_VALUE(d.data, '$.beslut.datum') AS kfDate, JSON_VALUE(d.data, '$.beslut.paragraf') AS kfParagraph,
          JSON_VALUE(d.data, '$.beslut.beslutstext') AS kfText
         FROM document d JOIN workflow_definition wd ON wd.id = d.definition_id WHERE d.id = ?`,
      [documentId],
    );
    if (!r) return null;
    const final = Boolean(Number(r['final']));
    return {
      view: {
        documentId: String(r['id']),
        title: String(r['title']),
        state: String(r['state']),
        stateTitle: String(r['stateTitle'] ?? r['state']),
        final,
        kfDecisionDate: final ? ((r['kfDate'] as string | null) ?? null) : null,
        kfParagraph: final ? ((r['kfParagraph'] as string | null) ?? null) : null,
        kfDecision: final ? ((r['kfText'] as string | null) ?? null) : null,
      },
      createdAt: new Date(r['createdAt'] as string),
      decidedAt: final && r['decidedAt'] ? new Date(r['decidedAt'] as string) : null,
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

interface KfMatter {
  view: NonNullable<EscalationDecisionView['kfMatter']>;
  createdAt: Date;
  decidedAt: Date | null;
}

/** Today in Sweden, 'YYYY-MM-DD': a KS meeting is recorded on or after its day. */
function stockholmToday(): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date());
}

function toDecisionView(d: EscalationDecisionRow, kf: KfMatter | null): EscalationDecisionView {
  return {
    decision: d.decision,
    label: ESCALATION_DECISION_LABELS[d.decision],
    meetingDate: d.meetingDate,
    paragraph: d.paragraph,
    advice: d.advice,
    comment: d.comment,
    adviceRecipients: d.adviceRecipients,
    decidedBy: d.decidedBy,
    decidedByName: d.decidedByName,
    decidedAt: iso(d.decidedAt) as string,
    kfMatter: kf?.view ?? null,
  };
}

/**
 * What happened to the escalation, in the order of the matter rather than of the clock: opened,
 * seen (deciding acknowledges too), KS's decision, the KF matter (made just before the decision is
 * written) and KF's decision, closed.
 */
function historyOf(
  e: EscalationRow,
  d: EscalationDecisionView | null,
  kf: KfMatter | null,
): EscalationHistoryEntry[] {
  const body = e.toBody === 'kf' ? 'kommunfullmäktige' : 'kommunstyrelsen';
  const out: EscalationHistoryEntry[] = [
    {
      at: iso(e.createdAt) as string,
      event: 'opened',
      text: `Avvikelsen för ${e.orgUnitName} eskalerades till ${body}.`,
      documentId: e.sourceDocumentId,
    },
  ];
  if (e.acknowledgedAt)
    out.push({
      at: iso(e.acknowledgedAt) as string,
      event: 'acknowledged',
      text: `Kvitterad${e.acknowledgedComment ? `: ${e.acknowledgedComment}` : '.'}`,
      documentId: null,
    });
  if (d) {
    const what =
      d.decision === 'lamna_rad'
        ? `lämna råd till nämnden: ${d.advice}`
        : d.decision === 'fora_till_kf'
          ? 'föra ärendet till kommunfullmäktige.'
          : 'anteckna avvikelsen för kännedom.';
    out.push({
      at: d.decidedAt,
      event: 'decided',
      text: `Kommunstyrelsen beslutade ${d.meetingDate}, ${d.paragraph}, att ${what}`,
      documentId: null,
    });
  }
  if (kf) {
    out.push({
      at: kf.createdAt.toISOString(),
      event: 'kf-matter',
      text: `${kf.view.title} (${kf.view.stateTitle.toLocaleLowerCase('sv')}).`,
      documentId: kf.view.documentId,
    });
    if (kf.decidedAt && kf.view.kfDecisionDate)
      out.push({
        at: kf.decidedAt.toISOString(),
        event: 'kf-decided',
        text: `Kommunfullmäktige beslutade ${kf.view.kfDecisionDate}, ${kf.view.kfParagraph}${kf.view.kfDecision ? `: ${kf.view.kfDecision}` : '.'}`,
        documentId: kf.view.documentId,
      });
  }
  if (e.closedAt)
    out.push({
      at: iso(e.closedAt) as string,
      event: 'closed',
      text: 'Eskaleringen avslutades.',
      documentId: e.actionPlanDocumentId,
    });
  return out;
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
): Omit<EscalationDetail, 'restoration' | 'restorationRemaining' | 'followUpOf' | 'decision' | 'history'> {
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
