import { Module } from '@nestjs/common';
import { ReassignApprovals } from '@rodtrad/engine';
import { AuthModule } from '../auth/auth.module';
import { MailModule } from '../mail/mail.module';
import { ApprovalLinkController } from './approval-link.controller';
import { APPROVAL_PROVIDERS } from './approval.providers';
import { ApprovalSummaryService } from './approval-summary.service';
import { MyApprovalsController } from './my-approvals.controller';

/** Approvals: the single-use mail links and the signed-in approver's own list. */
@Module({
  imports: [AuthModule, MailModule],
  // MyApprovalsController first: its by-id routes must be matched before the link's :token routes.
  controllers: [MyApprovalsController, ApprovalLinkController],
  providers: [...APPROVAL_PROVIDERS, ApprovalSummaryService],
  // Administration asks the steps again when a user loses the authority their links carried.
  exports: [ReassignApprovals],
})
export class ApprovalsModule {}
