import {
  ApprovalRepository,
  type ApprovalRequestRow,
  type ApprovalRow,
  type DocumentRow,
} from '@rodtrad/persistence';
import type { DocumentEngine } from '../document-engine';
import type { LoadedDefinition } from '../definition-store';
import { ApprovalError, DEAD_LINK_DETAIL } from './approval-error';
import { hashApprovalToken, isWellFormedApprovalToken } from './approval-token';
import type { ReassignApprovals } from './reassign-approvals';

/** How a decision reaches us: the link's token, or a signed-in approver naming the approval. */
export type ApprovalHandle = { token: string } | { approvalId: string; userId: string };

export interface LiveApproval {
  approval: ApprovalRow;
  request: ApprovalRequestRow;
  doc: DocumentRow;
  def: LoadedDefinition;
  tokenHash: string;
}

export function deadLink(code: keyof typeof DEAD_LINK_DETAIL): ApprovalError {
  return new ApprovalError(code, DEAD_LINK_DETAIL[code]);
}

/** Why a link no longer works, or null while it does. Reads only: GET and HEAD use it too. */
export function deadLinkCode(
  a: ApprovalRow,
  r: ApprovalRequestRow,
  doc: DocumentRow,
  now: Date,
): 'token-used' | 'token-expired' | 'token-revoked' | null {
  if (a.status === 'revoked' || a.status === 'delegated') return 'token-revoked';
  if (a.tokenUsedAt || a.status !== 'pending') return 'token-used';
  if (r.status !== 'open' || doc.final || doc.state !== r.state || doc.version !== a.sentVersion)
    return 'token-revoked';
  if (!a.tokenExpiresAt || new Date(a.tokenExpiresAt).getTime() <= now.getTime()) return 'token-expired';
  return null;
}

/** Finds the approval behind a handle and checks that it may still decide; throws 404/410-style errors. */
export async function locateLiveApproval(
  approvals: ApprovalRepository,
  engine: DocumentEngine,
  handle: ApprovalHandle,
  now: Date,
): Promise<LiveApproval> {
  let approval: ApprovalRow | null;
  if ('token' in handle) {
    if (!isWellFormedApprovalToken(handle.token)) throw deadLink('token-unknown');
    approval = await approvals.byTokenHash(hashApprovalToken(handle.token));
  } else {
    approval = await approvals.byId(handle.approvalId);
    if (approval && approval.approverUserId !== handle.userId) approval = null;
  }
  if (!approval || !approval.tokenHash) throw deadLink('token-unknown');
  const request = await approvals.request(approval.requestId);
  if (!request) throw deadLink('token-unknown');
  const { doc, def } = await engine.get(request.documentId);
  const dead = deadLinkCode(approval, request, doc, now);
  if (dead) throw deadLink(dead);
  return { approval, request, doc, def, tokenHash: approval.tokenHash };
}

/** How a caller comes to act on an approval: its handle, who is signed in, and the caller's own check. */
export interface ApprovalCaller {
  handle: ApprovalHandle;
  /** The signed-in caller, if any: required (and must be the approver) when the step asks for sign-in. */
  signedInUserId: string | null;
  /**
   * When the signed-in caller last authenticated (at the identity provider: the ID token's
   * auth_time; with a password: the sign-in). A step with approval.maxAge asks that it be recent.
   */
  signedInAuthTime?: Date | null;
  /** The caller's own check once the link is known to be live (the link page's CSRF token). */
  authorize?: (live: LiveApproval) => void;
}

/**
 * The live approval as a caller may act on it now: passed by the caller's own check, signed in
 * where the step asks it, and still within the approver's authority (deciding and delegating alike).
 */
export async function actOn(
  live: LiveApproval,
  caller: ApprovalCaller,
  authority: Pick<ReassignApprovals, 'requireAuthority'>,
  now: Date,
): Promise<LiveApproval> {
  caller.authorize?.(live);
  requireSignInIfAsked(live, caller.signedInUserId, caller.signedInAuthTime ?? null, now);
  await authority.requireAuthority(live.approval, live.request, live.doc.orgUnitId, now);
  return live;
}

export function requireSignInIfAsked(
  live: LiveApproval,
  signedInUserId: string | null,
  authTime: Date | null = null,
  now: Date = new Date(),
): void {
  if (!live.request.requireSignIn) return;
  if (!signedInUserId)
    throw new ApprovalError(
      'sign-in-required',
      'Det här beslutet kräver att du loggar in i Rödtråd först. Logga in och öppna länken igen.',
    );
  if (signedInUserId !== live.approval.approverUserId)
    throw new ApprovalError(
      'not-your-approval',
      'Du är inloggad som någon annan än den som ska godkänna. Logga ut och logga in som mottagaren av mejlet.',
    );
  const maxAge = live.request.signInMaxAge;
  if (maxAge !== null && (!authTime || now.getTime() - authTime.getTime() > maxAge * 1000))
    throw new ApprovalError(
      'fresh-sign-in-required',
      'Det här beslutet kräver att du nyss har loggat in. Logga in igen och besluta sedan.',
      undefined,
      { maxAge },
    );
}
