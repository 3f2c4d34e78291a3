import type { DataSource } from 'typeorm';
import { AdminAuditRepository, EscalationRepository, type EscalationRow } from '@rodtrad/persistence';
import { EscalationError } from './escalation-error';

export interface AcknowledgeEscalationCommand {
  escalationId: string;
  userId: string;
  comment: string | null;
}

/** KS (or KF) acknowledges an open escalation, audited; one that is not open is refused. */
export class AcknowledgeEscalation {
  private readonly escalations: EscalationRepository;
  private readonly audit: AdminAuditRepository;

  constructor(private readonly ds: DataSource) {
    this.escalations = new EscalationRepository(ds);
    this.audit = new AdminAuditRepository(ds);
  }

  async execute(cmd: AcknowledgeEscalationCommand): Promise<EscalationRow> {
    const e = await this.escalations.get(cmd.escalationId);
    if (!e) throw new EscalationError('not-found', 'Eskaleringen');
    await this.ds.transaction(async (m) => {
      if (!(await this.escalations.acknowledge(cmd.escalationId, cmd.userId, cmd.comment, m)))
        throw new EscalationError('not-open', 'Eskaleringen är redan kvitterad eller avslutad.', {
          escalationStatus: e.status,
        });
      await this.audit.append(
        {
          actorUserId: cmd.userId,
          action: 'escalation.acknowledged',
          entityType: 'escalation',
          entityId: cmd.escalationId,
          details: { comment: cmd.comment },
        },
        m,
      );
    });
    return (await this.escalations.get(cmd.escalationId)) as EscalationRow;
  }
}
