import type { DataSource, EntityManager } from 'typeorm';
import { chefsAbove, roleApplies, type OrgTree, type RoleKey } from '@rodtrad/domain';
import { fromJsonColumn, type ApprovalRequestRow, type ApprovalRow } from '@rodtrad/persistence';

/** Whom a step asked: the `requestApproval` action's `approvers`. */
export interface AskedApprovers {
  roles?: string[];
  users?: string[];
}

export type AuthorityVerdict =
  | { ok: true }
  | {
      ok: false;
      /** `inactive`: the approver (or the person they stand in for) was deactivated. */
      reason: 'inactive' | 'no-longer-asked';
    };

/**
 * Whether the person behind an approval may still decide it. A link carries no authority of its
 * own: when it is used, the approver must still be active and still be one the step asks (hold an
 * asked role that applies to the document's unit, or be named), or stand in for such a person as
 * someone who is asked too or as their standing substitute (ersättare) registered by an
 * administrator and valid now. The same rule decides to whom an approval may be handed over.
 */
export class ApproverAuthority {
  constructor(
    private readonly ds: DataSource,
    private readonly orgTree: () => Promise<OrgTree>,
  ) {}

  /** What the step asked, read from the requestApproval effect that opened the request. */
  async askedFor(request: Pick<ApprovalRequestRow, 'dedupeKey'>, m?: EntityManager): Promise<AskedApprovers> {
    const [row] = await (m ?? this.ds).query('SELECT payload FROM outbox WHERE dedupe_key = ?', [
      request.dedupeKey,
    ]);
    if (!row) return {};
    return fromJsonColumn<{ approvers?: AskedApprovers }>(row.payload).approvers ?? {};
  }

  /** Active users the step asks directly: holders of an asked role that applies to the unit, and named users. */
  async askedUserIds(asked: AskedApprovers, orgUnitId: string, m?: EntityManager): Promise<Set<string>> {
    const q = m ?? this.ds;
    const ids = new Set<string>();
    if (asked.roles?.length) {
      const tree = await this.orgTree();
      const holders = async (roles: readonly string[]): Promise<void> => {
        if (!roles.length) return;
        const rows: { userId: string; role: RoleKey; orgUnitId: string }[] = await q.query(
          `SELECT ra.user_id AS userId, ra.role, ra.org_unit_id AS orgUnitId
             FROM role_assignment ra JOIN app_user u ON u.id = ra.user_id
            WHERE u.active = 1 AND ra.role IN (${roles.map(() => '?').join(',')})`,
          roles,
        );
        for (const r of rows)
          if (roleApplies({ role: r.role, orgUnitId: r.orgUnitId }, orgUnitId, tree))
            ids.add(String(r.userId));
      };
      await holders(asked.roles);
      // As ApproverResolver asks: the chef above where nobody holds the asked chef role for the unit.
      if (!ids.size) await holders(chefsAbove(asked.roles));
    }
    if (asked.users?.length) {
      const marks = asked.users.map(() => '?').join(',');
      const rows: { id: string }[] = await q.query(
        `SELECT id FROM app_user WHERE active = 1 AND (username IN (${marks}) OR id IN (${marks}))`,
        [...asked.users, ...asked.users],
      );
      for (const r of rows) ids.add(String(r.id));
    }
    return ids;
  }

  /** Whether `substituteId` is `principalId`'s standing substitute, registered and valid at `now`. */
  async isStandingSubstitute(
    substituteId: string,
    principalId: string,
    now: Date,
    m?: EntityManager,
  ): Promise<boolean> {
    const [row] = await (m ?? this.ds).query(
      `SELECT 1 AS x FROM standing_substitute
        WHERE user_id = ? AND substitute_user_id = ? AND valid_from <= ? AND valid_to > ? LIMIT 1`,
      [principalId, substituteId, now, now],
    );
    return !!row;
  }

  /** Whether `userId` may decide for `principalId` on this step: asked themselves, or their substitute. */
  async mayStandIn(
    userId: string,
    principalId: string,
    asked: Set<string>,
    now: Date,
    m?: EntityManager,
  ): Promise<boolean> {
    return asked.has(userId) || this.isStandingSubstitute(userId, principalId, now, m);
  }

  async verdict(
    approval: Pick<ApprovalRow, 'approverUserId' | 'onBehalfOfUserId'>,
    request: Pick<ApprovalRequestRow, 'dedupeKey'>,
    orgUnitId: string,
    now: Date,
    m?: EntityManager,
  ): Promise<AuthorityVerdict> {
    const actor = approval.approverUserId;
    const principal = approval.onBehalfOfUserId ?? actor;
    const people: { id: string; active: number }[] = await (m ?? this.ds).query(
      'SELECT id, active FROM app_user WHERE id IN (?, ?)',
      [actor, principal],
    );
    const active = new Set(people.filter((p) => Number(p.active) === 1).map((p) => String(p.id)));
    if (!active.has(actor) || !active.has(principal)) return { ok: false, reason: 'inactive' };
    const asked = await this.askedUserIds(await this.askedFor(request, m), orgUnitId, m);
    if (!asked.has(principal)) return { ok: false, reason: 'no-longer-asked' };
    if (actor !== principal && !(await this.mayStandIn(actor, principal, asked, now, m)))
      return { ok: false, reason: 'no-longer-asked' };
    return { ok: true };
  }
}
