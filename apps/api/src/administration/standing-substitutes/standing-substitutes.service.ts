import { Injectable } from '@nestjs/common';
import {
  AdminAuditRepository,
  StandingSubstituteRepository,
  UserRepository,
  type StandingSubstituteRow,
} from '@rodtrad/persistence';
import { ApiProblem, type FieldProblem } from '../../common/problem/problem';

/** The body of POST /api/substitutes, as createStandingSubstituteSchema admits it. */
export interface CreateStandingSubstituteRequest {
  userId: string;
  substituteUserId: string;
  from: string;
  to: string;
  reason: string;
}

export type StandingSubstituteView = ReturnType<typeof view>;

const view = (s: StandingSubstituteRow) => ({
  id: s.id,
  user: { id: s.userId, name: s.userName },
  substitute: { id: s.substituteUserId, name: s.substituteName },
  from: new Date(s.validFrom).toISOString(),
  to: new Date(s.validTo).toISOString(),
  reason: s.reason,
});

/**
 * Standing substitutes (ersättare) for a period of absence, set by administrators; every change is
 * in the administration audit log.
 */
@Injectable()
export class StandingSubstitutesService {
  constructor(
    private readonly substitutes: StandingSubstituteRepository,
    private readonly users: UserRepository,
    private readonly audit: AdminAuditRepository,
  ) {}

  async list(filter: { userId?: string; activeAt?: string }): Promise<{ items: StandingSubstituteView[] }> {
    const rows = await this.substitutes.list({
      userId: filter.userId,
      activeAt: filter.activeAt ? new Date(filter.activeAt) : undefined,
    });
    return { items: rows.map(view) };
  }

  async create(req: CreateStandingSubstituteRequest, actorUserId: string): Promise<StandingSubstituteView> {
    const from = new Date(req.from);
    const to = new Date(req.to);
    const errors: FieldProblem[] = [];
    if (!(to.getTime() > from.getTime()))
      errors.push({ pointer: '/to', message: 'Slutet måste vara efter början.' });
    if (req.userId === req.substituteUserId)
      errors.push({ pointer: '/substituteUserId', message: 'Ersättaren måste vara en annan person.' });
    for (const [pointer, id] of [
      ['/userId', req.userId],
      ['/substituteUserId', req.substituteUserId],
    ] as const) {
      const user = await this.users.get(id);
      if (!user?.active) errors.push({ pointer, message: 'Användaren finns inte eller är inaktiv.' });
    }
    if (errors.length) throw ApiProblem.validation(errors);
    const id = await this.substitutes.add(
      {
        userId: req.userId,
        substituteUserId: req.substituteUserId,
        validFrom: from,
        validTo: to,
        reason: req.reason.trim(),
      },
      actorUserId,
    );
    await this.audit.append({
      actorUserId,
      action: 'substitute.create',
      entityType: 'standing_substitute',
      entityId: id,
      details: req,
    });
    return view((await this.substitutes.get(id)) as StandingSubstituteRow);
  }

  async remove(id: string, actorUserId: string): Promise<void> {
    if (!(await this.substitutes.remove(id))) throw ApiProblem.notFound('Ersättaren');
    await this.audit.append({
      actorUserId,
      action: 'substitute.delete',
      entityType: 'standing_substitute',
      entityId: id,
    });
  }
}
