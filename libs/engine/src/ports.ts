import type { OrgTree, RoleAssignment } from '@rodtrad/domain';
import type { MailOutbox } from '@rodtrad/mail';
import type { ApprovalMailOutbox } from './approvals/approval-settings';

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

/**
 * Where the engine's use cases write mail (approval links, escalation notices): libs/mail's
 * QueuedMailOutbox fits by shape. Each app provides its own (the API's ApiMailOutbox, the worker's
 * outbox on its mail queue) and names it to EngineModule.
 */
export interface EngineMailOutbox extends ApprovalMailOutbox, MailOutbox {}
