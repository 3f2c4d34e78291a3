import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  decideApprovalResultSchema,
  decideApprovalSchema,
  delegateApprovalResultSchema,
  delegateApprovalSchema,
  pageSchema,
  pagingQuerySchema,
  pendingApprovalSchema,
  type PagingQuery,
} from '@rodtrad/contracts';
import { DecideApproval, DelegateApproval } from '@rodtrad/engine';
import { CurrentPrincipal } from '../auth/auth.decorators';
import type { Principal } from '../auth/principal';
import { ValidBody } from '../common/validation/body';
import { ValidQuery } from '../common/validation/query';
import { ApprovalSummaryService } from './approval-summary.service';

/** Approvers with an account see their pending approvals in the app and decide there, without the link. */
@ApiTags('Godkännanden')
@ApiCookieAuth()
@ApiBearerAuth()
@Controller('approvals')
export class MyApprovalsController {
  constructor(
    private readonly summaries: ApprovalSummaryService,
    private readonly decide: DecideApproval,
    private readonly delegate: DelegateApproval,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Mina väntande godkännanden, sidindelat (nyast först)' })
  @ApiOkResponse({ schema: pageSchema(pendingApprovalSchema) })
  mine(@ValidQuery(pagingQuerySchema) q: PagingQuery, @CurrentPrincipal() p: Principal) {
    return this.summaries.pendingFor(p.userId, q.limit ?? 50, q.offset ?? 0);
  }

  @Post('by-id/:id')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Besluta om ett av mina godkännanden i appen',
    description:
      'The same decision as through the mail link (which it consumes), for the signed-in approver. 404 unless the approval is yours; 410 when it is already decided, expired or revoked.',
  })
  @ApiOkResponse({ schema: decideApprovalResultSchema })
  decideById(
    @Param('id') id: string,
    @ValidBody(decideApprovalSchema) body: { decision: 'approve' | 'reject' | 'return'; comment?: string },
    @CurrentPrincipal() p: Principal,
  ) {
    return this.decide.execute({
      handle: { approvalId: id, userId: p.userId },
      decision: body.decision,
      comment: body.comment,
      signedInUserId: p.userId,
      signedInAuthTime: p.authTime ?? null,
    });
  }

  @Post('by-id/:id/delegate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lämna över ett av mina godkännanden till en ersättare' })
  @ApiOkResponse({ schema: delegateApprovalResultSchema })
  delegateById(
    @Param('id') id: string,
    @ValidBody(delegateApprovalSchema)
    body: { substituteUserId?: string; substituteUsername?: string; reason: string },
    @CurrentPrincipal() p: Principal,
  ) {
    return this.delegate.execute({
      handle: { approvalId: id, userId: p.userId },
      substitute: body.substituteUserId
        ? { userId: body.substituteUserId }
        : { username: body.substituteUsername as string },
      reason: body.reason,
      signedInUserId: p.userId,
      signedInAuthTime: p.authTime ?? null,
    });
  }
}
