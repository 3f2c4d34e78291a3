import type { DataSource } from 'typeorm';
import type { EscalationDecisionKind, EscalationKind } from '@rodtrad/domain';
import { ksAdviceMail, type MailOutbox } from '@rodtrad/mail';
import {
  AdminAuditRepository,
  EscalationDecisionRepository,
  EscalationRepository,
  type EscalationDecisionRow,
  type EscalationRow,
} from '@rodtrad/persistence';
import type { ReferToKf } from '../kf-matters/refer-to-kf';
import type { EscalationRecipients, EscalationSettings } from './follow-up-escalation';
import { EscalationError } from './escalation-error';

export interface DecideOnEscalationCommand {
  escalationId: string;
  userId: string;
  decision: EscalationDecisionKind;
  /** The KS meeting, 'YYYY-MM-DD'. */
  meetingDate: string;
  /** As in KS's protocol, "§ 45". */
  paragraph: string;
  /** KS's advice to the nämnd (required for `lamna_rad`, ignored otherwise). */
  advice: string | null;
  comment: string | null;
}

/** The roles of the nämnd that receive KS's advice: its chair, its secretary and its förvaltningschef. */
export const ADVICE_RECIPIENT_ROLES = ['namnd.ordforande', 'namnd.sekreterare', 'forvaltningschef'] as const;

const KIND_TITLES: Record<EscalationKind, string> = {
  budget: 'Budgetavvikelse',
  goal: 'Brist i måluppfyllelse',
  balance: 'Negativt balanskravsresultat',
  adhoc: 'Rapporterad avvikelse',
  investment: 'Investeringsavvikelse',
};

/** "Budgetavvikelse – Socialnämnden": how an escalation is named in a KF matter and a mail. */
export function escalationTitle(e: Pick<EscalationRow, 'kind' | 'orgUnitName'>): string {
  return `${KIND_TITLES[e.kind]} – ${e.orgUnitName}`;
}

/**
 * KS's decision on an escalation under its uppsiktsplikt, once per escalation, with KS's meeting
 * date and paragraph, audited (`escalation.decided`). Deciding also acknowledges an escalation
 * that was still open (the decision presupposes that KS has seen it); the acknowledgement stays
 * the separate "seen" receipt it always was, and an acknowledged escalation may still be decided.
 *
 * - `lamna_rad`: the advice is stored (the nämnd's åtgärdsplan shows it) and mailed to the nämnd.
 * - `fora_till_kf`: a KF matter is created from the escalation (ReferToKf) and linked to it.
 * - `anteckna`: noted for information; nothing follows.
 *
 * A decision that is already recorded is refused (409), and nothing changes. The input is
 * checked by the caller against escalationDecisionProblems (the domain rule).
 */
export class DecideOnEscalation {
  private readonly escalations: EscalationRepository;
  private readonly decisions: EscalationDecisionRepository;
  private readonly audit: AdminAuditRepository;

  constructor(
    private readonly ds: DataSource,
    private readonly referToKf: ReferToKf,
    private readonly recipients: EscalationRecipients & {
      withRolesFor(roles: readonly string[], orgUnitId: string): Promise<{ email: string }[]>;
    },
    private readonly mail: MailOutbox,
    private readonly settings: EscalationSettings,
  ) {
    this.escalations = new EscalationRepository(ds);
    this.decisions = new EscalationDecisionRepository(ds);
    this.audit = new AdminAuditRepository(ds);
  }

  async execute(
    cmd: DecideOnEscalationCommand,
  ): Promise<{ escalation: EscalationRow; decision: EscalationDecisionRow }> {
    const e = await this.escalations.get(cmd.escalationId);
    if (!e) throw new EscalationError('not-found', 'Eskaleringen');
    await this.refuseIfDecided(e.id);
    // The KF matter first, so the decision row is written with it; ReferToKf makes one per
    // escalation, so a retry after a failure here finds the same matter.
    const kfMatterDocumentId =
      cmd.decision === 'fora_till_kf'
        ? (
            await this.referToKf.execute({
              origin: {
                kind: 'eskalering',
                id: e.id,
                title: escalationTitle(e),
                summary: [e.description, e.measures ? `Föreslagna åtgärder: ${e.measures}` : null]
                  .filter(Boolean)
                  .join('\n'),
                url: `/avvikelser/${e.id}`,
              },
              year: e.year,
              ksDecision: { date: cmd.meetingDate, paragraph: cmd.paragraph },
              proposal: cmd.comment,
            })
          ).documentId
        : null;
    const advice = cmd.decision === 'lamna_rad' ? cmd.advice?.trim() || null : null;
    await this.ds.transaction(async (m) => {
      const inserted = await this.decisions.insert(
        {
          escalationId: e.id,
          decision: cmd.decision,
          meetingDate: cmd.meetingDate,
          paragraph: cmd.paragraph.trim(),
          advice,
          comment: cmd.comment,
          kfMatterDocumentId,
          decidedBy: cmd.userId,
        },
        m,
      );
      if (!inserted) throw this.alreadyDecided();
      if (e.status === 'open') await this.escalations.acknowledge(e.id, cmd.userId, null, m);
      await this.audit.append(
        {
          actorUserId: cmd.userId,
          action: 'escalation.decided',
          entityType: 'escalation',
          entityId: e.id,
          details: {
            decision: cmd.decision,
            meetingDate: cmd.meetingDate,
            paragraph: cmd.paragraph.trim(),
            advice,
            comment: cmd.comment,
            kfMatterDocumentId,
          },
        },
        m,
      );
    });
    if (advice) await this.mailAdvice(e, cmd, advice);
    return {
      escalation: (await this.escalations.get(e.id)) as EscalationRow,
      decision: (await this.decisions.get(e.id)) as EscalationDecisionRow,
    };
  }

  private async refuseIfDecided(escalationId: string): Promise<void> {
    if (await this.decisions.get(escalationId)) throw this.alreadyDecided();
  }

  private alreadyDecided(): EscalationError {
    return new EscalationError('already-decided', 'Kommunstyrelsen har redan beslutat om eskaleringen.');
  }

  /** The advice to the nämnd's chair, secretary and förvaltningschef, once (deduplicated by escalation). */
  private async mailAdvice(e: EscalationRow, cmd: DecideOnEscalationCommand, advice: string): Promise<void> {
    const to = [
      ...new Set(
        (await this.recipients.withRolesFor(ADVICE_RECIPIENT_ROLES, e.orgUnitId)).map((r) => r.email),
      ),
    ];
    if (to.length) {
      const mail = ksAdviceMail({
        unitName: e.orgUnitName,
        escalationTitle: KIND_TITLES[e.kind],
        meetingDate: cmd.meetingDate,
        paragraph: cmd.paragraph.trim(),
        advice,
        escalationUrl: `${this.settings.publicUrl}/avvikelser/${e.id}`,
        actionPlanUrl: e.actionPlanDocumentId
          ? `${this.settings.publicUrl}/dokument/${e.actionPlanDocumentId}`
          : null,
      });
      await this.mail.enqueue({
        ...mail,
        to,
        threadKey: `escalation-${e.id}`,
        dedupeKey: `escalation__${e.id}__ks-advice`,
      });
    }
    await this.decisions.adviceMailed(e.id, to.length);
  }
}
