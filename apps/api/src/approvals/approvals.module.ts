import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ApprovalLinkController } from './approval-link.controller';
import { ApprovalSummaryService } from './approval-summary.service';
import { MyApprovalsController } from './my-approvals.controller';

/**
 * Approvals: the single-use mail links and the signed-in approver's own list. The use cases
 * (decide, delegate, reassign, renew) come from EngineModule.
 */
@Module({
  imports: [AuthModule],
  // MyApprovalsController first: its by-id routes must be matched before the link's :token routes.
  controllers: [MyApprovalsController, ApprovalLinkController],
  providers: [ApprovalSummaryService],
})
export class ApprovalsModule {}
