import type { OrgTree, RoleAssignment } from '@rodtrad/domain';

/** Who acts on a document: a signed-in user, the system (deadlines, triggers) or an email link. */
export interface EngineActor {
  userId: string | null;
  roles: RoleAssignment[];
  via: 'user' | 'system' | 'email-link';
  /** Set when a substitute acts for someone ("on behalf of"). */
  onBehalfOfUserId?: string | null;
}

export const SYSTEM_ACTOR: EngineActor = { userId: null, roles: [], via: 'system' };

export interface EnginePorts {
  /** The organisation tree, for scope checks and for finding upstream documents. */
  orgTree(): Promise<OrgTree>;
  /**
   * The due instant of a year-wheel key for a document's year (and period), or null.
   * `wheelRevision` (DocumentRow.wheelRevision) lets an unchanged wheel be reused, not read again.
   */
  dueAt(
    key: string,
    year: number,
    period: string | null,
    createdAt: Date,
    wheelRevision?: string,
  ): Promise<Date | null>;
  now(): Date;
}
