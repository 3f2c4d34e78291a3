import { Controller, Get, HttpCode, Inject, Param, Post, Req } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { AppConfig } from '@rodtrad/config';
import {
  approvalSummarySchema,
  decideApprovalResultSchema,
  decideApprovalSchema,
  delegateApprovalResultSchema,
  delegateApprovalSchema,
} from '@rodtrad/contracts';
import { DecideApproval, DelegateApproval, isValidApprovalCsrf } from '@rodtrad/engine';
import { Public } from '../auth/auth.decorators';
import { RateLimiter } from '../auth/rate-limiter';
import { ApiProblem } from '../common/problem/problem';
import { ValidBody } from '../common/validation/body';
import { APP_CONFIG } from '../infrastructure/tokens';
import { ApprovalSummaryService } from './approval-summary.service';

const tokenParam = { name: 'token', description: 'The token from the mail link /approve/{token}' };

/**
 * The single-use links of approval mails. Public (the link is the credential), rate-limited per IP,
 * and the token never reaches a log line (see logging.ts). GET and HEAD only read.
 */
@ApiTags('Godkännanden')
@Controller('approvals')
export class ApprovalLinkController {
  constructor(
    private readonly summaries: ApprovalSummaryService,
    private readonly decide: DecideApproval,
    private readonly delegate: DelegateApproval,
    private readonly rateLimiter: RateLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get(':token')
  @Public()
  @ApiOperation({
    summary: 'Sammanfattning för godkännandesidan',
    description:
      'The document (read-only data with the step’s RJSF form), the step, deadline, approver, mode, the decision form and a CSRF token for the POST. Changes nothing (HEAD likewise). 404 for an unknown link; 410 with code token-used, token-expired or token-revoked.',
  })
  @ApiParam(tokenParam)
  @ApiOkResponse({ schema: approvalSummarySchema })
  async summary(@Param('token') token: string, @Req() req: Request) {
    await this.limit(req);
    return this.summaries.summary({ token });
  }

  @Post(':token')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Besluta: godkänn, avslå eller returnera',
    description:
      'Consumes the link (single use). A comment is required for reject and return (422, pointer /comment). csrfToken from the GET is required (403). When the mode is satisfied the step’s event is sent as the approver. 410 for a used, expired or revoked link; 404 for an unknown one; 401 when the step requires sign-in (code sign-in-required), or a sign-in at most signInMaxAge seconds old (code fresh-sign-in-required, with maxAge: sign in again through /api/auth/oidc/login?maxAge=…). A decision that required sign-in is audited (approval.decided) with the time of authentication.',
  })
  @ApiParam(tokenParam)
  @ApiOkResponse({ schema: decideApprovalResultSchema })
  async decideByLink(
    @Param('token') token: string,
    @ValidBody(decideApprovalSchema)
    body: { decision: 'approve' | 'reject' | 'return'; comment?: string; csrfToken?: string },
    @Req() req: Request,
  ) {
    await this.limit(req);
    return this.decide.execute({
      handle: { token },
      decision: body.decision,
      comment: body.comment,
      signedInUserId: req.principal?.userId ?? null,
      signedInAuthTime: req.principal?.authTime ?? null,
      authorize: (live) => this.requireCsrf(live.tokenHash, body.csrfToken),
    });
  }

  @Post(':token/delegate')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Lämna över till en ersättare',
    description:
      'Hands the approval to a substitute with a reason: this link dies, the substitute gets a new one by mail, and the decision is audited as made on behalf of the original approver. csrfToken from the GET is required.',
  })
  @ApiParam(tokenParam)
  @ApiOkResponse({ schema: delegateApprovalResultSchema })
  async delegateByLink(
    @Param('token') token: string,
    @ValidBody(delegateApprovalSchema)
    body: { substituteUserId?: string; substituteUsername?: string; reason: string; csrfToken?: string },
    @Req() req: Request,
  ) {
    await this.limit(req);
    return this.delegate.execute({
      handle: { token },
      substitute: body.substituteUserId
        ? { userId: body.substituteUserId }
        : { username: body.substituteUsername as string },
      reason: body.reason,
      signedInUserId: req.principal?.userId ?? null,
      signedInAuthTime: req.principal?.authTime ?? null,
      authorize: (live) => this.requireCsrf(live.tokenHash, body.csrfToken),
    });
  }

  private limit(req: Request): Promise<void> {
    return this.rateLimiter.hit(
      { name: 'approval-link', points: this.config.approvalLinkRateLimit, windowSeconds: 60 },
      req.ip ?? 'unknown',
    );
  }

  private requireCsrf(tokenHash: string, given: string | undefined): void {
    if (!isValidApprovalCsrf(this.config.sessionSecret, tokenHash, given))
      throw ApiProblem.forbidden(
        'Formuläret saknar giltig säkerhetskod (CSRF). Ladda om sidan från länken i mejlet och försök igen.',
      );
  }
}
