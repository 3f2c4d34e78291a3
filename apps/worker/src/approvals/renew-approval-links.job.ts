import { Injectable, Logger } from '@nestjs/common';
import { JOBS, QUEUES } from '@rodtrad/jobs';
import { RenewApprovalLinks } from '@rodtrad/engine';
import type { JobHandler } from '../queues/job-handler';

/** How often open approval requests are checked against their documents. */
export const RENEW_APPROVAL_LINKS_EVERY_MS = 30_000;

/**
 * On a schedule: cancels approval requests whose step was left another way, and sends fresh links
 * (revoking the old ones) to approvers whose document changed since their mail.
 */
@Injectable()
export class RenewApprovalLinksJob implements JobHandler<typeof JOBS.renewApprovalLinks> {
  readonly queue = QUEUES.maintenance;
  readonly name = JOBS.renewApprovalLinks;
  readonly every = RENEW_APPROVAL_LINKS_EVERY_MS;
  private readonly logger = new Logger('Approvals');

  constructor(private readonly renew: RenewApprovalLinks) {}

  async handle(): Promise<unknown> {
    const result = await this.renew.renewStale();
    if (result.cancelled || result.renewed)
      this.logger.log(
        `Approval links: ${result.cancelled} request(s) cancelled, ${result.renewed} link(s) renewed`,
      );
    return result;
  }
}
