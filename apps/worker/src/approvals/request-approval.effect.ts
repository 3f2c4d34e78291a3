import { Injectable } from '@nestjs/common';
import { RequestApproval } from '@rodtrad/engine';
import type { EffectContext, EffectHandler } from '../effects/effect-handler';

/**
 * `requestApproval` {approvers: {roles?, users?}, mode, requireSignIn?}: creates the approval
 * request and mails each approver whose turn it is a single-use link. Idempotent: the request row
 * carries the effect's dedupe key (unique), and each mail its approval's dedupe key.
 */
@Injectable()
export class RequestApprovalEffect implements EffectHandler<'requestApproval'> {
  readonly effectType = 'requestApproval';

  constructor(private readonly requestApproval: RequestApproval) {}

  handle(effect: EffectContext<'requestApproval'>): Promise<unknown> {
    return this.requestApproval.execute({
      dedupeKey: effect.dedupeKey,
      payload: effect.payload,
    });
  }
}
