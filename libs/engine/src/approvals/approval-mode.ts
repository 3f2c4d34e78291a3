import type { ApprovalMode, ApprovalStatus } from '@rodtrad/persistence';

export interface ApprovalVote {
  id: string;
  seq: number;
  status: ApprovalStatus;
  /** Whether the approver has a link yet (in a sequence, later approvers wait for their turn). */
  sent: boolean;
}

export type ModeOutcome =
  | { kind: 'approved' }
  | { kind: 'sent-back'; status: 'rejected' | 'returned' }
  | { kind: 'waiting'; sendTo: string[] };

/**
 * Whether a request's mode is satisfied by the approvers' decisions so far. Revoked and delegated
 * rows no longer count (their successors do). A rejection or return by anyone sends the step back.
 * `all`: everyone approves; `any`: the first approval decides; `sequence`: everyone, in `seq`
 * order, and the next in line is told whom to send a link to.
 */
export function evaluateApprovalMode(mode: ApprovalMode, votes: ApprovalVote[]): ModeOutcome {
  const live = votes.filter((v) => v.status !== 'revoked' && v.status !== 'delegated');
  const back = live.find((v) => v.status === 'rejected' || v.status === 'returned');
  if (back) return { kind: 'sent-back', status: back.status as 'rejected' | 'returned' };
  const approved = live.filter((v) => v.status === 'approved');
  if (mode === 'any') return approved.length ? { kind: 'approved' } : { kind: 'waiting', sendTo: [] };
  if (live.length > 0 && approved.length === live.length) return { kind: 'approved' };
  if (mode === 'all') return { kind: 'waiting', sendTo: [] };
  const next = live.filter((v) => v.status === 'pending').sort((a, b) => a.seq - b.seq)[0];
  return { kind: 'waiting', sendTo: next && !next.sent ? [next.id] : [] };
}
