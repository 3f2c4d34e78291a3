import type { DataSource, EntityManager } from 'typeorm';
import { roleApplies, type OrgTree, type OrgUnitKind, type RoleKey } from '@rodtrad/domain';
import type { OrgTreeCache } from './org-tree-cache';

export interface Recipient {
  userId: string;
  name: string;
  email: string;
}

interface Assignment extends Recipient {
  role: RoleKey;
  orgUnitId: string;
}

/** Who leads a unit of each kind: the people told when a deadline below them is missed. */
const CHIEF_ROLES: Partial<Record<OrgUnitKind, RoleKey[]>> = {
  omrade: ['omradeschef'],
  forvaltning: ['forvaltningschef'],
  namnd: ['namnd.ordforande', 'namnd.sekreterare'],
  bolag: ['namnd.ordforande', 'namnd.sekreterare'],
  kommunalforbund: ['namnd.ordforande', 'namnd.sekreterare'],
  ks: ['ks.ordforande', 'ks.sekreterare'],
  kf: ['kf.ordforande', 'kf.sekreterare'],
};

const TTL_MS = 5_000;

/**
 * People by role and place in the organisation; assignments and tree are kept a few seconds. One
 * per process (EngineModule), over the process's one organisation tree: the worker's deadlines and
 * notifications and the escalations' follow-up mail ask it who is told.
 */
export class RecipientDirectory {
  private cached: { at: number; rows: Assignment[] } | undefined;

  constructor(
    private readonly ds: DataSource,
    private readonly org: OrgTreeCache,
  ) {}

  tree(): Promise<OrgTree> {
    return this.org.tree();
  }

  /** Holders of any of `roles` that reach the unit (its own roles, roles above it, global roles). */
  async withRolesFor(roles: readonly string[], orgUnitId: string): Promise<Recipient[]> {
    const tree = await this.tree();
    return unique(
      (await this.assignments()).filter((a) => roles.includes(a.role) && roleApplies(a, orgUnitId, tree)),
    );
  }

  /** Holders of any of `roles`, wherever they hold them. */
  async withRoles(roles: readonly string[]): Promise<Recipient[]> {
    return unique((await this.assignments()).filter((a) => roles.includes(a.role)));
  }

  /**
   * The next level up from the unit (enhet → område → förvaltning → nämnd → KS) and its leaders;
   * `kinds` (a definition's escalationChain) limits the climb to those kinds of unit.
   */
  async nextLevelUp(
    orgUnitId: string,
    kinds?: readonly string[],
  ): Promise<{ unitName: string; recipients: Recipient[] } | null> {
    const tree = await this.tree();
    for (const unitId of tree.escalationChain(orgUnitId)) {
      const unit = tree.require(unitId);
      if (kinds && !kinds.includes(unit.kind)) continue;
      const roles = CHIEF_ROLES[unit.kind] ?? [];
      const recipients = unique(
        (await this.assignments()).filter((a) => a.orgUnitId === unitId && roles.includes(a.role)),
      );
      // A level nobody staffs is skipped: the problem climbs to the next one that someone leads.
      if (recipients.length) return { unitName: unit.name, recipients };
    }
    return null;
  }

  /**
   * Approvers whose decision each document's step still waits for (reminders and overdue notices
   * reach them too, also named approvers and substitutes who hold none of the step's roles), for
   * many documents in one read (inside the caller's transaction when `m` is given), keyed by
   * `approverKey(documentId, state)`.
   */
  async pendingApproversOf(
    steps: readonly { documentId: string; state: string }[],
    m?: EntityManager,
  ): Promise<Map<string, Recipient[]>> {
    const byStep = new Map<string, Recipient[]>();
    const documentIds = [...new Set(steps.map((s) => s.documentId))];
    if (!documentIds.length) return byStep;
    const wanted = new Set(steps.map((s) => approverKey(s.documentId, s.state)));
    const rows: Record<string, unknown>[] = await (m ?? this.ds).query(
      `SELECT r.document_id AS documentId, r.state, u.id AS userId, u.name, u.email
         FROM approval a
         JOIN approval_request r ON r.id = a.request_id
         JOIN app_user u ON u.id = a.approver_user_id
        WHERE r.document_id IN (${documentIds.map(() => '?').join(', ')}) AND r.status = 'open'
          AND a.status = 'pending' AND a.token_hash IS NOT NULL AND u.active = 1`,
      documentIds,
    );
    for (const r of rows) {
      const key = approverKey(String(r['documentId']), String(r['state']));
      if (!wanted.has(key)) continue;
      const list = byStep.get(key) ?? [];
      list.push({ userId: String(r['userId']), name: String(r['name']), email: String(r['email']) });
      byStep.set(key, list);
    }
    for (const [key, list] of byStep) byStep.set(key, unique(list));
    return byStep;
  }

  /** Loads the tree and the assignments now, so lookups in a transaction that follows need no query. */
  async warm(): Promise<void> {
    await Promise.all([this.tree(), this.assignments()]);
  }

  async user(userId: string): Promise<Recipient | null> {
    const [r] = await this.ds.query('SELECT id, name, email FROM app_user WHERE id = ?', [userId]);
    return r ? { userId: String(r.id), name: String(r.name), email: String(r.email) } : null;
  }

  private async assignments(): Promise<Assignment[]> {
    if (this.cached && Date.now() - this.cached.at < TTL_MS) return this.cached.rows;
    const rows: Record<string, unknown>[] = await this.ds.query(
      `SELECT u.id AS userId, u.name, u.email, ra.role, ra.org_unit_id AS orgUnitId
         FROM role_assignment ra JOIN app_user u ON u.id = ra.user_id WHERE u.active = 1`,
    );
    const list = rows.map((r) => ({
      userId: String(r['userId']),
      name: String(r['name']),
      email: String(r['email']),
      role: r['role'] as RoleKey,
      orgUnitId: String(r['orgUnitId']),
    }));
    this.cached = { at: Date.now(), rows: list };
    return list;
  }
}

export const approverKey = (documentId: string, state: string): string => `${documentId}|${state}`;

function unique(list: Recipient[]): Recipient[] {
  const seen = new Map<string, Recipient>();
  for (const r of list)
    if (!seen.has(r.userId)) seen.set(r.userId, { userId: r.userId, name: r.name, email: r.email });
  return [...seen.values()];
}
