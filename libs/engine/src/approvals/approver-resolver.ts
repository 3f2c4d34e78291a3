import type { DataSource } from 'typeorm';
import { chefsAbove, roleApplies, type OrgTree, type RoleKey } from '@rodtrad/domain';

export interface ResolvedApprover {
  userId: string;
  /** Set when a standing substitute stands in for the person the definition asked. */
  onBehalfOfUserId: string | null;
  /** Whom the mail goes to (the substitute, when one stands in). */
  name: string;
  email: string;
  /** The name of the person stood in for, when a substitute stands in. */
  onBehalfOfName: string | null;
}

/**
 * The asked person, their contact and the standing substitute valid at `?` (twice: from, to) —
 * the latest set wins — with the substitute's contact, in the same row: one round trip per
 * role instead of one per person and another for the mail's names.
 */
const PERSON_WITH_SUBSTITUTE = `u.id AS userId, u.name, u.email,
    su.id AS substituteUserId, su.name AS substituteName, su.email AS substituteEmail
  FROM app_user u
  LEFT JOIN standing_substitute s ON s.id = (
    SELECT s2.id FROM standing_substitute s2 WHERE s2.user_id = u.id AND s2.valid_from <= ? AND s2.valid_to > ?
     ORDER BY s2.created_at DESC LIMIT 1)
  LEFT JOIN app_user su ON su.id = s.substitute_user_id`;

interface PersonRow {
  userId: string;
  name: string;
  email: string;
  substituteUserId: string | null;
  substituteName: string | null;
  substituteEmail: string | null;
}

/**
 * Who is asked: holders of `roles` whose assignment applies to the document's unit (its
 * organisation chain; global roles such as ks.ordforande apply everywhere), or, when nobody holds
 * them there, of the chef roles above them (`chefsAbove`), and the named `users` (usernames or
 * ids), in that order, each once. A standing substitute valid now takes the place
 * of an absent approver.
 */
export class ApproverResolver {
  constructor(private readonly ds: DataSource) {}

  /** Active holders of `roles` whose assignment applies to the unit, with their standing substitute. */
  private async holders(
    roles: readonly string[],
    orgUnitId: string,
    tree: OrgTree,
    now: Date,
  ): Promise<PersonRow[]> {
    const out: PersonRow[] = [];
    for (const role of roles) {
      const rows: (PersonRow & { orgUnitId: string })[] = await this.ds.query(
        `SELECT ra.org_unit_id AS orgUnitId, ${PERSON_WITH_SUBSTITUTE}
           JOIN role_assignment ra ON ra.user_id = u.id
          WHERE ra.role = ? AND u.active = 1 ORDER BY u.name, u.id`,
        [now, now, role],
      );
      for (const r of rows)
        if (roleApplies({ role: role as RoleKey, orgUnitId: r.orgUnitId }, orgUnitId, tree)) out.push(r);
    }
    return out;
  }

  async resolve(
    approvers: { roles?: string[]; users?: string[] },
    orgUnitId: string,
    tree: OrgTree,
    now: Date,
  ): Promise<ResolvedApprover[]> {
    const asked: PersonRow[] = await this.holders(approvers.roles ?? [], orgUnitId, tree, now);
    // Nobody holds the asked chef role for the unit (no område above it): its chef above is asked.
    if (!asked.length && approvers.roles?.length)
      asked.push(...(await this.holders(chefsAbove(approvers.roles), orgUnitId, tree, now)));
    for (const user of approvers.users ?? []) {
      const [row]: PersonRow[] = await this.ds.query(
        `SELECT ${PERSON_WITH_SUBSTITUTE} WHERE (u.username = ? OR u.id = ?) AND u.active = 1`,
        [now, now, user, user],
      );
      if (row) asked.push(row);
    }
    const out: ResolvedApprover[] = [];
    const seen = new Set<string>();
    for (const a of asked) {
      const sub = a.substituteUserId !== null;
      const person = sub ? String(a.substituteUserId) : String(a.userId);
      if (seen.has(person)) continue;
      seen.add(person);
      out.push({
        userId: person,
        onBehalfOfUserId: sub ? String(a.userId) : null,
        name: sub ? String(a.substituteName) : a.name,
        email: sub ? String(a.substituteEmail) : a.email,
        onBehalfOfName: sub ? a.name : null,
      });
    }
    return out;
  }
}
