import type { DataSource } from 'typeorm';
import { roleApplies, type OrgTree, type RoleKey } from '@rodtrad/domain';
import { StandingSubstituteRepository } from '@rodtrad/persistence';

export interface ResolvedApprover {
  userId: string;
  /** Set when a standing substitute stands in for the person the definition asked. */
  onBehalfOfUserId: string | null;
}

/**
 * Who is asked: holders of `roles` whose assignment applies to the document's unit (its
 * organisation chain; global roles such as ks.ordforande apply everywhere) and the named `users`
 * (usernames or ids), in that order, each once. A standing substitute valid now takes the place
 * of an absent approver.
 */
export class ApproverResolver {
  private readonly substitutes: StandingSubstituteRepository;

  constructor(private readonly ds: DataSource) {
    this.substitutes = new StandingSubstituteRepository(ds);
  }

  async resolve(
    approvers: { roles?: string[]; users?: string[] },
    orgUnitId: string,
    tree: OrgTree,
    now: Date,
  ): Promise<ResolvedApprover[]> {
    const ids: string[] = [];
    for (const role of approvers.roles ?? []) {
      const rows: { userId: string; orgUnitId: string }[] = await this.ds.query(
        `SELECT ra.user_id AS userId, ra.org_unit_id AS orgUnitId FROM role_assignment ra
           JOIN app_user u ON u.id = ra.user_id WHERE ra.role = ? AND u.active = 1 ORDER BY u.name, u.id`,
        [role],
      );
      for (const r of rows)
        if (roleApplies({ role: role as RoleKey, orgUnitId: r.orgUnitId }, orgUnitId, tree))
          ids.push(r.userId);
    }
    for (const user of approvers.users ?? []) {
      const [row] = await this.ds.query(
        'SELECT id FROM app_user WHERE (username = ? OR id = ?) AND active = 1',
        [user, user],
      );
      if (row) ids.push(String(row.id));
    }
    const out: ResolvedApprover[] = [];
    const seen = new Set<string>();
    for (const id of ids) {
      const sub = await this.substitutes.activeFor(id, now);
      const person = sub ? sub.substituteUserId : id;
      if (seen.has(person)) continue;
      seen.add(person);
      out.push({ userId: person, onBehalfOfUserId: sub ? id : null });
    }
    return out;
  }
}
